/// For late debts that were then paid: the ladder step they had reached when paid, so a business
/// can see which steps bring the money (and tune its playbook).
///
/// An episode runs from the first day overdue to the day the contract is current again (or paid
/// up). If it lasted `n` days, the step credited is the latest of the ladder with an offset of at
/// most `n`; the amount is what was overdue the day before it ended.
public struct Effectiveness: Sendable {
    public struct Row: Hashable, Sendable {
        public let step: String
        public fileprivate(set) var episodes = 0
        public fileprivate(set) var amount = Money.zero
    }

    public let from: CivilDate
    public let to: CivilDate
    public private(set) var rows: [Row]
    private let overdueSteps: [LadderStep]

    public init(from: CivilDate, to: CivilDate, ladder: CollectionLadder) {
        self.from = from
        self.to = to
        overdueSteps = ladder.steps.filter { $0.offsetDays >= 1 }
        rows = overdueSteps.map { Row(step: $0.name) }
    }

    /// `schedule` answers for each day with the schedule then in force.
    public mutating func add(schedule: ContractSchedule, entries: [LedgerEntry], terminatedOn: CivilDate?,
                             start: CivilDate, buckets: BucketScheme) {
        let changes = StatusTimeline.changes(schedule: schedule, entries: entries, terminatedOn: terminatedOn,
                                             start: start, asOf: to, buckets: buckets)
        var episodeStart: CivilDate?
        for change in changes {
            let overdue = change.status.hasPrefix("overdue")
            if overdue, episodeStart == nil { episodeStart = change.date }
            guard !overdue, let began = episodeStart else { continue }
            episodeStart = nil
            guard change.status == "active" || change.status == "closed", change.date >= from,
                  let index = overdueSteps.lastIndex(where: { $0.offsetDays <= change.date.days(since: began) }) else { continue }
            let dayBefore = change.date.adding(days: -1)
            let late = ContractPosition(installments: schedule.inForce(on: dayBefore), netPaid: entries.netPaid(asOf: dayBefore),
                                        terminatedOn: terminatedOn, asOf: dayBefore, buckets: buckets).overdueAmount
            rows[index].episodes += 1
            rows[index].amount += late
        }
    }
}
