/// A new schedule for what remains unpaid: what payments covered stays as it was, the rest
/// is spread over new installments. Money is conserved to the kopeck: the new schedule's
/// total equals the old one's.
public enum Restructuring {
    public static func schedule(current: [Installment], netPaid: Money, from firstDue: CivilDate, count: Int,
                                period: Period) throws(DolgError) -> [Installment] {
        try ScheduleBuilder.validateCount(count)
        try ScheduleBuilder.validateEnd(from: firstDue, count: count, period: period)
        let allocation = Allocation(installments: current, netPaid: netPaid)
        guard allocation.outstanding.isPositive else {
            throw DolgError(.invalidSchedule, "nothing remains unpaid to restructure", remedy: "the contract is paid up")
                .inRussian("для реструктуризации не осталось неоплаченного долга", remedy: "договор полностью оплачен")
        }
        // Covered money keeps its installments (reduced to what was paid); principal first.
        var kept: [Installment] = []
        for coverage in allocation.coverages where coverage.paid.isPositive {
            let principal = min(coverage.installment.principal, coverage.paid)
            kept.append(Installment(seq: coverage.installment.seq, dueDate: coverage.installment.dueDate,
                                    principal: principal, interest: coverage.paid - principal))
        }
        guard firstDue > (kept.map(\.dueDate).max() ?? firstDue.adding(days: -1)) else {
            throw DolgError(.invalidDate, "--from \(firstDue) is not after the last paid installment",
                            remedy: "start the new schedule after the installments already paid")
                .inRussian("--from \(firstDue) не позже последнего оплаченного платежа по графику",
                           remedy: "начните новый график после уже оплаченных платежей")
        }
        let nextSeq = (current.map(\.seq).max() ?? 0) + 1
        let parts = ScheduleBuilder.equalSplit(allocation.outstanding, into: count)
        let fresh = parts.enumerated().map { index, amount in
            Installment(seq: nextSeq + index, dueDate: period.dueDate(from: firstDue, index: index), principal: amount)
        }
        return kept + fresh
    }
}
