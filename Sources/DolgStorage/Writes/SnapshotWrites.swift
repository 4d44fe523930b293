import DolgRules
import GRDB

extension LedgerDatabase {
    /// Records the portfolio as of a date for the dynamics report. The first snapshot of a date
    /// stays: a second nightly run on the same date records nothing. Returns whether it was new.
    @discardableResult
    public func recordSnapshot(_ summary: PortfolioSummary, aging: AgingReport, asOf: CivilDate,
                               audit: AuditContext) throws(DolgError) -> Bool {
        try writeUnlessUnchanged(audit) { db in
            // Per bucket: label, contracts and amount in minor units, e.g. "1-3:5:1250000;4-6:…".
            let buckets = aging.bucketRows.map { "\($0.label):\($0.contracts):\($0.amount.minorUnits)" }
                .joined(separator: ";")
            try db.execute(sql: """
                INSERT OR IGNORE INTO portfolio_snapshots (as_of, contracts, active, overdue, closed, terminated,
                    outstanding, overdue_amount, terminated_outstanding, buckets, recorded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [asOf.description, summary.totalContracts, summary.activeContracts,
                                 summary.overdueContracts, summary.closedContracts, summary.terminatedContracts,
                                 summary.outstanding.minorUnits, summary.overdueAmount.minorUnits,
                                 summary.terminatedOutstanding.minorUnits, buckets, audit.timestamp])
            return db.changesCount > 0 ? .written(true) : .unchanged(false)
        }
    }
}
