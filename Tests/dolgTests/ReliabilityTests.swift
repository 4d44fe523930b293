import Foundation
import Testing

/// Crash and concurrency tests against the real binary. `make test` runs a few rounds;
/// `make torture` sets DOLG_TORTURE_KILLS and DOLG_TORTURE_WRITERS for the long run.
@Suite("Reliability", .serialized)
struct ReliabilityTests {
    static let environment = ProcessInfo.processInfo.environment
    static let kills = Int(environment["DOLG_TORTURE_KILLS"] ?? "") ?? 6
    static let writers = Int(environment["DOLG_TORTURE_WRITERS"] ?? "") ?? 4
    static let paymentsPerWriter = 5

    /// A sandbox ledger with the four contracts of Fixtures/import/contracts.csv.
    func ledgerWithContracts() throws -> Sandbox {
        let sandbox = try Sandbox()
        #expect(try sandbox.run(["init"]).status == 0)
        let fixtures = GoldenTests.fixturesDirectory.path
        #expect(try sandbox.run(["import", "contracts", fixtures + "/import/contracts.csv"]).status == 0)
        return sandbox
    }

    /// How many records of a kind (`payments`, `contracts`) the ledger holds, read through `dolg export`.
    func recordCount(_ kind: String, _ sandbox: Sandbox) throws -> Int {
        let export = try sandbox.run(["export", kind])
        #expect(export.status == 0, "\(export.stderr)")
        // CSV lines end in CRLF, one Character in Swift: split on newlines, not on "\n".
        return export.stdout.split(whereSeparator: \.isNewline).count - 1
    }

    func doctorPasses(_ sandbox: Sandbox) throws -> Bool {
        let doctor = try sandbox.run(["doctor"])
        return doctor.status == 0
    }

    /// Starts `dolg` with the sandbox's environment without waiting for it.
    func start(_ sandbox: Sandbox, _ arguments: [String], environment: [String: String] = [:]) throws -> Process {
        let process = Process()
        process.executableURL = Sandbox.binary
        process.arguments = arguments
        process.environment = sandbox.environment.merging(environment) { $1 }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// An import file of `rows` new records for round `round`: each round has the whole file to write.
    static func importFile(_ kind: String, round: Int, rows: Int) -> String {
        switch kind {
        case "payments":
            return "contract,date,amount,reference,method\n" + (1...rows).map { index in
                "Д-004,2026-11-\(10 + index % 10),1,K\(round)-\(index),cash\n"
            }.joined()
        default:
            return "number,client,phone,email,manager,segment,start_date,amount,down_payment,installments,period,first_due,rate\n"
                + (1...rows).map { index in
                    // A client each, as reminders are counted per client.
                    "K\(round)-\(index),Клиент \(index),+7916\(1_000_000 + index),,,,2026-10-01,12000,,3,month,2026-10-31,\n"
                }.joined()
        }
    }

    @Test("killed mid-import, the ledger holds all of a file or none of it; a re-run completes it once",
          arguments: [("payments", 5_000), ("contracts", 1_500)])
    func killDuringImport(kind: String, rows: Int) throws {
        let sandbox = try ledgerWithContracts()
        let start = try recordCount(kind, sandbox)
        var random = SystemRandomNumberGenerator()
        var killedMidWay = 0
        var lastFile: URL?
        for round in 1...Self.kills {
            let file = sandbox.directory.appendingPathComponent("\(kind)-\(round).csv")
            try Self.importFile(kind, round: round, rows: rows).write(to: file, atomically: true, encoding: .utf8)
            lastFile = file
            let before = try recordCount(kind, sandbox)
            let process = try self.start(sandbox, ["import", kind, file.path])
            usleep(UInt32.random(in: 0...600_000, using: &random))
            if process.isRunning {
                kill(process.processIdentifier, SIGKILL)
                killedMidWay += 1
            }
            process.waitUntilExit()
            let after = try recordCount(kind, sandbox)
            #expect(after == before || after == before + rows, "round \(round): \(before) → \(after) \(kind)")
            #expect(try doctorPasses(sandbox), "round \(round)")
        }
        let before = try recordCount(kind, sandbox)
        let rerun = try sandbox.run(["import", kind, lastFile!.path])
        #expect(rerun.status == 0, "\(rerun.stderr)")
        let final = try recordCount(kind, sandbox)
        #expect(final == before || final == before + rows)
        #expect((final - start) % rows == 0, "only whole files: \(final - start) \(kind) imported")
        print("killDuringImport \(kind): \(killedMidWay) of \(Self.kills) imports killed mid-way, nothing partial")
    }

    /// A 1C statement of `documents` incoming payments to Д-004, numbered for `round`.
    static func statement(round: Int, documents: Int) -> Data {
        var lines = ["1CClientBankExchange", "ВерсияФормата=1.03", "Кодировка=Windows", "РасчСчет=40702810900000012345",
                     "СекцияРасчСчет", "РасчСчет=40702810900000012345", "КонецРасчСчет"]
        for document in 1...documents {
            lines += ["СекцияДокумент=Платежное поручение", "Номер=\(round * 100_000 + document)", "Дата=19.11.2026",
                      "Сумма=1.00", "ПлательщикСчет=40817810000000000001", "ПлательщикБИК=044525225",
                      "ПолучательСчет=40702810900000012345", "НазначениеПлатежа=Оплата по договору Д-004", "КонецДокумента"]
        }
        lines.append("КонецФайла")
        return (lines.joined(separator: "\r\n") + "\r\n").data(using: .windowsCP1251)!
    }

    @Test("killed mid-way through a bank statement, the ledger holds all of it or none; a re-run completes it once")
    func killDuringBankImport() throws {
        let sandbox = try ledgerWithContracts()
        let documents = 2_000
        let start = try recordCount("payments", sandbox)
        var random = SystemRandomNumberGenerator()
        var killedMidWay = 0
        var lastFile: URL?
        for round in 1...Self.kills {
            let file = sandbox.directory.appendingPathComponent("statement-\(round).txt")
            try Self.statement(round: round, documents: documents).write(to: file)
            lastFile = file
            let before = try recordCount("payments", sandbox)
            let process = try self.start(sandbox, ["import", "bank", file.path])
            usleep(UInt32.random(in: 0...600_000, using: &random))
            if process.isRunning {
                kill(process.processIdentifier, SIGKILL)
                killedMidWay += 1
            }
            process.waitUntilExit()
            let after = try recordCount("payments", sandbox)
            #expect(after == before || after == before + documents, "round \(round): \(before) → \(after) payments")
            #expect(try doctorPasses(sandbox), "round \(round)")
        }
        let before = try recordCount("payments", sandbox)
        let rerun = try sandbox.run(["import", "bank", lastFile!.path])
        #expect(rerun.status == 0, "\(rerun.stderr)")
        let again = try sandbox.run(["import", "bank", lastFile!.path])
        #expect(again.status == 0, "\(again.stderr)")
        let final = try recordCount("payments", sandbox)
        #expect(final == before || final == before + documents, "the re-run adds the statement once at most")
        #expect((final - start) % documents == 0, "only whole statements: \(final - start) payments imported")
        print("killDuringBankImport: \(killedMidWay) of \(Self.kills) imports killed mid-way, nothing partial")
    }

    @Test("killed while adding a contract, the ledger has the whole contract or none; a re-run adds it once")
    func killDuringContractAdd() throws {
        let sandbox = try ledgerWithContracts()
        var random = SystemRandomNumberGenerator()
        var added = 0
        for round in 1...Self.kills * 4 {
            let arguments = ["contract", "add", "--number", "KA-\(round)", "--client", "1", "--amount", "24000",
                             "--installments", "24", "--first-due", "2026-12-01"]
            let before = try recordCount("contracts", sandbox)
            let process = try self.start(sandbox, arguments)
            usleep(UInt32.random(in: 0...60_000, using: &random))
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            process.waitUntilExit()
            let after = try recordCount("contracts", sandbox)
            #expect(after == before || after == before + 1, "round \(round): \(before) → \(after) contracts")
            // The doctor checks that every contract has all its installments and that they sum up.
            #expect(try doctorPasses(sandbox), "round \(round)")
            let rerun = try sandbox.run(arguments)
            // Added now, or already there from the killed run (refused as a duplicate, 65).
            #expect(rerun.status == 0 || (rerun.status == 65 && after == before + 1), "\(rerun.stderr)")
            #expect(try recordCount("contracts", sandbox) == before + 1, "round \(round): exactly once")
            if after == before + 1 { added += 1 }
        }
        print("killDuringContractAdd: \(Self.kills * 4 - added) of \(Self.kills * 4) adds killed before they committed")
    }

    @Test("killed mid-backup or mid-restore, the target is absent or a whole ledger; a retry completes it",
          arguments: ["backup", "restore"])
    func killDuringCopy(command: String) throws {
        let sandbox = try ledgerWithContracts()
        let rows = sandbox.directory.appendingPathComponent("bulk.csv")
        try Self.importFile("contracts", round: 0, rows: 3_000).write(to: rows, atomically: true, encoding: .utf8)
        #expect(try sandbox.run(["import", "contracts", rows.path]).status == 0)
        let source = sandbox.directory.appendingPathComponent("source.backup").path
        #expect(try sandbox.run(["backup", source]).status == 0)
        var random = SystemRandomNumberGenerator()
        var killedMidWay = 0
        for round in 1...Self.kills {
            let target = sandbox.directory.appendingPathComponent("target-\(round).sqlite").path
            let arguments = command == "backup" ? ["backup", target] : ["restore", source, "--db", target]
            let process = try start(sandbox, arguments)
            // A copy takes some tens of milliseconds: most kills land inside it.
            usleep(UInt32.random(in: 0...40_000, using: &random))
            if process.isRunning {
                kill(process.processIdentifier, SIGKILL)
                killedMidWay += 1
            }
            process.waitUntilExit()
            // Whole: it passes the doctor and holds every contract of the ledger it copies.
            func isWhole() throws -> Bool {
                let doctor = try sandbox.run(["doctor", "--db", target])
                let contracts = try sandbox.run(["export", "contracts", "--db", target])
                return doctor.status == 0 && contracts.stdout.split(whereSeparator: \.isNewline).count == 3_005
            }
            let exists = FileManager.default.fileExists(atPath: target)
            if exists { #expect(try isWhole(), "round \(round): a \(command) under the final name is whole") }
            // The retry makes it, or finds the whole one the killed run made.
            let retry = try sandbox.run(arguments)
            #expect(retry.status == 0 || (exists && retry.status == 73), "round \(round): \(retry.stderr)")
            #expect(try isWhole(), "round \(round)")
        }
        print("killDuringCopy \(command): \(killedMidWay) of \(Self.kills) killed mid-way, never a half-made ledger")
    }

    /// The outbox as `dolg outbox list --format csv` shows it, one line per message.
    func outboxLines(_ sandbox: Sandbox) throws -> [Substring] {
        let list = try sandbox.run(["outbox", "list", "--format", "csv"])
        #expect(list.status == 0, "\(list.stderr)")
        return list.stdout.split(whereSeparator: \.isNewline).dropFirst().sorted()
    }

    @Test("killed during the nightly run, a re-run leaves the outbox exactly as one uninterrupted run would")
    func killDuringDaily() throws {
        // 1 500 contracts a day overdue, each with a reminder due (and the two before it skipped).
        let base = try ledgerWithContracts()
        let contracts = base.directory.appendingPathComponent("overdue.csv")
        try Self.importFile("contracts", round: 0, rows: 1_500).replacing("2026-10-31", with: "2026-11-19")
            .write(to: contracts, atomically: true, encoding: .utf8)
        #expect(try base.run(["import", "contracts", contracts.path]).status == 0)
        func copyOfBase() throws -> Sandbox {
            let copy = try Sandbox()
            for suffix in ["", "-wal"] where FileManager.default.fileExists(atPath: base.ledgerPath + suffix) {
                try FileManager.default.copyItem(atPath: base.ledgerPath + suffix, toPath: copy.ledgerPath + suffix)
            }
            return copy
        }
        let reference = try copyOfBase()
        #expect(try reference.run(["daily"]).status == 0)
        let expected = try outboxLines(reference)
        #expect(expected.count >= 1_500, "every overdue contract gets a reminder: \(expected.count)")
        var random = SystemRandomNumberGenerator()
        var killedMidWay = 0
        for round in 1...Self.kills {
            let sandbox = try copyOfBase()
            let process = try self.start(sandbox, ["daily"])
            usleep(UInt32.random(in: 0...1_500_000, using: &random))
            if process.isRunning {
                kill(process.processIdentifier, SIGKILL)
                killedMidWay += 1
            }
            process.waitUntilExit()
            let killed = try outboxLines(sandbox)
            #expect(killed.isEmpty || killed == expected, "round \(round): \(killed.count) of \(expected.count) reminders")
            #expect(try doctorPasses(sandbox), "round \(round)")
            let rerun = try sandbox.run(["daily"])
            #expect(rerun.status == 0, "\(rerun.stderr)")
            #expect(try outboxLines(sandbox) == expected, "round \(round): the re-run completes the outbox once")
        }
        print("killDuringDaily: \(killedMidWay) of \(Self.kills) nightly runs killed mid-way, nothing partial")
    }

    @Test("a nightly run, operators paying and calling, and an import at once: each succeeds or is refused as busy")
    func concurrentWriters() throws {
        let sandbox = try ledgerWithContracts()
        let importFile = sandbox.directory.appendingPathComponent("concurrent.csv")
        try Self.importFile("payments", round: 99, rows: 50).write(to: importFile, atomically: true, encoding: .utf8)
        let statuses = Mutex([(command: String, status: Int32)]())
        // Writers pay; one runs the nightly job, one calls clients, one imports a file.
        DispatchQueue.concurrentPerform(iterations: Self.writers + 3) { writer in
            func run(_ arguments: [String]) {
                let result = try? sandbox.run(arguments)
                statuses.withLock { $0.append((arguments.prefix(2).joined(separator: " "), result?.status ?? -1)) }
            }
            switch writer {
            case Self.writers: run(["daily"])
            case Self.writers + 1:
                for call in 1...Self.paymentsPerWriter {
                    run(["touch", "Д-00\(call % 4 + 1)", "--channel", "call", "--outcome", "no-answer"])
                }
            case Self.writers + 2: run(["import", "payments", importFile.path])
            default:
                for payment in 1...Self.paymentsPerWriter {
                    run(["pay", "Д-004", "1", "--ref", "W\(writer)-\(payment)"])
                }
            }
        }
        let all = statuses.withLock { $0 }
        #expect(all.count == Self.writers * Self.paymentsPerWriter + Self.paymentsPerWriter + 2)
        // 0 done; 75 busy, nothing written.
        #expect(all.allSatisfy { $0.status == 0 || $0.status == 75 }, "\(all)")
        let paid = all.filter { $0.command == "pay Д-004" && $0.status == 0 }.count
        let imported = all.contains { $0.command == "import payments" && $0.status == 0 } ? 50 : 0
        #expect(try recordCount("payments", sandbox) == paid + imported, "every successful payment, exactly once")
        #expect(try doctorPasses(sandbox))
        print("concurrentWriters: \(Self.writers) payers, a nightly run, a caller and an import; "
              + "\(all.filter { $0.status == 75 }.count) busy refusals of \(all.count) commands")
    }
}

/// A value shared between the writer threads.
final class Mutex<Value>: @unchecked Sendable {
    private var value: Value
    private let lock = NSLock()
    init(_ value: Value) { self.value = value }
    func withLock<T>(_ body: (inout Value) -> T) -> T {
        lock.lock()
        defer { lock.unlock() }
        return body(&value)
    }
}

extension ReliabilityTests {
    @Test("killed while handing messages to the gateway, no message reaches it twice; the unknown ones wait for an operator")
    func killDuringSending() throws {
        var random = SystemRandomNumberGenerator()
        var killedMidSend = 0
        var unknownTotal = 0
        for round in 1...Self.kills {
            let sandbox = try Sandbox()
            let directory = sandbox.directory.path
            #expect(try sandbox.run(["init"]).status == 0)
            // Twenty clients, each a day late: twenty deliveries, handed over one by one.
            for index in 1...20 {
                let phone = String(format: "+7917%07d", index)
                #expect(try sandbox.run(["client", "add", "Клиент \(index)", "--phone", phone]).status == 0)
                #expect(try sandbox.run(["contract", "add", "--number", "K\(index)", "--client", String(index),
                                         "--amount", "1000", "--installments", "1", "--first-due", "2026-11-19",
                                         "--start", "2026-11-01"]).status == 0)
            }
            // The gateway takes the message, then needs a moment before it answers.
            let gateway = "echo \"$DOLG_MESSAGE_ID\" >> \(directory)/delivered; sleep 0.02"
            let environment = ["DOLG_NOW": "2026-11-20T10:00"]
            let process = try start(sandbox, ["remind", "--send-cmd", gateway], environment: environment)
            usleep(UInt32.random(in: 50_000...600_000, using: &random))
            if process.isRunning {
                kill(process.processIdentifier, SIGKILL)
                killedMidSend += 1
            }
            process.waitUntilExit()
            // Runs after the crash send the rest, never what the killed run handed over.
            for _ in 0..<2 {
                let rerun = try sandbox.run(["remind", "--send-cmd", gateway], environment: environment)
                #expect([0, 69].contains(rerun.status), "round \(round): \(rerun.stderr)")
            }
            let delivered = ((try? String(contentsOfFile: "\(directory)/delivered", encoding: .utf8)) ?? "")
                .split(separator: "\n")
            #expect(Set(delivered).count == delivered.count, "round \(round): an id reached the gateway twice")
            let unknown = try sandbox.run(["outbox", "list", "--status", "unknown", "--format", "csv"], environment: environment)
            let unknownCount = unknown.stdout.components(separatedBy: ",unknown,").count - 1
            #expect(unknownCount <= 1, "round \(round): at most the one message in flight is unknown")
            // Every other message reached the gateway; the one in flight may or may not have.
            #expect(delivered.count >= 20 - unknownCount, "round \(round): \(delivered.count) of 20 reached the gateway")
            unknownTotal += unknownCount
            // The operator checks the gateway: it took them all.
            #expect(try sandbox.run(["outbox", "mark-sent", "--unknown"], environment: environment).status == 0)
            let doctor = try sandbox.run(["doctor"], environment: environment)
            #expect(doctor.status == 0, "round \(round): \(doctor.stdout)")
        }
        print("killDuringSending: \(killedMidSend) of \(Self.kills) sending runs killed, \(unknownTotal) left unknown, "
              + "no message handed over twice")
    }
}

extension ReliabilityTests {
    @Test("a run that is still sending is not a crash: the night's close raises no alarm and a retry waits for it")
    func sendingInProgress() throws {
        let sandbox = try Sandbox()
        #expect(try sandbox.run(["init"]).status == 0)
        #expect(try sandbox.run(["client", "add", "Иванов", "--phone", "+79170000001"]).status == 0)
        #expect(try sandbox.run(["contract", "add", "--number", "K1", "--client", "1", "--amount", "1000",
                                 "--installments", "1", "--first-due", "2026-11-19", "--start", "2026-11-01"]).status == 0)
        let environment = ["DOLG_NOW": "2026-11-20T10:00"]
        // A slow gateway: the message is in its hands for two seconds.
        let sending = try start(sandbox, ["remind", "--send-cmd", "sleep 2"], environment: environment)
        usleep(700_000)
        #expect(sending.isRunning, "the sending run is still at work")
        let daily = try sandbox.run(["daily"], environment: environment)
        #expect(daily.status == 0, "\(daily.stdout)")
        #expect(daily.stdout.contains("A run sending reminders is at work"), "\(daily.stdout)")
        let retry = try sandbox.run(["outbox", "retry", "--unknown"], environment: environment)
        #expect(retry.status == 75, "\(retry.stderr)")
        sending.waitUntilExit()
        #expect(sending.terminationStatus == 0)
        let outbox = try sandbox.run(["outbox", "--format", "csv"], environment: environment)
        #expect(outbox.stdout.contains(",sent,1,"), "\(outbox.stdout)")
    }
}
