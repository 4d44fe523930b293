import DolgRules
import Testing

@Suite("Portfolio and aging")
struct ReportTests {
    /// Four contracts as of 2026-05-20, figures worked out by hand:
    /// A: 3 × 1 000 from 2026-03-10, 1 000 paid → 2 000 overdue since 04-10 (40 days, 30+), nothing not yet due.
    /// B: 3 × 1 000 from 2026-05-15, nothing paid → 1 000 overdue 5 days (4-6), 2 000 not yet due.
    /// C: 2 × 500 from 2026-06-01 → 1 000 not yet due.
    /// D: 1 × 700 from 2026-05-01, paid 700 → closed.
    /// E: 1 × 900 from 2026-04-01, terminated on 2026-05-01 → 900 owed by a terminated contract.
    func positions() -> [ContractPosition] {
        let asOf = day("2026-05-20")
        return [
            ContractPosition(installments: monthly(3, of: 1_000, from: "2026-03-10"), netPaid: rub(1_000),
                             terminatedOn: nil, asOf: asOf),
            ContractPosition(installments: monthly(3, of: 1_000, from: "2026-05-15"), netPaid: .zero,
                             terminatedOn: nil, asOf: asOf),
            ContractPosition(installments: monthly(2, of: 500, from: "2026-06-01"), netPaid: .zero,
                             terminatedOn: nil, asOf: asOf),
            ContractPosition(installments: monthly(1, of: 700, from: "2026-05-01"), netPaid: rub(700),
                             terminatedOn: nil, asOf: asOf),
            ContractPosition(installments: monthly(1, of: 900, from: "2026-04-01"), netPaid: .zero,
                             terminatedOn: day("2026-05-01"), asOf: asOf),
        ]
    }

    @Test("portfolio counts and amounts")
    func portfolio() {
        var summary = PortfolioSummary()
        positions().forEach { summary.add($0) }
        #expect(summary.totalContracts == 5)
        #expect(summary.activeContracts == 3)
        #expect(summary.overdueContracts == 2)
        #expect(summary.closedContracts == 1)
        #expect(summary.terminatedContracts == 1)
        #expect(summary.outstanding == rub(6_000))
        #expect(summary.overdueAmount == rub(3_000))
        #expect(summary.terminatedOutstanding == rub(900))
        #expect(summary.overdueRate.description == "66.7")
    }

    @Test("aging rows add up to the outstanding total")
    func aging() {
        var aging = AgingReport(scheme: .standard)
        positions().forEach { aging.add($0) }
        #expect(aging.rows.map(\.label) == ["current", "1-3", "4-6", "7-29", "30+"])
        #expect(aging.rows.map(\.amount) == [rub(3_000), .zero, rub(1_000), .zero, rub(2_000)])
        #expect(aging.rows.map(\.contracts) == [2, 0, 1, 0, 1])
        #expect(aging.total == rub(6_000))
    }

    @Test("percentages round half up to one decimal")
    func percentages() {
        #expect(Percentage(1, of: 3).description == "33.3")
        #expect(Percentage(2, of: 3).description == "66.7")
        #expect(Percentage(1, of: 8).description == "12.5")
        #expect(Percentage(0, of: 0).description == "0.0")
        #expect(Percentage(5, of: 5).description == "100.0")
    }
}

@Suite("Penalties")
struct PenaltyTests {
    let installment = [Installment(seq: 1, dueDate: day("2026-03-10"), principal: rub(10_000))]
    let tenthOfAPercent = InterestRate(tenThousandthsOfPercent: 1_000)  // 0.1 % a day

    @Test("ten days on 10 000 at 0.1 % a day is 100.00")
    func unpaid() {
        // Days 11 to 20 March: 10 days × 10 000 × 0.001 = 100.00.
        #expect(Penalty.amount(installments: installment, entries: [], dailyRate: tenthOfAPercent, asOf: day("2026-03-20"))
                == rub(100))
        #expect(Penalty.amount(installments: installment, entries: [], dailyRate: tenthOfAPercent, asOf: day("2026-03-10"))
                == .zero)
    }

    @Test("a partial payment lowers the base from its date")
    func partial() {
        // 11–14 March: 4 days × 10 000 = 40.00; 15–20 March: 6 days × 6 000 = 36.00; total 76.00.
        let entries = [LedgerEntry.payment(rub(4_000), on: day("2026-03-15"))]
        #expect(Penalty.amount(installments: installment, entries: entries, dailyRate: tenthOfAPercent,
                               asOf: day("2026-03-20")) == rub(76))
    }

    @Test("two installments, rounding once at the end")
    func twoInstallments() {
        // 333.33 due 1 April and 333.34 due 1 May, nothing paid, 0.05 % a day, as of 11 May:
        // April 2 – May 11: 40 days × 333.33 = 13 333.20; May 2–11: 10 days × 333.34 = 3 333.40;
        // 16 666.60 × 0.0005 = 8.3333 → 8.33.
        let schedule = [Installment(seq: 1, dueDate: day("2026-04-01"), principal: rub(333, 33)),
                        Installment(seq: 2, dueDate: day("2026-05-01"), principal: rub(333, 34))]
        #expect(Penalty.amount(installments: schedule, entries: [], dailyRate: InterestRate(tenThousandthsOfPercent: 500),
                               asOf: day("2026-05-11")) == rub(8, 33))
    }
}

@Suite("Payment discipline")
struct PaymentDisciplineTests {
    @Test("late installments and the longest delay")
    func discipline() {
        // 3 × 1 000 due 10 Jan, 10 Feb, 10 Mar. Paid 1 000 on 9 Jan (on time), 1 000 on 20 Feb
        // (10 days late), nothing after: the March one is 22 days late on 1 April.
        var discipline = PaymentDiscipline()
        discipline.add(installments: monthly(3, of: 1_000, from: "2026-01-10"),
                       entries: [.payment(rub(1_000), on: day("2026-01-09")), .payment(rub(1_000), on: day("2026-02-20"))],
                       asOf: day("2026-04-01"), closed: false)
        #expect(discipline.lateInstallments == 2)
        #expect(discipline.longestDelayDays == 22)
    }
}

@Suite("Collection metrics")
struct CollectionMetricsTests {
    func touch(_ date: String) -> Touch {
        Touch(id: 1, at: .noon(day(date)), channel: .call, outcome: .reached, step: nil, anchor: nil, promise: nil,
              callbackAt: nil, note: nil, managerName: nil)
    }

    /// November 2026, three contracts of one installment of 1 000:
    /// A due 2 Nov, paid 10 Nov: overdue 3–9 Nov, then current → recovered; touched on 4 Nov (1 day).
    /// B due 12 Nov, never paid: overdue from 13 Nov, 18 days on 30 Nov; touched on 20 Nov (7 days).
    /// C due 25 Dec: not yet due.
    /// Overdue rate on 30 Nov: 1 of 2 active (A closed) = 50.0 %; average days 18; recovery 1 of 2 = 50.0 %;
    /// reactions 1 and 7: median (lower middle) 1.
    @Test("hand-checked figures")
    func figures() {
        var metrics = CollectionMetrics(from: day("2026-11-01"), to: day("2026-11-30"))
        let one = { (due: String) in ContractSchedule(original: [Installment(seq: 1, dueDate: day(due), principal: rub(1_000))]) }
        metrics.add(schedule: one("2026-11-02"), entries: [.payment(rub(1_000), on: day("2026-11-10"))],
                    touches: [touch("2026-11-04")], terminatedOn: nil, start: day("2026-10-01"), buckets: .standard)
        metrics.add(schedule: one("2026-11-12"), entries: [], touches: [touch("2026-11-20")], terminatedOn: nil,
                    start: day("2026-10-01"), buckets: .standard)
        metrics.add(schedule: one("2026-12-25"), entries: [], touches: [], terminatedOn: nil,
                    start: day("2026-10-01"), buckets: .standard)
        #expect(metrics.portfolio.overdueRate.description == "50.0")
        #expect(metrics.averageDaysOverdueTenths == 180)
        #expect(metrics.overdueInPeriod == 2)
        #expect(metrics.recovered == 1)
        #expect(metrics.reactionDays.sorted() == [1, 7])
        #expect(metrics.medianReactionDays == 1)
        let norms = MetricNorms()
        #expect(norms.overdueRateVerdict(metrics.portfolio.overdueRate) == .bad)  // 30–50 % is bad; only above 50 a catastrophe
        #expect(norms.overdueRateVerdict(Percentage(51, of: 100)) == .catastrophe)
        #expect(norms.overdueRateVerdict(Percentage(15, of: 100)) == .good)
        #expect(norms.recoveryVerdict(metrics.recoveryRate) == .normal)
        #expect(norms.reactionVerdict(days: 1) == .excellent)
        #expect(norms.averageDaysVerdict(tenths: 180) == .acceptable)
    }
}

@Suite("Forecast and limitation")
struct ForecastTests {
    @Test("expected money by month, likely and at risk")
    func forecast() {
        // On 20 Nov 2026: a contract paying 1 000 on the 10th of Dec, Jan, Feb (likely), and an overdue one
        // with 500 late since 1 Nov and 500 due 1 Dec (all at risk).
        var forecast = Forecast(today: day("2026-11-20"), periods: 3, granularity: .month)
        let good = ContractPosition(installments: monthly(3, of: 1_000, from: "2026-12-10"), netPaid: .zero,
                                    terminatedOn: nil, asOf: day("2026-11-20"))
        let late = ContractPosition(installments: monthly(2, of: 500, from: "2026-11-01"), netPaid: .zero,
                                    terminatedOn: nil, asOf: day("2026-11-20"))
        forecast.add(position: good, contract: "G", client: "g",
                     risk: Forecast.risk(position: good, promises: [], lateInstallments: 0, today: day("2026-11-20")))
        forecast.add(position: late, contract: "L", client: "l",
                     risk: Forecast.risk(position: late, promises: [], lateInstallments: 0, today: day("2026-11-20")))
        #expect(forecast.rows.map(\.label) == ["overdue", "2026-11-01", "2026-12-01", "2027-01-01"])
        #expect(forecast.rows.map(\.likely) == [.zero, .zero, rub(1_000), rub(1_000)])
        #expect(forecast.rows.map(\.atRisk) == [rub(500), .zero, rub(500), .zero])
        #expect(forecast.end == day("2027-01-31"))  // the February installment is beyond the horizon
        #expect(forecast.atRiskContracts.map(\.contract) == ["L"])
        #expect(forecast.atRiskContracts.first?.amount == rub(1_000))
    }

    @Test("the limitation period ends three years after the due date")
    func limitation() {
        #expect(Limitation.ends(forDueDate: day("2024-02-29")) == day("2027-02-28"))
        #expect(Limitation.ends(forDueDate: day("2023-12-10")) == day("2026-12-10"))
    }
}

@Suite("Dynamics calendar")
struct DynamicsCalendarTests {
    @Test("ends of months, weeks and days in a period")
    func dates() {
        #expect(DynamicsCalendar.dates(from: day("2026-09-15"), to: day("2026-11-20"), by: .month).map(\.description)
                == ["2026-09-30", "2026-10-31", "2026-11-20"])
        // 16 Nov 2026 is a Monday: weeks end on Sundays 22 and 29 Nov.
        #expect(DynamicsCalendar.dates(from: day("2026-11-16"), to: day("2026-11-25"), by: .week).map(\.description)
                == ["2026-11-22", "2026-11-25"])
        #expect(DynamicsCalendar.dates(from: day("2026-11-19"), to: day("2026-11-20"), by: .day).count == 2)
    }
}

@Suite("Roll rates")
struct RollRatesTests {
    @Test("from bucket to bucket over a month")
    func rolls() {
        // October 2026. A: due 15 Sep, unpaid: 15 days late on 30 Sep (7-29), 46 on 31 Oct (30+): deeper.
        // B: due 28 Sep, paid 5 Oct: 2 days late on 30 Sep (1-3), paid on 31 Oct: back to current.
        // C: due 20 Oct: current on 30 Sep, 11 days late on 31 Oct: from current to deeper.
        var rolls = RollRates(from: day("2026-10-01"), to: day("2026-10-31"), scheme: .standard)
        func add(_ due: String, paid: [LedgerEntry]) {
            let schedule = [Installment(seq: 1, dueDate: day(due), principal: rub(1_000))]
            rolls.add(startDate: day("2026-09-01")) { date in
                ContractPosition(installments: schedule, netPaid: paid.netPaid(asOf: date), terminatedOn: nil, asOf: date)
            }
        }
        add("2026-09-15", paid: [])
        add("2026-09-28", paid: [.payment(rub(1_000), on: day("2026-10-05"))])
        add("2026-10-20", paid: [])
        let byBucket = Dictionary(uniqueKeysWithValues: rolls.rows.map { ($0.from, $0) })
        #expect(byBucket["7-29"]?.contracts == 1)
        #expect(byBucket["7-29"]?.deeper == 1)
        #expect(byBucket["1-3"]?.current == 1)
        #expect(byBucket["current"]?.contracts == 1)
        #expect(byBucket["current"]?.deeper == 1)
        #expect(rolls.rows.count == 5)
    }
}

@Suite("Promises in a period")
struct PromisesInAPeriodTests {
    @Test("only promises due within the period count, kept or broken by its end")
    func period() {
        func promised(_ due: String, amount: Int64, paid: Int64) -> Touch {
            Touch(id: 1, at: .noon(day("2026-09-01")), channel: .call, outcome: .promise, step: nil, anchor: nil,
                  promise: Promise(madeOn: day("2026-09-01"), dueDate: day(due), amount: rub(amount), paidSince: rub(paid)),
                  callbackAt: nil, note: nil, managerName: nil)
        }
        var metrics = CollectionMetrics(from: day("2026-11-01"), to: day("2026-11-30"))
        // Broken in September, kept in October: before the period, not counted. Broken on 10 Nov and
        // kept on 20 Nov: counted. Due in December: still pending, not counted.
        let touches = [promised("2026-09-15", amount: 1_000, paid: 0), promised("2026-10-15", amount: 1_000, paid: 1_000),
                       promised("2026-11-10", amount: 1_000, paid: 0), promised("2026-11-20", amount: 500, paid: 500),
                       promised("2026-12-05", amount: 1_000, paid: 0)]
        metrics.add(schedule: ContractSchedule(original: monthly(3, of: 1_000, from: "2026-09-10")), entries: [],
                    touches: touches, terminatedOn: nil, start: day("2026-09-01"), buckets: .standard)
        #expect(metrics.keptPromises == 1)
        #expect(metrics.brokenPromises == 1)
    }
}

@Suite("Effectiveness")
struct EffectivenessTests {
    @Test("the step reached when a late debt was paid")
    func steps() {
        var effect = Effectiveness(from: day("2026-10-01"), to: day("2026-10-31"), ladder: .standard)
        func add(_ due: String, paidOn: String) {
            effect.add(schedule: ContractSchedule(original: [Installment(seq: 1, dueDate: day(due), principal: rub(1_000))]),
                       entries: [.payment(rub(1_000), on: day(paidOn))], terminatedOn: nil, start: day("2026-09-01"),
                       buckets: .standard)
        }
        add("2026-10-01", paidOn: "2026-10-03")  // overdue 2–2 Oct: 1 day → after the overdue SMS
        add("2026-10-01", paidOn: "2026-10-06")  // overdue 2–5 Oct: 4 days → after the soft call (day 3)
        add("2026-09-10", paidOn: "2026-10-02")  // overdue 11 Sep – 1 Oct: 21 days → after the claim letter (day 14)
        add("2026-08-01", paidOn: "2026-09-20")  // paid before the period: not counted
        let byStep = Dictionary(uniqueKeysWithValues: effect.rows.map { ($0.step, $0) })
        #expect(byStep["sms-overdue"]?.episodes == 1)
        #expect(byStep["call-soft"]?.episodes == 1)
        #expect(byStep["claim-letter"]?.episodes == 1)
        #expect(byStep["claim-letter"]?.amount == rub(1_000))
        #expect(effect.rows.map(\.episodes).reduce(0, +) == 3)
    }
}
