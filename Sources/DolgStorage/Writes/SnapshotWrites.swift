import DolgRules
import GRDB

extension LedgerDatabase {
    /// Records the portfolio at the end of a day that has ended: what the night's close saw. The
    /// first close of a date stays: a second run records nothing. Returns whether it was new.
    @discardableResult
    public func recordDayClose(_ summary: PortfolioSummary, aging: AgingReport, closing day: CivilDate,
                               audit: AuditContext) throws(DolgError) -> Bool {
        try writeUnlessUnchanged(audit) { db in
            // Per bucket: label, contracts and amount in minor units, e.g. "1-3:5:1250000;4-6:…".
            let buckets = aging.bucketRows.map { "\($0.label):\($0.contracts):\($0.amount.minorUnits)" }
                .joined(separator: ";")
            try db.execute(sql: """
                INSERT OR IGNORE INTO portfolio_snapshots (as_of, contracts, active, overdue, closed, terminated,
                    outstanding, overdue_amount, terminated_outstanding, buckets, recorded_at, closes_day)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)
                """, arguments: [day.description, summary.totalContracts, summary.activeContracts,
                                 summary.overdueContracts, summary.closedContracts, summary.terminatedContracts,
                                 try summary.outstanding.storedMinorUnits, try summary.overdueAmount.storedMinorUnits,
                                 try summary.terminatedOutstanding.storedMinorUnits, buckets, audit.timestamp])
            return db.changesCount > 0 ? .written(true) : .unchanged(false)
        }
    }
}
