import Foundation
import Testing

/// What scripts and shells expect of a command line.
@Suite("Command-line conventions")
struct CommandLineConventionsTests {
    @Test("global options may stand before the subcommand, in either spelling, with the same answer")
    func leadingGlobalOptions() throws {
        let sandbox = try Sandbox()
        let other = sandbox.directory.appendingPathComponent("other.sqlite").path
        #expect(try sandbox.run(["--db", other, "init"]).status == 0)
        #expect(FileManager.default.fileExists(atPath: other), "--db before init made the ledger there")
        for arguments in [["client", "add", "Иванов Иван", "--phone", "+79001234567"],
                          ["contract", "add", "--number", "Д-1", "--client", "1", "--amount", "1000", "--installments", "2",
                           "--first-due", "2026-03-01", "--start", "2026-02-01"]] {
            #expect(try sandbox.run(["--db=\(other)"] + arguments).status == 0)
        }
        let after = try sandbox.run(["overdue", "--db", other, "--today", "2026-03-10", "--format", "csv"])
        let before = try sandbox.run(["--today", "2026-03-10", "--db", other, "overdue", "--format", "csv"])
        #expect(after.status == 0 && before.status == 0, "\(before.stderr)")
        #expect(before.stdout == after.stdout)
        #expect(before.stdout.contains("Д-1,"), "10 March: the first installment is 9 days late. \(before.stdout)")
        // A value that only looks like an option after `--` stays an argument.
        let literal = try sandbox.run(["--db", other, "client", "note", "1", "--", "--today"])
        #expect(literal.status == 0, "\(literal.stderr)")
    }

    @Test("--version names the tool and its version")
    func version() throws {
        let result = try Sandbox().run(["--version"])
        #expect(result.stdout == "dolg 0.2.0\n" && result.status == 0)
    }
}

/// Spreadsheets as Russian users keep them import as they are.
@Suite("Russian spreadsheets")
struct RussianSpreadsheetTests {
    @Test("Russian headers and values import: «Номер договора», «ФИО», «наличные», «месяц»")
    func russianHeaders() throws {
        let sandbox = try Sandbox()
        #expect(try sandbox.run(["init"]).status == 0)
        let contracts = sandbox.directory.appendingPathComponent("договоры.csv")
        try """
            Номер договора;ФИО;Телефон;Менеджер;Дата договора;Сумма;Первый взнос;Платежей;Период;Первый платёж
            Д-7;Иванов Иван;8 917 123-45-67;Пётр Волков;01.09.2026;12 000,00;;3;месяц;01.10.2026

            """.write(to: contracts, atomically: true, encoding: .utf8)
        let imported = try sandbox.run(["import", "contracts", contracts.path])
        #expect(imported.status == 0, "\(imported.stderr)")
        let payments = sandbox.directory.appendingPathComponent("платежи.csv")
        try """
            Договор;Дата;Сумма;Способ оплаты
            Д-7;01.10.2026;4 000,00;наличные

            """.write(to: payments, atomically: true, encoding: .utf8)
        let paid = try sandbox.run(["import", "payments", payments.path])
        #expect(paid.status == 0, "\(paid.stderr)")
        // 12 000 in 3 monthly installments of 4 000 from 1 October; 4 000 paid: 8 000 outstanding on 20 November,
        // the November installment 19 days late.
        let list = try sandbox.run(["contract", "list", "--format", "csv"]).stdout
        #expect(list.contains("Д-7,Иванов Иван,Пётр Волков,overdue,7-29,19,4000.00,8000.00,0.00"), "\(list)")
        let export = try sandbox.run(["export", "payments"]).stdout
        #expect(export.contains("Д-7,2026-10-01,4000.00,,cash"), "\(export)")
        // A header that says the same twice, in two languages, is refused.
        let twice = sandbox.directory.appendingPathComponent("twice.csv")
        try "contract;Договор;date;amount\nД-7;Д-7;2026-10-02;1\n".write(to: twice, atomically: true, encoding: .utf8)
        let refused = try sandbox.run(["import", "payments", twice.path])
        #expect(refused.status == 65 && refused.stderr.contains("both mean contract"), "\(refused.stderr)")
    }
}

/// The audit log, read without sqlite3.
@Suite("Audit")
struct AuditTests {
    @Test("who revealed what, when: a head reads it, a manager may not")
    func reveals() throws {
        let sandbox = try Sandbox()
        for arguments in [["init"], ["manager", "add", "Анна Смирнова", "--role", "head", "--login", "anna"],
                          ["manager", "add", "Пётр Волков", "--login", "petr"],
                          ["client", "add", "Иванов Иван", "--phone", "+79001234567", "--passport", "9204 123456"]] {
            #expect(try sandbox.run(arguments).status == 0, "\(arguments)")
        }
        #expect(try sandbox.run(["client", "show", "1", "--reveal", "--as", "petr"]).stdout.contains("9204 123456"))
        let audit = try sandbox.run(["audit", "--reveals", "--format", "csv"])
        #expect(audit.status == 0, "\(audit.stderr)")
        let rows = audit.stdout.lines.dropFirst()
        #expect(rows.count == 1 && rows.first?.contains(",petr,dolg client show 1 --reveal --as petr") == true, "\(audit.stdout)")
        #expect(try sandbox.run(["audit", "--who", "petr", "--format", "csv"]).stdout.lines.count == 2)
        #expect(try sandbox.run(["audit", "--format", "csv"]).stdout.lines.count == 6, "init, two managers, a client, and one reveal")
        let refused = try sandbox.run(["audit", "--as", "petr"])
        #expect(refused.status == 77 && refused.stderr.contains("not_permitted"), "\(refused.stderr)")
    }
}
