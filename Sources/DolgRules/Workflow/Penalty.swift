/// The contractual penalty on overdue money: a rate per day on what is overdue each day.
///
/// Each day after a due date, the money then overdue (as the as-of rules see it on that day:
/// payments dated that day count) bears `rate` percent. The sum is exact until it is rounded
/// once, half up, to kopecks. It is shown (in the claim letter), never added to the debt.
public enum Penalty {
    /// The highest contractual penalty the ledger accepts: 10 % a day (contracts commonly set
    /// 0.1 %, and a consumer's is capped at 0.1 % by law).
    public static let maximumDailyRate = InterestRate(tenThousandthsOfPercent: 10 * InterestRate.scale)

    /// The rate, or an error naming the limit.
    public static func checked(_ rate: InterestRate) throws(DolgError) -> InterestRate {
        guard rate <= maximumDailyRate else {
            throw DolgError(.invalidRate, "a penalty of \(rate) % a day is more than the ledger's limit of \(maximumDailyRate) %",
                            remedy: "give the contract's penalty in percent a day, e.g. 0.1")
                .inRussian("неустойка \(rate) % в день больше предела реестра \(maximumDailyRate) %",
                           remedy: "укажите неустойку договора в процентах в день, например 0.1")
        }
        return rate
    }

    public static func amount(installments: [Installment], entries: [LedgerEntry], dailyRate: InterestRate,
                              asOf: CivilDate) -> Money {
        amount(schedule: ContractSchedule(original: installments), entries: entries, dailyRate: dailyRate, asOf: asOf)
    }

    /// The penalty with the schedule in force on each day: what accrued before a restructuring stays.
    public static func amount(schedule: ContractSchedule, entries: [LedgerEntry], dailyRate: InterestRate,
                              asOf: CivilDate) -> Money {
        let installments = schedule.everyInstallment
        guard !dailyRate.isZero, let firstDue = installments.map(\.dueDate).min(), firstDue < asOf else { return .zero }
        // The overdue amount only changes the day after a due date, on a payment date, or the day
        // a restructuring takes effect: walk those days and multiply each level by the days it lasts.
        var changeDays = Set(installments.map { $0.dueDate.adding(days: 1) })
        changeDays.formUnion(entries.map(\.date))
        changeDays.formUnion(schedule.changeDays)
        let days = changeDays.filter { $0 > firstDue && $0 <= asOf }.sorted()
        var total: Int128 = 0
        for (index, start) in days.enumerated() {
            let end = index + 1 < days.count ? days[index + 1] : asOf.adding(days: 1)
            let overdue = ContractPosition(installments: schedule.inForce(on: start), netPaid: entries.netPaid(asOf: start),
                                           terminatedOn: nil, asOf: start).overdueAmount
            total += overdue.minorUnits * Int128(end.days(since: start))
        }
        let scale = Int128(InterestRate.scale) * 100
        let numerator = total * Int128(dailyRate.tenThousandthsOfPercent)
        return Money(minorUnits: (numerator + scale / 2) / scale)
    }
}
