import Foundation
import Testing

/// The benchmark compares dolg with the sqlite3 shell running a single query "for the same
/// answer": on a generated ledger, the queries must give the answers dolg gives. The ledger is
/// also built through the import path, which must give the same figures as the direct writer.
@Suite("Benchmark fairness")
struct BenchmarkFairnessTests {
    static let generator = Sandbox.binary.deletingLastPathComponent().appendingPathComponent("dolg-bench")

    func sqlite(_ database: String, _ queryFile: String) throws -> String {
        try Sandbox.sqlite(arguments: [database], input: GoldenTests.packageRoot.appendingPathComponent(queryFile))
    }

    func generate(_ sandbox: Sandbox, contracts: Int, seed: Int) throws -> (ledger: String, csv: String) {
        let ledger = sandbox.directory.appendingPathComponent("generated.sqlite").path
        let csv = sandbox.directory.appendingPathComponent("csv").path
        let process = Process()
        process.executableURL = Self.generator
        process.arguments = ["--contracts", String(contracts), "--seed", String(seed), "--ledger", ledger, "--csv", csv]
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        return (ledger, csv)
    }

    @Test("aging and portfolio by SQL equal dolg's, on generated ledgers", arguments: [1, 2, 3])
    func sameAnswers(seed: Int) throws {
        guard FileManager.default.isExecutableFile(atPath: Self.generator.path) else {
            Issue.record("dolg-bench is not built: run `swift build` first")
            return
        }
        let sandbox = try Sandbox()
        let (ledger, csv) = try generate(sandbox, contracts: 400, seed: seed)
        let aging = try sandbox.run(["report", "aging", "--db", ledger, "--format", "csv"]).stdout
        // dolg: bucket,contracts,amount with a header; sqlite3: bucket|contracts|amount, buckets in any order.
        let fromDolg = Set(aging.split(separator: "\r\n").dropFirst().map { String($0).replacing(",", with: "|") }
            .filter { !$0.hasSuffix("|0|0.00") })
        let fromSQL = Set(try sqlite(ledger, "bench/sql/aging.sql").split(separator: "\n").map(String.init))
        #expect(fromDolg == fromSQL)

        let portfolio = try sandbox.run(["report", "portfolio", "--db", ledger, "--format", "csv"]).stdout
        let figures = portfolio.split(separator: "\r\n")[1].split(separator: ",")
        // contracts, active, overdue, closed, outstanding, overdue amount (no terminations in generated ledgers).
        let expected = [figures[1], figures[2], figures[3], figures[5], figures[7], figures[8]].joined(separator: "|")
        #expect(try sqlite(ledger, "bench/sql/portfolio.sql").trimmingCharacters(in: .newlines) == expected)

        let imported = sandbox.directory.appendingPathComponent("imported.sqlite").path
        #expect(try sandbox.run(["init", "--db", imported]).status == 0)
        #expect(try sandbox.run(["import", "contracts", csv + "/contracts.csv", "--db", imported]).status == 0)
        #expect(try sandbox.run(["import", "payments", csv + "/payments.csv", "--db", imported]).status == 0)
        #expect(try sandbox.run(["report", "aging", "--db", imported, "--format", "csv"]).stdout == aging)
        // m1 is the generated ledger's head, who sees every contract; the imported ledger has no logins.
        #expect(try sandbox.run(["overdue", "--db", imported, "--format", "csv"]).stdout
                == sandbox.run(["overdue", "--db", ledger, "--format", "csv"], environment: ["DOLG_USER": "m1"]).stdout)
    }
}
