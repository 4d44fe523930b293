import BigInt

/// Turns contract terms into installments whose amounts add up exactly.
public enum ScheduleBuilder {
    /// The installments for `terms`: the down payment as installment 0 (when there
    /// is one), then equal installments, or annuity installments when the rate is
    /// above zero. The last installment absorbs every rounding remainder.
    public static func installments(for terms: ScheduleTerms) throws(DolgError) -> [Installment] {
        try validate(terms)
        var schedule: [Installment] = []
        if terms.downPayment.isPositive {
            schedule.append(Installment(seq: 0, dueDate: terms.startDate, principal: terms.downPayment))
        }
        let dueDates = (0..<terms.installmentCount).map {
            terms.period.dueDate(from: terms.firstDueDate, index: $0)
        }
        let parts: [(principal: Money, interest: Money)]
        if terms.annualRate.isZero {
            parts = equalSplit(terms.financedAmount, into: terms.installmentCount).map { ($0, .zero) }
        } else {
            parts = annuitySplit(terms.financedAmount, count: terms.installmentCount,
                                 annualRate: terms.annualRate, period: terms.period)
        }
        for (index, part) in parts.enumerated() {
            schedule.append(Installment(seq: index + 1, dueDate: dueDates[index],
                                        principal: part.principal, interest: part.interest))
        }
        // Interest can multiply a large amount: the whole schedule must stay within one amount's limit.
        let total = schedule.map(\.amount).sum()
        guard total <= Money.maximum else {
            throw DolgError(.invalidSchedule,
                            "the schedule would total \(total) with interest, more than the ledger's limit of \(Money.maximum) a contract",
                            remedy: "check --amount, --rate and --installments")
                .inRussian("график с процентами составил бы \(total), больше предела реестра \(Money.maximum) на договор",
                           remedy: "проверьте --amount, --rate и --installments")
        }
        return schedule
    }

    /// `amount` split into `count` equal parts in minor units; the last part takes the remainder.
    public static func equalSplit(_ amount: Money, into count: Int) -> [Money] {
        let base = amount.minorUnits / Int128(count)
        let remainder = amount.minorUnits - base * Int128(count)
        return (0..<count).map { Money(minorUnits: base + ($0 == count - 1 ? remainder : 0)) }
    }

    /// The level annuity payment `P·r / (1 − (1+r)^−n)`, rounded half up to minor units.
    ///
    /// Computed exactly: with the periodic rate `r = R/D` (R the annual rate in ten-thousandths of a
    /// percent, D = 10^6 × periods a year) the payment is `P·R·(D+R)^n / (D·((D+R)^n − D^n))`, a
    /// fraction of big integers, rounded once. No fixed-point step can tip a half kopeck.
    public static func annuityPayment(_ principal: Money, count: Int, annualRate: InterestRate,
                                      period: Period) -> Money {
        let rate = BigUInt(annualRate.tenThousandthsOfPercent)
        let scale = BigUInt(periodRateDenominator(period))
        let grown = (scale + rate).power(count)
        let numerator = BigUInt(principal.minorUnits) * rate * grown
        let denominator = scale * (grown - scale.power(count))
        return Money(minorUnits: Int128(roundedHalfUp(numerator, denominator)))
    }

    /// `numerator / denominator` rounded half up, for non-negative big integers.
    static func roundedHalfUp(_ numerator: BigUInt, _ denominator: BigUInt) -> BigUInt {
        (numerator * 2 + denominator) / (denominator * 2)
    }

    /// One period's interest on a balance, exactly `balance × R / D`, rounded half up.
    static func periodInterest(on balance: Money, annualRate: InterestRate, period: Period) -> Money {
        let numerator: Int128 = balance.minorUnits * Int128(annualRate.tenThousandthsOfPercent)
        let denominator = Int128(periodRateDenominator(period))
        let doubled: Int128 = numerator * 2 + denominator
        return Money(minorUnits: doubled / (denominator * 2))
    }

    /// D, the denominator of the periodic rate: percent (100) × ten-thousandths (10^4) × periods a year.
    static func periodRateDenominator(_ period: Period) -> Int64 {
        100 * InterestRate.scale * Int64(period.periodsPerYear)
    }

    /// Principal and interest of each annuity installment. Interest is the periodic
    /// rate on the declining balance, rounded to minor units; the last installment
    /// repays the whole remaining balance so that principal sums to `amount` exactly.
    static func annuitySplit(_ amount: Money, count: Int, annualRate: InterestRate,
                             period: Period) -> [(principal: Money, interest: Money)] {
        let payment = annuityPayment(amount, count: count, annualRate: annualRate, period: period)
        var balance = amount
        var parts: [(principal: Money, interest: Money)] = []
        for index in 0..<count {
            let interest = periodInterest(on: balance, annualRate: annualRate, period: period)
            let principal = index == count - 1 ? balance : min(payment - interest, balance)
            parts.append((principal, interest))
            balance -= principal
        }
        return parts
    }

    public static func validate(_ terms: ScheduleTerms) throws(DolgError) {
        guard terms.totalAmount.isPositive else {
            throw DolgError(.amountNotPositive, "--amount \(terms.totalAmount) is not positive",
                            remedy: "give the contract's total price, e.g. --amount 60000")
                .inRussian("--amount \(terms.totalAmount): сумма должна быть больше нуля",
                           remedy: "укажите полную цену договора, например --amount 60000")
        }
        guard !terms.downPayment.isNegative, terms.downPayment < terms.totalAmount else {
            throw DolgError(.downPaymentTooLarge,
                            "--down \(terms.downPayment) is not between 0 and the amount \(terms.totalAmount)",
                            remedy: "give a down payment smaller than --amount")
                .inRussian("--down \(terms.downPayment) вне диапазона от 0 до суммы \(terms.totalAmount)",
                           remedy: "укажите первый взнос меньше --amount")
        }
        try validateCount(terms.installmentCount)
        // Equal parts of less than a kopeck would leave installments of nothing to pay.
        guard terms.financedAmount.minorUnits >= Int128(terms.installmentCount) else {
            throw DolgError(.invalidSchedule,
                            "\(terms.financedAmount) split into \(terms.installmentCount) installments leaves some of 0",
                            remedy: "give fewer installments or a larger amount")
                .inRussian("\(terms.financedAmount) на \(terms.installmentCount) платежей: часть платежей будет нулевой",
                           remedy: "уменьшите число платежей или увеличьте сумму")
        }
        guard terms.firstDueDate >= terms.startDate else {
            throw DolgError(.firstDueBeforeStart,
                            "--first-due \(terms.firstDueDate) is before --start \(terms.startDate)",
                            remedy: "give a first due date on or after the start date")
                .inRussian("--first-due \(terms.firstDueDate) раньше --start \(terms.startDate)",
                           remedy: "первый платёж по графику должен быть не раньше даты начала")
        }
        try validateEnd(from: terms.firstDueDate, count: terms.installmentCount, period: terms.period)
    }

    /// A schedule ends within the dates dolg keeps. `count` is at most `maximumInstallments` and
    /// the first date within `CivilDate.supported`, so computing the last date cannot overflow.
    static func validateEnd(from firstDue: CivilDate, count: Int, period: Period) throws(DolgError) {
        let last = period.dueDate(from: firstDue, index: count - 1)
        guard last <= CivilDate.supported.upperBound else {
            throw DolgError(.invalidSchedule,
                            "the schedule would end on \(last), after \(CivilDate.supported.upperBound), the last date dolg keeps",
                            remedy: "check the first due date and the number of installments")
                .inRussian("график закончился бы \(last), позже \(CivilDate.supported.upperBound) — последней даты, которую ведёт dolg",
                           remedy: "проверьте дату первого платежа и число платежей")
        }
    }

    static func validateCount(_ count: Int) throws(DolgError) {
        guard count >= 1 else {
            throw DolgError(.invalidValue, "--installments \(count) is not positive",
                            remedy: "give 1 for a single invoice, or the number of installments")
                .inRussian("--installments \(count): число должно быть больше нуля",
                           remedy: "укажите 1 для одного счёта или число платежей по графику")
        }
        guard count <= ScheduleTerms.maximumInstallments else {
            throw DolgError(.tooManyInstallments,
                            "--installments \(count) is more than \(ScheduleTerms.maximumInstallments)",
                            remedy: "split the contract or use a longer --period")
                .inRussian("--installments \(count) больше \(ScheduleTerms.maximumInstallments)",
                           remedy: "разделите договор или укажите --period длиннее")
        }
    }
}
