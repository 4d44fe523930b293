import Foundation
import Testing
@testable import DolgRules

/// Annuity schedules against exact fractions computed by another program (Python's `fractions`):
/// the payment `P·r / (1 − (1+r)^−n)` and each period's interest on the balance, each rounded
/// once, half up, to kopecks; the last installment takes the rest of the balance.
@Suite("Annuities, exact to the kopeck")
struct AnnuityExactnessTests {
    struct Loan {
        let amount: Int64
        let rate: Int64
        let count: Int
        let period: Period
    }

    /// A small deterministic generator, so that a failing case can be replayed.
    struct Generator {
        var state: UInt64
        mutating func next(_ bound: UInt64) -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return (state >> 11) % bound
        }
    }

    static func loans() -> [Loan] {
        var random = Generator(state: 20_261_201)
        let periods: [Period] = [.month, .twoWeeks, .week]
        var loans: [Loan] = []
        for index in 0..<3_000 {
            // Amounts from a kopeck to the cap, spread over every order of magnitude.
            let digits = 1 + random.next(18)
            var amount = Int64(random.next(UInt64(pow(10, Double(digits))))) + 1
            if index % 50 == 0 { amount = Int64(Money.maximum.minorUnits) }
            // Rates from 0.0001 % to 1 000 % a year, in ten-thousandths of a percent.
            let rate = index % 40 == 0 ? 10_000_000 : Int64(1 + random.next(index % 2 == 0 ? 400_000 : 10_000_000))
            let count = index % 100 == 0 ? 1_000 : Int(1 + random.next(60))
            loans.append(Loan(amount: amount, rate: rate, count: count, period: periods[Int(random.next(3))]))
        }
        // The case a user found: 600.60 at 10 % in one monthly installment is 5.005 of interest: 5.01.
        loans.append(Loan(amount: 60_060, rate: 100_000, count: 1, period: .month))
        return loans
    }

    static let oracle = """
        import sys
        from fractions import Fraction
        def half_up(q):
            return (2 * q.numerator + q.denominator) // (2 * q.denominator)
        for line in sys.stdin:
            amount, rate, count, per_year = map(int, line.split())
            d = 1_000_000 * per_year
            r = Fraction(rate, d)
            payment = half_up(amount * r / (1 - (1 + r) ** -count))
            balance, parts = amount, []
            for i in range(count):
                interest = half_up(balance * r)
                principal = balance if i == count - 1 else min(payment - interest, balance)
                parts.append(f"{principal}/{interest}")
                balance -= principal
            print(payment, " ".join(parts))
        """

    @Test("3 000 random loans, amounts to the cap, rates from 0.0001 % to 1 000 %, equal Python's fractions")
    func againstFractions() throws {
        let loans = Self.loans()
        let input = loans.map { "\($0.amount) \($0.rate) \($0.count) \($0.period.periodsPerYear)" }.joined(separator: "\n")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", Self.oracle]
        let stdin = Pipe(), stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        try process.run()
        let writer = Thread { stdin.fileHandleForWriting.write(Data((input + "\n").utf8)); try? stdin.fileHandleForWriting.close() }
        writer.start()
        let output = String(decoding: stdout.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let lines = output.split(separator: "\n")
        #expect(lines.count == loans.count, "the oracle answered every loan")
        var mismatches = 0
        for (loan, line) in zip(loans, lines) {
            let fields = line.split(separator: " ")
            let amount = Money(stored: loan.amount)
            let rate = InterestRate(tenThousandthsOfPercent: loan.rate)
            let payment = ScheduleBuilder.annuityPayment(amount, count: loan.count, annualRate: rate, period: loan.period)
            let split = ScheduleBuilder.annuitySplit(amount, count: loan.count, annualRate: rate, period: loan.period)
            #expect(split.allSatisfy { !$0.principal.isNegative && !$0.interest.isNegative }, "\(loan): a negative part")
            #expect(split.reduce(Money.zero) { $0 + $1.principal } == amount, "\(loan): principal sums to the amount")
            let parts = split.map { "\($0.principal.minorUnits)/\($0.interest.minorUnits)" }
            let expected = fields.dropFirst().map(String.init)
            if String(fields[0]) != "\(payment.minorUnits)" || parts != expected {
                mismatches += 1
                if mismatches <= 3 {
                    Issue.record("\(loan): payment \(payment.minorUnits) vs \(fields[0]); first parts \(parts.prefix(3)) vs \(expected.prefix(3))")
                }
            }
        }
        #expect(mismatches == 0, "\(mismatches) of \(loans.count) loans differ from exact fractions")
        let user = ScheduleBuilder.annuitySplit(Money(minorUnits: 60_060), count: 1,
                                                annualRate: InterestRate(tenThousandthsOfPercent: 100_000), period: .month)
        #expect(user[0].interest == Money(minorUnits: 501), "600.60 at 10 % for a month: 5.005 rounds to 5.01")
    }
}
