import DolgRules
import DolgStorage

/// A contract's history for Russian readers: each event's kind and details in Russian, dates as
/// dd.mm.yyyy. CSV and JSON keep the English (`TimelineDetail.english`).
enum HistoryWords {
    static let kinds = [
        "contract": "договор", "payment": "платёж", "reversal": "отмена", "refund": "возврат", "transfer": "перенос",
        "touch": "контакт", "promise": "обещание", "hold": "пауза", "hold-end": "конец паузы", "change": "изменение",
        "reminder": "напоминание", "status": "статус", "terminated": "расторжение",
    ]

    static let messageStatuses: [OutboxMessage.Status: String] = [
        .pending: "ждёт отправки", .sent: "отправлено", .failed: "ошибка", .cancelled: "отменено",
    ]

    static func cells(_ event: TimelineEvent) -> [Cell] {
        [.words(event.at.description, russian: moment(event.at)), .words(event.kind, russian: kinds[event.kind] ?? event.kind),
         event.amount.map(Cell.money) ?? .empty,
         .words(event.details, russian: (event.contractNumber.map { "\($0): " } ?? "") + russian(event.detail)),
         .optionalText(event.by)]
    }

    /// `20.11.2026 10:00`; an event known only by its date (at midnight) shows the date alone.
    static func moment(_ moment: BusinessMoment) -> String {
        moment.minuteOfDay == 0 ? moment.date.russianDescription : "\(moment.date.russianDescription) \(moment.timeDescription)"
    }

    static func russian(_ detail: TimelineDetail) -> String {
        switch detail {
        case .contract(let count, let first):
            return "платежей: \(count)" + (first.map { ", первый \($0.russianDescription)" } ?? "")
        case .payment(let method, let reference):
            return (method.map(RussianHeaders.term) ?? "платёж") + (reference.map { " \($0)" } ?? "")
        case .reversal(let id, let reason): return "отменяет платёж \(id): \(reason)"
        case .credit(let reason): return reason
        case .touch(let channel, let outcome, let step, let promise, let callback, let note):
            var text = "\(WorkflowWords.channels[channel] ?? channel.rawValue): \(WorkflowWords.outcomes[outcome] ?? outcome.rawValue)"
            if let step { text += " (шаг «\(RussianHeaders.term(step))»)" }
            if let promise {
                text += ", обещание до \(promise.due.russianDescription): \(WorkflowWords.promiseStates[promise.state] ?? promise.state.rawValue)"
            }
            if let callback { text += ", перезвонить \(moment(callback))" }
            if let note { text += " — \(note)" }
            return text
        case .hold(let until, let reason): return "до \(until.russianDescription): \(reason)"
        case .holdEnd(let id, let reason): return "пауза \(id) снята: \(reason)"
        case .reminder(let step, let installment, let channel, let status, let cancelReason, let planned):
            let channelWord = Channel(rawValue: channel).flatMap { WorkflowWords.channels[$0] } ?? channel
            return "«\(RussianHeaders.term(step))» по платежу \(installment), \(channelWord): \(messageStatuses[status] ?? status.rawValue)"
                + (cancelReason.map { " (\($0))" } ?? "") + (planned.map { ", запланировано \(moment($0))" } ?? "")
        case .terminated(let reason): return reason
        case .change(let subject, let field, let old, let new):
            return "\(ChangeWords.subjects[subject] ?? subject) \(ChangeWords.fields[field] ?? field): \(old ?? "—") → \(new ?? "—")"
        case .status(let status): return statusWords(status)
        }
    }

    /// `overdue 7-29` is «просрочка 7-29»; `current`, `closed`… are the status terms.
    static func statusWords(_ status: String) -> String {
        if status.hasPrefix("overdue ") { return "просрочка " + status.dropFirst("overdue ".count) }
        return RussianHeaders.term(status)
    }
}
