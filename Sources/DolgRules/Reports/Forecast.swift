/// Money expected from the schedules, period by period, split into likely and at risk.
///
/// A contract is at risk when it is overdue now, has a broken promise, or has paid two or more
/// installments late in the past. What is overdue today is shown in its own row, all at risk.
public struct Forecast: Sendable {
    public enum Granularity: String, Sendable, CaseIterable {
        case week, month
    }

    public struct Row: Hashable, Sendable {
        /// `overdue`, or the period's first day.
        public let label: String
        public fileprivate(set) var likely = Money.zero
        public fileprivate(set) var atRisk = Money.zero

        public var total: Money { likely + atRisk }
    }

    public let today: CivilDate
    public let granularity: Granularity
    public private(set) var rows: [Row]
    /// At-risk contracts with the money expected from them in the horizon, and why.
    public private(set) var atRiskContracts: [(contract: String, client: String, amount: Money, reason: Risk)] = []
    private let starts: [CivilDate]

    public init(today: CivilDate, periods: Int, granularity: Granularity) {
        self.today = today
        self.granularity = granularity
        var starts: [CivilDate] = []
        for index in 0...periods {
            switch granularity {
            case .month: starts.append(CivilDate(year: today.year, month: today.month, day: 1)!.adding(months: index))
            case .week: starts.append(today.startOfWeek.adding(days: 7 * index))
            }
        }
        self.starts = starts
        rows = [Row(label: "overdue")] + starts.dropLast().map { Row(label: $0.description) }
    }

    /// The horizon's last day.
    public var end: CivilDate { starts.last!.adding(days: -1) }

    /// Why a contract is at risk.
    public enum Risk: Hashable, Sendable {
        case overdue(days: Int)
        case brokenPromise
        case paidLate(installments: Int)

        public var english: String {
            switch self {
            case .overdue(let days): return "overdue \(days) day\(days == 1 ? "" : "s")"
            case .brokenPromise: return "broken promise"
            case .paidLate(let count): return "\(count) installments paid late"
            }
        }
    }

    /// Why a contract is at risk, or nil.
    public static func risk(position: ContractPosition, promises: [Promise], lateInstallments: Int,
                            today: CivilDate) -> Risk? {
        if position.bucket != nil { return .overdue(days: position.daysOverdue) }
        if promises.contains(where: { $0.state(asOf: today) == .broken }) { return .brokenPromise }
        if lateInstallments >= 2 { return .paidLate(installments: lateInstallments) }
        return nil
    }

    public mutating func add(position: ContractPosition, contract: String, client: String, risk: Risk?) {
        guard position.status.isOpen else { return }
        var expected = Money.zero
        for coverage in position.allocation.coverages where coverage.remaining.isPositive {
            let due = coverage.installment.dueDate
            let index: Int
            if due < today {
                index = 0
            } else if let period = starts.lastIndex(where: { $0 <= due }), period < starts.count - 1 {
                index = period + 1
            } else {
                continue
            }
            if risk == nil { rows[index].likely += coverage.remaining } else { rows[index].atRisk += coverage.remaining }
            expected += coverage.remaining
        }
        if let risk, expected.isPositive { atRiskContracts.append((contract, client, expected, risk)) }
    }
}

/// Debts whose statute of limitations (3 years from each installment's due date) ends soon.
public enum Limitation {
    public static let years = 3

    /// The last day a claim can be brought for an installment due on `due`.
    public static func ends(forDueDate due: CivilDate) -> CivilDate { due.adding(months: 12 * years) }
}
