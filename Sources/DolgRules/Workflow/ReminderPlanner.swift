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
/// pauses everything; a pending promise pauses the overdue reminders.
public enum ReminderPlanner {
    /// How many days back a run catches up on steps a missed night did not send.
    public static let catchUpDays = 7

    public struct Plan: Hashable, Sendable {
        public var send: [ReminderCandidate] = []
        public var skip: [ReminderCandidate] = []
    }

    public static func plan(_ position: ContractPosition, state: ContractWorkState, playbook: Playbook,
                            today: CivilDate, recorded: Set<ReminderKey>) -> Plan {
        var plan = Plan()
        if let thanks = thankYouStep(playbook) {
            plan.send += thankYous(position, step: thanks, today: today, recorded: recorded)
        }
        guard position.status.isOpen, state.hold == nil else { return plan }
        let autoSteps = playbook.ladder.steps.filter { $0.actor == .auto && $0.template != nil }
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
    static func thankYouStep(_ playbook: Playbook) -> LadderStep? {
        playbook.thankYouTemplate.map {
            LadderStep(name: "thank-you", offsetDays: 0, channel: .sms, actor: .auto,
                       instruction: "Thank the client for the payment.", template: $0)
        }
    }

    /// One thank-you per installment paid in full, for installments due from the catch-up window
    /// on (a paid-up history moved into the ledger is not thanked for) to a month ahead.
    static func thankYous(_ position: ContractPosition, step: LadderStep, today: CivilDate,
                          recorded: Set<ReminderKey>) -> [ReminderCandidate] {
        guard position.status != .terminated else { return [] }
        return position.allocation.coverages.filter { coverage in
            let due = coverage.installment.dueDate
            return coverage.state == .paid && due >= today.adding(days: -catchUpDays) && due <= today.adding(days: 31)
                && !recorded.contains(ReminderKey(seq: coverage.installment.seq, step: step.name))
        }.map { ReminderCandidate(step: step, installment: $0, stepDate: today) }
    }

    /// The values a message template may use, for one candidate.
    public static func variables(_ candidate: ReminderCandidate, position: ContractPosition, contract: String,
                                 client: String, currency: Currency, today: CivilDate) -> [String: String] {
        let installment = candidate.installment.installment
        let daysOverdue = candidate.installment.daysOverdue(asOf: today)
        let next = position.allocation.coverages.first {
            $0.installment.dueDate > installment.dueDate && $0.remaining.isPositive
        }
        return [
            "client": client,
            "contract": contract,
            "amount": candidate.installment.remaining.formatted(currency, .russian),
            "due_date": installment.dueDate.russianDescription,
            "due_day": String(installment.dueDate.russianDescription.prefix(5)),
            "days_overdue": String(daysOverdue),
            "days_overdue_text": RussianPlural.days(daysOverdue),
            "outstanding": position.outstanding.formatted(currency, .russian),
            "next_due_date": next?.installment.dueDate.russianDescription ?? "",
            "next_amount": next.map { $0.remaining.formatted(currency, .russian) } ?? "",
        ]
    }
}
