import Foundation
import Testing

/// Personal data in every output path: masked unless --reveal, and every --reveal leaves an
/// audit row naming the command, written before anything is shown.
@Suite("Privacy")
struct PrivacyTests {
    static let passport = "4510 987654"
    static let address = "Казань, ул. Баумана, д. 7, кв. 12"

    /// Every command that shows a phone, a passport or an address, and what it must hide.
    static let commands: [(arguments: [String], hidden: [String])] = [
        (["client", "list"], ["9171234567"]),
        (["client", "show", "1"], ["9171234567"]),
        (["client", "show", "4"], ["987654", "Баумана"]),
        (["contract", "show", "Д-001"], ["9171234567"]),
        (["overdue"], ["9171234567"]),
        (["overdue", "--format", "csv"], ["9171234567"]),
        (["next", "--all"], ["9171234567"]),
        // The outbox holds a message for Д-003 only: Д-001 is in the lawyer's hands, and gets none.
        (["outbox", "list"], ["8432001020"]),
        (["outbox", "export"], ["8432001020"]),
        (["export", "clients"], ["9171234567", "987654", "Баумана"]),
    ]

    func ledger() throws -> Sandbox {
        let sandbox = try Sandbox()
        for arguments in [["init"], ["import", "contracts", GoldenTests.fixturesDirectory.path + "/import/contracts.csv"],
                          ["client", "add", "Сидоров", "--phone", "+79170000009", "--passport", Self.passport,
                           "--address", Self.address],
                          ["remind"]] {
            let result = try sandbox.run(arguments)
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
        }
        return sandbox
    }

    /// The audit log's command lines, read with the sqlite3 shell.
    func auditCommands(_ sandbox: Sandbox) throws -> [String] {
        try sandbox.sqlite("SELECT command FROM audit_log ORDER BY id").split(separator: "\n").map(String.init)
    }

    @Test("masked by default, shown with --reveal, and every --reveal audited", arguments: commands.indices)
    func revealIsAudited(index: Int) throws {
        let (arguments, hidden) = Self.commands[index]
        let sandbox = try ledger()
        let auditBefore = try auditCommands(sandbox)
        let masked = try sandbox.run(arguments)
        #expect(masked.status == 0, "\(masked.stderr)")
        for secret in hidden {
            #expect(!masked.stdout.contains(secret), "\(arguments) shows \(secret) without --reveal")
        }
        #expect(try auditCommands(sandbox) == auditBefore, "reading without --reveal writes nothing")

        let revealed = try sandbox.run(arguments + ["--reveal"])
        #expect(revealed.status == 0, "\(revealed.stderr)")
        for secret in hidden {
            #expect(revealed.stdout.contains(secret), "\(arguments) --reveal shows \(secret)")
        }
        let auditAfter = try auditCommands(sandbox)
        #expect(auditAfter.count == auditBefore.count + 1, "one audit row for the --reveal")
        #expect(auditAfter.last?.contains("--reveal") == true && auditAfter.last?.contains(arguments[0]) == true,
                "the audit row names the command: \(auditAfter.last ?? "")")
        #expect(auditAfter.allSatisfy { !$0.contains("987654") }, "the audit log never holds a passport number")
    }

    @Test("a refused --reveal writes no audit row")
    func refusedRevealWritesNothing() throws {
        let sandbox = try ledger()
        let before = sandbox.ledgerBytes()
        let result = try sandbox.run(["client", "show", "999", "--reveal"])
        #expect(result.status == 65)
        #expect(sandbox.ledgerBytes() == before)
    }
}
