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

    /// Headless Chromium, as Debian installs it.
    static let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first {
        FileManager.default.isExecutableFile(atPath: $0)
    }

    /// Runs Chromium on `url` and returns what it prints (the DOM after load, for --dump-dom).
    func runChromium(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.chromium!)
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--allow-file-access-from-files",
                             "--user-data-dir=\(FileManager.default.temporaryDirectory.path)/dolg-chromium-\(UUID().uuidString)"]
            + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return output
    }

    /// Lays the dashboard out `width` pixels wide (in a frame: a headless window is never
    /// narrower than 500 pixels) and measures it: how wide the page is against its window,
    /// and how many of the trend's axis and rate labels overlap their neighbour.
    func layout(_ dashboard: URL, width: Int) throws -> [String: Int] {
        let harness = dashboard.deletingLastPathComponent().appendingPathComponent("harness-\(width).html")
        try """
            <!DOCTYPE html><html><body style="margin:0">
            <iframe id="f" src="\(dashboard.lastPathComponent)" style="width:\(width)px;height:900px;border:0"></iframe>
            <script>
            document.getElementById('f').addEventListener('load', () => {
              const d = document.getElementById('f').contentDocument;
              const overlaps = (selector) => {
                const boxes = [...d.querySelectorAll(selector)].map(e => e.getBoundingClientRect());
                let count = 0;
                for (let i = 1; i < boxes.length; i++) if (boxes[i].left < boxes[i - 1].right) count++;
                return count;
              };
              document.body.setAttribute('data-check', JSON.stringify({
                scrollWidth: d.documentElement.scrollWidth, innerWidth: d.defaultView.innerWidth,
                axisLabels: d.querySelectorAll('svg text.axis').length,
                axisOverlaps: overlaps('svg text.axis'), rateOverlaps: overlaps('svg text.rate')}));
            });
            </script></body></html>
            """.write(to: harness, atomically: true, encoding: .utf8)
        let dom = try runChromium(["--window-size=1400,1000", "--dump-dom", harness.absoluteString])
        guard let start = dom.range(of: "data-check=\""),
              let end = dom[start.upperBound...].firstIndex(of: "\"") else { return [:] }
        let json = dom[start.upperBound..<end].replacingOccurrences(of: "&quot;", with: "\"")
        return (try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Int]) ?? [:]
    }

    @Test("on a phone and a desktop the dashboard fits its window, the trend's labels never overlap, and it prints on A4")
    func inChromium() throws {
        guard Self.chromium != nil else {
            Issue.record("Chromium is needed to lay the dashboard out: `make deps` installs it")
            return
        }
        let sandbox = try Sandbox()
        #expect(try sandbox.loadDemo() == 0)
        for months in [12, 24] {
            let file = sandbox.directory.appendingPathComponent("dashboard-\(months).html")
            #expect(try sandbox.run(["report", "html", "-o", file.path, "--months", "\(months)", "--lang", "ru"]).status == 0)
            for width in [390, 1366] {
                let measured = try layout(file, width: width)
                #expect(measured["innerWidth"] == width, "the frame is \(width) wide: \(measured)")
                #expect((measured["scrollWidth"] ?? .max) <= width, "\(months) months at \(width) px: nothing wider than the screen")
                #expect(measured["axisOverlaps"] == 0 && measured["rateOverlaps"] == 0, "\(months) months at \(width) px: \(measured)")
                #expect((measured["axisLabels"] ?? 0) >= 6, "at least every other month is named: \(measured)")
            }
        }
        // Printed, it is A4 pages (595 × 842 points).
        let file = sandbox.directory.appendingPathComponent("dashboard-12.html")
        let pdf = sandbox.directory.appendingPathComponent("dashboard.pdf")
        _ = try runChromium(["--no-pdf-header-footer", "--print-to-pdf=\(pdf.path)", file.absoluteString])
        let printed = String(decoding: try Data(contentsOf: pdf), as: UTF8.self)
        let boxes = printed.components(separatedBy: "/MediaBox [0 0 ").dropFirst().map { $0.prefix { $0 != "]" } }
        #expect(!boxes.isEmpty && boxes.allSatisfy { $0.hasPrefix("594.9") && $0.hasSuffix("841.91998") }, "\(boxes)")
        #expect(boxes.count <= 3, "the whole dashboard on three pages at most: \(boxes.count)")
    }

    @Test("--manager and --segment narrow every figure; the largest and oldest debts agree with overdue")
    func scopedAndDebts() throws {
        let sandbox = try Sandbox()
        #expect(try sandbox.loadDemo() == 0)
        let file = sandbox.directory.appendingPathComponent("petr.html")
        #expect(try sandbox.run(["report", "html", "-o", file.path, "--manager", "Пётр Волков"]).status == 0)
        let html = try String(contentsOf: file, encoding: .utf8)
        let portfolio = try json(sandbox.run(["report", "portfolio", "--manager", "Пётр Волков", "--format", "json"]).stdout)
            as! [String: Any]
        #expect(attribute("data-value", after: "data-key=\"overdue_amount\"", in: html) == portfolio["overdue_amount"] as? String)
        #expect(html.contains("Only: manager Пётр Волков"))
        // Largest: the overdue list's amounts, largest first, of that manager's contracts only.
        let overdue = try json(sandbox.run(["overdue", "--manager", "Пётр Волков", "--format", "json", "--as", "anna"]).stdout)
            as! [[String: Any]]
        let expected = overdue.map { ($0["contract"] as! String, $0["overdue_amount"] as! String) }
            .sorted { (Decimal(string: $1.1)!, $0.0) < (Decimal(string: $0.1)!, $1.0) }.prefix(10).map(\.0)
        let listed = html.components(separatedBy: "<table data-list=\"largest\">")[1].components(separatedBy: "</table>")[0]
            .components(separatedBy: "data-contract=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
        #expect(listed == Array(expected), "\(listed) vs \(expected)")
        let oldest = html.components(separatedBy: "<table data-list=\"oldest\">")[1].components(separatedBy: "</table>")[0]
            .components(separatedBy: "data-days=\"").dropFirst().map { Int($0.prefix { $0 != "\"" })! }
        #expect(oldest == oldest.sorted(by: >) && oldest.first == overdue.map { $0["days_overdue"] as! Int }.max())
        #expect(try sandbox.run(["report", "html", "-o", file.path, "--segment", "nosuch"]).status == 65)
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
