/// Roll rates: of the contracts in each bucket at the start of a month, how many went deeper,
/// stayed, came back part of the way, or came back to current (or were paid up) by its end.
public struct RollRates: Sendable {
    public struct Row: Hashable, Sendable {
        /// The month's first day.
        public let month: CivilDate
        /// `current` or a bucket label, at the start of the month.
        public let from: String
        public fileprivate(set) var contracts = 0
        public fileprivate(set) var deeper = 0
        public fileprivate(set) var stayed = 0
        public fileprivate(set) var shallower = 0
        public fileprivate(set) var current = 0
        public fileprivate(set) var terminated = 0
    }

    public let scheme: BucketScheme
    public private(set) var rows: [Row] = []
    private let months: [CivilDate]

    /// Months from the one containing `from` to the last one ending by `to`.
    public init(from: CivilDate, to: CivilDate, scheme: BucketScheme) {
        self.scheme = scheme
        var months: [CivilDate] = []
        var month = CivilDate(year: from.year, month: from.month, day: 1)!
        while month.adding(months: 1).adding(days: -1) <= to {
            months.append(month)
            month = month.adding(months: 1)
        }
        self.months = months
        let labels = ["current"] + scheme.buckets.map(\.label)
        rows = months.flatMap { month in labels.map { Row(month: month, from: $0) } }
    }

    /// The states a contract is compared by: -1 for paid up or terminated, 0 current, then bucket index + 1.
    static func level(_ position: ContractPosition) -> Int {
        switch position.status {
        case .closed, .terminated: return -1
        case .active: return 0
        case .overdue(let bucket): return bucket.index + 1
        }
    }

    /// Adds one contract, given its position on any date.
    public mutating func add(startDate: CivilDate, position: (CivilDate) -> ContractPosition) {
        let width = scheme.buckets.count + 1
        for (index, month) in months.enumerated() where startDate < month {
            let before = position(month.adding(days: -1))
            let start = RollRates.level(before)
            guard start >= 0 else { continue }
            let after = position(month.adding(months: 1).adding(days: -1))
            let end = RollRates.level(after)
            var row = rows[index * width + start]
            row.contracts += 1
            if after.status == .terminated {
                row.terminated += 1
            } else if end <= 0 {
                row.current += 1
            } else if end > start {
                row.deeper += 1
            } else if end == start {
                row.stayed += 1
            } else {
                row.shallower += 1
            }
            rows[index * width + start] = row
        }
    }
}
