import DolgRules
import Testing

@Suite("Schedules")
struct ScheduleTests {
    @Test("equal installments add up exactly, the last takes the remainder")
    func exactSplit() throws {
        let terms = ScheduleTerms(totalAmount: rub(10_000), installmentCount: 3, startDate: day("2026-01-10"),
                                  firstDueDate: day("2026-02-10"))
        let schedule = try ScheduleBuilder.installments(for: terms)
        // 1 000 000 kopecks / 3 = 333 333 with 1 left over.
        #expect(schedule.map(\.amount) == [rub(3_333, 33), rub(3_333, 33), rub(3_333, 34)])
        #expect(schedule.map(\.seq) == [1, 2, 3])
        #expect(schedule.map(\.dueDate.description) == ["2026-02-10", "2026-03-10", "2026-04-10"])
    }

    @Test("a down payment is installment 0 due on the start date")
    func downPayment() throws {
        let terms = ScheduleTerms(totalAmount: rub(60_000), downPayment: rub(6_000), installmentCount: 12,
                                  startDate: day("2026-01-10"), firstDueDate: day("2026-01-31"))
        let schedule = try ScheduleBuilder.installments(for: terms)
        #expect(schedule.count == 13)
        #expect(schedule[0] == Installment(seq: 0, dueDate: day("2026-01-10"), principal: rub(6_000)))
        #expect(schedule.dropFirst().allSatisfy { $0.amount == rub(4_500) })
        #expect(schedule.map(\.dueDate.description).prefix(4) == ["2026-01-10", "2026-01-31", "2026-02-28", "2026-03-31"])
        #expect(schedule.map(\.amount).sum() == rub(60_000))
    }

    @Test("weekly and two-weekly periods step by 7 and 14 days")
    func shortPeriods() throws {
        let weekly = try ScheduleBuilder.installments(for: ScheduleTerms(
            totalAmount: rub(1_000), installmentCount: 3, period: .week, startDate: day("2026-12-28"),
            firstDueDate: day("2026-12-28")))
        #expect(weekly.map(\.dueDate.description) == ["2026-12-28", "2027-01-04", "2027-01-11"])
        let fortnightly = try ScheduleBuilder.installments(for: ScheduleTerms(
            totalAmount: rub(1_000), installmentCount: 2, period: .twoWeeks, startDate: day("2026-02-20"),
            firstDueDate: day("2026-02-20")))
        #expect(fortnightly.map(\.dueDate.description) == ["2026-02-20", "2026-03-06"])
    }

    // Expected figures: the first row by hand (100 000 × 1% = 1 000.00 interest,
    // 8 884.88 − 1 000.00 = 7 884.88 principal); the payment and the other rows with
    // Python's decimal module at 60 digits, rounding half up to kopecks.
    @Test("annuity at 12% a year over 12 months matches hand-checked figures")
    func annuity12Percent() throws {
        let terms = ScheduleTerms(totalAmount: rub(100_000), installmentCount: 12, startDate: day("2026-01-15"),
                                  firstDueDate: day("2026-02-15"), annualRate: try InterestRate.parse("12"))
        let schedule = try ScheduleBuilder.installments(for: terms)
        #expect(ScheduleBuilder.annuityPayment(rub(100_000), count: 12, annualRate: terms.annualRate, period: .month)
                == rub(8_884, 88))
        let expected: [(Int128, Int128)] = [
            (7_884_88, 1_000_00), (7_963_73, 921_15), (8_043_37, 841_51), (8_123_80, 761_08),
            (8_205_04, 679_84), (8_287_09, 597_79), (8_369_96, 514_92), (8_453_66, 431_22),
            (8_538_20, 346_68), (8_623_58, 261_30), (8_709_81, 175_07), (8_796_88, 87_97),
        ]
        #expect(schedule.map(\.principal.minorUnits) == expected.map(\.0))
        #expect(schedule.map(\.interest.minorUnits) == expected.map(\.1))
        #expect(schedule.dropLast().allSatisfy { $0.amount == rub(8_884, 88) })
        #expect(schedule.last?.amount == rub(8_884, 85))
        #expect(schedule.map(\.principal).sum() == rub(100_000))
    }

    @Test("annuity at 19.9% over 6 months")
    func annuityFractionalRate() throws {
        let terms = ScheduleTerms(totalAmount: rub(60_000), installmentCount: 6, startDate: day("2026-01-15"),
                                  firstDueDate: day("2026-02-15"), annualRate: try InterestRate.parse("19,9"))
        let schedule = try ScheduleBuilder.installments(for: terms)
        // 60 000 × 19.9% / 12 = 995.00 interest in the first month, by hand.
        #expect(schedule[0].interest == rub(995))
        #expect(schedule.map(\.interest.minorUnits) == [995_00, 835_91, 674_18, 509_77, 342_63, 172_73])
        #expect(schedule.allSatisfy { $0.amount == rub(10_588, 37) })
        #expect(schedule.map(\.principal).sum() == rub(60_000))
    }

    @Test("bad terms are refused with named errors")
    func badTerms() {
        let base = ScheduleTerms(totalAmount: rub(1_000), installmentCount: 2, startDate: day("2026-03-01"),
                                 firstDueDate: day("2026-03-01"))
        func code(_ change: (inout ScheduleTerms) -> Void) -> DolgError.Code? {
            var terms = base
            change(&terms)
            do { _ = try ScheduleBuilder.installments(for: terms); return nil } catch { return error.code }
        }
        #expect(code { _ in } == nil)
        #expect(code { $0.totalAmount = .zero } == .amountNotPositive)
        #expect(code { $0.totalAmount = rub(-5) } == .amountNotPositive)
        #expect(code { $0.installmentCount = 1001 } == .tooManyInstallments)
        #expect(code { $0.installmentCount = 1000 } == nil)
        #expect(code { $0.installmentCount = 0 } == .invalidValue)
        #expect(code { $0.firstDueDate = day("2026-02-28") } == .firstDueBeforeStart)
        #expect(code { $0.downPayment = rub(1_000) } == .downPaymentTooLarge)
    }

    @Test("interest rates parse exactly")
    func rates() throws {
        #expect(try InterestRate.parse("19.9").tenThousandthsOfPercent == 199_000)
        #expect(try InterestRate.parse("0.0125").description == "0.0125")
        #expect(try InterestRate.parse("24").description == "24")
        #expect(throws: InterestRate.ParseFailure.outOfRange) { try InterestRate.parse("1000.5") }
        #expect(throws: InterestRate.ParseFailure.malformed) { try InterestRate.parse("-3") }
        #expect(throws: InterestRate.ParseFailure.malformed) { try InterestRate.parse("1.23456") }
        // A digit with a combining mark used to pass the digit check and trap on conversion.
        #expect(throws: InterestRate.ParseFailure.malformed) { try InterestRate.parse("1.2\u{0369}") }
    }

    @Test("a custom schedule must add up to the financed amount")
    func customSchedule() throws {
        let lines = [
            CustomSchedule.Line(lineNumber: 3, dueDate: day("2026-05-01"), amount: rub(700)),
            CustomSchedule.Line(lineNumber: 2, dueDate: day("2026-04-01"), amount: rub(300)),
        ]
        let schedule = try CustomSchedule.installments(lines, startDate: day("2026-03-01"), downPayment: rub(100),
                                                       financedAmount: rub(1_000))
        #expect(schedule.map(\.seq) == [0, 1, 2])
        #expect(schedule.map(\.amount) == [rub(100), rub(300), rub(700)])
        #expect(throws: DolgError.self) {
            try CustomSchedule.installments(lines, startDate: day("2026-03-01"), downPayment: .zero,
                                            financedAmount: rub(999))
        }
    }

    @Test("the schedule file reads both separators and reports the line")
    func scheduleFile() throws {
        let lines = try ScheduleFileParser.parse("\u{FEFF}due_date;amount\r\n15.12.2026;5 000,50\r\n2027-01-15;100\r\n",
                                                 fileName: "s.csv")
        #expect(lines.map(\.amount) == [rub(5_000, 50), rub(100)])
        #expect(lines.map(\.lineNumber) == [2, 3])
        do {
            _ = try ScheduleFileParser.parse("due_date,amount\n2026-12-15,100\n2026-02-30,5\n", fileName: "s.csv")
            Issue.record("a bad date was accepted")
        } catch {
            #expect(error.code == .invalidSchedule)
            #expect(error.problem.contains("s.csv:3"))
            #expect(error.problem.contains("2026-02-30"))
        }
    }
}

@Suite("Restructuring")
struct RestructuringTests {
    @Test("the unpaid part is spread anew; money is conserved")
    func conserved() throws {
        let current = monthly(4, of: 1_000, from: "2026-01-15")  // 4 000 in all
        let paid = rub(1_500)  // the first installment and half the second
        let fresh = try Restructuring.schedule(current: current, netPaid: paid, from: day("2026-06-01"), count: 3, period: .month)
        #expect(fresh.map(\.amount).sum() == rub(4_000))
        #expect(fresh.map(\.seq) == [1, 2, 5, 6, 7])
        #expect(fresh.prefix(2).map(\.amount) == [rub(1_000), rub(500)])
        // 2 500 remaining in 3: 833.33, 833.33, 833.34.
        #expect(fresh.suffix(3).map(\.amount) == [rub(833, 33), rub(833, 33), rub(833, 34)])
        #expect(fresh.suffix(3).map(\.dueDate.description) == ["2026-06-01", "2026-07-01", "2026-08-01"])
        let after = Allocation(installments: fresh, netPaid: paid)
        #expect(after.outstanding == rub(2_500))
    }

    @Test("nothing to restructure, or a start inside the paid part, is refused")
    func refused() {
        let current = monthly(2, of: 1_000, from: "2026-01-15")
        #expect(throws: DolgError.self) {
            try Restructuring.schedule(current: current, netPaid: rub(2_000), from: day("2026-06-01"), count: 2, period: .month)
        }
        #expect(throws: DolgError.self) {
            try Restructuring.schedule(current: current, netPaid: rub(1_500), from: day("2026-02-01"), count: 2, period: .month)
        }
    }
}
