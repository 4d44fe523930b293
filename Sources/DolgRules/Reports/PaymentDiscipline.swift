/// How a client has paid: how often late and by how much, from the schedule and the dated payments.
public struct PaymentDiscipline: Hashable, Sendable {
    /// Installments paid after their due date, or still unpaid after it.
    public private(set) var lateInstallments = 0
    /// The longest delay in days: until paid, or until the business date if still unpaid.
    public private(set) var longestDelayDays = 0
    public private(set) var closedContracts = 0

    public init() {}

    /// Adds one contract. An installment counts as paid on the day the running total of payments
    /// first covers it (payments cover installments oldest first).
    public mutating func add(installments: [Installment], entries: [LedgerEntry], asOf: CivilDate, closed: Bool) {
        if closed { closedContracts += 1 }
        let ordered = installments.sorted(by: Installment.coverageOrder)
        let dated = entries.filter { $0.date <= asOf }.sorted { $0.date < $1.date }
        var cumulativeDue = Money.zero
        for installment in ordered where installment.dueDate < asOf {
            cumulativeDue += installment.amount
            var paid = Money.zero
            var coveredOn: CivilDate?
            for entry in dated {
                paid += entry.signedAmount
                if paid >= cumulativeDue {
                    coveredOn = entry.date
                    break
                }
            }
            // A reversal can uncover money later; the final sum decides whether it is still unpaid.
            if dated.map(\.signedAmount).sum() < cumulativeDue { coveredOn = nil }
            let delay = (coveredOn ?? asOf).days(since: installment.dueDate)
            if delay > 0 {
                lateInstallments += 1
                longestDelayDays = max(longestDelayDays, delay)
            }
        }
    }
}
