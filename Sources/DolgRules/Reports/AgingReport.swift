/// Open contracts' outstanding money by how late it is.
///
/// Each overdue contract's overdue amount goes to the bucket of its oldest
/// overdue installment; what is not yet due goes to the `current` row. The
/// rows add up to the portfolio's outstanding total exactly.
public struct AgingReport: Hashable, Sendable {
    public struct Row: Hashable, Sendable {
        /// `current` for money not yet due, else the bucket label.
        public let label: String
        public fileprivate(set) var contracts = 0
        public fileprivate(set) var amount = Money.zero
    }

    public let scheme: BucketScheme
    public private(set) var current = Row(label: "current")
    public private(set) var bucketRows: [Row]

    public init(scheme: BucketScheme) {
        self.scheme = scheme
        bucketRows = scheme.buckets.map { Row(label: $0.label) }
    }

    public mutating func add(_ position: ContractPosition) {
        guard position.status.isOpen else { return }
        let notYetDue = position.outstanding - position.overdueAmount
        if notYetDue.isPositive {
            current.contracts += 1
            current.amount += notYetDue
        }
        if let bucket = position.bucket {
            bucketRows[bucket.index].contracts += 1
            bucketRows[bucket.index].amount += position.overdueAmount
        }
    }

    /// The current row first, then buckets from the shallowest.
    public var rows: [Row] { [current] + bucketRows }

    /// Equals the portfolio's outstanding total.
    public var total: Money { rows.map(\.amount).sum() }
}
