import ArgumentParser
import DolgRules
import DolgStorage
import Foundation

extension Period: ExpressibleByArgument {}

/// `dolg contract add|list|show|terminate`.
struct ContractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "contract", abstract: "Add, list, show and terminate contracts.",
        subcommands: [Add.self, List.self, Show.self, Edit.self, Terminate.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add a contract and generate its schedule.",
            discussion: """
                Equal installments by default (the last one takes the rounding remainder); an annuity \
                when --rate is above zero. A single-payment invoice is --installments 1. \
                --schedule-file FILE.csv (columns due_date,amount) gives a custom schedule instead.
                """)

        @OptionGroup var global: GlobalOptions
        @Option(help: "The contract number, unique in the ledger.") var number: String
        @Option(help: "The client's id.") var client: Int64
        @Option(help: "The total price, down payment included.") var amount: String
        @Option(help: "How many installments after the down payment (1 to 1000).") var installments: Int?
        @Option(help: "The down payment, due on the start date.") var down: String?
        @Option(help: "month, 2weeks or week.") var period: Period = .month
        @Option(name: .customLong("first-due"), help: "The first installment's due date.") var firstDue: String?
        @Option(help: "The contract's start date (else the business date, or --first-due if earlier).")
        var start: String?
        @Option(help: "Annual interest rate in percent; above zero gives an annuity.") var rate: String?
        @Option(help: "Contractual penalty in percent a day on overdue money, e.g. 0.1 (shown in claim letters, never added).")
        var penalty: String?
        @Option(help: "The responsible manager (else the client's).") var manager: String?
        @Option(help: "A segment such as retail, b2b or vip: it chooses the playbook.") var segment: String?
        @Option(name: .customLong("schedule-file"), help: "A CSV file with columns due_date,amount.")
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
            }
            let startDate = try start.map { text throws(DolgError) in try parseDate(text, option: "--start") }
                ?? min(today, firstDueDate)
            guard customLines != nil || installments != nil else {
                throw DolgError(.invalidValue, "--installments is missing",
                                remedy: "give --installments K (1 for a single invoice), or a --schedule-file")
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
            let text = try InputFile.text(path, refusedAs: .invalidSchedule,
                                          remedy: "the file must be a UTF-8 CSV with columns due_date,amount")
            return try ScheduleFileParser.parse(text, fileName: path)
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List contracts with their status as of the business date.")

        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: OutputOptions
        @Option(help: "Only contracts with this status: active, overdue, closed or terminated.") var status: String?
        @Option(help: "Only overdue contracts in this bucket, e.g. 7-29.") var bucket: String?
        @Option(help: "Only the contracts of this manager.") var manager: String?

        func run() throws {
            if let status, !ContractStatus.names.contains(status) {
                throw DolgError(.invalidValue, "--status '\(status)' is not a status",
                                remedy: "use one of \(ContractStatus.names.joined(separator: ", "))")
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
            abstract: "End a contract early; its debt stays visible and payments are still accepted.")

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The contract number.") var number: String
        @Option(help: "Why the contract is terminated.") var reason: String
        @Option(help: "The termination date (else the business date).") var date: String?

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
        }
        return bucket
    }
}
