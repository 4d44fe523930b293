import Foundation
import Testing

/// Every report says the same about a date: `report portfolio --today`, `--vs`, `report dynamics`
/// and the dashboard's tile and trend, over six weeks of the daily loop run as the guide's cron
/// runs it (the close at 02:15, payments through the day, some entered days late).
@Suite("One figure per date")
struct OneFigurePerDateTests {
    struct Figures: Equatable, CustomStringConvertible {
        let active: Int
        let overdue: Int
        let rate: Double
        let overdueAmount: String
        var description: String { "active \(active), overdue \(overdue) (\(rate) %), \(overdueAmount)" }
    }

    @Test("the dashboard, dynamics, portfolio --today and --vs agree for every date; late entries mark a closed day revised")
    func agree() throws {
        let sandbox = try Sandbox()
        func run(_ arguments: [String], on day: String, at time: String? = nil) throws -> Sandbox.Result {
            let moment = time.map { ["DOLG_NOW": "\(day)T\($0)"] } ?? [:]
            let result = try sandbox.run(arguments, environment: ["DOLG_TODAY": day].merging(moment) { $1 })
            #expect(result.status == 0, "\(day) \(arguments): \(result.stderr)")
            return result
        }
        let start = "2026-09-01"
        _ = try run(["init"], on: start)
        for index in 1...8 {
            _ = try run(["client", "add", "Клиент \(index)", "--phone", "+7917000000\(index)"], on: start)
            _ = try run(["contract", "add", "--number", "C\(index)", "--client", "\(index)", "--amount", "\(index * 3000)",
                         "--installments", "3", "--first-due", "2026-09-\(10 + index)", "--start", start], on: start)
        }
        // Days 1…60 from 1 September: contract k pays its installment on time when k is even, a few
        // days late when k is 3 or 5, never when k is 1 or 7; contract 5's payments are entered two
        // days after they were made (the bank statement comes late).
        let first = try date(start)
        var days: [String] = []
        var lateEntries: Set<String> = []
        var pending: [(entered: String, arguments: [String])] = []
        for offset in 0..<60 {
            let day = first.addingTimeInterval(Double(offset) * 86_400)
            let text = Self.text(day)
            days.append(text)
            if offset > 0 { _ = try run(["daily"], on: text, at: "02:15") }
            _ = try run(["remind", "--send-cmd", "cat >> \(sandbox.directory.path)/sent.jsonl"], on: text, at: "10:00")
            for index in [2, 3, 4, 5, 6, 8] {
                let lateness = index == 3 ? 4 : index == 5 ? 6 : 0
                for month in 0..<3 {
                    let due = try date("2026-\(9 + month)-\(10 + index)")
                    guard Self.text(due.addingTimeInterval(Double(lateness) * 86_400)) == text else { continue }
                    if index == 5 {
                        let entered = Self.text(day.addingTimeInterval(2 * 86_400))
                        // The closes of the payment's day and of the next were made before it was entered.
                        lateEntries.formUnion([text, Self.text(day.addingTimeInterval(86_400))])
                        pending.append((entered, ["pay", "C5", "5000", "--date", text]))
                    } else {
                        _ = try run(["pay", "C\(index)", "\(index * 1000)"], on: text, at: "14:00")
                    }
                }
            }
            for (entered, arguments) in pending where entered == text { _ = try run(arguments, on: text, at: "16:00") }
        }
        let last = days.last!
        let dynamics = try json(run(["report", "dynamics", "--from", start, "--to", last, "--by", "day", "--format", "json"],
                                    on: last)) as! [[String: Any]]
        #expect(dynamics.count == days.count)
        for (index, day) in days.enumerated() {
            let portfolio = try json(run(["report", "portfolio", "--format", "json"], on: day)) as! [String: Any]
            let fromPortfolio = Figures(active: portfolio["active"] as! Int, overdue: portfolio["overdue"] as! Int,
                                        rate: portfolio["overdue_rate"] as! Double,
                                        overdueAmount: portfolio["overdue_amount"] as! String)
            let row = dynamics[index]
            #expect(row["date"] as? String == day)
            let fromDynamics = Figures(active: row["active"] as! Int, overdue: row["overdue"] as! Int,
                                       rate: row["overdue_rate"] as! Double, overdueAmount: row["overdue_amount"] as! String)
            #expect(fromDynamics == fromPortfolio, "\(day): dynamics \(fromDynamics), portfolio \(fromPortfolio)")

            let compared = try json(run(["report", "portfolio", "--vs", day, "--format", "json"], on: last)) as! [String: Any]
            let then = compared["vs"] as! [String: Any]
            #expect(then["as_of"] as? String == day)
            let fromVs = Figures(active: then["active"] as! Int, overdue: then["overdue"] as! Int,
                                 rate: then["overdue_rate"] as! Double, overdueAmount: then["overdue_amount"] as! String)
            #expect(fromVs == fromPortfolio, "\(day): --vs \(fromVs), portfolio \(fromPortfolio)")

            // A day was closed the next night; closes of days with a payment entered later are revised.
            let expectedSource = index == days.count - 1 ? "ledger" : lateEntries.contains(day) ? "revised" : "closed"
            #expect(row["source"] as? String == expectedSource, "\(day)")

            if index % 7 == 0 || index == days.count - 1 {
                let page = sandbox.directory.appendingPathComponent("dashboard.html").path
                _ = try run(["report", "html", "--out", page, "--months", "2"], on: day)
                let html = try String(contentsOfFile: page, encoding: .utf8)
                #expect(Self.attribute(html, "data-key=\"overdue\" data-value=\"") == String(fromPortfolio.overdue))
                #expect(Self.attribute(html, "data-date=\"\(day)\" data-rate=\"") == String(format: "%.1f", fromPortfolio.rate),
                        "\(day): the trend's last point")
            }
        }
    }

    private func json(_ result: Sandbox.Result) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
    }

    private func date(_ text: String) throws -> Date {
        let parts = text.split(separator: "-").map { Int($0)! }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return try #require(calendar.date(from: DateComponents(year: parts[0], month: parts[1], day: parts[2])))
    }

    private static func text(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter.string(from: date)
    }

    /// The text of an attribute that follows `prefix`, up to its closing quote.
    private static func attribute(_ html: String, _ prefix: String) -> String? {
        guard let range = html.range(of: prefix) else { return nil }
        return String(html[range.upperBound...].prefix { $0 != "\"" })
    }
}
