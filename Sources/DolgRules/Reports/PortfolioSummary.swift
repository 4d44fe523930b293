/// The portfolio in figures as of a business date.
///
/// `active` counts every contract still being collected, overdue ones
/// included, so the overdue rate is overdue / active × 100. Outstanding
/// and overdue amounts cover open contracts; what terminated contracts
/// still owe is shown on its own.
public struct PortfolioSummary: Hashable, Sendable {
    public private(set) var totalContracts = 0
    public private(set) var activeContracts = 0
    public private(set) var overdueContracts = 0
    public private(set) var closedContracts = 0
    public private(set) var terminatedContracts = 0
    public private(set) var outstanding = Money.zero
    public private(set) var overdueAmount = Money.zero
    public private(set) var terminatedOutstanding = Money.zero
    public private(set) var credit = Money.zero

    public init() {}

    public mutating func add(_ position: ContractPosition) {
        totalContracts += 1
        credit += position.credit
        switch position.status {
        case .active, .overdue:
            activeContracts += 1
            outstanding += position.outstanding
            if position.status.bucket != nil {
                overdueContracts += 1
                overdueAmount += position.overdueAmount
            }
        case .closed:
            closedContracts += 1
        case .terminated:
            terminatedContracts += 1
            terminatedOutstanding += position.outstanding
        }
    }

    public var overdueRate: Percentage { Percentage(overdueContracts, of: activeContracts) }
}
