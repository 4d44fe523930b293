import Foundation
import Testing

/// An export imports back into a new ledger and gives the same figures, in both CSV dialects.
@Suite("Export round trip")
struct ExportRoundTripTests {
    @Test("contracts and payments survive export and import", arguments: [false, true])
    func roundTrip(excel: Bool) throws {
        let fixtures = GoldenTests.fixturesDirectory.appendingPathComponent("import")
        let source = try Sandbox()
        #expect(try source.run(["init"]).status == 0)
        #expect(try source.run(["import", "contracts", fixtures.appendingPathComponent("contracts.csv").path]).status == 0)
        #expect(try source.run(["import", "payments", fixtures.appendingPathComponent("payments.csv").path]).status == 0)
        #expect(try source.run(["client", "add", "=HYPERLINK(\"http://x\")", "--phone", "89170000077"]).status == 0)
        #expect(try source.run(["contract", "add", "--number", "F-1", "--client", "4", "--amount", "100",
                                "--installments", "1", "--first-due", "2026-12-01"]).status == 0)
        let dialect = excel ? ["--excel"] : []
        let contracts = try source.run(["export", "contracts", "--reveal"] + dialect).stdout
        let payments = try source.run(["export", "payments"] + dialect).stdout
        if excel {
            #expect(contracts.hasPrefix("\u{FEFF}number;client;phone;"))
            #expect(contracts.contains(";60000,00;6000,00;6;month;"))
        }
        #expect(contracts.contains("'=HYPERLINK"))

        let target = try Sandbox()
        let contractsFile = target.directory.appendingPathComponent("contracts.csv")
        let paymentsFile = target.directory.appendingPathComponent("payments.csv")
        try contracts.write(to: contractsFile, atomically: true, encoding: .utf8)
        try payments.write(to: paymentsFile, atomically: true, encoding: .utf8)
        #expect(try target.run(["init"]).status == 0)
        let imported = try target.run(["import", "contracts", contractsFile.path])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(try target.run(["import", "payments", paymentsFile.path]).status == 0)

        for command in [["contract", "list", "--format", "csv"], ["client", "list", "--format", "csv", "--reveal"],
                        ["report", "aging", "--format", "csv"]] {
            #expect(try target.run(command).stdout == source.run(command).stdout, "\(command)")
        }
    }
}
