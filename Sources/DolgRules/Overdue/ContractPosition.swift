/// Everything the tool says about one contract as of a business date.
///
/// A pure function of the schedule, what was paid by that date, the
/// termination date and the rules: re-running it for the same date gives
/// the same answer, and a past date gives the state as it was then.
public struct ContractPosition: Hashable, Sendable {
    public let asOf: CivilDate
    public let allocation: Allocation
    public let status: ContractStatus
    /// What remains unpaid on installments due before `asOf`.
    public let overdueAmount: Money
    /// Days since the due date of the oldest overdue installment; 0 when nothing is overdue.
    public let daysOverdue: Int
    /// The due date of the oldest overdue installment.
    public let oldestOverdueDueDate: CivilDate?
    /// The collection step reached, if any.
    public let nextAction: NextAction?

    public init(installments: [Installment], netPaid: Money, terminatedOn: CivilDate?,
                asOf: CivilDate, buckets: BucketScheme = .standard,
                ladder: CollectionLadder = .standard) {
        self.asOf = asOf
        let allocation = Allocation(installments: installments, netPaid: netPaid)
        self.allocation = allocation
        let overdue = allocation.overdueCoverages(asOf: asOf)
        overdueAmount = overdue.map(\.remaining).sum()
        oldestOverdueDueDate = overdue.first?.installment.dueDate
        daysOverdue = oldestOverdueDueDate.map { asOf.days(since: $0) } ?? 0

        if let terminatedOn, terminatedOn <= asOf {
            status = .terminated
        } else if allocation.isFullyCovered {
            status = .closed
        } else if let bucket = buckets.bucket(daysOverdue: daysOverdue) {
            status = .overdue(bucket)
        } else {
            status = .active
        }
        nextAction = ContractPosition.nextAction(status: status, oldestOverdue: oldestOverdueDueDate,
                                                 nextUnpaid: allocation.nextUnpaid, asOf: asOf, ladder: ladder)
    }

    public var outstanding: Money { allocation.outstanding }
    public var credit: Money { allocation.credit }
    public var bucket: Bucket? { status.bucket }

    /// The ladder counts from the oldest overdue due date while something is late,
    /// else from the next due date, so that reminders come before it.
    static func nextAction(status: ContractStatus, oldestOverdue: CivilDate?,
                           nextUnpaid: InstallmentCoverage?, asOf: CivilDate,
                           ladder: CollectionLadder) -> NextAction? {
        guard status.isOpen, let anchor = oldestOverdue ?? nextUnpaid?.installment.dueDate else { return nil }
        guard let step = ladder.latestStep(daysFromDue: asOf.days(since: anchor)) else { return nil }
        return NextAction(step: step, dueDate: anchor.adding(days: step.offsetDays))
    }
}
