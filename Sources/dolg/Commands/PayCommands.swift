import ArgumentParser
import DolgRules
import DolgStorage

/// How money arrived.
enum PaymentMethod: String, CaseIterable, ExpressibleByArgument {
    case cash, card, bank
}

/// `dolg pay N AMOUNT` records a payment; `dolg pay reverse ID` cancels one.
struct PayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pay", abstract: "Record a payment, or reverse one.",
        subcommands: [Record.self, Reverse.self, Unmatched.self, Match.self], defaultSubcommand: Record.self)

    struct Record: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "record",
            abstract: "Record a payment to a contract (`dolg pay N AMOUNT` for short).",
            discussion: """
                With --ref the payment is idempotent: the same reference with the same contract, amount \
                and date is reported as already recorded and nothing is written; with other fields it is \
                an error. Payments to terminated contracts are accepted and reduce what they still owe.
                """)

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The contract number.") var number: String
        @Argument(help: "The amount received, e.g. 5000 or '5 000,50'.") var amount: String
        @Option(help: "The payment date (else the business date).") var date: String?
        @Option(help: "A unique reference (receipt or bank document) that makes a retry safe.") var ref: String?
        @Option(help: "cash, card or bank.") var method: PaymentMethod?

        func run() throws {
            let amount = try parseMoney(amount, option: "AMOUNT")
            let date = try date.map { text throws(DolgError) in try parseDate(text, option: "--date") }
                ?? global.businessDate()
            let (ledger, settings) = try global.openLedger()
            let outcome = try ledger.recordPayment(
                contractNumber: number, amount: amount, date: date, method: method?.rawValue, reference: ref,
                audit: try global.auditContext())
            let table = TableRenderer(currency: settings.currency, language: try global.language())
            let say = Say(language: try global.language())
            switch outcome {
            case .alreadyRecorded(let id):
                write(say("Payment \(id) with reference \(ref ?? "") is already recorded; nothing written.\n",
                          "Платеж \(id) с основанием \(ref ?? "") уже записан; ничего не изменено.\n"))
            case .recorded(let id):
                let today = try global.businessDate()
                let position = try ledger.contractDetail(number: number).position(asOf: today, buckets: settings.buckets)
                let outstanding = table.format(.money(position.outstanding))
                let status = position.status.name
                let recorded = say("Recorded payment \(id): \(table.format(.money(amount))) to contract \(number) on \(date).",
                                   "Платеж \(id) записан: \(table.format(.money(amount))) по договору \(number) от \(table.format(.date(date))).")
                if date > today {
                    write(recorded + say(" It counts from \(date); as of \(today): outstanding \(outstanding), status \(status).\n",
                                         " Он учитывается с \(table.format(.date(date))); на \(table.format(.date(today))): остаток \(outstanding), статус «\(RussianHeaders.terms[status] ?? status)».\n"))
                } else {
                    write(recorded + say(" Outstanding \(outstanding), status \(status).\n",
                                         " Остаток \(outstanding), статус «\(RussianHeaders.terms[status] ?? status)».\n"))
                }
            }
        }
    }

    struct Reverse: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Cancel a payment with a reversal entry; the payment stays in the ledger.")

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The id of the payment to reverse.") var paymentID: Int64
        @Option(help: "Why the payment is reversed.") var reason: String
        @Option(help: "The reversal date (else the business date).") var date: String?

        func run() throws {
            let reason = try requireText(reason, field: "--reason")
            let date = try date.map { text throws(DolgError) in try parseDate(text, option: "--date") }
                ?? global.businessDate()
            let (ledger, _) = try global.openLedger()
            let reversalID = try ledger.reversePayment(id: paymentID, reason: reason, date: date,
                                                       audit: try global.auditContext())
            write(Say(language: try global.language())("Reversed payment \(paymentID) with entry \(reversalID) on \(date).\n",
                                                       "Платеж \(paymentID) отменен записью \(reversalID) от \(date.russianDescription).\n"))
        }
    }
}

extension PayCommand {
    /// `dolg pay unmatched`: bank payments waiting for a person to place them.
    struct Unmatched: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List bank payments that no contract was found for.")

        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            let (ledger, settings) = try global.openLedger()
            let report = Report(
                columns: [Column("id"), Column("date"), Column("amount"), Column("document"), Column("payer"),
                          Column("payer_inn"), Column("purpose"), Column("reason")],
                rows: try ledger.unmatchedReceipts().map { receipt in
                    let payment = receipt.payment
                    return [.integer(Int(receipt.id)), .date(payment.date), .money(payment.amount),
                            .text(payment.documentNumber), .text(payment.payerName), .optionalText(payment.payerINN),
                            .text(payment.purpose), .text(receipt.reason)]
                })
            try output.print(report, settings, try global.language())
        }
    }

    /// `dolg pay match ID CONTRACT`: records an unmatched bank payment against a contract.
    struct Match: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record an unmatched bank payment as a payment to a contract.")

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The id from `dolg pay unmatched`.") var id: Int64
        @Argument(help: "The contract number it pays.") var contract: String

        func run() throws {
            let (ledger, _) = try global.openLedger()
            try ledger.matchReceipt(id: id, contractNumber: contract, audit: try global.auditContext())
            write(Say(language: try global.language())("Recorded bank payment \(id) to contract \(contract).\n",
                                                       "Банковский платеж \(id) записан по договору \(contract).\n"))
        }
    }
}
