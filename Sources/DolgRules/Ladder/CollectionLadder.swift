/// How a collection step reaches the client.
public enum Channel: String, Sendable, CaseIterable {
    case sms, whatsapp, email, call, letter, visit, legal
}

/// Who carries out a step: the system itself or a person.
public enum Actor: String, Sendable, CaseIterable {
    case auto, manager, head, lawyer
}

/// One rung of the collection ladder.
public struct LadderStep: Hashable, Sendable {
    /// A stable name, e.g. `call-soft`, used in output and, later, to record that a step was done.
    public let name: String
    /// Days relative to the due date: negative before it, 0 on it, positive overdue.
    public let offsetDays: Int
    public let channel: Channel
    public let actor: Actor
    /// What a person should do, in a sentence.
    public let instruction: String
    /// For automatic steps, the Mustache text of the message (variables in docs/formats.md).
    public let template: String?

    public init(name: String, offsetDays: Int, channel: Channel, actor: Actor, instruction: String,
                template: String? = nil) {
        self.name = name
        self.offsetDays = offsetDays
        self.channel = channel
        self.actor = actor
        self.instruction = instruction
        self.template = template
    }
}

/// An ordered list of collection steps, by offset.
public struct CollectionLadder: Hashable, Sendable {
    public let steps: [LadderStep]

    public init(steps: [LadderStep]) {
        self.steps = steps.sorted { $0.offsetDays < $1.offsetDays }
    }

    /// The ladder the field uses, and the default of every ledger.
    public static let standard = CollectionLadder(steps: [
        LadderStep(name: "sms-reminder", offsetDays: -3, channel: .sms, actor: .auto,
                   instruction: "Remind of the coming payment.",
                   template: "Здравствуйте! Напоминаем, что {{due_day}} нужно внести платеж {{amount}} {{by_contract}}. Спасибо!"),
        LadderStep(name: "sms-due", offsetDays: 0, channel: .sms, actor: .auto,
                   instruction: "Remind that the payment is due today.",
                   template: "Здравствуйте! Сегодня, {{due_day}}, день платежа {{amount}} {{by_contract}}. Спасибо!"),
        LadderStep(name: "sms-overdue", offsetDays: 1, channel: .sms, actor: .auto,
                   instruction: "Tell the client the payment is late.",
                   template: "Здравствуйте! Платеж {{amount}} {{by_contract}} просрочен на {{days_overdue_text}}. Пожалуйста, внесите его как можно скорее."),
        LadderStep(name: "call-soft", offsetDays: 3, channel: .call, actor: .manager,
                   instruction: "Friendly call: ask if there is a problem, agree a payment date."),
        LadderStep(name: "call-firm", offsetDays: 7, channel: .call, actor: .manager,
                   instruction: "Firm call: find the real reason, offer a revised schedule, warn of consequences."),
        LadderStep(name: "claim-letter", offsetDays: 14, channel: .letter, actor: .manager,
                   instruction: "Send the formal pre-trial claim letter."),
        LadderStep(name: "lawyer", offsetDays: 30, channel: .legal, actor: .lawyer,
                   instruction: "Hand the contract to the lawyer."),
    ])

    /// The latest step reached `daysFromDue` days after a due date, if any.
    public func latestStep(daysFromDue: Int) -> LadderStep? {
        steps.last { $0.offsetDays <= daysFromDue }
    }
}

/// The step a contract has reached, and the date it became due.
public struct NextAction: Hashable, Sendable {
    public let step: LadderStep
    public let dueDate: CivilDate

    public init(step: LadderStep, dueDate: CivilDate) {
        self.step = step
        self.dueDate = dueDate
    }
}
