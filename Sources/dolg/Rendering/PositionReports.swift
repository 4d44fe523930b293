import DolgRules
import DolgStorage

/// Every contract's position in scope as of the business date, in contract order.
func positionRows(_ ledger: LedgerDatabase, _ settings: LedgerSettings, asOf: CivilDate,
                  scope: ContractScope) throws -> [ContractPositionRow] {
    var rows: [ContractPositionRow] = []
    try ledger.scanPositions(asOf: asOf, scope: scope, buckets: settings.buckets) { rows.append($0) }
    return rows
}

/// The contract list's columns, shared by `contract list` and `client show`.
func contractListReport(_ rows: [ContractPositionRow]) -> Report {
    var report = Report(
        columns: [Column("contract"), Column("client"), Column("manager"), Column("status"), Column("bucket"),
                  Column("days_overdue"), Column("overdue_amount"), Column("outstanding"), Column("credit")],
        rows: rows.map { row in
            let position = row.position
            return [.text(row.number), .text(row.clientName), .optionalText(row.managerName),
                    .term(position.status.name), .optionalText(position.bucket?.label),
                    .integer(position.daysOverdue), .money(position.overdueAmount), .money(position.outstanding),
                    .money(position.credit)]
        })
    // On a narrow terminal the manager, the bucket and a credit of nothing give way first.
    report.dropOrder = ["credit", "bucket", "manager"]
    return report
}
