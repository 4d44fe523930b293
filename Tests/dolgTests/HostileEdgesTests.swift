import Foundation
import Testing

/// What a file, a disk, a gateway or a stranger's input does at the edges: files that are not
/// ledgers stay as they were, output that cannot be written fails, a hung gateway is stopped,
/// and what reaches the ledger is what was meant.
@Suite("Hostile edges")
struct HostileEdgesTests {
    /// A ledger with one client and a contract whose first installment falls due on the business date.
    func ledgerDueToday() throws -> Sandbox {
        let sandbox = try Sandbox()
        for arguments in [["init"], ["client", "add", "Иванов Иван", "--phone", "+79001234567"],
                          ["contract", "add", "--number", "Д-1", "--client", "1", "--amount", "1000",
                           "--installments", "2", "--first-due", "2026-11-20", "--start", "2026-10-01"]] {
            let result = try sandbox.run(arguments)
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
        }
        return sandbox
    }

    func bytes(_ path: String) -> Data? { FileManager.default.contents(atPath: path) }

    @Test("a file that is not a ledger is refused by every command and left byte for byte as it was")
    func nonLedgersUntouched() throws {
        let sandbox = try Sandbox()
        let empty = sandbox.directory.appendingPathComponent("empty.sqlite").path
        FileManager.default.createFile(atPath: empty, contents: Data())
        let other = sandbox.directory.appendingPathComponent("other.sqlite").path
        _ = try Sandbox.sqlite(arguments: [other, "CREATE TABLE notes (text); INSERT INTO notes VALUES ('mine');"])
        let before = (bytes(empty), bytes(other))
        for path in [empty, other] {
            for arguments in [["overdue"], ["doctor"], ["report", "portfolio"], ["pay", "Д-1", "100"],
                              ["backup", sandbox.directory.appendingPathComponent("copy").path]] {
                let result = try sandbox.run(arguments + ["--db", path])
                #expect(result.status == 65, "\(arguments) on \(path): \(result.stderr)")
                #expect(result.stderr.contains("is not a dolg ledger"), "\(result.stderr)")
            }
            let initialised = try sandbox.run(["init", "--db", path])
            #expect(initialised.status == 73, "init only makes new files: \(initialised.stderr)")
        }
        #expect(bytes(empty) == before.0 && bytes(other) == before.1, "both files are byte-identical")
        let tables = try Sandbox.sqlite(arguments: [other, "SELECT group_concat(name) FROM sqlite_master"])
        #expect(tables.trimmingCharacters(in: .whitespacesAndNewlines) == "notes", "no table of dolg's was written beside it")
        #expect(!FileManager.default.fileExists(atPath: empty + "-journal") && !FileManager.default.fileExists(atPath: other + "-wal"))
        #expect(!FileManager.default.fileExists(atPath: sandbox.directory.appendingPathComponent("copy").path))
    }

    @Test("a ledger written by a newer dolg is refused and not touched")
    func newerLedgerRefused() throws {
        let sandbox = try ledgerDueToday()
        _ = try sandbox.sqlite("INSERT INTO grdb_migrations VALUES ('v999-from-the-future')")
        let before = sandbox.ledgerBytes()
        for arguments in [["overdue"], ["pay", "Д-1", "100"], ["doctor"]] {
            let result = try sandbox.run(arguments)
            #expect(result.status == 78, "\(arguments): \(result.stderr)")
            #expect(result.stderr.contains("written by a newer dolg"), "\(result.stderr)")
        }
        #expect(sandbox.ledgerBytes() == before)
    }

    @Test("a ledger made before the mark gets it on first use, and passes the doctor")
    func oldLedgerMarked() throws {
        let sandbox = try ledgerDueToday()
        _ = try sandbox.sqlite("PRAGMA application_id = 0")
        #expect(try sandbox.sqlite("PRAGMA application_id").hasPrefix("0"))
        _ = try sandbox.sqlite("DELETE FROM grdb_migrations WHERE identifier = 'v11-ledger-mark'")
        #expect(try sandbox.run(["overdue"]).status == 0)
        // "dolg" in ASCII, as a 32-bit number.
        #expect(try sandbox.sqlite("PRAGMA application_id").trimmingCharacters(in: .whitespacesAndNewlines)
                == String(0x646F_6C67))
        #expect(try sandbox.run(["doctor"]).status == 0)
    }

    /// Runs dolg with its standard output sent to `/dev/full`, where every write fails.
    func runIntoFullDisk(_ sandbox: Sandbox, _ arguments: [String]) throws -> (status: Int32, stderr: String) {
        let process = Process()
        process.executableURL = Sandbox.binary
        process.arguments = arguments
        process.environment = sandbox.environment
        process.standardOutput = FileHandle(forWritingAtPath: "/dev/full")
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, stderr)
    }

    @Test("output that cannot be written fails with 74 and the reason", arguments: [
        ["overdue", "--format", "csv"], ["export", "payments"], ["export", "contracts", "--format", "json"],
        ["report", "portfolio"], ["contract", "show", "Д-1"], ["report", "aging", "--format", "xlsx"],
    ])
    func fullDisk(_ arguments: [String]) throws {
        let sandbox = try ledgerDueToday()
        #expect(try sandbox.run(["pay", "Д-1", "100"]).status == 0)
        let result = try runIntoFullDisk(sandbox, arguments)
        #expect(result.status == 74, "\(arguments): \(result.stderr)")
        #expect(result.stderr.contains("No space left on device"), "\(result.stderr)")
    }

    @Test("a reader that stops reading is no failure: nothing more is written, nothing said")
    func readerLeaves() throws {
        let sandbox = try ledgerDueToday()
        let process = Process()
        process.executableURL = Sandbox.binary
        process.arguments = ["contract", "show", "Д-1"]
        process.environment = sandbox.environment
        let output = Pipe()
        process.standardOutput = output
        try output.fileHandleForReading.close()
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0 && stderr.isEmpty, "\(process.terminationStatus): \(stderr)")
    }

    @Test("the dashboard goes only to a regular file or a new path, readable by its owner only")
    func dashboardFile() throws {
        let sandbox = try ledgerDueToday()
        let path = sandbox.directory.appendingPathComponent("dashboard.html").path
        FileManager.default.createFile(atPath: path, contents: Data("old".utf8),
                                       attributes: [.posixPermissions: 0o644])
        #expect(try sandbox.run(["report", "html", "--out", path]).status == 0)
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        #expect(String(decoding: bytes(path) ?? Data(), as: UTF8.self).hasPrefix("<!DOCTYPE html>"))
        let link = sandbox.directory.appendingPathComponent("link.html").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: path)
        let through = try sandbox.run(["report", "html", "--out", link])
        #expect(through.status == 73, "never through a link: \(through.stderr)")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: sandbox.directory.path)
            .filter { $0.contains("incomplete") }
        #expect(leftovers.isEmpty, "\(leftovers)")
    }

    @Test("a file of two 1C statements imports the payments of both")
    func twoStatements() throws {
        let sandbox = try ledgerDueToday()
        func statement(_ number: Int, _ amount: String) -> String {
            ["1CClientBankExchange", "ВерсияФормата=1.03", "Кодировка=Windows", "РасчСчет=40702810900000012345",
             "СекцияДокумент=Платежное поручение", "Номер=\(number)", "Дата=19.11.2026", "Сумма=\(amount)",
             "ПлательщикСчет=40817810000000000001", "ПолучательСчет=40702810900000012345",
             "НазначениеПлатежа=Оплата по договору Д-1", "КонецДокумента", "КонецФайла"].joined(separator: "\r\n") + "\r\n"
        }
        let file = sandbox.directory.appendingPathComponent("two.txt")
        try (statement(1, "100.00") + "\r\n" + statement(2, "250.00")).data(using: .windowsCP1251)!.write(to: file)
        let imported = try sandbox.run(["import", "bank", file.path])
        #expect(imported.status == 0, "\(imported.stderr)")
        let payments = try sandbox.run(["export", "payments"]).stdout
        #expect(payments.contains(",100.00,") && payments.contains(",250.00,"), "\(payments)")
    }

    @Test("a pipe nobody writes is refused at once, not waited on")
    func fifoRefused() throws {
        let sandbox = try ledgerDueToday()
        let fifo = sandbox.directory.appendingPathComponent("payments.csv").path
        #expect(mkfifo(fifo, 0o600) == 0)
        let started = Date()
        let result = try sandbox.run(["import", "payments", fifo])
        #expect(result.status == 65, "\(result.stderr)")
        #expect(result.stderr.contains("a pipe nobody writes into"), "\(result.stderr)")
        #expect(Date().timeIntervalSince(started) < 10)
    }

    @Test("a pipe someone writes into is read like a file")
    func fifoRead() throws {
        let sandbox = try ledgerDueToday()
        let fifo = sandbox.directory.appendingPathComponent("payments.csv").path
        #expect(mkfifo(fifo, 0o600) == 0)
        let writer = Process()
        writer.executableURL = URL(fileURLWithPath: "/bin/sh")
        writer.arguments = ["-c", "printf 'contract,date,amount\\nД-1,2026-11-20,100\\n' > \"$0\"", fifo]
        try writer.run()
        let result = try sandbox.run(["import", "payments", fifo])
        writer.waitUntilExit()
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("Imported \(fifo): 1 row"), "\(result.stdout)")
    }

    @Test("the audit keeps the OS user and the login claimed beside it")
    func claimedLogin() throws {
        let sandbox = try ledgerDueToday()
        #expect(try sandbox.run(["pay", "Д-1", "100"], environment: ["DOLG_USER": "anna"]).status == 0)
        let row = try sandbox.sqlite("SELECT os_user, claimed_login FROM audit_log ORDER BY id DESC LIMIT 1")
        let osUser = ProcessInfo.processInfo.userName
        #expect(row.trimmingCharacters(in: .whitespacesAndNewlines) == "\(osUser)|anna", "\(row)")
    }

    @Test("a name typed decomposed is the contract stored composed")
    func composedNames() throws {
        let sandbox = try ledgerDueToday()
        let decomposed = "И\u{306}-7"
        #expect(try sandbox.run(["contract", "add", "--number", decomposed, "--client", "1", "--amount", "100",
                                 "--installments", "1", "--first-due", "2026-12-01"]).status == 0)
        #expect(try sandbox.sqlite("SELECT hex(number) FROM contracts WHERE number LIKE '%-7'")
                    .trimmingCharacters(in: .whitespacesAndNewlines) == "D0992D37", "stored as the one letter Й (D0 99)")
        #expect(try sandbox.run(["contract", "show", "Й-7"]).status == 0)
        #expect(try sandbox.run(["contract", "show", decomposed]).status == 0)
    }

    @Test("a gateway that hangs is stopped at the timeout with its children; its outcome is unknown, the rest wait")
    func hungGateway() throws {
        let sandbox = try ledgerDueToday()
        for arguments in [["client", "add", "Петров Пётр", "--phone", "+79007654321"],
                          ["contract", "add", "--number", "Д-2", "--client", "2", "--amount", "1000",
                           "--installments", "2", "--first-due", "2026-11-20", "--start", "2026-10-01"]] {
            #expect(try sandbox.run(arguments).status == 0)
        }
        let marker = sandbox.directory.appendingPathComponent("child-alive").path
        // The gateway leaves a child that would touch the marker a few seconds later, and hangs.
        let gateway = "(sleep 4; touch \(marker)) & sleep 3600"
        let started = Date()
        let run = try sandbox.run(["remind", "--now", "2026-11-20T12:00", "--send-cmd", gateway, "--send-timeout", "1"])
        #expect(Date().timeIntervalSince(started) < 3, "one timeout, not one per message")
        #expect(run.status == 69, "\(run.stderr)")
        let list = try sandbox.run(["outbox", "list", "--format", "csv"]).stdout
        #expect(list.components(separatedBy: ",unknown,").count == 2,
                "the one handed over may have sent: left for the operator, not sent again: \(list)")
        let next = try sandbox.run(["remind", "--now", "2026-11-20T12:15", "--send-cmd", "cat >/dev/null"])
        #expect(next.status == 0 && next.stdout.contains("1 sent"), "the other goes with the next run: \(next.stdout)")
        sleep(5)
        #expect(!FileManager.default.fileExists(atPath: marker), "the whole process group was killed")
    }

    @Test("a gateway's background child does not hold the next run")
    func backgroundChild() throws {
        let sandbox = try ledgerDueToday()
        let first = try sandbox.run(["remind", "--now", "2026-11-20T12:00", "--send-cmd", "sleep 30 >/dev/null 2>&1 & exit 0"])
        #expect(first.status == 0, "\(first.stderr)")
        let started = Date()
        let second = try sandbox.run(["remind", "--now", "2026-11-20T12:05", "--send-cmd", "cat >/dev/null"])
        #expect(second.status == 0, "the run lock is free: \(second.stderr)")
        #expect(Date().timeIntervalSince(started) < 10)
    }

    @Test("a failing gateway's error output is kept short, its phone numbers masked")
    func gatewayErrors() throws {
        let sandbox = try ledgerDueToday()
        let gateway = "head -c 1000000 /dev/zero | tr '\\0' x >&2; echo ' rejected +7 900 123-45-67' >&2; exit 1"
        let run = try sandbox.run(["remind", "--now", "2026-11-20T12:00", "--send-cmd", gateway])
        #expect(run.status == 69, "\(run.stderr)")
        let detail = try sandbox.sqlite("SELECT detail FROM attempt_results ORDER BY rowid DESC LIMIT 1")
        #expect(detail.utf8.count <= 2_100, "\(detail.utf8.count) bytes kept")
        #expect(detail.contains("rejected +7******4567") && !detail.contains("123-45-67"), "\(detail.suffix(80))")
    }
}
