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

extension ExportRoundTripTests {
    @Test("an unedited payments export imports back as nothing new, and into an empty ledger as every payment once",
          arguments: [false, true])
    func paymentsBackIntoTheirLedger(excel: Bool) throws {
        let source = try Sandbox()
        for arguments in [["init"], ["client", "add", "Иванов", "--phone", "+79170000001"],
                          ["contract", "add", "--number", "123", "--client", "1", "--amount", "60000",
                           "--installments", "6", "--first-due", "2026-06-15", "--start", "2026-05-15"],
                          // Entered at the counter without a reference: twice the same amount on one day,
                          // one of them reversed, one with a receipt number.
                          ["pay", "123", "9000", "--date", "2026-06-15"], ["pay", "123", "9000", "--date", "2026-06-15"],
                          ["pay", "123", "9000", "--date", "2026-06-15"], ["pay", "reverse", "3", "--reason", "ошибка"],
                          ["pay", "123", "1000", "--date", "2026-07-20", "--ref", "ПКО-17"]] {
            let result = try source.run(arguments)
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
        }
        let dialect = excel ? ["--excel"] : []
        let file = source.directory.appendingPathComponent("payments.csv")
        try source.run(["export", "payments"] + dialect).stdout.write(to: file, atomically: true, encoding: .utf8)
        let before = try source.run(["contract", "show", "123", "--format", "json"]).stdout

        // Into its own ledger: nothing new (it used to record the two counter payments again).
        let again = try source.run(["import", "payments", file.path])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stdout.contains("created 0 payments; 3 already in the ledger"), "\(again.stdout)")
        #expect(try source.run(["contract", "show", "123", "--format", "json"]).stdout == before)
        #expect(try source.run(["doctor"]).status == 0)

        // Into an empty ledger with the same contract: every live payment once, and once only.
        let target = try Sandbox()
        let contracts = target.directory.appendingPathComponent("contracts.csv")
        try source.run(["export", "contracts", "--reveal"]).stdout.write(to: contracts, atomically: true, encoding: .utf8)
        #expect(try target.run(["init"]).status == 0)
        #expect(try target.run(["import", "contracts", contracts.path]).status == 0)
        for round in 1...2 {
            let imported = try target.run(["import", "payments", file.path])
            #expect(imported.status == 0, "round \(round): \(imported.stderr)")
        }
        let paid = try target.run(["contract", "show", "123", "--format", "json"]).stdout
        #expect(paid.contains("\"paid\": \"19000.00\"") || paid.contains("\"paid\":\"19000.00\""), "\(paid)")
        #expect(try target.run(["report", "aging", "--format", "csv"]).stdout
                == source.run(["report", "aging", "--format", "csv"]).stdout)
    }

    @Test("a payment entered by hand and imported again from a file of its own is pointed out by the doctor")
    func twoSources() throws {
        let sandbox = try Sandbox()
        for arguments in [["init"], ["client", "add", "Иванов", "--phone", "+79170000001"],
                          ["contract", "add", "--number", "123", "--client", "1", "--amount", "60000",
                           "--installments", "6", "--first-due", "2026-06-15", "--start", "2026-05-15"],
                          ["pay", "123", "9000", "--date", "2026-06-15"]] {
            #expect(try sandbox.run(arguments).status == 0)
        }
        // The accountant's own file, without the occurrence column: a second payment for dolg.
        let file = sandbox.directory.appendingPathComponent("bank.csv")
        try "contract,date,amount\n123,2026-06-15,9000\n".write(to: file, atomically: true, encoding: .utf8)
        #expect(try sandbox.run(["import", "payments", file.path]).status == 0)
        let doctor = try sandbox.run(["doctor"])
        #expect(doctor.status == 0, "advisory: the ledger is not broken")
        #expect(doctor.stdout.contains("warn    payments_from_two_sources"), "\(doctor.stdout)")
        #expect(doctor.stdout.contains("contract 123: 2 payments of 900000 kopecks on 2026-06-15 from"), "\(doctor.stdout)")
    }
}
