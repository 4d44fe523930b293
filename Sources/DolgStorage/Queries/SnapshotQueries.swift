import DolgRules
import GRDB

extension LedgerDatabase {
    /// The nightly snapshots recorded on these dates, by date.
    public func snapshots(on dates: [CivilDate]) throws(DolgError) -> [CivilDate: DynamicsPoint] {
        try read { db in
            var points: [CivilDate: DynamicsPoint] = [:]
            for row in try Self.fetchInChunks(db, dates.map(\.description), {
                "SELECT * FROM portfolio_snapshots WHERE as_of IN (\($0))"
            }) {
                let date = try row.civilDate("as_of")
                // Buckets are stored as "label:contracts:amount;…".
                let counts = (row["buckets"] as String).split(separator: ";").compactMap { part in
                    part.split(separator: ":").dropFirst().first.flatMap { Int($0) }
                }
                points[date] = DynamicsPoint(date: date, source: .snapshot, active: row["active"], overdue: row["overdue"],
                                             overdueAmount: row.money("overdue_amount"), bucketCounts: counts)
            }
            return points
        }
    }
}
