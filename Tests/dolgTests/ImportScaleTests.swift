import Foundation
import Testing

/// A 100,000-row payments file imports exactly once with memory that does not grow with the file.
/// Memory is compared, not time: peak resident memory comes from /usr/bin/time.
@Suite("Import at scale")
struct ImportScaleTests {
    @Test("100,000 payments: flat memory, and a second import records nothing")
    func hundredThousandPayments() throws {
        let sandbox = try Sandbox()
        let contracts = sandbox.directory.appendingPathComponent("contracts.csv")
        var text = "number,client,phone,amount,installments,first_due\n"
        for index in 0..<500 {
            text += "S-\(index),Client \(index),8917\(String(format: "%07d", index)),120000,12,2026-01-15\n"
        }
        try text.write(to: contracts, atomically: true, encoding: .utf8)
        #expect(try sandbox.run(["init"]).status == 0)
        #expect(try sandbox.run(["import", "contracts", contracts.path]).status == 0)

        let small = try paymentsFile(sandbox, rows: 10_000)
        let large = try paymentsFile(sandbox, rows: 100_000)
        let smallRun = try peakMemory(sandbox, ["import", "payments", small.path])
        #expect(smallRun.output.contains("created 10000 payments"))
        let largeRun = try peakMemory(sandbox, ["import", "payments", large.path])
        // The large file starts with the small one's rows: those are already there.
        #expect(largeRun.output.contains("100000 rows; created 90000 payments; 10000 already in the ledger"))
        #expect(largeRun.kilobytes < smallRun.kilobytes * 3 / 2,
                "peak memory \(largeRun.kilobytes) KB for 100,000 rows against \(smallRun.kilobytes) KB for 10,000")
        let again = try sandbox.run(["import", "payments", large.path])
        #expect(again.stdout.contains("created 0 payments; 100000 already in the ledger"))
    }

    /// Half the rows carry a reference; the other half are told apart by contract, date, amount
    /// and their place among identical rows.
    func paymentsFile(_ sandbox: Sandbox, rows: Int) throws -> URL {
        let url = sandbox.directory.appendingPathComponent("payments-\(rows).csv")
        var text = "contract,date,amount,reference,method\n"
        text.reserveCapacity(rows * 40)
        for index in 0..<rows {
            let reference = index % 2 == 1 ? "R\(index)" : ""
            text += "S-\(index % 500),2026-\(String(format: "%02d", index % 10 + 1))-20,\((index % 50 + 1) * 10),\(reference),cash\n"
        }
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    func peakMemory(_ sandbox: Sandbox, _ arguments: [String]) throws -> (output: String, kilobytes: Int) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/time")
        process.arguments = ["-f", "peak %M", Sandbox.binary.path] + arguments
        process.environment = ["DOLG_DB": sandbox.ledgerPath, "DOLG_TODAY": "2026-11-20", "LANG": "C"]
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let output = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let errors = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(arguments): \(errors)")
        let peak = errors.split(separator: "\n").last { $0.hasPrefix("peak ") }.flatMap { Int($0.dropFirst(5)) } ?? 0
        return (output, peak)
    }
}
