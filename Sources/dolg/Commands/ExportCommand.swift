import ArgumentParser
import Foundation
import DolgRules
import DolgStorage

/// Counts a contract's exported payments of the same date and amount, in the order they are
/// read (by contract, date and id): the first is 1.
struct PaymentOccurrences {
    private var day: (contract: String, date: CivilDate)?
    private var seen: [Money: Int] = [:]

    mutating func next(_ payment: StoredPayment) -> Int {
        if day?.contract != payment.contractNumber || day?.date != payment.entry.date {
            day = (payment.contractNumber, payment.entry.date)
            seen = [:]
        }
        seen[payment.entry.signedAmount, default: 0] += 1
        return seen[payment.entry.signedAmount]!
    }
}

/// `dolg export contracts|schedule|payments|touches|clients`: every record as CSV.
struct ExportCommand: ParsableCommand {
    enum Kind: String, ExpressibleByArgument, CaseIterable {
        case contracts, schedule, payments, touches, clients

        var russian: String {
            switch self {
            case .contracts: "договоры"
            case .schedule: "графики"
            case .payments: "платежи"
            case .touches: "контакты"
            case .clients: "клиенты"
            }
        }
    }

    static let configuration = CommandConfiguration(
        commandName: "export", abstract: helpText("Write every contract, installment, payment, touch or client as CSV.",
                                                  "Выгрузка всех договоров, платежей по графику, платежей, контактов или клиентов в CSV."),
        discussion: helpText("""
            contracts and payments have the columns their imports read, so an export imports back (phones \
            need --reveal). --excel writes what Russian Excel opens by double click: a UTF-8 byte-order mark, \
            ';' between cells and a decimal comma. Cells a spreadsheet would take for a formula are written \
            with a leading ' (and read back without it).
            """, """
            В выгрузках contracts и payments те же колонки, что читает загрузка, так что выгрузку можно \
            загрузить обратно (для телефонов нужен --reveal). С --excel файл открывается в русском Excel \
            двойным щелчком: метка порядка байтов UTF-8 (BOM), ';' между ячейками и десятичная запятая. \
            Ячейки, которые таблица приняла бы за формулу, пишутся с ' в начале (при загрузке он убирается).
            """))

    @OptionGroup var global: GlobalOptions
    @OptionGroup var privacy: PrivacyOptions
    /// What an export is written as: a file to import back, or a workbook for people.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case csv, json, xlsx
    }

    @Argument(help: ArgumentHelp(helpText("contracts, schedule, payments, touches or clients.",
                                          "contracts (договоры), schedule (графики), payments (платежи), touches (контакты) или clients (клиенты).")))
    var kind: Kind
    @Option(name: .customLong("format"), help: ArgumentHelp(helpText(
        "csv (the default, what the imports read), json, or xlsx (a workbook); else the -o file's extension says.",
        "csv (по умолчанию, его читает загрузка), json или xlsx (книга Excel); иначе по расширению файла -o.")))
    var chosenFormat: Format?
    @OptionGroup var destination: OutputDestinationOptions

    /// --format, else the extension of the -o file, else CSV.
    var format: Format {
        chosenFormat ?? destination.file.flatMap { Format(rawValue: ($0 as NSString).pathExtension.lowercased()) } ?? .csv
    }
    @Flag(help: ArgumentHelp(helpText("Russian Excel's dialect: BOM, ';', decimal comma.",
                                      "Формат русского Excel: BOM, ';', десятичная запятая.")))
    var excel = false

    func run() throws {
        let (ledger, settings) = try global.openLedger()
        try privacy.auditReveal(ledger, global)
        let csv = excel ? CSVRenderer.excel : CSVRenderer()
        let language = try global.language()
        // CSV and JSON rows are written as they are read: memory does not grow with the ledger.
        // A workbook is zipped whole.
        let progress = Progress(kind.rawValue, kind.russian) { kind == .contracts ? try? ledger.contractCount() : nil }
        defer { progress.finish() }
        func emit(_ columns: [Column], _ produce: ((([Cell]) -> Void)) throws -> Void) throws {
            var output = ChunkedOutput()
            switch excel ? .csv : format {
            case .csv:
                output.append(csv.header(columns))
                try produce { row in
                    progress.tick()
                    output.append(csv.line(row))
                }
            case .json:
                let json = JSONRenderer()
                var first = true
                output.append("[")
                try produce { row in
                    progress.tick()
                    output.append((first ? "\n" : ",\n") + json.object(columns, row, indent: "  "))
                    first = false
                }
                output.append(first ? "]\n" : "\n]\n")
            case .xlsx:
                var report = Report(columns: columns)
                try produce { row in
                    progress.tick()
                    report.rows.append(row)
                }
                try SpreadsheetWorkbook(report: report, currency: settings.currency, language: language)
                    .writeToStandardOutput()
            }
            output.flush()
        }
        switch kind {
        case .contracts:
            try emit(ContractImportRow.columns.map { Column($0) }) { row in
                try ledger.eachContract { contract in
                    let terms = contract.terms
                    row([.text(contract.number), .text(contract.client.name), .text(privacy.phone(contract.client.phone)),
                         .optionalText(contract.client.email), .optionalText(contract.managerName),
                         .optionalText(contract.segment), .date(terms.startDate), .money(terms.totalAmount),
                         .money(terms.downPayment), .integer(terms.installmentCount),
                         .text(contract.hasCustomSchedule ? "custom" : terms.period.rawValue), .date(terms.firstDueDate),
                         .decimal(terms.annualRate.description), .optionalText(contract.client.inn),
                         .decimal(contract.dailyPenaltyRate.description),
                         .optionalDate(contract.termination?.date), .optionalText(contract.termination?.reason)])
                }
            }
        case .schedule:
            try emit([Column("contract"), Column("seq"), Column("due_date"), Column("amount"), Column("principal"),
                      Column("interest")]) { row in
                try ledger.eachInstallment { number, installment in
                    row([.text(number), .integer(installment.seq), .date(installment.dueDate), .money(installment.amount),
                         .money(installment.principal), .money(installment.interest)])
                }
            }
        case .payments:
            // What counts: payments not reversed. A reversal and the payment it cancels leave together.
            // Each row says which of the contract's payments of its date and amount it is, so that
            // importing the file again recognises every payment, references or not.
            try emit(PaymentImportRow.columns.map { Column($0) }) { row in
                var occurrences = PaymentOccurrences()
                try ledger.eachPayment { payment in
                    guard payment.entry.kind == .payment, payment.reversedByID == nil else { return }
                    row([.text(payment.contractNumber), .date(payment.entry.date), .money(payment.entry.signedAmount),
                         .optionalText(payment.reference), .optionalText(payment.method),
                         .integer(occurrences.next(payment))])
                }
            }
        case .touches:
            try emit([Column("contract"), Column("at"), Column("channel"), Column("outcome"), Column("step"),
                      Column("promise_date"), Column("promise_amount"), Column("callback_at"), Column("note"),
                      Column("manager")]) { row in
                try ledger.eachTouch(asOf: try global.businessDate()) { number, touch in
                    row([.text(number), .text(touch.at.description), .text(touch.channel.rawValue),
                         .text(touch.outcome.rawValue), .optionalText(touch.step), .optionalDate(touch.promise?.dueDate),
                         touch.promise.map { .money($0.amount) } ?? .empty, .optionalText(touch.callbackAt?.description),
                         .optionalText(touch.note), .optionalText(touch.managerName)])
                }
            }
        case .clients:
            // Notes are what a manager wrote about a person: only with --reveal, like the passport.
            let notes = privacy.reveal ? try ledger.clientNotes() : [:]
            try emit(ClientImportRow.columns.map { Column($0) }) { row in
                for client in try ledger.clients() {
                    row([.integer(Int(client.id)), .text(client.name), .text(privacy.phone(client.phone)),
                         .optionalText(client.email), .optionalText(client.inn), .text(client.kind),
                         .optionalText(client.managerName), .optionalText(client.passport.map(privacy.passport)),
                         .optionalText(client.address.map(privacy.address)), .integer(client.timeOffsetMinutes / 60),
                         .optionalText(client.note), .optionalText(notes[client.id].map(ClientNoteLine.encode))])
                }
            }
        }
    }
}
