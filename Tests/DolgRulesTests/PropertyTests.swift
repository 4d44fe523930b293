@testable import DolgRules
import Testing

/// A small seeded generator (SplitMix64): a failing case is reproduced from the seed in its message.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Properties checked over many random cases, each case from its own seed.
@Suite("Properties")
struct PropertyTests {
    static let cases: [UInt64] = Array(1...300)
    let start = CivilDate(year: 2025, month: 1, day: 31)!

    func randomSchedule(_ random: inout SeededGenerator) throws -> (ScheduleTerms, [Installment]) {
        let total = Money(stored: Int64.random(in: 100...100_000_000, using: &random))
        let down = Bool.random(using: &random)
            ? Money(stored: Int64.random(in: 0..<Int64(total.minorUnits), using: &random)) : .zero
        let terms = ScheduleTerms(
            totalAmount: total, downPayment: down, installmentCount: Int.random(in: 1...60, using: &random),
            period: Period.allCases.randomElement(using: &random)!, startDate: start,
            firstDueDate: start.adding(days: Int.random(in: 0...90, using: &random)))
        return (terms, try ScheduleBuilder.installments(for: terms))
    }

    @Test("a schedule sums to its amount to the kopeck, one installment per period", arguments: cases)
    func scheduleSums(seed: UInt64) throws {
        var random = SeededGenerator(state: seed)
        let (terms, installments) = try randomSchedule(&random)
        #expect(installments.map(\.principal).sum() == terms.totalAmount, "seed \(seed)")
        #expect(installments.filter { $0.seq > 0 }.count == terms.installmentCount, "seed \(seed)")
        #expect(installments.allSatisfy { !$0.principal.isNegative }, "seed \(seed)")
    }

    @Test("allocation never loses or creates a kopeck, and covers oldest first", arguments: cases)
    func allocationConserves(seed: UInt64) throws {
        var random = SeededGenerator(state: seed)
        let (terms, installments) = try randomSchedule(&random)
        let netPaid = Money(stored: Int64.random(in: -10_000...Int64(terms.totalAmount.minorUnits * 3 / 2),
                                                     using: &random))
        let allocation = Allocation(installments: installments, netPaid: netPaid)
        #expect(allocation.covered + allocation.credit == max(netPaid, .zero), "seed \(seed)")
        #expect(allocation.covered + allocation.outstanding == terms.totalAmount, "seed \(seed)")
        #expect(allocation.coverages.allSatisfy { !$0.paid.isNegative && $0.paid <= $0.installment.amount })
        // Once an installment is not fully paid, nothing after it is paid at all.
        let firstOpen = allocation.coverages.firstIndex { $0.state != .paid } ?? allocation.coverages.endIndex
        #expect(allocation.coverages[firstOpen...].dropFirst().allSatisfy { $0.paid == .zero }, "seed \(seed)")
        if allocation.credit.isPositive { #expect(allocation.isFullyCovered, "seed \(seed)") }
    }

    @Test("the state as of a day depends only on the entries dated on or before it", arguments: cases)
    func asOfIgnoresLaterEntries(seed: UInt64) throws {
        var random = SeededGenerator(state: seed)
        let (_, installments) = try randomSchedule(&random)
        let asOf = start.adding(days: Int.random(in: 0...720, using: &random))
        var entries: [LedgerEntry] = []
        for _ in 0..<Int.random(in: 0...20, using: &random) {
            let date = start.adding(days: Int.random(in: 0...720, using: &random))
            let amount = Money(stored: Int64.random(in: 1...5_000_000, using: &random))
            entries.append(Bool.random(using: &random) ? .payment(amount, on: date) : .reversal(of: amount, on: date))
        }
        let early = entries.filter { $0.date <= asOf }
        let later = Allocation(installments: installments, netPaid: entries.netPaid(asOf: asOf))
        let alone = Allocation(installments: installments, netPaid: early.netPaid(asOf: asOf))
        #expect(later == alone, "seed \(seed)")
        #expect(later.overdueCoverages(asOf: asOf) == alone.overdueCoverages(asOf: asOf), "seed \(seed)")
    }

    @Test("buckets partition every day count: one bucket per overdue day, none for day 0", arguments: cases)
    func bucketsPartition(seed: UInt64) {
        var random = SeededGenerator(state: seed)
        var thresholds: [Int] = []
        var day = Int.random(in: 1...5, using: &random)
        for _ in 0..<Int.random(in: 1...6, using: &random) {
            thresholds.append(day)
            day += Int.random(in: 1...60, using: &random)
        }
        let scheme = BucketScheme(thresholds: thresholds)!
        for days in 0...400 {
            let containing = scheme.buckets.filter { days >= $0.firstDay && days <= ($0.lastDay ?? Int.max) }
            #expect(containing.count == (days >= thresholds[0] ? 1 : 0), "seed \(seed), day \(days)")
            #expect(scheme.bucket(daysOverdue: days) == containing.first, "seed \(seed), day \(days)")
        }
    }
}
