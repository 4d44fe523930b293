/// How much of each installment a sum of payments covers.
public struct InstallmentCoverage: Hashable, Sendable {
    public enum State: String, Sendable {
        case paid
        case partial
        case unpaid
    }

    public let installment: Installment
    public let paid: Money

    public var remaining: Money { installment.amount - paid }

    /// Days since the due date while something remains unpaid after it; 0 otherwise
    /// (an installment due today is not overdue).
    public func daysOverdue(asOf: CivilDate) -> Int {
        guard remaining.isPositive, installment.dueDate < asOf else { return 0 }
        return asOf.days(since: installment.dueDate)
    }

    public var state: State {
        if paid == installment.amount { return .paid }
        return paid.isPositive ? .partial : .unpaid
    }
}

/// The payments of a contract spread over its installments.
public struct Allocation: Hashable, Sendable {
    /// In coverage order: by due date, then sequence.
    public let coverages: [InstallmentCoverage]
    /// Money paid beyond the contract's total, held as the client's credit.
    public let credit: Money

    /// Covers installments oldest first with `netPaid`, the sum of payments less reversals.
    ///
    /// Only the sum matters: which payment paid which installment is not tracked,
    /// so a reversal simply uncovers the newest covered money.
    public init(installments: [Installment], netPaid: Money) {
        var pool = max(netPaid, .zero)
        var coverages: [InstallmentCoverage] = []
        coverages.reserveCapacity(installments.count)
        for installment in installments.sorted(by: Installment.coverageOrder) {
            let paid = min(pool, installment.amount)
            pool -= paid
            coverages.append(InstallmentCoverage(installment: installment, paid: paid))
        }
        self.coverages = coverages
        self.credit = pool
    }

    public var total: Money { coverages.map(\.installment.amount).sum() }
    public var totalPrincipal: Money { coverages.map(\.installment.principal).sum() }
    public var totalInterest: Money { coverages.map(\.installment.interest).sum() }
    /// What the payments cover, credit excluded.
    public var covered: Money { coverages.map(\.paid).sum() }
    public var outstanding: Money { coverages.map(\.remaining).sum() }
    public var isFullyCovered: Bool { outstanding == .zero }

    /// Installments due before `asOf` and not fully covered, oldest first.
    public func overdueCoverages(asOf: CivilDate) -> [InstallmentCoverage] {
        coverages.filter { $0.installment.dueDate < asOf && $0.remaining.isPositive }
    }

    /// The first installment that is not fully covered, if any.
    public var nextUnpaid: InstallmentCoverage? {
        coverages.first { $0.remaining.isPositive }
    }
}
