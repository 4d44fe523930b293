import ArgumentParser
import DolgRules
import DolgStorage

/// `dolg overdue`: one row per overdue contract, most urgent first.
struct OverdueCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "overdue",
        abstract: helpText("List overdue contracts as of the business date, most urgent first.",
                           "Список просроченных договоров на рабочую дату, самые срочные первыми."),
        discussion: helpText("Sorted by days overdue, then overdue amount, both descending, then contract number.",
                             "Порядок: по дням просрочки, затем по просроченной сумме (оба по убыванию), затем по номеру договора."))

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var privacy: PrivacyOptions
    @Option(help: ArgumentHelp(helpText("Only this bucket, e.g. 30+.",
                                        "Только этот интервал просрочки, например 30+.")))
    var bucket: String?
    @Option(help: ArgumentHelp(helpText("Only the contracts of this manager.", "Только договоры этого менеджера.")), completion: .custom(Completions.managers))
    var manager: String?
    @Option(name: .customLong("min-days"), help: ArgumentHelp(helpText("Only contracts at least this many days overdue.",
                                                                       "Только договоры, просроченные не меньше чем на столько дней.")))
    var minDays: Int?

    func run() throws {
        if let minDays { try checkCount(minDays, option: "--min-days", within: InputLimits.overdueDays) }
        let (ledger, settings) = try global.openLedger()
        let wantedBucket = try bucket.map { label throws(DolgError) in try settings.buckets.requireBucket(label) }
        // Keep only what the list shows, not each contract's whole allocation: the list can
        // hold most of a large portfolio.
        var rows: [OverdueRow] = []
        try ledger.scanPositions(asOf: try global.businessDate(), scope: try global.scope(ledger, manager: manager),
                                 buckets: settings.buckets) { row in
            let position = row.position
            guard let rowBucket = position.bucket,
                  wantedBucket == nil || rowBucket == wantedBucket,
                  position.daysOverdue >= (minDays ?? 0) else { return }
            rows.append(OverdueRow(number: row.number, clientName: row.clientName, phone: row.clientPhone,
                                   managerName: row.managerName, bucket: rowBucket, daysOverdue: position.daysOverdue,
                                   overdueAmount: position.overdueAmount, outstanding: position.outstanding,
                                   nextAction: position.nextAction))
        }
        rows.sort { a, b in
            (-a.daysOverdue, -a.overdueAmount.minorUnits, a.number) < (-b.daysOverdue, -b.overdueAmount.minorUnits, b.number)
        }
        try privacy.auditReveal(ledger, global)
        let columns = [Column("contract"), Column("client"), Column("phone"), Column("manager"), Column("bucket"),
                       Column("days_overdue"), Column("overdue_amount"), Column("outstanding"), Column("next_action"),
                       Column("next_action_due")]
        let layout = (compact: Optional(["contract", "client", "phone", "manager", "bucket", "days_overdue", "overdue_amount",
                                         "next_action"]),
                      dropOrder: ["manager", "next_action", "bucket"],
                      empty: Optional((english: "No contract is overdue.", russian: "Просроченных договоров нет.")))
        try output.printRows(columns, count: rows.count, settings, try global.language(), layout: layout) { index in
            let row = rows[index]
            return [.text(row.number), .text(row.clientName), .text(privacy.phone(row.phone)),
                    .optionalText(row.managerName), .text(row.bucket.label), .integer(row.daysOverdue),
                    .money(row.overdueAmount), .money(row.outstanding), .optionalTerm(row.nextAction?.step.name),
                    .optionalDate(row.nextAction?.dueDate)]
        }
    }
}

/// One line of the overdue list.
private struct OverdueRow {
    let number: String
    let clientName: String
    let phone: String
    let managerName: String?
    let bucket: Bucket
    let daysOverdue: Int
    let overdueAmount: Money
    let outstanding: Money
    let nextAction: NextAction?
}
