import Foundation
import Testing

/// The manager's day as a collection team lives it, through the documented commands: promises
/// and holds, the contact law at the moment a touch is recorded, who is working, people's cards,
/// and money at the counter and from the bank. Every expected figure is worked out by hand in
/// the comment beside it.
@Suite("The manager's day")
struct ManagersDayTests {
    /// A ledger of a head (anna), a manager (petr) and one client of petr's, Иванов, whose contract
    /// Д-1 is 60 000 in 6 monthly installments of 10 000 from 2026-10-01: on 2026-10-04 it is 3 days
    /// late, 10 000 overdue, 60 000 outstanding.
    func teamLedger() throws -> Sandbox {
        let sandbox = try Sandbox()
        for arguments in [
            ["init"],
            ["manager", "add", "Анна Смирнова", "--role", "head", "--login", "anna"],
            ["manager", "add", "Пётр Волков", "--login", "petr"],
            ["manager", "add", "Ирина Лебедева", "--login", "irina"],
            ["client", "add", "Иванов Иван", "--phone", "+79001234567", "--manager", "Пётр Волков", "--inn", "165512345678"],
            ["contract", "add", "--number", "Д-1", "--client", "1", "--amount", "60000", "--installments", "6",
             "--first-due", "2026-10-01", "--start", "2026-09-01"],
        ] {
            let result = try sandbox.run(arguments, environment: ["DOLG_TODAY": "2026-09-01"])
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
        }
        return sandbox
    }

    /// Runs as petr at a moment.
    func petr(_ sandbox: Sandbox, _ arguments: [String], at moment: String) throws -> Sandbox.Result {
        try sandbox.run(arguments + ["--now", moment], environment: ["DOLG_USER": "petr"])
    }

    func oneLine(_ result: Sandbox.Result) -> Bool {
        result.stderr.lines.count == 1
    }

    @Test("a promise is bounded: at most what is owed and promise_max_days ahead, unless a head records it")
    func promiseBounds() throws {
        let sandbox = try teamLedger()
        let before = sandbox.ledgerBytes()
        // 999 999 on a debt of 60 000: refused.
        let tooMuch = try petr(sandbox, ["touch", "Д-1", "--channel", "call", "--outcome", "promise",
                                         "--promise-date", "2026-10-10", "--promise-amount", "999999"], at: "2026-10-04T10:00")
        #expect(tooMuch.status == 65 && oneLine(tooMuch) && tooMuch.stderr.contains("60000.00"), "\(tooMuch.stderr)")
        // A year ahead: refused (2026-10-04 + 14 days = 2026-10-18 at the latest).
        let tooLong = try petr(sandbox, ["touch", "Д-1", "--channel", "call", "--outcome", "promise",
                                         "--promise-date", "2027-10-01", "--promise-amount", "10000"], at: "2026-10-04T10:00")
        #expect(tooLong.status == 65 && oneLine(tooLong) && tooLong.stderr.contains("2026-10-18"), "\(tooLong.stderr)")
        #expect(sandbox.ledgerBytes() == before, "refusals write nothing")
        // 2026-10-18 itself is allowed; a head may accept a later date.
        #expect(try petr(sandbox, ["touch", "Д-1", "--channel", "call", "--outcome", "promise",
                                   "--promise-date", "2026-10-18", "--promise-amount", "10000"], at: "2026-10-04T10:00").status == 0)
        let head = try sandbox.run(["touch", "Д-1", "--channel", "visit", "--outcome", "promise", "--promise-date", "2026-12-01",
                                    "--promise-amount", "10000", "--now", "2026-10-05T11:00"], environment: ["DOLG_USER": "anna"])
        #expect(head.status == 0, "\(head.stderr)")
    }

    @Test("a broken promise is first in the list the day after its date, not when the next step falls due")
    func brokenPromiseFirst() throws {
        let sandbox = try teamLedger()
        // A second client, 20 days late on 2026-10-21 with more overdue, competes for the top of the list.
        for arguments in [["client", "add", "Петров Пётр", "--phone", "+79001112233", "--manager", "Пётр Волков"],
                          ["contract", "add", "--number", "Д-2", "--client", "2", "--amount", "90000", "--installments", "3",
                           "--first-due", "2026-10-01", "--start", "2026-09-01"]] {
            #expect(try sandbox.run(arguments, environment: ["DOLG_TODAY": "2026-09-01"]).status == 0)
        }
        // Day 3 (call-soft): Иванов promises 10 000 by 10-06 and pays nothing.
        #expect(try petr(sandbox, ["touch", "Д-1", "--channel", "call", "--outcome", "promise", "--promise-date", "2026-10-06",
                                   "--promise-amount", "10000"], at: "2026-10-04T10:00").status == 0)
        let onDate = try petr(sandbox, ["next", "--format", "csv"], at: "2026-10-06T10:00")
        #expect(!onDate.stdout.contains("Д-1,"), "pending on its date: \(onDate.stdout)")
        // 10-07: six days late, call-firm not due until day 7, but the promise is broken.
        let next = try petr(sandbox, ["next", "--format", "csv"], at: "2026-10-07T10:00")
        let rows = next.stdout.lines.dropFirst()
        #expect(rows.first?.hasPrefix("Д-1,") == true, "\(next.stdout)")
        #expect(rows.first?.contains("Promise broken") == true)
    }

    @Test("touch keeps the contact law: limits and hours refused with the next allowed moment; incoming contacts count for nothing")
    func touchPolicy() throws {
        let sandbox = try teamLedger()
        // 2026-10-05 is a Monday, a working day: 08:00–22:00, 1 answered call a day, 2 a week.
        #expect(try petr(sandbox, ["touch", "Д-1", "--channel", "call", "--outcome", "reached"], at: "2026-10-05T10:00").status == 0)
        let second = try petr(sandbox, ["touch", "Д-1", "--channel", "call", "--outcome", "reached"], at: "2026-10-05T15:00")
        #expect(second.status == 65 && oneLine(second), "\(second.stderr)")
        #expect(second.stderr.contains("limit is 1 a day") && second.stderr.contains("2026-10-06T08:00"), "\(second.stderr)")
        // A call nobody answered is not an interaction, but the hours still hold at 23:30.
        let late = try petr(sandbox, ["touch", "Д-1", "--channel", "call", "--outcome", "no-answer"], at: "2026-10-05T23:30")
        #expect(late.status == 65 && late.stderr.contains("after 22:00"), "\(late.stderr)")
        // The client calls in at 23:30: recorded, and no limit counts it.
        #expect(try petr(sandbox, ["touch", "Д-1", "--channel", "call", "--outcome", "reached", "--incoming"],
                         at: "2026-10-05T23:30").status == 0)
        #expect(try petr(sandbox, ["touch", "Д-1", "--channel", "call", "--outcome", "reached"], at: "2026-10-06T10:00").status == 0)
        // Two answered calls this week (Mon, Tue): the third waits for Monday 2026-10-12 08:00.
        let third = try petr(sandbox, ["touch", "Д-1", "--channel", "call", "--outcome", "reached"], at: "2026-10-07T10:00")
        #expect(third.status == 65 && third.stderr.contains("2026-10-12T08:00"), "\(third.stderr)")
        // One visit a week.
        #expect(try petr(sandbox, ["touch", "Д-1", "--channel", "visit", "--outcome", "reached"], at: "2026-10-07T11:00").status == 0)
        let visit = try petr(sandbox, ["touch", "Д-1", "--channel", "visit", "--outcome", "reached"], at: "2026-10-09T11:00")
        #expect(visit.status == 65 && visit.stderr.contains("visit"), "\(visit.stderr)")
        // In Russian, the refusal says the same in Russian.
        let russian = try sandbox.run(["touch", "Д-1", "--channel", "call", "--outcome", "reached", "--now", "2026-10-07T12:00",
                                       "--lang", "ru"], environment: ["DOLG_USER": "petr"])
        #expect(russian.stderr.contains("можно не больше 2 в неделю"), "\(russian.stderr)")
    }

    @Test("in a ledger with logins, the one working must be a manager; a ledger without managers stays single-user")
    func whoIsWorking() throws {
        let sandbox = try teamLedger()
        for environment in [["DOLG_USER": "aigull"], ["DOLG_USER": ""]] {
            let refused = try sandbox.run(["next", "--as", "petrr"], environment: environment)
            #expect(refused.status == 67 && oneLine(refused), "\(refused.stderr)")
            #expect(refused.stderr.contains("anna, irina, petr"), "\(refused.stderr)")
        }
        let mistyped = try sandbox.run(["touch", "Д-1", "--channel", "call", "--outcome", "reached", "--now", "2026-10-05T10:00"],
                                       environment: ["DOLG_USER": "aigull"])
        #expect(mistyped.status == 67, "\(mistyped.stderr)")
        let single = try Sandbox()
        #expect(try single.run(["init"]).status == 0)
        #expect(try single.run(["next"], environment: ["DOLG_USER": "whoever"]).status == 0)
    }

    @Test("a hold stops the ladder and can end early; the list shows ended holds")
    func holds() throws {
        let sandbox = try teamLedger()
        // On 10-02 (1 day late) a dispute hold to 10-31.
        #expect(try sandbox.run(["hold", "Д-1", "--until", "2026-10-31", "--reason", "спор"],
                                environment: ["DOLG_USER": "petr", "DOLG_TODAY": "2026-10-02"]).status == 0)
        // Ended on 10-10: held 10-02…10-09, eight days. On 10-12 the clock shows 11 - 8 = 3 days: call-soft,
        // with nothing skipped, not the claim letter.
        #expect(try sandbox.run(["hold", "end", "1", "--reason", "спор решён"],
                                environment: ["DOLG_USER": "petr", "DOLG_TODAY": "2026-10-10"]).status == 0)
        let next = try petr(sandbox, ["next", "--format", "csv"], at: "2026-10-12T10:00")
        #expect(next.stdout.contains("Д-1,") && next.stdout.contains(",call-soft,"), "\(next.stdout)")
        let list = try sandbox.run(["hold", "list", "--ended", "--format", "csv"], environment: ["DOLG_TODAY": "2026-10-12"])
        #expect(list.stdout.contains("1,Д-1,2026-10-02,2026-10-31,спор,no,2026-10-10,спор решён"), "\(list.stdout)")
        #expect(try sandbox.run(["hold", "list", "--format", "csv"], environment: ["DOLG_TODAY": "2026-10-12"])
            .stdout.lines.count == 1, "no hold in force")
        let again = try sandbox.run(["hold", "end", "1", "--reason", "x"], environment: ["DOLG_USER": "petr", "DOLG_TODAY": "2026-10-12"])
        #expect(again.status == 65 && again.stderr.contains("already ended"))
    }

    @Test("next --now in the past knows nothing recorded after that moment")
    func nextAsOfAMoment() throws {
        let sandbox = try teamLedger()
        #expect(try petr(sandbox, ["touch", "Д-1", "--channel", "call", "--outcome", "reached"], at: "2026-10-04T15:00").status == 0)
        #expect(try petr(sandbox, ["next", "--format", "csv"], at: "2026-10-04T11:00").stdout.contains("Д-1,"))
        #expect(!(try petr(sandbox, ["next", "--format", "csv"], at: "2026-10-04T16:00").stdout.contains("Д-1,")))
    }

    @Test("cards are edited with their history; a manager who leaves hands every client over")
    func editsAndHandOver() throws {
        let sandbox = try teamLedger()
        let env = ["DOLG_USER": "anna", "DOLG_TODAY": "2026-10-05"]
        let edit = try sandbox.run(["client", "edit", "+7 900 123-45-67", "--phone", "8 901 765 43 21", "--email", "i@example.ru"],
                                   environment: env)
        #expect(edit.status == 0, "\(edit.stderr)")
        #expect(try sandbox.run(["manager", "deactivate", "Пётр Волков", "--to", "Ирина Лебедева"], environment: env).status == 0)
        let history = try sandbox.run(["client", "history", "Д-1", "--format", "csv"], environment: env)
        #expect(history.stdout.contains("2026-10-05,client Иванов Иван,phone,+79001234567,+79017654321,anna"), "\(history.stdout)")
        #expect(history.stdout.contains("manager,Пётр Волков,Ирина Лебедева,anna"), "\(history.stdout)")
        let show = try sandbox.run(["client", "show", "89017654321", "--format", "json"], environment: env)
        #expect(show.stdout.contains("\"manager\" : \"Ирина Лебедева\"") || show.stdout.contains("\"manager\": \"Ирина Лебедева\""),
                "\(show.stdout)")
        // petr no longer works here: his login is refused.
        let gone = try sandbox.run(["next"], environment: ["DOLG_USER": "petr", "DOLG_TODAY": "2026-10-05"])
        #expect(gone.status == 67 && gone.stderr.contains("no longer works here"), "\(gone.stderr)")
        // A contract moves to another manager; the change is in the history.
        #expect(try sandbox.run(["contract", "edit", "Д-1", "--manager", "Анна Смирнова"], environment: env).status == 0)
        #expect(try sandbox.run(["history", "Д-1", "--format", "csv"], environment: env)
            .stdout.contains("change,,contract manager: — → Анна Смирнова,anna"))
    }

    @Test("client find by any phone spelling, surname, contract number or INN")
    func find() throws {
        let sandbox = try teamLedger()
        for text in ["8 (900) 123-45-67", "+79001234567", "иванов", "Д-1", "165512345678"] {
            let found = try sandbox.run(["client", "find", text, "--format", "csv"])
            #expect(found.status == 0 && found.stdout.contains("1,Иванов Иван,"), "\(text): \(found.stdout) \(found.stderr)")
        }
        #expect(try sandbox.run(["client", "find", "Сидоров", "--format", "csv"]).stdout.lines.count == 1)
    }

    @Test("an import never merges people: a phone of another name is a row error; managers match however typed")
    func importPeople() throws {
        let sandbox = try teamLedger()
        let file = sandbox.directory.appendingPathComponent("contracts.csv")
        try """
            number,client,phone,email,manager,segment,start_date,amount,down_payment,installments,period,first_due,rate
            Д-10,Сидоров Олег,+79005556677,, пётр  волков ,,2026-09-01,1000,,1,month,2026-10-01,
            Д-11,Смирнова Ольга,+79007778899,,Новый Менеджер,,2026-09-01,1000,,1,month,2026-10-01,

            """.write(to: file, atomically: true, encoding: .utf8)
        let dry = try sandbox.run(["import", "contracts", file.path, "--dry-run"])
        #expect(dry.status == 0, "\(dry.stderr)")
        #expect(dry.stdout.contains("New managers: Новый Менеджер.") && dry.stdout.contains("New clients: Сидоров Олег; Смирнова Ольга."),
                "\(dry.stdout)")
        let merged = sandbox.directory.appendingPathComponent("merged.csv")
        try """
            number,client,phone,email,manager,segment,start_date,amount,down_payment,installments,period,first_due,rate
            Д-12,Иванова Мария,8 900 123 45 67,,,,2026-09-01,1000,,1,month,2026-10-01,

            """.write(to: merged, atomically: true, encoding: .utf8)
        let refused = try sandbox.run(["import", "contracts", merged.path])
        #expect(refused.status == 65, "\(refused.stderr)")
        #expect(refused.stderr.contains("belongs to client 1 (Иванов Иван), not Иванова Мария"), "\(refused.stderr)")
    }

    @Test("a segment the playbook does not name is refused")
    func unknownSegment() throws {
        let sandbox = try teamLedger()
        let playbook = sandbox.directory.appendingPathComponent("playbook.toml")
        let exported = try sandbox.run(["playbook", "export"])
        #expect(exported.status == 0)
        try (exported.stdout + "\n[segments.vip]\n").write(to: playbook, atomically: true, encoding: .utf8)
        let imported = try sandbox.run(["playbook", "import", playbook.path])
        #expect(imported.status == 0, "\(imported.stderr)")
        let typo = try sandbox.run(["contract", "add", "--number", "Д-5", "--client", "1", "--amount", "1000", "--installments", "1",
                                    "--first-due", "2026-12-01", "--segment", "vp"])
        #expect(typo.status == 65 && typo.stderr.contains("segments: vip"), "\(typo.stderr)")
        #expect(try sandbox.run(["contract", "add", "--number", "Д-5", "--client", "1", "--amount", "1000", "--installments", "1",
                                 "--first-due", "2026-12-01", "--segment", "vip"]).status == 0)
    }

    @Test("money at the counter: no future payments; an overpayment is said, refunded or moved as new entries")
    func credit() throws {
        let sandbox = try teamLedger()
        let env = ["DOLG_USER": "anna", "DOLG_TODAY": "2026-10-05"]
        let future = try sandbox.run(["pay", "Д-1", "1000", "--date", "2062-03-20"], environment: env)
        #expect(future.status == 65 && oneLine(future) && future.stderr.contains("after the business date"), "\(future.stderr)")
        // 60 000 owed; 61 500 paid: a credit of 1 500.
        let paid = try sandbox.run(["pay", "Д-1", "61500"], environment: env)
        #expect(paid.stdout.contains("credit of 1,500.00"), "\(paid.stdout)")
        #expect(try sandbox.run(["client", "show", "1", "--format", "json"], environment: env).stdout.contains("\"credit\" : \"1500.00\"")
                || (try sandbox.run(["client", "show", "1", "--format", "json"], environment: env)).stdout.contains("\"credit\": \"1500.00\""))
        let tooMuch = try sandbox.run(["pay", "refund", "Д-1", "2000", "--reason", "наличными"], environment: env)
        #expect(tooMuch.status == 65 && tooMuch.stderr.contains("credit of 1500.00"), "\(tooMuch.stderr)")
        #expect(try sandbox.run(["pay", "refund", "Д-1", "500", "--reason", "наличными"], environment: env).status == 0)
        // The other 1 000 goes to a second contract of 3 000: it then owes 2 000.
        #expect(try sandbox.run(["contract", "add", "--number", "Д-2", "--client", "1", "--amount", "3000", "--installments", "1",
                                 "--first-due", "2026-11-01", "--start", "2026-10-01"], environment: env).status == 0)
        let moved = try sandbox.run(["pay", "transfer", "Д-1", "--to", "Д-2"], environment: env)
        #expect(moved.status == 0 && moved.stdout.contains("1,000.00"), "\(moved.stdout) \(moved.stderr)")
        let list = try sandbox.run(["contract", "list", "--format", "csv"], environment: env).stdout
        let d1 = list.lines.first { $0.hasPrefix("Д-1,") } ?? ""
        let d2 = list.lines.first { $0.hasPrefix("Д-2,") } ?? ""
        #expect(d1.contains(",0.00,0.00"), "Д-1 owes nothing and has no credit left: \(d1)")
        #expect(d2.contains("2000.00"), "\(d2)")
        #expect(try sandbox.run(["doctor"], environment: env).status == 0)
    }

    @Test("one bank payment for several invoices is split; a payment for nothing is set aside")
    func bankSplit() throws {
        let sandbox = try teamLedger()
        let env = ["DOLG_USER": "anna", "DOLG_TODAY": "2026-10-05"]
        #expect(try sandbox.run(["contract", "add", "--number", "СЧ-103", "--client", "1", "--amount", "100000", "--installments", "1",
                                 "--first-due", "2026-10-01", "--start", "2026-09-01"], environment: env).status == 0)
        #expect(try sandbox.run(["contract", "add", "--number", "2026/17", "--client", "1", "--amount", "50000", "--installments", "1",
                                 "--first-due", "2026-10-01", "--start", "2026-09-01"], environment: env).status == 0)
        let statement = sandbox.directory.appendingPathComponent("statement.csv")
        try """
            Дата;Номер;Сумма;Плательщик;Назначение
            05.10.2026;501;150 000,00;ООО Ромашка;Оплата по счетам СЧ-103 и 2026/17
            05.10.2026;502;7 000,00;ООО Поставщик;Возврат аванса поставщику

            """.write(to: statement, atomically: true, encoding: .utf8)
        let imported = try sandbox.run(["import", "bank", statement.path, "--map",
                                        "date=Дата,amount=Сумма,number=Номер,payer=Плательщик,purpose=Назначение"], environment: env)
        #expect(imported.status == 0, "\(imported.stderr)")
        let queue = try sandbox.run(["pay", "unmatched", "--format", "csv"], environment: env).stdout
        #expect(queue.contains("several contracts"), "two contracts without №: a person decides. \(queue)")
        // The parts must add up: 100 000 + 100 000 is not 150 000.
        let wrong = try sandbox.run(["pay", "match", "1", "СЧ-103:100000", "2026/17:100000"], environment: env)
        #expect(wrong.status == 65 && wrong.stderr.contains("200000.00"), "\(wrong.stderr)")
        #expect(try sandbox.run(["pay", "match", "1", "СЧ-103:100000", "2026/17:50000"], environment: env).status == 0)
        #expect(try sandbox.run(["pay", "dismiss", "2", "--reason", "возврат поставщика"], environment: env).status == 0)
        #expect(try sandbox.run(["pay", "unmatched", "--format", "csv"], environment: env).stdout.lines.count == 1)
        #expect(try sandbox.run(["pay", "unmatched", "--dismissed", "--format", "csv"], environment: env)
            .stdout.contains("возврат поставщика"))
        let list = try sandbox.run(["contract", "list", "--format", "csv"], environment: env).stdout
        #expect(list.lines.filter { $0.hasPrefix("СЧ-103,") || $0.hasPrefix("2026/17,") }
            .allSatisfy { $0.contains("closed") }, "\(list)")
        let twice = try sandbox.run(["pay", "match", "1", "СЧ-103"], environment: env)
        #expect(twice.status == 65 && twice.stderr.contains("already recorded"))
        #expect(try sandbox.run(["doctor"], environment: env).status == 0)
    }
}

extension String {
    /// The lines of an output, CSV's CRLF ends included.
    var lines: [Substring] { replacing("\r\n", with: "\n").split(separator: "\n") }
}
