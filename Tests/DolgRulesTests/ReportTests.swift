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
