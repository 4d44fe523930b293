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

extension ExportRoundTripTests {
    /// The demo ledger plus a business client with every field, notes, a penalty, a custom schedule
    /// and a termination: exported (clients, contracts, schedule, payments) in one dialect and
    /// imported into an empty ledger, every read gives the same output. Payment ids are the one
    /// difference allowed: they are local to a ledger (a reversed payment is not exported).
    @Test("the whole demo ledger survives export and import: every read gives the same output", arguments: [false, true])
    func wholeLedger(excel: Bool) throws {
        let source = try Sandbox()
        #expect(try source.loadDemo() == 0, "the demo loads")
        let scheduleFile = source.directory.appendingPathComponent("custom.csv")
        try "due_date,amount\n2026-10-15,300\n2026-12-15,700.50\n".write(to: scheduleFile, atomically: true, encoding: .utf8)
        for arguments in [["client", "add", "ООО \"Ромашка\"; =SUM(A1)", "--phone", "+7 843 200-00-01", "--business",
                           "--email", "buh@romashka.ru", "--inn", "1655000001", "--passport", "9205 123456",
                           "--address", "Казань, ул. Баумана, 1", "--time-offset", "-1", "--manager", "Пётр Волков",
                           "--note", "Работают по договору поставки"],
                          ["client", "note", "41", "Обещали оплату после 20-го;\nбухгалтер — Алсу"],
                          ["contract", "add", "--number", "007", "--client", "41", "--amount", "1000.50",
                           "--schedule-file", scheduleFile.path, "--start", "2026-10-01", "--penalty", "0.1"],
                          ["contract", "add", "--number", "008", "--client", "41", "--amount", "5000", "--installments", "5",
                           "--first-due", "2026-08-01", "--start", "2026-07-01", "--rate", "19.9"]] {
            let result = try source.run(arguments)
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
        }
        let dialect = excel ? ["--excel"] : []
        let target = try Sandbox()
        #expect(try target.run(["init", "--currency", "RUB"]).status == 0)
        for (kind, extra) in [("clients", ["--reveal"]), ("contracts", ["--reveal"]), ("schedule", []), ("payments", [])] {
            let exported = try source.run(["export", kind] + extra + dialect)
            #expect(exported.status == 0, "\(kind): \(exported.stderr)")
            try exported.stdout.write(to: target.directory.appendingPathComponent("\(kind).csv"), atomically: true, encoding: .utf8)
        }
        func file(_ kind: String) -> String { target.directory.appendingPathComponent("\(kind).csv").path }
        for arguments in [["import", "clients", file("clients")],
                          ["import", "contracts", file("contracts"), "--schedule", file("schedule")],
                          ["import", "payments", file("payments")]] {
            let result = try target.run(arguments)
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
        }

        var reads: [[String]] = [
            ["client", "list", "--reveal", "--format", "csv"], ["contract", "list", "--format", "csv"],
            ["overdue", "--format", "csv"], ["report", "portfolio", "--format", "json"],
            ["report", "aging", "--format", "csv"], ["report", "dynamics", "--from", "2026-06-01", "--format", "csv"],
            ["report", "metrics", "--format", "json"], ["report", "forecast", "--format", "csv"],
            ["report", "limitation", "--within", "2000", "--format", "csv"], ["report", "managers", "--format", "csv"],
            ["report", "rolls", "--format", "csv"], ["letter", "007"],
            ["export", "clients", "--reveal"], ["export", "contracts", "--reveal"], ["export", "schedule"],
            ["export", "payments"],
        ]
        reads += (1...41).map { ["client", "show", "\($0)", "--reveal", "--format", "json"] }
        let numbers = try source.run(["contract", "list", "--format", "csv"]).stdout
            .split(separator: "\r\n").dropFirst().map { String($0.split(separator: ",")[0]) }
        #expect(numbers.count == 62)
        reads += numbers.map { ["schedule", $0, "--format", "csv"] }
        reads += numbers.map { ["contract", "show", $0, "--format", "json"] }
        for command in reads {
            let expected = try source.run(command)
            let actual = try target.run(command)
            #expect(expected.status == 0, "\(command): \(expected.stderr)")
            #expect(Self.withoutPaymentIDs(actual.stdout) == Self.withoutPaymentIDs(expected.stdout), "\(command)")
        }
    }

    /// A contract card's JSON without the ids of its payments (`"id": 17,` inside `payments`).
    static func withoutPaymentIDs(_ json: String) -> String {
        json.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.hasPrefix("      \"id\": ") && !$0.hasPrefix("      \"reverses\": ") }
            .joined(separator: "\n")
    }
}
