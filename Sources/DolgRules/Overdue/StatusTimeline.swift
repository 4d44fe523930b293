/// The days a contract's status changed: it fell overdue, moved to a deeper bucket, came back
/// current, closed, reopened, was terminated. Computed from the schedule and the dated entries
/// alone, so a contract's history needs no stored statuses.
public enum StatusTimeline {
    public struct Change: Hashable, Sendable {
        public let date: CivilDate
        /// `active`, `overdue 1-3`, `overdue 30+`, `closed`, `terminated`.
        public let status: String
    }

    public static func changes(installments: [Installment], entries: [LedgerEntry], terminatedOn: CivilDate?,
                               start: CivilDate, asOf: CivilDate, buckets: BucketScheme = .standard) -> [Change] {
        changes(schedule: ContractSchedule(original: installments), entries: entries, terminatedOn: terminatedOn,
                start: start, asOf: asOf, buckets: buckets)
    }

    /// The changes with the schedule in force on each day.
    public static func changes(schedule: ContractSchedule, entries: [LedgerEntry], terminatedOn: CivilDate?,
                               start: CivilDate, asOf: CivilDate, buckets: BucketScheme = .standard) -> [Change] {
        // A status can only change on a payment date, the day after a due date, the day a bucket
        // boundary is crossed, the day a restructuring takes effect, or the termination date.
        var days = Set(entries.map(\.date)).union([start]).union(schedule.changeDays)
        for installment in schedule.everyInstallment {
            days.insert(installment.dueDate.adding(days: 1))
            for threshold in buckets.thresholds { days.insert(installment.dueDate.adding(days: threshold)) }
        }
        if let terminatedOn { days.insert(terminatedOn) }
        var changes: [Change] = []
        for day in days.filter({ $0 >= start && $0 <= asOf }).sorted() {
            let position = ContractPosition(installments: schedule.inForce(on: day), netPaid: entries.netPaid(asOf: day),
                                            terminatedOn: terminatedOn, asOf: day, buckets: buckets)
            let status = position.bucket.map { "overdue \($0.label)" } ?? position.status.name
            if changes.last?.status != status { changes.append(Change(date: day, status: status)) }
        }
        return changes
    }
}
