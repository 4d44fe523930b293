import ArgumentParser
import DolgRules
import DolgStorage

/// `dolg report portfolio|aging`.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report", abstract: "Portfolio figures and aging as of the business date.",
        subcommands: [Portfolio.self, Aging.self])

    struct Portfolio: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Contracts by status, outstanding and overdue amounts, overdue rate.",
            discussion: "active counts every contract still being collected, overdue ones included; "
                + "overdue_rate = overdue / active × 100.")

        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: OutputOptions
        @Option(help: "Only the contracts of this manager.") var manager: String?

        func run() throws {
            let (ledger, settings) = try global.openLedger()
            let today = try global.businessDate()
            var summary = PortfolioSummary()
            try ledger.scanPositions(asOf: today, scope: ContractScope(managerName: manager),
                                     buckets: settings.buckets) { summary.add($0.position) }
            let report = Report(
                columns: [Column("as_of"), Column("contracts"), Column("active"), Column("overdue"),
                          Column("overdue_rate", "overdue rate"), Column("closed"), Column("terminated"),
                          Column("outstanding"), Column("overdue_amount"), Column("terminated_outstanding"),
                          Column("credit")],
                rows: [[.date(today), .integer(summary.totalContracts), .integer(summary.activeContracts),
                        .integer(summary.overdueContracts), .percentage(summary.overdueRate),
                        .integer(summary.closedContracts), .integer(summary.terminatedContracts),
                        .money(summary.outstanding), .money(summary.overdueAmount),
                        .money(summary.terminatedOutstanding), .money(summary.credit)]])
            output.printRecord(report, settings, try global.language())
        }
    }

    struct Aging: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Outstanding money by bucket, plus what is not yet due; the rows add up to the outstanding total.")

        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: OutputOptions
        @Option(help: "Only the contracts of this manager.") var manager: String?
        @Option(help: "Buckets for this report only, e.g. 1,31,61,91 for the accountants' 30/60/90 view.")
        var buckets: String?

        func run() throws {
            let (ledger, settings) = try global.openLedger()
            let scheme = try buckets.map { text throws(DolgError) in try BucketScheme.parse(text) } ?? settings.buckets
            var aging = AgingReport(scheme: scheme)
            try ledger.scanPositions(asOf: try global.businessDate(), scope: ContractScope(managerName: manager),
                                     buckets: scheme) { aging.add($0.position) }
            let report = Report(
                columns: [Column("bucket"), Column("contracts"), Column("amount")],
                rows: aging.rows.map { [.text($0.label), .integer($0.contracts), .money($0.amount)] },
                footer: [.text("total"), .empty, .money(aging.total)])
            output.print(report, settings, try global.language())
        }
    }
}
