import DolgRules

/// A date from its ISO text, for test literals.
func day(_ text: String) -> CivilDate {
    guard let date = try? CivilDate.parse(text) else { fatalError("bad test date \(text)") }
    return date
}

/// Rubles and kopecks, for test literals.
func rub(_ rubles: Int64, _ kopecks: Int64 = 0) -> Money { Money(major: rubles, minor: kopecks) }

/// Equal monthly installments of `amount` rubles, the first due on `firstDue`.
func monthly(_ count: Int, of amount: Int64, from firstDue: String) -> [Installment] {
    (0..<count).map {
        Installment(seq: $0 + 1, dueDate: Period.month.dueDate(from: day(firstDue), index: $0), principal: rub(amount))
    }
}
