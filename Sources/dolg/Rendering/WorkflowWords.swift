import DolgRules

/// The collection workflow's words for Russian readers: the default ladder's step names and
/// instructions, channels, outcomes, promise states. A playbook's own steps are shown as its
/// author wrote them. CSV and JSON keep the English words, which scripts rely on.
enum WorkflowWords {
    static let stepNames: [String: String] = [
        "sms-reminder": "СМС-напоминание", "sms-due": "СМС в день платежа", "sms-overdue": "СМС о просрочке",
        "call-soft": "мягкий звонок", "call-firm": "твёрдый звонок", "claim-letter": "претензия", "lawyer": "передать юристу",
    ]

    static let instructions: [String: String] = [
        "Remind of the coming payment.": "Напомнить о предстоящем платеже.",
        "Remind that the payment is due today.": "Напомнить, что сегодня день платежа.",
        "Tell the client the payment is late.": "Сообщить клиенту о просрочке.",
        "Friendly call: ask if there is a problem, agree a payment date.":
            "Вежливый звонок: узнать, что случилось, договориться о дате платежа.",
        "Firm call: find the real reason, offer a revised schedule, warn of consequences.":
            "Твёрдый звонок: выяснить причину, предложить новый график, предупредить о последствиях.",
        "Send the formal pre-trial claim letter.": "Отправить досудебную претензию.",
        "Hand the contract to the lawyer.": "Передать договор юристу.",
    ]

    static let channels: [Channel: String] = [
        .sms: "СМС", .whatsapp: "WhatsApp", .email: "эл. почта", .call: "звонок", .letter: "письмо", .visit: "визит",
        .legal: "юрист",
    ]

    static let outcomes: [TouchOutcome: String] = [
        .reached: "дозвонились", .noAnswer: "не ответил", .promise: "обещание", .refused: "отказ",
        .wrongNumber: "не тот номер", .callback: "перезвонить",
    ]

    static let promiseStates: [Promise.State: String] = [.kept: "выполнено", .broken: "нарушено", .pending: "ждёт"]

    static func step(_ step: LadderStep) -> Cell {
        .words(step.name, russian: stepNames[step.name] ?? step.name)
    }

    static func channel(_ channel: Channel) -> Cell {
        .words(channel.rawValue, russian: channels[channel] ?? channel.rawValue)
    }

    /// What to do, with why it is on the list today.
    static func instruction(_ step: LadderStep, brokenPromise: Bool, escalated: Bool, automationStopped: Bool) -> Cell {
        let english = (brokenPromise ? "Promise broken: " : "") + (escalated ? "Escalated: " : "") + step.instruction
            + (automationStopped ? " Automatic messages are stopped." : "")
        let russian = (brokenPromise ? "Обещание нарушено: " : "") + (escalated ? "Эскалация: " : "")
            + (instructions[step.instruction] ?? step.instruction)
            + (automationStopped ? " Автоматические сообщения остановлены." : "")
        return .words(english, russian: russian)
    }

    static func touch(_ touch: Touch) -> Cell {
        .words("\(touch.at.date) \(touch.channel.rawValue) \(touch.outcome.rawValue)",
               russian: "\(touch.at.date.russianDescription) \(channels[touch.channel] ?? touch.channel.rawValue), "
                   + (outcomes[touch.outcome] ?? touch.outcome.rawValue))
    }

    static func promise(_ promise: Promise, state: Promise.State?, _ english: TableRenderer, _ russian: TableRenderer) -> Cell {
        .words("\(english.format(.money(promise.amount))) by \(promise.dueDate) \(state?.rawValue ?? "")",
               russian: "\(russian.format(.money(promise.amount))) до \(promise.dueDate.russianDescription)"
                   + (state.map { ", " + (promiseStates[$0] ?? $0.rawValue) } ?? ""))
    }
}
