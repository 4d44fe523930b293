/// One automatic message for one installment of one contract.
public struct ReminderCandidate: Hashable, Sendable {
    public let step: LadderStep
    public let installment: InstallmentCoverage
    /// The day the step fell due: the installment's due date plus the step's offset.
    public let stepDate: CivilDate

    public init(step: LadderStep, installment: InstallmentCoverage, stepDate: CivilDate) {
        self.step = step
        self.installment = installment
        self.stepDate = stepDate
    }

    public var key: ReminderKey { ReminderKey(seq: installment.installment.seq, step: step.name) }
}

/// Identifies a reminder: at most one per (installment, step) of a contract, ever.
public struct ReminderKey: Hashable, Sendable {
    public let seq: Int
    public let step: String

    public init(seq: Int, step: String) {
        self.seq = seq
        self.step = step
    }
}

/// Decides which automatic reminders are due for a contract, exactly once each.
///
/// A step is due on its installment's due date plus its offset, while the installment is not
/// fully paid. A run sends the latest due step of each installment; earlier ones it missed are
/// recorded as skipped rather than sent late. Steps older than the catch-up window are left
/// alone, so a ledger moved in with a year of history does not send a year of reminders. A hold
/// pauses everything; a pending promise pauses the overdue reminders; a contract in the lawyer's
/// hands gets none. What is planned is checked again when it is sent (`verdict`).
public enum ReminderPlanner {
    /// How many days back a run catches up on steps a missed night did not send.
    public static let catchUpDays = 7

    /// How far back an installment's due date may lie for its payment to be thanked.
    public static let thankYouLookBackDays = 62

    public struct Plan: Hashable, Sendable {
        public var send: [ReminderCandidate] = []
        public var skip: [ReminderCandidate] = []
    }

    /// The automatic steps a client can receive: an email step is left out for a client with no
    /// email address, so that it neither goes nowhere nor replaces the SMS before it.
    public static func automaticSteps(_ playbook: Playbook, reachable: Set<Channel>) -> [LadderStep] {
        playbook.ladder.steps.filter { $0.actor == .auto && $0.template != nil && reachable.contains($0.channel) }
    }

    /// `reachable` are the channels the client can be reached on; `lastPaymentOn` is the date of
    /// the contract's latest payment (a thank-you follows a payment of the last week).
    public static func plan(_ position: ContractPosition, state: ContractWorkState, playbook: Playbook,
                            today: CivilDate, recorded: Set<ReminderKey>,
                            reachable: Set<Channel> = Set(Channel.allCases), lastPaymentOn: CivilDate? = nil) -> Plan {
        var plan = Plan()
        // A contract in the lawyer's hands gets no automatic message, not even a thank-you.
        guard !state.automationStopped else { return plan }
        if let thanks = thankYouStep(playbook), lastPaymentOn.map({ $0 >= today.adding(days: -catchUpDays) }) ?? true {
            plan.send += thankYous(position, step: thanks, today: today, recorded: recorded)
        }
        guard position.status.isOpen, state.hold == nil else { return plan }
        let autoSteps = automaticSteps(playbook, reachable: reachable)
        let windowStart = today.adding(days: -catchUpDays)
        for coverage in position.allocation.coverages where coverage.remaining.isPositive {
            let due = coverage.installment.dueDate
            let reached = autoSteps.map { ReminderCandidate(step: $0, installment: coverage, stepDate: due.adding(days: $0.offsetDays)) }
                .filter { $0.stepDate <= today && $0.stepDate >= windowStart }
            // A pending promise holds the overdue messages back: neither sent nor skipped, they wait
            // for the promise's date. They still count as reached, so an earlier step is not sent late.
            let held = reached.filter { state.promiseState == .pending && $0.step.offsetDays > 0 }
            let open = reached.filter { !recorded.contains($0.key) && !held.contains($0) }
            let latestReached = reached.map(\.step.offsetDays).max() ?? Int.min
            for candidate in open {
                if candidate.step.offsetDays == latestReached {
                    plan.send.append(candidate)
                } else {
                    plan.skip.append(candidate)
                }
            }
        }
        return plan
    }

    /// The thank-you message as a step, when the playbook has one.
    public static func thankYouStep(_ playbook: Playbook) -> LadderStep? {
        playbook.thankYouTemplate.map {
            LadderStep(name: thankYouStepName, offsetDays: 0, channel: .sms, actor: .auto,
                       instruction: "Thank the client for the payment.", template: $0)
        }
    }

    /// One thank-you per installment paid in full, for installments due from two months back (a
    /// late payer is thanked too; a paid-up history moved into the ledger is not, as the plan
    /// thanks only after a payment of the last week) to a month ahead (a payment of the whole
    /// contract is thanked once, for what falls due soon).
    static func thankYous(_ position: ContractPosition, step: LadderStep, today: CivilDate,
                          recorded: Set<ReminderKey>) -> [ReminderCandidate] {
        guard position.status != .terminated else { return [] }
        return position.allocation.coverages.filter { coverage in
            let due = coverage.installment.dueDate
            return coverage.state == .paid && due >= today.adding(days: -thankYouLookBackDays) && due <= today.adding(days: 31)
                && !recorded.contains(ReminderKey(seq: coverage.installment.seq, step: step.name))
        }.map { ReminderCandidate(step: step, installment: $0, stepDate: today) }
    }

    /// Whether a message planned earlier should still go out now, checked from the ledger as of
    /// the moment it would be handed to the gateway: a message waits (for allowed hours, a limit,
    /// a gateway that failed), and what it was for may have changed meanwhile.
    public static func verdict(step name: String, seq: Int, plannedOn: CivilDate, position: ContractPosition,
                               state: ContractWorkState, playbook: Playbook, today: CivilDate,
                               reachable: Set<Channel> = Set(Channel.allCases)) -> ReminderVerdict {
        guard let coverage = position.allocation.coverages.first(where: { $0.installment.seq == seq }) else {
            return .cancel("the installment is no longer in the schedule")
        }
        if state.automationStopped {
            return .cancel("automatic messages stop at step \(playbook.automationStopStep?.name ?? "")")
        }
        if plannedOn < today.adding(days: -catchUpDays) { return .cancel("expired: planned on \(plannedOn)") }
        if name == thankYouStepName {
            guard position.status != .terminated, coverage.state == .paid else { return .cancel("no longer paid") }
            return .deliver
        }
        if position.status == .terminated { return .cancel("the contract is terminated") }
        guard coverage.remaining.isPositive else { return .cancel("paid") }
        guard let step = automaticSteps(playbook, reachable: Set(Channel.allCases)).first(where: { $0.name == name }) else {
            return .cancel("the playbook has no automatic step \(name) any more")
        }
        guard reachable.contains(step.channel) else { return .cancel("the client has no email address") }
        let autoSteps = automaticSteps(playbook, reachable: reachable)
        if let hold = state.hold { return .cancel("on hold until \(hold.until)") }
        if step.offsetDays > 0, state.promiseState == .pending, let promise = state.promise {
            return .cancel("a promise to pay by \(promise.dueDate) is pending")
        }
        let due = coverage.installment.dueDate
        if let later = autoSteps.last(where: { $0.offsetDays > step.offsetDays && due.adding(days: $0.offsetDays) <= today }) {
            return .cancel("superseded by \(later.name)")
        }
        return .deliver
    }

    /// The name of the thank-you message's step.
    public static let thankYouStepName = "thank-you"

    /// The values a message template may use, for the installments one message speaks of (one
    /// client's, at the same step: a client with three contracts due gets one message).
    ///
    /// Scalars speak of them all: `contract` lists the numbers, `amount` adds up what remains,
    /// `due_date` is the earliest, `days_overdue` the longest; `contracts` has each one's own
    /// values, and `several` is true when there is more than one.
    public static func variables(_ lines: [ReminderLine], client: String, currency: Currency,
                                 today: CivilDate) -> [String: Any] {
        precondition(!lines.isEmpty, "a message speaks of at least one installment")
        func money(_ amount: Money) -> String { amount.formatted(currency, .russian) }
        let each: [[String: Any]] = lines.map { line in
            let installment = line.installment.installment
            let days = line.installment.daysOverdue(asOf: today)
            return ["contract": line.contract, "amount": money(line.installment.remaining),
                    "due_date": installment.dueDate.russianDescription,
                    "due_day": String(installment.dueDate.russianDescription.prefix(5)),
                    "days_overdue": String(days), "days_overdue_text": RussianPlural.days(days),
                    "outstanding": money(line.position.outstanding)]
        }
        let earliest = lines.min { $0.installment.installment.dueDate < $1.installment.installment.dueDate }!
        let longest = lines.map { $0.installment.daysOverdue(asOf: today) }.max()!
        var outstanding = Money.zero
        var counted = Set<String>()
        for line in lines where counted.insert(line.contract).inserted { outstanding += line.position.outstanding }
        let numbers = lines.map(\.contract).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        // The next installment still to pay after those the message speaks of, of any of the contracts.
        let next = lines.compactMap { line in
            line.position.allocation.coverages.first {
                $0.installment.dueDate > line.installment.installment.dueDate && $0.remaining.isPositive
            }
        }.min { $0.installment.dueDate < $1.installment.dueDate }
        var values: [String: Any] = [
            "client": client,
            "contract": numbers.joined(separator: ", "),
            "by_contract": numbers.count == 1 ? "по договору №\(numbers[0])"
                : "по договорам " + numbers.map { "№" + $0 }.joined(separator: ", "),
            "amount": money(lines.reduce(Money.zero) { $0 + $1.installment.remaining }),
            "due_date": earliest.installment.installment.dueDate.russianDescription,
            "due_day": String(earliest.installment.installment.dueDate.russianDescription.prefix(5)),
            "days_overdue": String(longest),
            "days_overdue_text": RussianPlural.days(longest),
            "outstanding": money(outstanding),
            "several": numbers.count > 1,
            "contracts": each,
        ]
        // Left out when nothing more is due, so that `{{#next_due_date}}…{{/next_due_date}}` is skipped.
        if let next {
            values["next_due_date"] = next.installment.dueDate.russianDescription
            values["next_amount"] = money(next.remaining)
        }
        return values
    }
}

/// What to do with a waiting message now.
public enum ReminderVerdict: Equatable, Sendable {
    case deliver
    /// Not any more, and why (recorded with the message).
    case cancel(String)
}

/// One installment a message speaks of.
public struct ReminderLine: Sendable {
    public let contract: String
    public let installment: InstallmentCoverage
    public let position: ContractPosition

    public init(contract: String, installment: InstallmentCoverage, position: ContractPosition) {
        self.contract = contract
        self.installment = installment
        self.position = position
    }
}

extension ReminderPlanner {
    /// The variables of a message about a sample contract (two installments of 5 000, the first
    /// 12 days overdue, one still to come): what a template is rendered against when a playbook is
    /// imported, so that one that cannot render is refused then and not at night.
    public static func sampleVariables(currency: Currency) -> [String: Any] {
        let today = CivilDate(year: 2026, month: 11, day: 20)!
        let installments = [
            Installment(seq: 1, dueDate: CivilDate(year: 2026, month: 11, day: 8)!, principal: Money(minorUnits: 500_000)),
            Installment(seq: 2, dueDate: CivilDate(year: 2026, month: 12, day: 8)!, principal: Money(minorUnits: 500_000)),
        ]
        let position = ContractPosition(installments: installments, netPaid: .zero, terminatedOn: nil, asOf: today)
        let line = ReminderLine(contract: "Д-001", installment: position.allocation.coverages[0], position: position)
        return variables([line], client: "Иванов Иван Иванович", currency: currency, today: today)
    }
}
