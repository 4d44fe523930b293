/// One scheduled payment of a contract.
///
/// `amount == principal + interest`. Installment 0 is the down payment,
/// due on the contract's start date.
public struct Installment: Hashable, Sendable {
    public let seq: Int
    public let dueDate: CivilDate
    public let amount: Money
    public let principal: Money
    public let interest: Money

    public init(seq: Int, dueDate: CivilDate, principal: Money, interest: Money = .zero) {
        self.seq = seq
        self.dueDate = dueDate
        self.principal = principal
        self.interest = interest
        self.amount = principal + interest
    }

    /// The order in which payments cover installments: by due date, then sequence.
    public static func coverageOrder(_ a: Installment, _ b: Installment) -> Bool {
        (a.dueDate, a.seq) < (b.dueDate, b.seq)
    }
}

/// How often installments fall due.
public enum Period: String, Sendable, CaseIterable {
    case month
    case twoWeeks = "2weeks"
    case week

    /// How many periods a year has, to turn an annual rate into a periodic one.
    public var periodsPerYear: Int {
        switch self {
        case .month: return 12
        case .twoWeeks: return 26
        case .week: return 52
        }
    }

    /// The due date of the installment `index` periods after `first`.
    public func dueDate(from first: CivilDate, index: Int) -> CivilDate {
        switch self {
        case .month: return first.adding(months: index, anchorDay: first.day)
        case .twoWeeks: return first.adding(days: 14 * index)
        case .week: return first.adding(days: 7 * index)
        }
    }
}

extension [Installment] {
    /// The interest over the whole schedule: what an annuity adds to the financed amount.
    public var interestTotal: Money { map(\.interest).sum() }
}
