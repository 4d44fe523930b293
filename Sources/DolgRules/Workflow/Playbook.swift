/// How a business collects: the ladder of steps, the texts of the automatic ones, and the
/// rules that escalate or pause it. The default is the ladder the field uses.
public struct Playbook: Hashable, Sendable {
    /// `default`, or a segment's name (`retail`, `b2b`, `vip`) when that segment has its own.
    public var name: String
    public var ladder: CollectionLadder
    public var escalation: EscalationRule
    /// Sent after a payment, with the next due date; nil sends nothing (the default).
    public var thankYouTemplate: String?
    /// The step from which automatic messages stop for a contract (it is in a person's hands,
    /// the lawyer's by default); nil takes the first lawyer or legal step of the ladder.
    public var stopAutomationAtStep: String?

    public init(name: String, ladder: CollectionLadder, escalation: EscalationRule = .standard,
                thankYouTemplate: String? = nil, stopAutomationAtStep: String? = nil) {
        self.name = name
        self.ladder = ladder
        self.escalation = escalation
        self.thankYouTemplate = thankYouTemplate
        self.stopAutomationAtStep = stopAutomationAtStep
    }

    /// The step that ends automation: a contract that reached it, or was handed over at it, gets
    /// no more automatic messages.
    public var automationStopStep: LadderStep? {
        if let name = stopAutomationAtStep { return ladder.steps.first { $0.name == name } }
        return ladder.steps.first { $0.actor == .lawyer || $0.channel == .legal }
    }

    public static let standard = Playbook(name: "default", ladder: .standard)
}

/// Escalation beyond the ladder: so many broken promises or refusals within a window send the
/// contract straight to a later step.
public struct EscalationRule: Hashable, Sendable {
    public var count: Int
    public var windowDays: Int
    public var toStep: String
    /// How far ahead a promise may be: a promise pauses escalation, so a long one hides a debt.
    /// A head may accept a longer one.
    public var promiseMaxDays: Int

    public init(count: Int, windowDays: Int, toStep: String, promiseMaxDays: Int = 14) {
        self.count = count
        self.windowDays = windowDays
        self.toStep = toStep
        self.promiseMaxDays = promiseMaxDays
    }

    /// Three broken promises or "no money" answers within 14 days: the claim letter at once.
    public static let standard = EscalationRule(count: 3, windowDays: 14, toStep: "claim-letter")
}
