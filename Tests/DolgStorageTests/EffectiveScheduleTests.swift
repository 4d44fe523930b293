import DolgRules
import DolgStorage
import Testing

/// A restructuring takes effect on its day: every figure for the days before it is what it was.
@Suite("Effective-dated schedules")
struct EffectiveScheduleTests {
    /// A small deterministic generator, so that a failing seed can be replayed.
    struct Generator {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
    }

    /// What a reader sees of a contract as of a date: position, bucket, penalty to date, history.
    struct Figures: Equatable {
        let overdue: Money
        let outstanding: Money
        let daysOverdue: Int
        let status: String
        let penalty: Money
        let statusChanges: [String]
    }

    func figures(_ ledger: LedgerDatabase, _ number: String, on date: CivilDate) throws -> Figures {
        let detail = try ledger.contractDetail(number: number)
        let position = detail.position(asOf: date, buckets: .standard)
        var scanned: ContractPosition?
        try ledger.scanPositions(asOf: date, buckets: .standard) { row in
            if row.number == number { scanned = row.position }
        }
        #expect(scanned?.overdueAmount == position.overdueAmount && scanned?.outstanding == position.outstanding,
                "the scan and the contract agree on \(date)")
        let penalty = Penalty.amount(schedule: detail.schedule, entries: detail.payments.map(\.entry),
                                     dailyRate: try InterestRate.parse("0.1"), asOf: date)
        let changes = try ledger.timeline(contractNumber: number, asOf: date).filter { $0.kind == "status" }
            .map { "\($0.at.date) \($0.details)" }
        return Figures(overdue: position.overdueAmount, outstanding: position.outstanding,
                       daysOverdue: position.daysOverdue, status: position.bucket?.label ?? position.status.name,
                       penalty: penalty, statusChanges: changes)
    }

    @Test("for every date before a restructuring, every figure is the same before and after it", arguments: 1...24)
    func pastStays(seed: Int) throws {
        var random = Generator(state: UInt64(seed))
        let fixture = try TemporaryLedger()
        let ledger = fixture.ledger
        let count = 4 + random.next(6)
        try fixture.addContract("R\(seed)", count: count, firstDue: "2026-01-10")
        let number = "R\(seed)"
        // Some payments, late or short, over the first months.
        var paymentDay = try CivilDate.parse("2026-01-05")
        for _ in 0..<random.next(5) {
            paymentDay = paymentDay.adding(days: 5 + random.next(40))
            let amount = Money(major: Int64(200 + random.next(1_500)))
            _ = try ledger.recordPayment(contractNumber: number, amount: amount, date: paymentDay, method: "cash",
                                         reference: nil, audit: fixture.audit)
        }
        let effective = paymentDay.adding(days: 1 + random.next(30))
        // Every third day from the contract's start (its first due date) to the day before the restructuring.
        let start = try CivilDate.parse("2026-01-10")
        let dates = stride(from: 0, to: effective.days(since: start), by: 3).map { start.adding(days: $0) }
        let before = try dates.map { try figures(ledger, number, on: $0) }

        let detail = try ledger.contractDetail(number: number)
        let netPaid = detail.payments.map(\.entry).netPaid(asOf: effective)
        guard detail.position(asOf: effective, buckets: .standard).outstanding.isPositive else { return }
        let schedule = try Restructuring.schedule(current: detail.schedule.inForce(on: effective), netPaid: netPaid,
                                                  from: max(effective.adding(days: 20),
                                                            detail.installments.map(\.dueDate).max()!.adding(days: 1)),
                                                  count: 2 + random.next(4),
                                                  period: .month)
        _ = try ledger.restructure(contractNumber: number, schedule: schedule, asOf: effective, login: "head",
                                   audit: fixture.audit)

        let after = try dates.map { try figures(ledger, number, on: $0) }
        for (index, date) in dates.enumerated() {
            #expect(after[index] == before[index], "seed \(seed), \(date): \(before[index]) became \(after[index])")
        }
        // From its day on, the new schedule answers.
        #expect(try ledger.contractDetail(number: number).schedule.inForce(on: effective) == schedule)
    }

    @Test("a manager's request takes effect the day a head approves it, not the day it was asked")
    func approvedLater() throws {
        let fixture = try TemporaryLedger()
        let ledger = fixture.ledger
        try fixture.addContract("M1", count: 4, firstDue: "2026-01-10")
        _ = try ledger.addManager(name: "Глава", role: .head, login: "boss", audit: fixture.audit)
        let asked = try CivilDate.parse("2026-02-15"), approved = try CivilDate.parse("2026-02-20")
        let detail = try ledger.contractDetail(number: "M1")
        let schedule = try Restructuring.schedule(current: detail.installments, netPaid: .zero,
                                                  from: try CivilDate.parse("2026-03-10"), count: 8, period: .month)
        guard case .proposed(let id) = try ledger.restructure(contractNumber: "M1", schedule: schedule, asOf: asked,
                                                              login: "clerk", audit: fixture.audit) else {
            Issue.record("a clerk's request took effect at once"); return
        }
        let onTheEighteenth = try figures(ledger, "M1", on: try CivilDate.parse("2026-02-18"))
        _ = try ledger.approve(restructuringID: id, on: approved, login: "boss", audit: fixture.audit)
        // Between the request and the approval the old schedule was in force: 10 January and
        // 10 February unpaid, 2 000 ₽ overdue, 39 days late on the 18th.
        #expect(try figures(ledger, "M1", on: try CivilDate.parse("2026-02-18")) == onTheEighteenth)
        #expect(onTheEighteenth.overdue == Money(major: 2_000))
        // From the approval on, nothing is due before 10 March.
        #expect(try figures(ledger, "M1", on: approved).overdue == .zero)
    }
}
