/// Table headers for Russian-speaking people; CSV and JSON keep their English keys.
enum RussianHeaders {
    static func header(for key: String) -> String? {
        if key.hasPrefix("bucket_") { return String(key.dropFirst(7)) }
        return words[key]
    }

    static let words: [String: String] = [
        "active": "в работе", "address": "адрес", "amount": "сумма", "as_of": "на дату", "as_of_now": "сейчас",
        "as_of_then": "тогда", "at": "когда", "os_user": "пользователь ОС", "command": "команда", "at_risk": "под риском", "attempts": "попытки", "delivery": "доставка", "time_offset": "разница во времени, ч", "handed_at": "передано", "author": "автор",
        "basis": "основание", "bucket": "просрочка", "by": "кто", "callback_at": "перезвонить",
        "change": "изменение", "channel": "канал", "client": "клиент", "client_id": "№ клиента", "clients": "клиенты",
        "closed": "закрыто", "closed_contracts": "закрытые договоры", "closed_in_period": "закрыто за период",
        "contract": "договор", "contract_count": "договоров", "contracts": "договоры", "counted": "учтён",
        "created_at": "создано", "credit": "переплата", "current": "в срок", "date": "дата",
        "days_left": "осталось дней", "days_overdue": "дней просрочки", "deeper": "глубже", "detail": "подробности",
        "details": "подробности", "document": "документ", "down_payment": "первый взнос", "due_date": "срок",
        "email": "почта", "episodes": "случаи", "event": "событие", "expected": "ожидается", "figure": "показатель",
        "from": "с", "id": "№", "imported_by": "загрузил", "imported_on": "загружено", "inn": "ИНН",
        "installment": "платёж", "installments": "платежей", "instruction": "что сделать", "interest": "проценты",
        "kind": "тип", "last_touch": "последний контакт", "late_installments": "платежей с опозданием",
        "likely": "вероятно", "limitation_ends": "срок давности до", "login": "логин",
        "longest_delay_days": "наибольшая задержка, дней", "manager": "менеджер",
        "median_reaction_days": "реакция, дней (медиана)", "method": "способ", "metric": "метрика", "month": "месяц",
        "name": "имя", "next_action": "следующий шаг", "next_action_due": "шаг с", "not_before": "не раньше",
        "note": "заметка", "outcome": "итог", "outstanding": "остаток долга", "overdue": "просрочено",
        "overdue_amount": "просроченная сумма", "overdue_rate": "доля просрочки", "paid": "оплачено",
        "paid_after": "оплачено после", "passport": "паспорт", "payer": "плательщик", "payer_inn": "ИНН плательщика",
        "period": "период", "phone": "телефон", "postponed": "отложено", "principal": "основной долг",
        "promise": "обещание", "promise_amount": "обещанная сумма", "promise_date": "обещано к",
        "promises_broken": "обещаний нарушено", "promises_kept": "обещаний выполнено", "purpose": "назначение",
        "rate": "ставка", "reason": "причина", "recovered": "вернулись", "reference": "основание платежа",
        "remaining": "остаток", "requested_by": "запросил", "reversed_by": "отменён записью", "reverses": "отменяет",
        "role": "роль", "seq": "№", "shallower": "улучшились", "skipped": "пропущено", "source": "источник",
        "start_date": "дата договора", "status": "статус", "stayed": "остались", "step": "шаг", "step_due": "шаг с",
        "terminated": "расторгнуто", "terminated_on": "расторгнут", "terminated_outstanding": "долг по расторгнутым",
        "termination_reason": "причина расторжения", "text": "текст", "total": "всего", "touches": "контакты",
        "until": "по", "value": "значение", "verdict": "оценка", "version": "версия", "why": "почему",
        "period_start": "период",
        "found_by": "найден по", "record": "запись", "field": "поле", "old_value": "было", "new_value": "стало", "ended_on": "снята", "end_reason": "почему снята", "segment": "сегмент", "time_offset_hours": "разница во времени, ч", "working": "работает",
    ]

    /// The vocabulary in cells.
    static let terms: [String: String] = [
        "current": "в срок", "total": "итого", "active": "в работе", "overdue": "просрочен", "closed": "закрыт",
        "terminated": "расторгнут", "paid": "оплачен", "partial": "частично", "unpaid": "не оплачен", "yes": "да",
        "not yet": "ещё нет", "payment": "платёж", "reversal": "отмена", "pending": "ждёт", "sent": "отправлено",
        "failed": "ошибка", "skipped": "пропущено", "cancelled": "отменено", "replaced": "заменён",
        "manager": "менеджер", "head": "руководитель", "person": "физлицо", "business": "организация",
        "revised": "пересмотрен", "ledger": "по реестру",
        "no": "нет", "phone": "телефону", "contract": "договору", "inn": "ИНН", "name": "имени",
        "cash": "наличные", "card": "карта", "bank": "банк", "month": "месяц", "2weeks": "2 недели", "week": "неделя",
        "no open contracts": "нет открытых договоров", "refund": "возврат", "transfer": "перенос",
    ]

    /// Headers a narrow table shows when the whole one does not fit its column: short, and
    /// still telling apart the columns that begin alike (two «обещаний…» would not).
    static let short: [String: (english: String, russian: String)] = [
        "days_overdue": ("days", "дней"), "overdue_amount": ("overdue", "просрочено"),
        "outstanding": ("owed", "остаток"), "overdue_rate": ("rate", "доля"), "promises_kept": ("kept", "выполн."),
        "promises_broken": ("broken", "наруш."), "median_reaction_days": ("reaction", "реакция"),
        "closed_in_period": ("closed", "закрыто"), "recovered": ("back", "вернулись"), "next_action": ("next", "шаг"),
        "next_action_due": ("due", "срок"), "step_due": ("due", "срок"), "last_touch": ("touch", "контакт"),
        "instruction": ("to do", "что делать"), "not_before": ("from", "с"), "contracts": ("contr.", "догов."),
        "installment": ("inst.", "взнос"), "attempts": ("tries", "попыток"), "handed_at": ("handed", "передано"),
        "overdue": ("late", "проср."), "credit": ("credit", "перепл."), "bucket": ("bucket", "проср."),
    ]

    /// A value's word for Russian readers: the terms above, else a step of the default ladder.
    static func term(_ word: String) -> String {
        terms[word] ?? WorkflowWords.stepNames[word] ?? word
    }
}
