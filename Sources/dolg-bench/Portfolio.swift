import DolgRules

/// A deterministic pseudo-random generator (SplitMix64): the same seed gives the same portfolio.
struct SeededRandom {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A whole number in `range`.
    mutating func int(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(next() % UInt64(range.count))
    }

    /// True with `percent` chance.
    mutating func chance(_ percent: Int) -> Bool { int(1...100) <= percent }
}

/// One synthetic contract with its payments and touches.
struct SyntheticContract {
    let index: Int
    let number: String
    let clientName: String
    let phone: String
    let manager: String
    let terms: ScheduleTerms
    let installments: [Installment]
    let payments: [(date: CivilDate, amount: Money)]
    let touches: [(at: BusinessMoment, outcome: TouchOutcome)]
}

/// Contracts of realistic shapes as of a business date: 1–24 installments (about 12 on average),
/// mostly monthly, some weekly; payers who pay on time, late, in part, or stop paying; a spread
/// of closed, current and overdue contracts; touches on the late ones.
struct PortfolioGenerator {
    static let managers = ["Анна Смирнова", "Пётр Волков", "Ирина Лебедева", "Олег Ким", "Мария Орлова"]
    let today: CivilDate
    var random: SeededRandom

    init(seed: UInt64, today: CivilDate) {
        random = SeededRandom(seed: seed)
        self.today = today
    }

    mutating func contract(_ index: Int) -> SyntheticContract {
        let count = random.int(1...23) + (random.chance(50) ? 1 : 0)
        let period: Period = random.chance(80) ? .month : .week
        let amount = Money(major: Int64(random.int(100...3_000)) * 100)
        // A tenth down, in whole hundreds of rubles, for 30 % of contracts.
        let down = random.chance(30) ? Money(minorUnits: amount.minorUnits / 10 / 10_000 * 10_000) : .zero
        let firstDue = today.adding(days: -random.int(0...700))
        let terms = ScheduleTerms(totalAmount: amount, downPayment: down, installmentCount: count, period: period,
                                  startDate: firstDue.adding(days: -30), firstDueDate: firstDue)
        let installments = (try? ScheduleBuilder.installments(for: terms)) ?? []
        // Payers: 55 % on time, 15 % late by days, 15 % stop after a while, 10 % stopped early, 5 % paid up in advance.
        let kind = random.int(1...100)
        var payments: [(CivilDate, Money)] = []
        let due = installments.filter { $0.dueDate <= today }
        let stopAfter: Int
        switch kind {
        case ...70: stopAfter = due.count
        case ...85: stopAfter = due.count - random.int(0...min(3, due.count))
        case ...95: stopAfter = random.int(0...max(0, due.count / 3))
        default: stopAfter = installments.count
        }
        for (position, installment) in installments.enumerated() where position < stopAfter {
            let lateness = kind <= 55 ? -random.int(0...2) : random.int(1...20)
            let date = min(today, max(terms.startDate, installment.dueDate.adding(days: lateness)))
            if random.chance(7) && installment.amount.minorUnits > 200 {
                // A partial payment, and the rest a week later.
                let part = Money(minorUnits: installment.amount.minorUnits / 2)
                payments.append((date, part))
                payments.append((min(today, date.adding(days: 7)), installment.amount - part))
            } else {
                payments.append((date, installment.amount))
            }
        }
        var touches: [(BusinessMoment, TouchOutcome)] = []
        if stopAfter < due.count {
            for _ in 0..<random.int(1...3) {
                let at = BusinessMoment(date: today.adding(days: -random.int(0...20)), hour: random.int(9...19))
                touches.append((at, [.reached, .noAnswer, .refused, .callback][random.int(0...3)]))
            }
        }
        return SyntheticContract(
            index: index, number: "B-\(index)", clientName: "Клиент \(index)",
            phone: "+79" + String(100_000_000 + index % 900_000_000), manager: PortfolioGenerator.managers[index % 5],
            terms: terms, installments: installments, payments: payments.sorted { $0.0 < $1.0 }, touches: touches)
    }
}
