import Foundation
import Testing

/// Every `--format json` output validates against its schema in docs/schemas: a figure keeps its
/// type in every row, with and without options, in either language, on a full ledger and an empty
/// one. The validator is Python's `jsonschema` (draft 2020-12), not code of ours.
@Suite("JSON schemas")
struct JSONSchemaTests {
    /// Each command with the schema its output follows.
    static let outputs: [(schema: String, arguments: [String])] = [
        ("client-list", ["client", "list"]), ("client-show", ["client", "show", "1"]),
        ("client-show", ["client", "show", "41", "--reveal"]),
        ("contract-list", ["contract", "list"]), ("contract-show", ["contract", "show", "2026-020"]),
        ("contract-show", ["contract", "show", "2026-044"]), ("contract-show", ["contract", "show", "2026-001"]),
        ("manager-list", ["manager", "list"]), ("overdue", ["overdue"]), ("schedule", ["schedule", "2026-020"]),
        ("history", ["history", "2026-020"]), ("next", ["next", "--as", "petr"]), ("next", ["next"]),
        ("outbox-list", ["outbox"]), ("hold-list", ["hold", "list"]), ("pay-unmatched", ["pay", "unmatched"]),
        ("schedule-requests", ["schedule", "requests"]),
        ("report-portfolio", ["report", "portfolio"]), ("report-portfolio-vs", ["report", "portfolio", "--vs", "2026-10-31"]),
        ("report-aging", ["report", "aging"]), ("report-metrics", ["report", "metrics"]),
        ("report-metrics", ["report", "metrics", "--from", "2026-01-01", "--to", "2026-01-31"]),
        ("report-managers", ["report", "managers"]), ("report-dynamics", ["report", "dynamics", "--from", "2026-08-01"]),
        ("report-rolls", ["report", "rolls"]), ("report-effectiveness", ["report", "effectiveness"]),
        ("report-forecast", ["report", "forecast"]), ("report-limitation", ["report", "limitation", "--within", "2000"]),
        ("export-contracts", ["export", "contracts"]), ("export-payments", ["export", "payments"]),
        ("export-schedule", ["export", "schedule"]), ("export-touches", ["export", "touches"]),
        ("export-clients", ["export", "clients", "--reveal"]),
    ]

    /// The commands that answer on an empty ledger (the others need a contract or a client).
    static let onEmpty: Set<String> = ["client-list", "contract-list", "manager-list", "overdue", "next", "outbox-list",
                                       "hold-list", "pay-unmatched", "schedule-requests", "report-portfolio",
                                       "report-portfolio-vs", "report-aging", "report-metrics", "report-managers",
                                       "report-dynamics", "report-rolls", "report-effectiveness", "report-forecast",
                                       "report-limitation", "export-contracts", "export-payments", "export-schedule",
                                       "export-touches", "export-clients"]

    @Test("every JSON output validates against its schema, on a full ledger and an empty one, in both languages")
    func validates() throws {
        let full = try Self.fullLedger()
        let empty = try Sandbox()
        #expect(try empty.run(["init"]).status == 0)
        var pairs: [(schema: String, instance: String, label: String)] = []
        for (ledgerName, sandbox) in [("demo", full), ("empty", empty)] {
            for (index, output) in Self.outputs.enumerated()
            where ledgerName == "demo" || Self.onEmpty.contains(output.schema) {
                for language in ["en", "ru"] {
                    let result = try sandbox.run(output.arguments + ["--format", "json"], environment: ["DOLG_LANG": language])
                    #expect(result.status == 0, "\(output.arguments): \(result.stderr)")
                    let file = full.directory.appendingPathComponent("out-\(ledgerName)-\(index)-\(language).json")
                    try result.stdout.write(to: file, atomically: true, encoding: .utf8)
                    pairs.append((GoldenTests.packageRoot.appendingPathComponent("docs/schemas/\(output.schema).schema.json").path,
                                  file.path, "\(ledgerName) \(language) \(output.arguments.joined(separator: " "))"))
                }
            }
        }
        let failures = try Self.validate(pairs)
        #expect(failures.isEmpty, "\(failures.joined(separator: "\n"))")
        // Every schema in docs is used: none left to rot.
        let documented = try FileManager.default.contentsOfDirectory(
            atPath: GoldenTests.packageRoot.appendingPathComponent("docs/schemas").path).filter { $0.hasSuffix(".schema.json") }
        #expect(Set(documented) == Set(Self.outputs.map { "\($0.schema).schema.json" }))
    }

    @Test("the validator rejects an output whose figure changed type")
    func validatorCanFail() throws {
        let sandbox = try Sandbox()
        let instance = sandbox.directory.appendingPathComponent("portfolio.json")
        try #"{"as_of": "2026-11-20", "contracts": "44", "active": 34, "overdue": 15, "overdue_rate": 44.1, "closed": 10, "terminated": 0, "outstanding": "1.00", "overdue_amount": "1.00", "terminated_outstanding": "0.00", "credit": "0.00"}"#
            .write(to: instance, atomically: true, encoding: .utf8)
        let failures = try Self.validate([(GoldenTests.packageRoot.appendingPathComponent("docs/schemas/report-portfolio.schema.json").path,
                                           instance.path, "contracts as a string")])
        #expect(failures.count == 1)
    }

    /// The demo ledger with a touch, a hold, reminders planned, a restructuring request, a bank
    /// statement with unmatched payments and a client with every field.
    static func fullLedger() throws -> Sandbox {
        let sandbox = try Sandbox()
        #expect(try sandbox.loadDemo() == 0, "the demo loads")
        for arguments in [["touch", "2026-020", "--channel", "call", "--outcome", "promise", "--promise-date", "2026-11-25",
                           "--promise-amount", "1000", "--as", "petr"],
                          ["hold", "2026-025", "--until", "2026-12-01", "--reason", "спор"], ["remind"],
                          ["schedule", "restructure", "2026-020", "--from", "2026-12-15", "--installments", "3", "--as", "petr"],
                          ["import", "bank", GoldenTests.fixturesDirectory.appendingPathComponent("bank/kl_to_1c_windows.txt").path],
                          ["client", "add", "ООО «Ромашка»", "--phone", "+78432000001", "--business", "--inn", "1655000001",
                           "--email", "buh@romashka.ru", "--passport", "9205 123456", "--address", "Казань", "--note", "поставки"],
                          ["client", "note", "41", "перезвонить"]] {
            let result = try sandbox.run(arguments)
            #expect(result.status == 0 || arguments == ["remind"], "\(arguments): \(result.stderr)")
        }
        return sandbox
    }

    /// Validates each instance against its schema in one Python process; returns the failures.
    static func validate(_ pairs: [(schema: String, instance: String, label: String)]) throws -> [String] {
        let script = """
            import json, sys
            from jsonschema import Draft202012Validator
            failures = 0
            for line in sys.stdin:
                schema, instance, label = line.rstrip("\\n").split("\\t")
                validator = Draft202012Validator(json.load(open(schema)))
                for error in validator.iter_errors(json.load(open(instance))):
                    print(f"{label}: {list(error.absolute_path)}: {error.message[:200]}")
                    failures += 1
                    break
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(Data(pairs.map { "\($0.schema)\t\($0.instance)\t\($0.label)\n" }.joined().utf8))
        try input.fileHandleForWriting.close()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "python3 with jsonschema runs (make deps installs it)")
        return text.split(separator: "\n").map(String.init)
    }
}
