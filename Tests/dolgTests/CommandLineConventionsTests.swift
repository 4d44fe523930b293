import Foundation
import Testing

/// What scripts and shells expect of a command line.
@Suite("Command-line conventions")
struct CommandLineConventionsTests {
    @Test("global options may stand before the subcommand, in either spelling, with the same answer")
    func leadingGlobalOptions() throws {
        let sandbox = try Sandbox()
        let other = sandbox.directory.appendingPathComponent("other.sqlite").path
        #expect(try sandbox.run(["--db", other, "init"]).status == 0)
        #expect(FileManager.default.fileExists(atPath: other), "--db before init made the ledger there")
        for arguments in [["client", "add", "Иванов Иван", "--phone", "+79001234567"],
                          ["contract", "add", "--number", "Д-1", "--client", "1", "--amount", "1000", "--installments", "2",
                           "--first-due", "2026-03-01", "--start", "2026-02-01"]] {
            #expect(try sandbox.run(["--db=\(other)"] + arguments).status == 0)
        }
        let after = try sandbox.run(["overdue", "--db", other, "--today", "2026-03-10", "--format", "csv"])
        let before = try sandbox.run(["--today", "2026-03-10", "--db", other, "overdue", "--format", "csv"])
        #expect(after.status == 0 && before.status == 0, "\(before.stderr)")
        #expect(before.stdout == after.stdout)
        #expect(before.stdout.contains("Д-1,"), "10 March: the first installment is 9 days late. \(before.stdout)")
        // A value that only looks like an option after `--` stays an argument.
        let literal = try sandbox.run(["--db", other, "client", "note", "1", "--", "--today"])
        #expect(literal.status == 0, "\(literal.stderr)")
    }

    @Test("--version names the tool and its version")
    func version() throws {
        let result = try Sandbox().run(["--version"])
        #expect(result.stdout == "dolg 0.2.0\n" && result.status == 0)
    }
}
