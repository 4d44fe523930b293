import Foundation
import Testing

/// The largest ledger the limits accept answers every read: sums are exact, nothing traps.
@Suite("Large amounts")
struct LargeAmountsTests {
    /// 20 contracts of 10^13 − 1 rubles each, all overdue, one paid to the limit in two payments
    /// with a reversal between: 64-bit kopecks overflow at 9.2 × 10^16 rubles, the portfolio holds
    /// about 2 × 10^14 rubles, and intermediate sums (penalties over years) are far larger.
    @Test("maximal contracts and payments: every report answers with exact sums")
    func maximalLedger() throws {
        let sandbox = try Sandbox()
        func run(_ arguments: [String]) throws -> Sandbox.Result {
            let result = try sandbox.run(arguments)
            #expect(result.status == 0, "\(arguments): status \(result.status) \(result.stderr.prefix(300))")
            return result
        }
        _ = try run(["init"])
        _ = try run(["client", "add", "ООО «Крупный»", "--phone", "+79170000001", "--business"])
        let count = 20
        for index in 1...count {
            _ = try run(["contract", "add", "--number", "B\(index)", "--client", "1", "--amount", "9999999999999",
                         "--installments", "600", "--first-due", "2020-01-31", "--start", "2020-01-01", "--penalty", "10"])
        }
        _ = try run(["pay", "B1", "9999999999999", "--date", "2026-11-01"])
        _ = try run(["pay", "reverse", "1", "--reason", "ошибка"])
        _ = try run(["pay", "B1", "9999999999999", "--date", "2026-11-02"])
        _ = try run(["pay", "B1", "1", "--date", "2026-11-03"])
        let refused = try sandbox.run(["pay", "B1", "0.01", "--date", "2026-11-03"])
        #expect(refused.status == 65, "a contract cannot receive past the limit: \(refused.stderr)")

        // Outstanding, worked out by hand: 19 unpaid contracts of 9 999 999 999 999 rubles.
        let portfolio = try JSONSerialization.jsonObject(with: Data(run(["report", "portfolio", "--format", "json"]).stdout.utf8))
            as! [String: Any]
        #expect(portfolio["outstanding"] as? String == "189999999999981.00")
        #expect(portfolio["credit"] as? String == "1.00")
        #expect(portfolio["overdue"] as? Int == count - 1)

        for command in [["report", "aging"], ["report", "dynamics", "--from", "2026-01-01"], ["report", "metrics"],
                        ["report", "managers"], ["report", "forecast"], ["report", "rolls"], ["report", "effectiveness"],
                        ["report", "limitation"], ["overdue"], ["next"], ["client", "show", "1"], ["contract", "show", "B1"],
                        ["contract", "show", "B2"], ["schedule", "B2"], ["letter", "B2"], ["daily", "--dry-run"],
                        ["export", "contracts"], ["export", "payments"], ["history", "B1"],
                        ["report", "html", "--out", sandbox.directory.appendingPathComponent("d.html").path]] {
            let result = try sandbox.run(command)
            #expect(result.status == 0, "\(command): status \(result.status) \(result.stderr.prefix(300))")
        }
        // The letter's penalty: 10 % a day on an overdue amount that grew month by month since 2020.
        let letter = try run(["letter", "B2"]).stdout
        #expect(!letter.isEmpty)
    }

    /// 10 000 maximal contracts (imported in one file) hold 10^17 rubles: past 64-bit kopecks
    /// (9.2 × 10^16 rubles). Reads sum in 128 bits and answer exactly; a day's close, which
    /// stores 64-bit sums, is refused with a clear error instead of a wrong figure.
    @Test("a portfolio past 64-bit kopecks: reads answer exactly, the close refuses clearly")
    func past64Bits() throws {
        let sandbox = try Sandbox()
        var csv = "number,client,phone,start_date,amount,installments,period,first_due\n"
        for index in 1...10_000 {
            csv += "M\(index),Клиент \(index % 50),+7917\(String(format: "%07d", index % 50)),2026-01-01,9999999999999,1,month,2026-02-01\n"
        }
        let file = sandbox.directory.appendingPathComponent("contracts.csv")
        try csv.write(to: file, atomically: true, encoding: .utf8)
        #expect(try sandbox.run(["init"]).status == 0)
        let imported = try sandbox.run(["import", "contracts", file.path])
        #expect(imported.status == 0, "\(imported.stderr.prefix(300))")
        let portfolio = try sandbox.run(["report", "portfolio", "--format", "json"])
        #expect(portfolio.status == 0, "\(portfolio.stderr)")
        #expect(portfolio.stdout.contains("\"outstanding\": \"99999999999990000.00\""), "\(portfolio.stdout)")
        for command in [["report", "aging"], ["report", "dynamics", "--from", "2026-10-01"], ["overdue", "--format", "csv"],
                        ["client", "show", "1"], ["report", "forecast"], ["report", "managers"]] {
            let result = try sandbox.run(command)
            #expect(result.status == 0, "\(command): status \(result.status) \(result.stderr.prefix(300))")
        }
        let close = try sandbox.run(["daily"])
        #expect(close.status == 65, "\(close.stderr)")
        #expect(close.stderr.contains("past the largest amount the ledger can store"), "\(close.stderr)")
    }
}
