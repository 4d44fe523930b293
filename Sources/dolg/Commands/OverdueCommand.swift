import ArgumentParser
import DolgRules
import DolgStorage

/// `dolg overdue`: one row per overdue contract, most urgent first.
struct OverdueCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "overdue",
        abstract: "List overdue contracts as of the business date, most urgent first.",
        discussion: "Sorted by days overdue, then overdue amount, both descending, then contract number.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var privacy: PrivacyOptions
    @Option(help: "Only this bucket, e.g. 30+.") var bucket: String?
    @Option(help: "Only the contracts of this manager.") var manager: String?
    @Option(name: .customLong("min-days"), help: "Only contracts at least this many days overdue.") var minDays: Int?

    func run() throws {
        let (ledger, settings) = try global.openLedger()
        let wantedBucket = try bucket.map { label throws(DolgError) in try settings.buckets.requireBucket(label) }
        var rows: [ContractPositionRow] = []
        try ledger.scanPositions(asOf: try global.businessDate(), scope: ContractScope(managerName: manager),
                                 buckets: settings.buckets) { row in
            guard let rowBucket = row.position.bucket,
                  wantedBucket == nil || rowBucket == wantedBucket,
                  row.position.daysOverdue >= (minDays ?? 0) else { return }
            rows.append(row)
        }
        rows.sort { a, b in
            (-a.position.daysOverdue, -a.position.overdueAmount.minorUnits, a.number)
                < (-b.position.daysOverdue, -b.position.overdueAmount.minorUnits, b.number)
        }
        let report = Report(
            columns: [Column("contract"), Column("client"), Column("phone"), Column("manager"), Column("bucket"),
                      Column("days_overdue"), Column("overdue_amount"), Column("outstanding"),
                      Column("next_action"), Column("next_action_due")],
            rows: rows.map { row in
                let position = row.position
                return [.text(row.number), .text(row.clientName), .text(privacy.phone(row.clientPhone)),
                        .optionalText(row.managerName), .optionalText(position.bucket?.label),
                        .integer(position.daysOverdue), .money(position.overdueAmount), .money(position.outstanding),
                        .optionalText(position.nextAction?.step.name), .optionalDate(position.nextAction?.dueDate)]
            })
        output.print(report, settings, try global.language())
    }
}
