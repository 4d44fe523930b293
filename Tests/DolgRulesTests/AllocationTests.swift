import DolgRules
import Testing

@Suite("Allocation and overdue")
struct AllocationTests {
    let schedule = monthly(3, of: 1_000, from: "2026-01-10")

    func position(_ entries: [LedgerEntry], asOf: String, terminatedOn: String? = nil) -> ContractPosition {
        ContractPosition(installments: schedule, netPaid: entries.netPaid(asOf: day(asOf)),
                         terminatedOn: terminatedOn.map(day), asOf: day(asOf))
    }

    @Test("payments cover installments oldest first; a partial stays overdue for its remainder")
    func partialPayment() {
        let allocation = Allocation(installments: schedule, netPaid: rub(1_500))
        #expect(allocation.coverages.map(\.state) == [.paid, .partial, .unpaid])
        #expect(allocation.coverages.map(\.paid) == [rub(1_000), rub(500), .zero])
        #expect(allocation.outstanding == rub(1_500))
        let late = position([.payment(rub(1_500), on: day("2026-01-10"))], asOf: "2026-02-15")
        #expect(late.overdueAmount == rub(500))
        #expect(late.daysOverdue == 5)
        #expect(late.oldestOverdueDueDate == day("2026-02-10"))
    }

    @Test("money beyond the total is credit, and the contract closes")
    func overpayment() {
        let paid = position([.payment(rub(3_200), on: day("2026-01-05"))], asOf: "2026-01-06")
        #expect(paid.credit == rub(200))
        #expect(paid.outstanding == .zero)
        #expect(paid.status == .closed)
        #expect(paid.nextAction == nil)
    }

    @Test("a reversal uncovers money and reopens a closed contract")
    func reversalReopens() {
        let entries: [LedgerEntry] = [
            .payment(rub(1_000), on: day("2026-01-10")),
            .payment(rub(2_000), on: day("2026-02-01")),
            .reversal(of: rub(2_000), on: day("2026-03-20")),
        ]
        #expect(position(entries, asOf: "2026-03-19").status == .closed)
        let reopened = position(entries, asOf: "2026-03-20")
        #expect(reopened.outstanding == rub(2_000))
        #expect(reopened.overdueAmount == rub(2_000))
        #expect(reopened.daysOverdue == 38)  // from 2026-02-10: 18 days of February + 20 of March
        #expect(reopened.status.name == "overdue")
    }

    @Test("a payment dated after the business date does not count yet")
    func asOf() {
        let entries: [LedgerEntry] = [.payment(rub(1_000), on: day("2026-01-20"))]
        let before = position(entries, asOf: "2026-01-19")
        #expect(before.overdueAmount == rub(1_000))
        #expect(before.daysOverdue == 9)
        let after = position(entries, asOf: "2026-01-20")
        #expect(after.overdueAmount == .zero)
        #expect(after.status == .active)
    }

    @Test("due today is not overdue; the day after is day 1")
    func dueToday() {
        #expect(position([], asOf: "2026-01-10").status == .active)
        let next = position([], asOf: "2026-01-11")
        #expect(next.daysOverdue == 1)
        #expect(next.bucket?.label == "1-3")
        #expect(next.allocation.coverages[0].daysOverdue(asOf: day("2026-01-11")) == 1)
    }

    @Test("status moves active → overdue → active → closed, and terminated wins")
    func statusTransitions() {
        let entries: [LedgerEntry] = [
            .payment(rub(1_000), on: day("2026-01-15")),
            .payment(rub(2_000), on: day("2026-03-01")),
        ]
        #expect(position(entries, asOf: "2026-01-01").status == .active)
        #expect(position(entries, asOf: "2026-01-12").status.name == "overdue")
        #expect(position(entries, asOf: "2026-01-15").status == .active)
        #expect(position(entries, asOf: "2026-03-01").status == .closed)
        #expect(position(entries, asOf: "2026-02-20", terminatedOn: "2026-02-15").status == .terminated)
        #expect(position(entries, asOf: "2026-02-14", terminatedOn: "2026-02-15").status.name == "overdue")
    }

    @Test("net paid counts payments less reversals up to the date")
    func netPaid() {
        let entries: [LedgerEntry] = [
            .payment(rub(500), on: day("2026-01-01")), .payment(rub(700), on: day("2026-01-05")),
            .reversal(of: rub(500), on: day("2026-01-05")), .payment(rub(1), on: day("2026-01-06")),
        ]
        #expect(entries.netPaid(asOf: day("2025-12-31")) == .zero)
        #expect(entries.netPaid(asOf: day("2026-01-04")) == rub(500))
        #expect(entries.netPaid(asOf: day("2026-01-05")) == rub(700))
        #expect(entries.netPaid(asOf: day("2026-01-06")) == rub(701))
    }
}

@Suite("Status timeline")
struct StatusTimelineTests {
    @Test("falls overdue, deepens, comes back, closes")
    func timeline() {
        // 2 × 1 000 due 10 Jan and 10 Feb; 1 000 paid 20 Jan, 1 000 paid 5 Feb.
        let changes = StatusTimeline.changes(
            installments: monthly(2, of: 1_000, from: "2026-01-10"),
            entries: [.payment(rub(1_000), on: day("2026-01-20")), .payment(rub(1_000), on: day("2026-02-05"))],
            terminatedOn: nil, start: day("2026-01-01"), asOf: day("2026-03-01"))
        #expect(changes.map { "\($0.date) \($0.status)" } == [
            "2026-01-01 active", "2026-01-11 overdue 1-3", "2026-01-14 overdue 4-6", "2026-01-17 overdue 7-29",
            "2026-01-20 active", "2026-02-05 closed",
        ])
    }
}
