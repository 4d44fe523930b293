/// A figure's verdict against the field's norms.
public enum Verdict: String, Sendable {
    case excellent, good, normal, acceptable, bad, catastrophe
}

/// The norms the verdicts are read against; the defaults are the field's.
public struct MetricNorms: Hashable, Sendable {
    /// Overdue rate in tenths of a percent: up to 100 (10 %) excellent, 200 good, 300 acceptable, 500 bad, above catastrophe.
    public var overdueRate = [100, 200, 300, 500]
    /// Average days overdue, tenths of a day: up to 50 excellent, 150 normal, 299 acceptable, else bad.
    public var averageDays = [50, 150, 299]
    /// Recovery rate, tenths of a percent: from 800 excellent, from 500 normal, else bad.
    public var recoveryRate = [800, 500]
    /// Reaction in days: up to 1 excellent, 5 normal, 6 acceptable, else bad.
    public var reactionDays = [1, 5, 6]

    public init() {}

    public func overdueRateVerdict(_ rate: Percentage) -> Verdict {
        let verdicts: [Verdict] = [.excellent, .good, .acceptable, .bad]
        return zip(overdueRate, verdicts).first { rate.tenths <= $0.0 }?.1 ?? .catastrophe
    }

    public func averageDaysVerdict(tenths: Int) -> Verdict {
        zip(averageDays, [Verdict.excellent, .normal, .acceptable]).first { tenths <= $0.0 }?.1 ?? .bad
    }

    public func recoveryVerdict(_ rate: Percentage) -> Verdict {
        rate.tenths >= recoveryRate[0] ? .excellent : rate.tenths >= recoveryRate[1] ? .normal : .bad
    }

    public func reactionVerdict(days: Int) -> Verdict {
        zip(reactionDays, [Verdict.excellent, .normal, .acceptable]).first { days <= $0.0 }?.1 ?? .bad
    }
}

/// The four health metrics of collection over a period ending on `to`.
///
/// - overdue rate: overdue contracts ÷ active contracts on `to`;
/// - average days overdue: over the contracts overdue on `to`;
/// - recovery rate: of the contracts that were overdue at some point in the period, those that
///   became current again (or paid up) within it;
/// - reaction time: for each contract that fell overdue in the period, the days from the first
///   day overdue to the first recorded touch.
public struct CollectionMetrics: Sendable {
    public let from: CivilDate
    public let to: CivilDate
    public private(set) var portfolio = PortfolioSummary()
    public private(set) var daysOverdueTotal = 0
    public private(set) var overdueInPeriod = 0
    public private(set) var recovered = 0
    /// Days to the first touch, one per episode that had one.
    public private(set) var reactionDays: [Int] = []
    /// Episodes still without a touch on `to`.
    public private(set) var unanswered = 0
    /// Contracts paid up within the period.
    public private(set) var closedInPeriod = 0
    /// Touches recorded within the period, and promises due within it, kept or broken by `to`.
    public private(set) var touchesInPeriod = 0
    public private(set) var keptPromises = 0
    public private(set) var brokenPromises = 0

    public init(from: CivilDate, to: CivilDate) {
        self.from = from
        self.to = to
    }

    /// `schedule` answers for each day with the schedule then in force.
    public mutating func add(schedule: ContractSchedule, entries: [LedgerEntry], touches: [Touch],
                             terminatedOn: CivilDate?, start: CivilDate, buckets: BucketScheme) {
        let end = ContractPosition(installments: schedule.inForce(on: to), netPaid: entries.netPaid(asOf: to),
                                   terminatedOn: terminatedOn, asOf: to, buckets: buckets)
        portfolio.add(end)
        if end.bucket != nil { daysOverdueTotal += end.daysOverdue }
        let changes = StatusTimeline.changes(schedule: schedule, entries: entries, terminatedOn: terminatedOn,
                                             start: start, asOf: to, buckets: buckets)
        let atStart = changes.last { $0.date <= from }?.status ?? "active"
        var overdue = atStart.hasPrefix("overdue")
        var wasOverdue = overdue
        var cameBack = false
        touchesInPeriod += touches.filter { $0.at.date >= from && $0.at.date <= to }.count
        // Promises whose date falls in the period, kept or broken by its end: like every other
        // column, they cover the period, not the ledger's whole life.
        for promise in touches.compactMap(\.promise) where promise.dueDate >= from && promise.dueDate <= to {
            switch promise.state(asOf: to) {
            case .kept: keptPromises += 1
            case .broken: brokenPromises += 1
            case .pending: break
            }
        }
        for change in changes where change.date > from {
            if change.status == "closed" { closedInPeriod += 1 }
            let nowOverdue = change.status.hasPrefix("overdue")
            if nowOverdue && !overdue {
                // A new episode: how long until someone contacted the client?
                if let touch = touches.first(where: { $0.at.date >= change.date && $0.at.date <= to }) {
                    reactionDays.append(touch.at.date.days(since: change.date))
                } else {
                    unanswered += 1
                }
            }
            if !nowOverdue && overdue && (change.status == "active" || change.status == "closed") { cameBack = true }
            overdue = nowOverdue
            wasOverdue = wasOverdue || nowOverdue
        }
        if wasOverdue {
            overdueInPeriod += 1
            if cameBack { recovered += 1 }
        }
    }

    public var recoveryRate: Percentage { Percentage(recovered, of: overdueInPeriod) }

    /// Average days overdue in tenths of a day, rounded half up.
    public var averageDaysOverdueTenths: Int {
        let count = portfolio.overdueContracts
        return count == 0 ? 0 : (daysOverdueTotal * 20 + count) / (2 * count)
    }

    /// The median reaction in days (the lower middle for an even count), nil with no episode touched.
    public var medianReactionDays: Int? {
        guard !reactionDays.isEmpty else { return nil }
        return reactionDays.sorted()[(reactionDays.count - 1) / 2]
    }
}
