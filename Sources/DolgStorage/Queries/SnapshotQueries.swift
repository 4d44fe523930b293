import DolgRules
import GRDB

extension LedgerDatabase {
    /// What the night's close recorded for these dates, by date. Snapshots taken during the day they
    /// were dated (before the day's payments, by older versions) are not a day's close and are left out.
    public func dayCloses(on dates: [CivilDate]) throws(DolgError) -> [CivilDate: DynamicsPoint] {
        try read { db in
            var points: [CivilDate: DynamicsPoint] = [:]
            for row in try Self.fetchInChunks(db, dates.map(\.description), {
                "SELECT * FROM portfolio_snapshots WHERE closes_day = 1 AND as_of IN (\($0))"
            }) {
                let date = try row.civilDate("as_of")
                // Buckets are stored as "label:contracts:amount;…".
                let counts = (row["buckets"] as String).split(separator: ";").compactMap { part in
                    part.split(separator: ":").dropFirst().first.flatMap { Int($0) }
                }
                points[date] = DynamicsPoint(date: date, source: .closed, active: row["active"], overdue: row["overdue"],
                                             overdueAmount: row.money("overdue_amount"), bucketCounts: counts)
            }
            return points
        }
    }
}
