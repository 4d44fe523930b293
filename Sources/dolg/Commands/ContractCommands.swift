import ArgumentParser
import DolgRules
import DolgStorage
import Foundation

extension Period: ExpressibleByArgument {}

/// `dolg contract add|list|show|terminate`.
struct ContractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "contract", abstract: helpText("Add, list, show and terminate contracts.",
                                                    "Добавление, список, просмотр и расторжение договоров."),
        subcommands: [Add.self, List.self, Show.self, Edit.self, Terminate.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: helpText("Add a contract and generate its schedule.",
                               "Добавить договор и построить его график платежей."),
            discussion: helpText("""
                Equal installments by default (the last one takes the rounding remainder); an annuity \
                when --rate is above zero. A single-payment invoice is --installments 1. \
                --schedule-file FILE.csv (columns due_date,amount) gives a custom schedule instead.
                """, """
                По умолчанию платежи равные (остаток от округления идёт в последний); при --rate больше \
                нуля — аннуитет. Счёт с одним платежом: --installments 1. \
                --schedule-file FILE.csv (колонки due_date,amount) задаёт свой график вместо расчётного.
                """))

        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp(helpText("The contract number, unique in the ledger.",
                                            "Номер договора, уникальный в реестре.")))
        var number: String
        @Option(help: ArgumentHelp(helpText("The client's id.", "ID клиента."))) var client: Int64
        @Option(help: ArgumentHelp(helpText("The total price, down payment included.",
                                            "Полная цена вместе с первым взносом.")))
        var amount: String
        @Option(help: ArgumentHelp(helpText("How many installments after the down payment (1 to 1000).",
                                            "Сколько платежей по графику после первого взноса (от 1 до 1000).")))
        var installments: Int?
        @Option(help: ArgumentHelp(helpText("The down payment, due on the start date.",
                                            "Первый взнос, срок оплаты — дата начала договора.")))
        var down: String?
        @Option(help: ArgumentHelp(helpText("month, 2weeks or week.",
                                            "month (раз в месяц), 2weeks (раз в две недели) или week (раз в неделю).")))
        var period: Period = .month
        @Option(name: .customLong("first-due"), help: ArgumentHelp(helpText("The first installment's due date.",
                                                                            "Срок первого платежа по графику.")))
        var firstDue: String?
        @Option(help: ArgumentHelp(helpText("The contract's start date (else the business date, or --first-due if earlier).",
                                            "Дата начала договора (иначе рабочая дата или --first-due, если она раньше).")))
        var start: String?
        @Option(help: ArgumentHelp(helpText("Annual interest rate in percent; above zero gives an annuity.",
                                            "Годовая процентная ставка, %; больше нуля — аннуитетный график.")))
        var rate: String?
        @Option(help: ArgumentHelp(helpText("Contractual penalty in percent a day on overdue money, e.g. 0.1 (shown in claim letters, never added).",
                                            "Пени по договору, % в день от просроченной суммы, например 0.1 (указываются в претензии, к долгу не прибавляются).")))
        var penalty: String?
        @Option(help: ArgumentHelp(helpText("The responsible manager (else the client's).",
                                            "Ответственный менеджер (иначе менеджер клиента).")), completion: .custom(Completions.managers))
        var manager: String?
        @Option(help: ArgumentHelp(helpText("A segment such as retail, b2b or vip: it chooses the playbook.",
                                            "Сегмент, например retail, b2b или vip: по нему выбирается сценарий взыскания.")))
        var segment: String?
        @Option(name: .customLong("schedule-file"), help: ArgumentHelp(helpText("A CSV file with columns due_date,amount.",
                                                                                "CSV-файл с колонками due_date,amount.")), completion: .file())
        var scheduleFile: String?

        func run() throws {
            let number = try requireText(number, field: "--number")
            let today = try global.businessDate()
            let total = try parseMoney(amount, option: "--amount")
            let downPayment = try down.map { text throws(DolgError) in try parseMoney(text, option: "--down") } ?? .zero
            let annualRate = try rate.map { text throws(DolgError) in try parseRate(text, option: "--rate") } ?? .zero
            let customLines = try scheduleFile.map(readScheduleFile)
            guard let firstDueDate = try firstDue.map({ text throws(DolgError) in
                try parseDate(text, option: "--first-due") }) ?? customLines?.map(\.dueDate).min() else {
                throw DolgError(.invalidValue, "--first-due is missing",
                                remedy: "give --first-due DATE, or a --schedule-file")
                    .inRussian("не указан --first-due", remedy: "укажите --first-due ДАТА или --schedule-file")
            }
            let startDate = try start.map { text throws(DolgError) in try parseDate(text, option: "--start") }
                ?? min(today, firstDueDate)
            guard customLines != nil || installments != nil else {
                throw DolgError(.invalidValue, "--installments is missing",
                                remedy: "give --installments K (1 for a single invoice), or a --schedule-file")
                    .inRussian("не указан --installments", remedy: "укажите --installments K (1 — один счёт) или --schedule-file")
            }
            let terms = ScheduleTerms(
                totalAmount: total, downPayment: downPayment,
                installmentCount: customLines?.count ?? installments!, period: period, startDate: startDate,
                firstDueDate: firstDueDate, annualRate: annualRate)
            var schedule = try ScheduleBuilder.installments(for: terms)
            if let customLines {
                schedule = try CustomSchedule.installments(customLines, startDate: startDate,
                                                           downPayment: downPayment,
                                                           financedAmount: terms.financedAmount)
            }
            let penaltyRate = try penalty.map { text throws(DolgError) in
                try Penalty.checked(parseRate(text, option: "--penalty"))
            } ?? .zero
            let (ledger, settings) = try global.openLedger()
            if let segment { try LedgerDatabase.checkKnownSegment(segment, try global.playbooks(ledger).knownSegments) }
            try ledger.addContract(number: number, clientID: client, managerName: manager, terms: terms,
                                   installments: schedule, customSchedule: customLines != nil,
                                   dailyPenaltyRate: penaltyRate, segment: segment, audit: try global.auditContext())
            let language = try global.language()
            let table = TableRenderer(currency: settings.currency, language: language)
            let first = table.format(.date(schedule[0].dueDate))
            let last = table.format(.date(schedule.last!.dueDate))
            let inAll = table.format(.money(terms.totalAmount + schedule.interestTotal))
            let say = Say(language: language)
            write(schedule.count == 1
                  ? say("Added contract \(number): 1 payment due \(first), \(inAll) in all.\n",
                        "Договор \(number) добавлен: 1 платеж \(first), всего \(inAll).\n")
                  : say("Added contract \(number): \(schedule.count) payments from \(first) to \(last), \(inAll) in all.\n",
                        "Договор \(number) добавлен: \(schedule.count) \(RussianPlural.form(schedule.count, one: "платеж", few: "платежа", many: "платежей")) с \(first) по \(last), всего \(inAll).\n"))
        }

        func readScheduleFile(_ path: String) throws(DolgError) -> [CustomSchedule.Line] {
            let input = try InputSource(path)
            defer { input.remove() }
            let text = try InputFile.text(input.path, refusedAs: .invalidSchedule,
                                          remedy: "the file must be a UTF-8 CSV with columns due_date,amount",
                                          russianRemedy: "нужен файл CSV в UTF-8 с колонками due_date,amount")
            return try ScheduleFileParser.parse(text, fileName: path)
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: helpText("List contracts with their status as of the business date.",
                                                                           "Список договоров со статусом на рабочую дату."))

        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: OutputOptions
        @Option(help: ArgumentHelp(helpText("Only contracts with this status: active, overdue, closed or terminated.",
                                            "Только договоры с этим статусом: active (в работе), overdue (просрочен), closed (закрыт) или terminated (расторгнут).")))
        var status: String?
        @Option(help: ArgumentHelp(helpText("Only overdue contracts in this bucket, e.g. 7-29.",
                                            "Только просроченные договоры из этого интервала просрочки, например 7-29.")))
        var bucket: String?
        @Option(help: ArgumentHelp(helpText("Only the contracts of this manager.", "Только договоры этого менеджера.")), completion: .custom(Completions.managers))
        var manager: String?

        func run() throws {
            if let status, !ContractStatus.names.contains(status) {
                throw DolgError(.invalidValue, "--status '\(status)' is not a status",
                                remedy: "use one of \(ContractStatus.names.joined(separator: ", "))")
                    .inRussian("--status '\(status)': такого статуса нет",
                               remedy: "укажите один из: \(ContractStatus.names.joined(separator: ", "))")
            }
            let (ledger, settings) = try global.openLedger()
            let wantedBucket = try bucket.map { label throws(DolgError) in try settings.buckets.requireBucket(label) }
            let rows = try positionRows(ledger, settings, asOf: try global.businessDate(),
                                        scope: try global.scope(ledger, manager: manager)).filter { row in
                (status == nil || row.position.status.name == status)
                    && (wantedBucket == nil || row.position.bucket == wantedBucket)
            }
            try output.print(contractListReport(rows), settings, try global.language())
        }
    }

    struct Terminate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: helpText("End a contract early; its debt stays visible and payments are still accepted.",
                               "Расторгнуть договор досрочно; долг по нему остаётся виден, платежи по-прежнему принимаются."))

        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(helpText("The contract number.", "Номер договора.")), completion: .custom(Completions.contracts)) var number: String
        @Option(help: ArgumentHelp(helpText("Why the contract is terminated.", "Причина расторжения договора.")))
        var reason: String
        @Option(help: ArgumentHelp(helpText("The termination date (else the business date).",
                                            "Дата расторжения (иначе рабочая дата).")))
        var date: String?

        func run() throws {
            let reason = try requireText(reason, field: "--reason")
            let date = try date.map { text throws(DolgError) in try parseDate(text, option: "--date") }
                ?? global.businessDate()
            let (ledger, _) = try global.openLedger()
            try ledger.terminateContract(number: number, reason: reason, on: date, audit: try global.auditContext())
            write(Say(language: try global.language())("Terminated contract \(number) on \(date).\n",
                                                       "Договор \(number) расторгнут \(date.russianDescription).\n"))
        }
    }
}

extension BucketScheme {
    /// The bucket with this label, or `invalid_value` listing the labels.
    func requireBucket(_ label: String) throws(DolgError) -> Bucket {
        guard let bucket = bucket(label: label) else {
            throw DolgError(.invalidValue, "--bucket '\(label)' is not a bucket",
                            remedy: "use one of \(buckets.map(\.label).joined(separator: ", "))")
                .inRussian("--bucket '\(label)': такого интервала просрочки нет",
                           remedy: "укажите один из: \(buckets.map(\.label).joined(separator: ", "))")
        }
        return bucket
    }
}
