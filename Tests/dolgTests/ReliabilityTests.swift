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
    func start(_ sandbox: Sandbox, _ arguments: [String]) throws -> Process {
        let process = Process()
        process.executableURL = Sandbox.binary
        process.arguments = arguments
        process.environment = sandbox.environment
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
                    "K\(round)-\(index),Клиент,+79170000000,,,,2026-10-01,12000,,3,month,2026-10-31,\n"
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

    @Test("writers at once: each payment is recorded once or refused as busy, and the doctor passes")
    func concurrentWriters() throws {
        let sandbox = try ledgerWithContracts()
        let statuses = Mutex([Int32]())
        DispatchQueue.concurrentPerform(iterations: Self.writers) { writer in
            for payment in 1...Self.paymentsPerWriter {
                let result = try? sandbox.run(["pay", "Д-004", "1", "--ref", "W\(writer)-\(payment)"])
                statuses.withLock { $0.append(result?.status ?? -1) }
            }
        }
        let all = statuses.withLock { $0 }
        #expect(all.count == Self.writers * Self.paymentsPerWriter)
        // 0 recorded; 75 busy, nothing written.
        #expect(all.allSatisfy { $0 == 0 || $0 == 75 }, "\(all)")
        let recorded = try recordCount("payments", sandbox)
        #expect(recorded == all.filter { $0 == 0 }.count)
        #expect(try doctorPasses(sandbox))
        print("concurrentWriters: \(Self.writers) writers, \(all.filter { $0 == 75 }.count) busy refusals")
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
