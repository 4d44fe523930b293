import Foundation
import Testing

/// The HTML dashboard agrees with the JSON reports it draws.
@Suite("Dashboard")
struct DashboardTests {
    @Test("tiles and aging bars carry the same figures as report --format json")
    func agreesWithJSON() throws {
        let sandbox = try Sandbox()
        let setup: [[String]] = [
            ["init"], ["client", "add", "Один", "--phone", "89000000101"], ["client", "add", "Два", "--phone", "89000000102"],
            ["contract", "add", "--number", "K1", "--client", "1", "--amount", "30000", "--installments", "3", "--first-due", "2026-09-15"],
            ["contract", "add", "--number", "K2", "--client", "2", "--amount", "10000", "--installments", "2", "--first-due", "2026-11-18"],
            ["contract", "add", "--number", "K3", "--client", "2", "--amount", "8000", "--installments", "1", "--first-due", "2026-12-10",
             "--start", "2026-11-10"],
            ["pay", "K1", "10000", "--date", "2026-09-15"],
        ]
        for arguments in setup { #expect(try sandbox.run(arguments).status == 0, "\(arguments)") }
        let file = sandbox.directory.appendingPathComponent("dashboard.html")
        #expect(try sandbox.run(["report", "html", "--out", file.path]).status == 0)
        let html = try String(contentsOf: file, encoding: .utf8)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(!html.contains("<script"))
        #expect(html.contains("</html>"))

        let portfolio = try json(sandbox.run(["report", "portfolio", "--format", "json"]).stdout) as! [String: Any]
        for key in ["outstanding", "overdue_amount", "terminated_outstanding"] {
            #expect(attribute("data-value", after: "data-key=\"\(key)\"", in: html) == portfolio[key] as? String, "\(key)")
        }
        #expect(attribute("data-value", after: "data-key=\"active\"", in: html) == "\(portfolio["active"] as! Int)")
        let aging = try json(sandbox.run(["report", "aging", "--format", "json"]).stdout) as! [[String: Any]]
        for row in aging {
            let bucket = row["bucket"] as! String
            #expect(attribute("data-amount", after: "data-bucket=\"\(bucket)\"", in: html) == row["amount"] as? String, "\(bucket)")
        }
    }

    func json(_ text: String) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(text.utf8))
    }

    /// The value of `name="…"` in the element that has `marker`.
    func attribute(_ name: String, after marker: String, in html: String) -> String? {
        guard let start = html.range(of: marker) else { return nil }
        let element = html[start.lowerBound...].prefix { $0 != ">" }
        guard let attribute = element.range(of: name + "=\"") else { return nil }
        return String(element[attribute.upperBound...].prefix { $0 != "\"" })
    }
}
