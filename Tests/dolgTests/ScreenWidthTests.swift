import Foundation
import Testing

/// Tables fit the terminal: every line of the main screens at 80 and 120 columns, in both
/// languages, on the demo ledger, is at most that many cells wide.
@Suite("Screen width")
struct ScreenWidthTests {
    /// Cells a line takes, counted apart from dolg's own code: East Asian ideographs, Hangul,
    /// full-width forms and pictographic emoji take two, combining marks none, the rest one.
    static func cells(_ line: Substring) -> Int {
        line.unicodeScalars.reduce(0) { sum, scalar in
            switch scalar.value {
            case 0x0300...0x036F, 0xFE0F: return sum
            case 0x1100...0x115F, 0x2E80...0x9FFF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFF00...0xFF60, 0x1F300...0x1FAFF:
                return sum + 2
            default: return sum + 1
            }
        }
    }

    @Test("next, overdue, contract list, client show, report managers and outbox fit 80 and 120 columns",
          arguments: [80, 120])
    func fits(columns: Int) throws {
        let sandbox = try Sandbox()
        #expect(try sandbox.loadDemo() == 0)
        // The night's close plans the reminders the outbox lists.
        _ = try sandbox.run(["daily", "--now", "2026-11-20T02:15"])
        for language in ["en", "ru"] {
            for arguments in [["next", "--all", "--now", "2026-11-20T10:00"], ["next", "--as", "petr", "--now", "2026-11-20T10:00"],
                              ["overdue"], ["contract", "list"], ["client", "show", "1"],
                              ["report", "managers", "--from", "2026-11-01", "--to", "2026-11-20"], ["outbox", "list"]] {
                let result = try sandbox.run(arguments + ["--lang", language], environment: ["COLUMNS": String(columns)])
                #expect(result.status == 0, "\(arguments): \(result.stderr)")
                #expect(result.stdout.split(separator: "\n").count > 2, "\(arguments) lists work")
                for line in result.stdout.split(separator: "\n") {
                    #expect(Self.cells(line) <= columns, "\(arguments) \(language): \(Self.cells(line)) cells: \(line)")
                }
            }
        }
        // --wide gives every column back, as a file does.
        let wide = try sandbox.run(["next", "--all", "--now", "2026-11-20T10:00", "--wide"], environment: ["COLUMNS": "80"])
        let file = try sandbox.run(["next", "--all", "--now", "2026-11-20T10:00"])
        #expect(wide.stdout == file.stdout && wide.stdout.contains("instruction"))
    }
}
