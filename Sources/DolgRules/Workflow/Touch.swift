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
public struct Hold: Hashable, Sendable {
    public let from: CivilDate
    public let until: CivilDate
    public let reason: String

    public init(from: CivilDate, until: CivilDate, reason: String) {
        self.from = from
        self.until = until
        self.reason = reason
    }

    public func isActive(on date: CivilDate) -> Bool { from <= date && date <= until }
}
