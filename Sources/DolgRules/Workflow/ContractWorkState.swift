/// What collection work a contract needs as of a moment: the step due for a person, whether it
/// is done, when to try again, and what pauses it (a hold, a promise not yet due).
///
/// Person steps (calls, letters, visits, the lawyer) count from the oldest overdue installment,
/// the *episode*; a touch recorded for a step in that episode completes it unless nobody
/// answered. Automatic steps (reminders) are planned by `ReminderPlanner`.
public struct ContractWorkState: Hashable, Sendable {
    public let hold: Hold?
    /// The latest promise, and its state.
    public let promise: Promise?
    public let promiseState: Promise.State?
    public let keptPromises: Int
    public let brokenPromises: Int
    /// Broken promises and refusals inside the escalation window made the contract jump steps.
    public let escalated: Bool
    /// The person step due, if any (nil when nothing is late, on hold, or a promise is pending).
    public let step: LadderStep?
    /// When that step became due.
    public let stepDueDate: CivilDate?
    public let stepDone: Bool
    /// Not before this moment: after no answer, or at the time the client asked to be called back.
    public let notBefore: BusinessMoment?
    /// Earlier person steps of the episode that were never done.
    public let skippedSteps: [LadderStep]
    public let lastTouch: Touch?
    /// The step is due because the latest promise was broken and nobody has spoken with the
    /// client since: the work list puts it first.
    public let followsBrokenPromise: Bool
    /// Days late on the ladder's clock: days overdue less the days a hold paused it.
    public let ladderDaysOverdue: Int
    /// The contract reached the playbook's stop step (the lawyer's, by default) or was handed over
    /// at it: automatic messages stop for it, for good.
    public let automationStopped: Bool

    /// Whether a person has work on this contract today.
    public func isDue(on today: CivilDate) -> Bool {
        guard step != nil, !stepDone else { return false }
        return notBefore.map { $0.date <= today } ?? true
    }

    public init(position: ContractPosition, touches: [Touch], holds: [Hold], playbook: Playbook,
                now: BusinessMoment) {
        let today = now.date
        // Most contracts have nothing late and no history of contact: nothing to work out.
        if touches.isEmpty && holds.isEmpty && position.oldestOverdueDueDate == nil {
            (hold, promise, promiseState, keptPromises, brokenPromises, lastTouch) = (nil, nil, nil, 0, 0, nil)
            (escalated, step, stepDueDate, stepDone, notBefore, skippedSteps) = (false, nil, nil, false, nil, [])
            (followsBrokenPromise, ladderDaysOverdue, automationStopped) = (false, 0, false)
            return
        }
        let stop = playbook.automationStopStep
        let handedOver = stop.map { stop in touches.contains { $0.step == stop.name } } ?? false
        let ordered = touches.sorted { ($0.at, $0.id) < ($1.at, $1.id) }
        lastTouch = ordered.last
        hold = holds.first { $0.isActive(on: today) }
        let promises = ordered.compactMap(\.promise)
        promise = promises.last
        promiseState = promise?.state(asOf: today)
        keptPromises = promises.filter { $0.state(asOf: today) == .kept }.count
        brokenPromises = promises.filter { $0.state(asOf: today) == .broken }.count

        let windowStart = today.adding(days: -playbook.escalation.windowDays)
        let recentBroken = promises.filter { $0.state(asOf: today) == .broken && $0.dueDate >= windowStart }.count
        let recentRefusals = ordered.filter { $0.outcome == .refused && $0.at.date >= windowStart }.count
        let shouldEscalate = recentBroken + recentRefusals >= playbook.escalation.count

        // Held days stop the ladder's clock: after a hold the contract resumes where it paused.
        let pausedSoFar = position.oldestOverdueDueDate.map { Hold.pausedDays(holds, after: $0, through: today) } ?? 0
        let ladderDays = position.daysOverdue - pausedSoFar
        let reachedStop = stop.map { stop in
            position.oldestOverdueDueDate != nil && ladderDays >= stop.offsetDays
        } ?? false
        guard position.status.isOpen, hold == nil, promiseState != .pending,
              let anchor = position.oldestOverdueDueDate else {
            (escalated, step, stepDueDate, stepDone, notBefore, skippedSteps) = (false, nil, nil, false, nil, [])
            (followsBrokenPromise, ladderDaysOverdue) = (false, ladderDays)
            automationStopped = handedOver || reachedStop
            return
        }
        let personSteps = playbook.ladder.steps.filter { $0.actor != .auto }
        ladderDaysOverdue = ladderDays
        var current = personSteps.last { $0.offsetDays <= ladderDays }
        var dueDate = current.map { Hold.ladderDate(anchor: anchor, offset: $0.offsetDays, holds: holds, through: today) }
        var jumped = false
        if shouldEscalate, let target = personSteps.first(where: { $0.name == playbook.escalation.toStep }),
           target.offsetDays > (current?.offsetDays ?? Int.min) {
            current = target
            dueDate = today
            jumped = true
        }
        // A broken promise brings the contract back the day after its date, at the step it is on
        // (the first person step if none is due yet), until someone has spoken with the client.
        var followUp: [Touch]?
        if promiseState == .broken, let promise {
            let from = promise.dueDate.adding(days: 1)
            let since = ordered.filter { $0.at.date >= from }
            if !since.contains(where: { $0.outcome.completesStep }) {
                followUp = since
                if current == nil { current = personSteps.first }
                dueDate = from
            }
        }
        followsBrokenPromise = followUp != nil && current != nil
        escalated = jumped
        step = current
        var escalatedToStop = false
        if let current, let stop { escalatedToStop = current.offsetDays >= stop.offsetDays }
        automationStopped = handedOver || reachedStop || escalatedToStop
        stepDueDate = dueDate
        guard let current else {
            (stepDone, notBefore, skippedSteps) = (false, nil, [])
            return
        }
        func touchesFor(_ name: String) -> [Touch] {
            ordered.filter { $0.step == name && $0.anchor == anchor }
        }
        if let followUp {
            stepDone = false
            notBefore = ContractWorkState.retryMoment(after: followUp, today: today)
        } else {
            let forStep = touchesFor(current.name)
            stepDone = forStep.contains { $0.outcome.completesStep }
            notBefore = ContractWorkState.retryMoment(after: forStep, today: today)
        }
        skippedSteps = personSteps.filter { earlier in
            earlier.offsetDays < current.offsetDays && earlier.offsetDays <= ladderDays
                && !touchesFor(earlier.name).contains { $0.outcome.completesStep }
        }
    }

    /// After no answer: three hours later the same day, and after a second no answer that day,
    /// 10:00 the next day. After a callback request: the time asked for.
    static func retryMoment(after touches: [Touch], today: CivilDate) -> BusinessMoment? {
        guard let last = touches.last, !last.outcome.completesStep else { return nil }
        if last.outcome == .callback { return last.callbackAt ?? last.at.adding(minutes: 180) }
        let unansweredThatDay = touches.filter { $0.outcome == .noAnswer && $0.at.date == last.at.date }.count
        if unansweredThatDay >= 2 { return BusinessMoment(date: last.at.date.adding(days: 1), hour: 10) }
        return last.at.adding(minutes: 180)
    }
}
