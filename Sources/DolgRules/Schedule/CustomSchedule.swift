/// A schedule given line by line (`due_date,amount`) instead of by terms.
public enum CustomSchedule {
    /// One line of a custom schedule as read, before checks.
    public struct Line: Sendable {
        public let lineNumber: Int
        public let dueDate: CivilDate
        public let amount: Money

        public init(lineNumber: Int, dueDate: CivilDate, amount: Money) {
            self.lineNumber = lineNumber
            self.dueDate = dueDate
            self.amount = amount
        }
    }

    /// Installments numbered 1… in date order; checks that every amount is positive,
    /// no date is before `startDate`, and the amounts add up to `financedAmount`.
    public static func installments(_ lines: [Line], startDate: CivilDate, downPayment: Money,
                                    financedAmount: Money) throws(DolgError) -> [Installment] {
        try ScheduleBuilder.validateCount(lines.count)
        for line in lines {
            guard line.amount.isPositive else {
                throw DolgError(.amountNotPositive,
                                "schedule line \(line.lineNumber): amount \(line.amount) is not positive",
                                remedy: "give each installment a positive amount")
                    .inRussian("строка графика \(line.lineNumber): сумма \(line.amount) должна быть больше нуля",
                               remedy: "у каждого платежа по графику сумма должна быть больше нуля")
            }
            guard line.dueDate >= startDate else {
                throw DolgError(.firstDueBeforeStart,
                                "schedule line \(line.lineNumber): due_date \(line.dueDate) is before the start \(startDate)",
                                remedy: "give due dates on or after the contract's start date")
                    .inRussian("строка графика \(line.lineNumber): due_date \(line.dueDate) раньше начала \(startDate)",
                               remedy: "даты платежей должны быть не раньше даты начала договора")
            }
        }
        let total = lines.map(\.amount).sum()
        guard total == financedAmount else {
            throw DolgError(.invalidSchedule,
                            "the schedule adds up to \(total), not to the financed amount \(financedAmount)",
                            remedy: "make the installments add up to --amount minus --down")
                .inRussian("по графику выходит \(total), а финансируемая сумма — \(financedAmount)",
                           remedy: "платежи по графику должны в сумме давать --amount минус --down")
        }
        var schedule: [Installment] = []
        if downPayment.isPositive {
            schedule.append(Installment(seq: 0, dueDate: startDate, principal: downPayment))
        }
        let ordered = lines.enumerated().sorted { ($0.element.dueDate, $0.offset) < ($1.element.dueDate, $1.offset) }
        for (index, entry) in ordered.enumerated() {
            schedule.append(Installment(seq: index + 1, dueDate: entry.element.dueDate, principal: entry.element.amount))
        }
        return schedule
    }
}
