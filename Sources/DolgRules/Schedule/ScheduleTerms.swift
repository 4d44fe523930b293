/// What a contract says about its payments; `ScheduleBuilder` turns it into installments.
public struct ScheduleTerms: Hashable, Sendable {
    /// The full price of the goods or services, including any down payment.
    public var totalAmount: Money
    public var downPayment: Money
    public var installmentCount: Int
    public var period: Period
    public var startDate: CivilDate
    public var firstDueDate: CivilDate
    public var annualRate: InterestRate

    public init(totalAmount: Money, downPayment: Money = .zero, installmentCount: Int,
                period: Period = .month, startDate: CivilDate, firstDueDate: CivilDate,
                annualRate: InterestRate = .zero) {
        self.totalAmount = totalAmount
        self.downPayment = downPayment
        self.installmentCount = installmentCount
        self.period = period
        self.startDate = startDate
        self.firstDueDate = firstDueDate
        self.annualRate = annualRate
    }

    /// What is paid in installments after the down payment.
    public var financedAmount: Money { totalAmount - downPayment }

    /// The most installments a contract may have.
    public static let maximumInstallments = 1000
}
