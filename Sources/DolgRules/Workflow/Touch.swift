/// The result of a contact with a client.
public enum TouchOutcome: String, Sendable, CaseIterable {
    /// Spoke with the client.
    case reached
    /// Nobody answered: the step is tried again (later today, then the next day).
    case noAnswer = "no-answer"
    /// The client promised to pay an amount by a date.
    case promise
    /// The client refused, or said there is no money: counts towards escalation.
    case refused
    case wrongNumber = "wrong-number"
    /// The client asked to be called back at a time.
    case callback

    /// Whether a touch with this outcome completes the collection step it was made for.
    public var completesStep: Bool {
        switch self {
        case .reached, .promise, .refused, .wrongNumber: return true
        case .noAnswer, .callback: return false
        }
    }
}

/// A recorded contact with a client about a contract: a call, a letter, a visit…
public struct Touch: Hashable, Sendable {
    public let id: Int64
    public let at: BusinessMoment
    public let channel: Channel
    public let outcome: TouchOutcome
    /// The collection step the touch was made for, and the due date of the oldest overdue
    /// installment then (the episode it belongs to), when a step was due.
    public let step: String?
    public let anchor: CivilDate?
    public let promise: Promise?
    public let callbackAt: BusinessMoment?
    public let note: String?
    public let managerName: String?

    public init(id: Int64, at: BusinessMoment, channel: Channel, outcome: TouchOutcome, step: String?,
                anchor: CivilDate?, promise: Promise?, callbackAt: BusinessMoment?, note: String?,
                managerName: String?) {
        self.id = id
        self.at = at
        self.channel = channel
        self.outcome = outcome
        self.step = step
        self.anchor = anchor
        self.promise = promise
        self.callbackAt = callbackAt
        self.note = note
        self.managerName = managerName
    }
}

/// A promise to pay `amount` by `dueDate`, made on `madeOn`.
public struct Promise: Hashable, Sendable {
    public let madeOn: CivilDate
    public let dueDate: CivilDate
    public let amount: Money
    /// What was paid from `madeOn` to the earlier of `dueDate` and the business date.
    public let paidSince: Money

    public init(madeOn: CivilDate, dueDate: CivilDate, amount: Money, paidSince: Money) {
        self.madeOn = madeOn
        self.dueDate = dueDate
        self.amount = amount
        self.paidSince = paidSince
    }

    public enum State: String, Sendable {
        /// The promised amount has been paid.
        case kept
        /// The date passed without the amount paid.
        case broken
        /// The date has not come and the amount is not paid yet: escalation waits.
        case pending
    }

    /// The promise's state as of `today`: kept as soon as the amount is paid, broken the day
    /// after its date without it.
    public func state(asOf today: CivilDate) -> State {
        if paidSince >= amount { return .kept }
        return today > dueDate ? .broken : .pending
    }
}

/// A pause of reminders and escalation for a contract, from one date to another (inclusive).
/// While it lasts the collection ladder's clock stands still: after it, the contract resumes at
/// the step where it paused. A hold may be ended early (`dolg hold end`): it then lasts up to
/// the day before it was ended.
public struct Hold: Hashable, Sendable {
    public let id: Int64
    public let from: CivilDate
    public let until: CivilDate
    public let reason: String
    /// The business date the hold was ended on, and why, when it was ended early.
    public let endedOn: CivilDate?
    public let endReason: String?

    public init(id: Int64 = 0, from: CivilDate, until: CivilDate, reason: String, endedOn: CivilDate? = nil,
                endReason: String? = nil) {
        self.id = id
        self.from = from
        self.until = until
        self.reason = reason
        self.endedOn = endedOn
        self.endReason = endReason
    }

    /// The last day the hold pauses the contract; before `from` when it was ended before it began.
    public var lastDay: CivilDate {
        guard let endedOn else { return until }
        return min(until, endedOn.adding(days: -1))
    }

    public func isActive(on date: CivilDate) -> Bool { from <= date && date <= lastDay }

    /// The number of days from `after` (exclusive) to `through` (inclusive) that some hold covers.
    public static func pausedDays(_ holds: [Hold], after: CivilDate, through: CivilDate) -> Int {
        pausedIntervals(holds, after: after, through: through).reduce(0) { $0 + $1.days }
    }

    /// The held days after `after` up to `through`, as separate runs in date order.
    static func pausedIntervals(_ holds: [Hold], after: CivilDate, through: CivilDate) -> [(from: CivilDate, days: Int)] {
        let first = after.adding(days: 1)
        let clipped = holds.compactMap { hold -> (CivilDate, CivilDate)? in
            let start = max(hold.from, first)
            let end = min(hold.lastDay, through)
            return start <= end ? (start, end) : nil
        }.sorted { $0.0 < $1.0 }
        var merged: [(CivilDate, CivilDate)] = []
        for (start, end) in clipped {
            if let last = merged.last, start <= last.1.adding(days: 1) {
                merged[merged.count - 1].1 = max(last.1, end)
            } else {
                merged.append((start, end))
            }
        }
        return merged.map { (from: $0.0, days: $0.1.days(since: $0.0) + 1) }
    }

    /// The date a clock started on `anchor` reaches `offset` days, standing still on held days.
    public static func ladderDate(anchor: CivilDate, offset: Int, holds: [Hold], through: CivilDate) -> CivilDate {
        var date = anchor.adding(days: offset)
        for run in pausedIntervals(holds, after: anchor, through: through) where run.from <= date {
            date = date.adding(days: run.days)
        }
        return date
    }
}
