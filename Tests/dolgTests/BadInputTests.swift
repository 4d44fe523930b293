import Foundation
import Testing

/// One bad input: the command, the files it reads (made in the sandbox first, `{dir}/NAME` in
/// the arguments), the environment it adds, and the documented exit status it must end with.
struct BadInput: CustomTestStringConvertible, Sendable {
    let name: String
    let arguments: [String]
    var files: [String: Data] = [:]
    var environment: [String: String] = [:]
    let status: Int32

    var testDescription: String { name }

    init(_ name: String, _ arguments: [String], files: [String: Data] = [:], environment: [String: String] = [:],
         _ status: Int32) {
        self.name = name
        self.arguments = arguments
        self.files = files
        self.environment = environment
        self.status = status
    }

    /// A file of text in UTF-8.
    static func text(_ text: String) -> Data { Data(text.utf8) }
}

/// The corpus of bad inputs across every command and importer. Each must end with one clear
/// `dolg: error[name]:` line (importers may list the bad rows above it), its documented exit status
/// (docs/errors.md), nothing echoed wholesale, no passport number, and a byte-identical ledger.
@Suite("Bad input")
struct BadInputTests {
    static let usage: Int32 = 64, data: Int32 = 65, noInput: Int32 = 66, cannotCreate: Int32 = 73

    /// The client added in the ledger below with a passport that must never appear in an error.
    static let passport = "4510 987654"

    static let contractsHeader = "number,client,phone,email,manager,segment,start_date,amount,down_payment,installments,period,first_due,rate\n"
    static let paymentsHeader = "contract,date,amount,reference,method\n"
    static let tenMegabyteLine = String(repeating: "x", count: 10 * 1024 * 1024)
    /// Bytes that are no text in any encoding the importers read as text: NULs and invalid UTF-8,
    /// scattered by a multiplicative hash so that the file is the same on every run.
    static let binaryJunk = Data((0..<4096).map { (index: UInt32) in
        UInt8(truncatingIfNeeded: (index &* 2_654_435_761) >> 13)
    })

    static func contractRow(number: String = "Н-1", start: String = "2026-10-01", amount: String = "12000",
                            down: String = "", installments: String = "3", period: String = "month",
                            firstDue: String = "2026-10-31", rate: String = "") -> Data {
        text(contractsHeader + "\(number),Клиент,+79170000000,,,,\(start),\(amount),\(down),\(installments),\(period),\(firstDue),\(rate)\n")
    }

    static func paymentRow(contract: String = "Д-004", date: String = "2026-11-10", amount: String = "100") -> Data {
        text(paymentsHeader + "\(contract),\(date),\(amount),,cash\n")
    }

    /// A 1C statement with one incoming document whose fields are given (nil leaves one out).
    static func statement(number: String? = "1", date: String? = "19.11.2026", amount: String? = "100.00",
                          end: Bool = true, encoding: String.Encoding = .windowsCP1251) -> Data {
        var lines = ["1CClientBankExchange", "ВерсияФормата=1.03", "Кодировка=Windows", "РасчСчет=40702810900000012345",
                     "СекцияРасчСчет", "РасчСчет=40702810900000012345", "КонецРасчСчет",
                     "СекцияДокумент=Платежное поручение"]
        if let number { lines.append("Номер=\(number)") }
        if let date { lines.append("Дата=\(date)") }
        if let amount { lines.append("Сумма=\(amount)") }
        lines += ["ПлательщикСчет=40817810000000000001", "ПолучательСчет=40702810900000012345",
                  "НазначениеПлатежа=Оплата по договору Д-004", "КонецДокумента"]
        if end { lines.append("КонецФайла") }
        return (lines.joined(separator: "\r\n") + "\r\n").data(using: encoding)!
    }

    static let text = BadInput.text

    static let cases: [BadInput] = moneyAndDates + commands + contractImports + paymentImports + bankImports
        + playbookImports + ledgerFiles + ranges + strangerInput

    static let moneyAndDates: [BadInput] = [
        BadInput("amount: letters", ["pay", "Д-004", "abc"], data),
        BadInput("amount: zero", ["pay", "Д-004", "0"], data),
        BadInput("amount: negative", ["pay", "Д-004", "--", "-100"], data),
        BadInput("amount: beyond any ledger", ["pay", "Д-004", "99999999999999999999"], data),
        BadInput("amount: just past Int64 kopecks", ["pay", "Д-004", "92233720368547758.08"], data),
        BadInput("amount: three decimals", ["pay", "Д-004", "1.005"], data),
        BadInput("amount: ambiguous thousands", ["pay", "Д-004", "5,000"], data),
        BadInput("amount: exponent", ["pay", "Д-004", "1e5"], data),
        BadInput("amount: NaN", ["pay", "Д-004", "NaN"], data),
        BadInput("amount: infinity", ["pay", "Д-004", "inf"], data),
        BadInput("amount: empty", ["pay", "Д-004", ""], data),
        BadInput("amount: full-width digits", ["pay", "Д-004", "１０００"], data),
        BadInput("amount: two decimal points", ["pay", "Д-004", "1.0.0"], data),
        BadInput("amount: hex", ["pay", "Д-004", "0x10"], data),
        BadInput("amount: shell substitution", ["pay", "Д-004", "$(reboot)"], data),
        BadInput("date: 30 February", ["pay", "Д-004", "100", "--date", "2026-02-30"], data),
        BadInput("date: month 13", ["pay", "Д-004", "100", "--date", "2026-13-01"], data),
        BadInput("date: day 0", ["pay", "Д-004", "100", "--date", "2026-11-00"], data),
        BadInput("date: no separators", ["pay", "Д-004", "100", "--date", "20261120"], data),
        BadInput("date: American order", ["pay", "Д-004", "100", "--date", "11/20/2026"], data),
        BadInput("date: words", ["pay", "Д-004", "100", "--date", "yesterday"], data),
        BadInput("date: 29 February of a common year", ["pay", "Д-004", "100", "--date", "2026-02-29"], data),
        BadInput("date: before the contract", ["pay", "Д-004", "100", "--date", "2026-08-01"], data),
        BadInput("--today: no such day", ["overdue", "--today", "2026-02-30"], data),
        BadInput("DOLG_TODAY: malformed", ["overdue"], environment: ["DOLG_TODAY": "today"], data),
        BadInput("--now: hour 25", ["next", "--now", "2026-11-20T25:00"], data),
        BadInput("--now: sign in the clock", ["next", "--now", "2026-11-20T+9:00"], data),
        BadInput("DOLG_NOW: date only", ["next"], environment: ["DOLG_NOW": "2026-11-20"], data),
        BadInput("schedule: interest past the limit of a contract",
                 ["contract", "add", "--number", "BIG", "--client", "1", "--amount", "9999999999999", "--installments", "600",
                  "--rate", "1000", "--first-due", "2026-12-01", "--start", "2026-11-01"], data),
        BadInput("penalty: 1000 % a day", ["contract", "add", "--number", "PEN", "--client", "1", "--amount", "1000",
                                           "--installments", "1", "--first-due", "2026-12-01", "--penalty", "1000"], data),
        BadInput("pay: past what one contract may receive", ["pay", "Д-004", "9999999999999.99"], data),
    ]

    static let commands: [BadInput] = [
        BadInput("pay: unknown contract", ["pay", "nope", "100"], data),
        BadInput("pay: SQL in the contract number", ["pay", "Д-004' OR '1'='1", "100"], data),
        BadInput("pay: reference of another payment", ["pay", "Д-001", "100", "--ref", "R-1"], data),
        BadInput("pay reverse: unknown payment", ["pay", "reverse", "999", "--reason", "x"], data),
        BadInput("pay reverse: not a number", ["pay", "reverse", "one", "--reason", "x"], usage),
        BadInput("pay reverse: before the payment", ["pay", "reverse", "1", "--reason", "x", "--date", "2026-09-01"], data),
        BadInput("pay reverse: bad date", ["pay", "reverse", "1", "--reason", "x", "--date", "2026-02-30"], data),
        BadInput("pay match: unknown bank payment", ["pay", "match", "999", "Д-001"], data),
        BadInput("contract add: zero amount", ["contract", "add", "--number", "Н-1", "--client", "1", "--amount", "0",
                                               "--installments", "3", "--first-due", "2026-12-01"], data),
        BadInput("contract add: no installments", ["contract", "add", "--number", "Н-1", "--client", "1", "--amount", "1000",
                                                   "--installments", "0", "--first-due", "2026-12-01"], data),
        BadInput("contract add: a million installments", ["contract", "add", "--number", "Н-1", "--client", "1",
                                                          "--amount", "1000", "--installments", "1000000",
                                                          "--first-due", "2026-12-01"], data),
        BadInput("contract add: first due before start", ["contract", "add", "--number", "Н-1", "--client", "1",
                                                          "--amount", "1000", "--installments", "3", "--start", "2026-11-20",
                                                          "--first-due", "2026-11-01"], data),
        BadInput("contract add: first due 31 April", ["contract", "add", "--number", "Н-1", "--client", "1",
                                                      "--amount", "1000", "--installments", "3", "--first-due", "2027-04-31"], data),
        BadInput("contract add: duplicate number", ["contract", "add", "--number", "Д-001", "--client", "1",
                                                    "--amount", "1000", "--installments", "3", "--first-due", "2026-12-01"], data),
        BadInput("contract add: unknown client", ["contract", "add", "--number", "Н-1", "--client", "999",
                                                  "--amount", "1000", "--installments", "3", "--first-due", "2026-12-01"], data),
        BadInput("contract add: down payment above the price", ["contract", "add", "--number", "Н-1", "--client", "1",
                                                                "--amount", "1000", "--down", "2000",
                                                                "--installments", "3", "--first-due", "2026-12-01"], data),
        BadInput("contract add: negative rate", ["contract", "add", "--number", "Н-1", "--client", "1", "--amount", "1000",
                                                 "--installments", "3", "--first-due", "2026-12-01", "--rate=-5"], data),
        BadInput("contract add: rate in words", ["contract", "add", "--number", "Н-1", "--client", "1", "--amount", "1000",
                                                 "--installments", "3", "--first-due", "2026-12-01", "--rate", "high"], data),
        BadInput("contract add: unknown period", ["contract", "add", "--number", "Н-1", "--client", "1", "--amount", "1000",
                                                  "--installments", "3", "--first-due", "2026-12-01", "--period", "fortnight"], usage),
        BadInput("contract add: missing amount", ["contract", "add", "--number", "Н-1", "--client", "1",
                                                  "--installments", "3", "--first-due", "2026-12-01"], usage),
        BadInput("contract terminate: unknown", ["contract", "terminate", "nope", "--reason", "x"], data),
        BadInput("contract terminate: bad date", ["contract", "terminate", "Д-001", "--reason", "x", "--date", "2026-02-30"], data),
        BadInput("contract terminate: before the contract starts",
                 ["contract", "terminate", "Д-001", "--reason", "x", "--date", "2020-01-01"], data),
        BadInput("contract add: 5 kopecks in 10 installments (some of 0)",
                 ["contract", "add", "--number", "Z-1", "--client", "1", "--amount", "0.05", "--installments", "10",
                  "--first-due", "2026-12-01"], data),
        BadInput("client add: short phone", ["client", "add", "Петров", "--phone", "12345"], data),
        BadInput("client add: letters for a phone", ["client", "add", "Петров", "--phone", "call me"], data),
        BadInput("client add: time offset of a week", ["client", "add", "Петров", "--phone", "+79170000001",
                                                       "--time-offset", "10000"], data),
        BadInput("client add: malformed INN", ["client", "add", "ООО Ромашка", "--phone", "+79170000001", "--inn", "12AB"], data),
        BadInput("client show: unknown", ["client", "show", "999"], data),
        BadInput("client show: no such client", ["client", "show", "Иванов'; --"], data),
        BadInput("client note: unknown client", ["client", "note", "999", "позвонить"], data),
        BadInput("manager add: duplicate", ["manager", "add", "Пётр Волков"], data),
        BadInput("manager add: unknown role", ["manager", "add", "Новый", "--role", "king"], usage),
        BadInput("touch: unknown channel", ["touch", "Д-004", "--channel", "pigeon", "--outcome", "reached"], usage),
        BadInput("touch: promise without a date", ["touch", "Д-004", "--channel", "call", "--outcome", "promise",
                                                   "--promise-amount", "100"], data),
        BadInput("touch: promise on 30 February", ["touch", "Д-004", "--channel", "call", "--outcome", "promise",
                                                   "--promise-date", "2026-02-30", "--promise-amount", "100"], data),
        BadInput("touch: negative promise", ["touch", "Д-004", "--channel", "call", "--outcome", "promise",
                                             "--promise-date", "2026-12-01", "--promise-amount=-1"], data),
        BadInput("touch: promise in the past", ["touch", "Д-004", "--channel", "call", "--outcome", "promise",
                                                "--promise-date", "2026-01-01", "--promise-amount", "100"], data),
        BadInput("touch: unknown contract", ["touch", "nope", "--channel", "call", "--outcome", "reached"], data),
        BadInput("touch: promise of more than is owed", ["touch", "Д-004", "--channel", "call", "--outcome", "promise",
                                                         "--promise-date", "2026-11-25", "--promise-amount", "999999999"], data),
        BadInput("touch: promise a year ahead", ["touch", "Д-004", "--channel", "call", "--outcome", "promise",
                                                 "--promise-date", "2027-11-20", "--promise-amount", "100"], data),
        BadInput("touch: a call at 23:30", ["touch", "Д-004", "--channel", "call", "--outcome", "no-answer",
                                            "--now", "2026-11-20T23:30"], data),
        BadInput("hold end: unknown hold", ["hold", "end", "999", "--reason", "x"], data),
        BadInput("hold end: empty reason", ["hold", "end", "1", "--reason", " "], data),
        BadInput("pay: dated after the business date", ["pay", "Д-001", "100", "--date", "2062-03-20"], data),
        BadInput("pay refund: no credit", ["pay", "refund", "Д-001", "100", "--reason", "x"], data),
        BadInput("pay transfer: to the same contract", ["pay", "transfer", "Д-001", "--to", "Д-001", "--amount", "1"], data),
        BadInput("pay match: unknown receipt", ["pay", "match", "999", "Д-001:100", "Д-002:50"], data),
        BadInput("pay dismiss: unknown receipt", ["pay", "dismiss", "999", "--reason", "x"], data),
        BadInput("client edit: bad phone", ["client", "edit", "1", "--phone", "call me"], data),
        BadInput("client edit: unknown kind", ["client", "edit", "1", "--kind", "robot"], data),
        BadInput("client find: nothing to find", ["client", "find", "  "], data),
        BadInput("contract edit: nothing to change", ["contract", "edit", "Д-001"], data),
        BadInput("contract edit: unknown manager", ["contract", "edit", "Д-001", "--manager", "Nobody"], data),
        BadInput("manager deactivate: clients and nobody to take them", ["manager", "deactivate", "Пётр Волков"], data),
        BadInput("touch: callback at no time", ["touch", "Д-004", "--channel", "call", "--outcome", "callback",
                                                "--callback-at", "tomorrow"], data),
        BadInput("hold add: until 30 February", ["hold", "add", "Д-004", "--until", "2026-02-30", "--reason", "x"], data),
        BadInput("hold add: until yesterday", ["hold", "add", "Д-004", "--until", "2026-11-19", "--reason", "x"], data),
        BadInput("hold add: unknown contract", ["hold", "add", "nope", "--until", "2026-12-01", "--reason", "x"], data),
        BadInput("schedule: unknown contract", ["schedule", "nope"], data),
        BadInput("schedule restructure: 30 February", ["schedule", "restructure", "Д-004", "--from", "2026-02-30",
                                                       "--installments", "3"], data),
        BadInput("schedule restructure: no installments", ["schedule", "restructure", "Д-004", "--from", "2026-12-01",
                                                           "--installments", "0"], data),
        BadInput("approve: unknown request", ["approve", "999"], data),
        BadInput("letter: unknown contract", ["letter", "nope"], data),
        BadInput("letter: unknown format", ["letter", "Д-004", "--format", "pdf"], usage),
        BadInput("history: unknown contract", ["history", "nope"], data),
        BadInput("overdue: unknown manager", ["overdue", "--manager", "Nobody"], data),
        BadInput("next: unknown manager", ["next", "--manager", "Nobody"], data),
        BadInput("report aging: malformed buckets", ["report", "aging", "--buckets", "abc"], data),
        BadInput("report aging: buckets out of order", ["report", "aging", "--buckets", "30,10"], data),
        BadInput("report aging: as of 30 February", ["report", "aging", "--as-of", "2026-02-30"], data),
        BadInput("report dynamics: from after to", ["report", "dynamics", "--from", "2026-11-20", "--to", "2026-01-01"], data),
        BadInput("report forecast: by year", ["report", "forecast", "--by", "year"], usage),
        BadInput("report: unknown segment", ["report", "portfolio", "--segment", "'; DROP TABLE contracts; --"], data),
        BadInput("export: unknown kind", ["export", "everything"], usage),
        BadInput("outbox list: unknown status", ["outbox", "list", "--status", "lost"], usage),
        BadInput("outbox retry: a message whose outcome is known", ["outbox", "retry", "999"], data),
        BadInput("--today and --now on different days", ["overdue", "--today", "2026-11-20", "--now", "2026-11-21T10:00"],
                 data),
        BadInput("outbox retry: ids and --unknown", ["outbox", "retry", "1", "--unknown"], usage),
        BadInput("outbox mark-sent: no such message", ["outbox", "mark-sent", "999"], data),
        BadInput("outbox mark-sent: nothing named", ["outbox", "mark-sent"], usage),
        BadInput("init: a time zone that does not exist", ["init", "--timezone", "Mars/Olympus", "--db", "{dir}/new.sqlite"],
                 data),
        BadInput("--format xml", ["overdue", "--format", "xml"], usage),
        BadInput("--lang klingon", ["overdue", "--lang", "tlh"], data),
        BadInput("unknown subcommand", ["collect-everything"], usage),
        BadInput("unknown option", ["overdue", "--everything"], usage),
    ]

    static let contractImports: [BadInput] = [
        BadInput("contracts: missing file", ["import", "contracts", "{dir}/absent.csv"], noInput),
        BadInput("contracts: empty file", ["import", "contracts", "{dir}/c.csv"], files: ["c.csv": Data()], data),
        BadInput("contracts: binary junk", ["import", "contracts", "{dir}/c.csv"], files: ["c.csv": binaryJunk], data),
        BadInput("contracts: a 10 MB line", ["import", "contracts", "{dir}/c.csv"],
                 files: ["c.csv": text(contractsHeader + tenMegabyteLine + "\n")], data),
        BadInput("contracts: UTF-16", ["import", "contracts", "{dir}/c.csv"],
                 files: ["c.csv": (contractsHeader + "Н-1,К,+79170000000,,,,2026-10-01,1000,,3,month,2026-10-31,\n")
                    .data(using: .utf16LittleEndian)!], data),
        BadInput("contracts: a header of other columns", ["import", "contracts", "{dir}/c.csv"],
                 files: ["c.csv": text("id;name;sum\n1;a;2\n")], data),
        BadInput("contracts: zero amount", ["import", "contracts", "{dir}/c.csv"], files: ["c.csv": contractRow(amount: "0")], data),
        BadInput("contracts: negative amount", ["import", "contracts", "{dir}/c.csv"],
                 files: ["c.csv": contractRow(amount: "-12000")], data),
        BadInput("contracts: huge amount", ["import", "contracts", "{dir}/c.csv"],
                 files: ["c.csv": contractRow(amount: "1e20")], data),
        BadInput("contracts: start 30 February", ["import", "contracts", "{dir}/c.csv"],
                 files: ["c.csv": contractRow(start: "2026-02-30")], data),
        BadInput("contracts: first due before start", ["import", "contracts", "{dir}/c.csv"],
                 files: ["c.csv": contractRow(firstDue: "2026-09-01")], data),
        BadInput("contracts: installments in words", ["import", "contracts", "{dir}/c.csv"],
                 files: ["c.csv": contractRow(installments: "twelve")], data),
        BadInput("contracts: unknown period", ["import", "contracts", "{dir}/c.csv"],
                 files: ["c.csv": contractRow(period: "fortnight")], data),
        BadInput("contracts: custom period without a schedule", ["import", "contracts", "{dir}/c.csv"],
                 files: ["c.csv": contractRow(period: "custom")], data),
        BadInput("contracts: down payment above the price", ["import", "contracts", "{dir}/c.csv"],
                 files: ["c.csv": contractRow(down: "20000")], data),
        BadInput("contracts: one number twice", ["import", "contracts", "{dir}/c.csv"],
                 files: ["c.csv": text(contractsHeader + "Н-1,К,+79170000000,,,,2026-10-01,1000,,3,month,2026-10-31,\n"
                                       + "Н-1,К,+79170000000,,,,2026-10-01,2000,,3,month,2026-10-31,\n")], data),
        BadInput("contracts: an existing number with other terms", ["import", "contracts", "{dir}/c.csv"],
                 files: ["c.csv": contractRow(number: "Д-001", amount: "1")], data),
        BadInput("contracts: unterminated quote", ["import", "contracts", "{dir}/c.csv"],
                 files: ["c.csv": text(contractsHeader + "Н-1,\"Клиент,+79170000000,,,,2026-10-01,1000,,3,month,2026-10-31,\n")], data),
        BadInput("contracts: NUL in a field", ["import", "contracts", "{dir}/c.csv"],
                 files: ["c.csv": text(contractsHeader + "Н-1,Кли\u{0}ент,+79170000000,,,,2026-10-01,1000,,3,month,2026-10-31,\n")], data),
        BadInput("contracts: too few fields", ["import", "contracts", "{dir}/c.csv"],
                 files: ["c.csv": text(contractsHeader + "Н-1,Клиент\n")], data),
        BadInput("contracts: the project's bad fixture", ["import", "contracts", "{fixtures}/import/contracts-bad.csv"], data),
        BadInput("contracts: the custom schedule missing", ["import", "contracts", "{fixtures}/import/contracts-custom.csv",
                                                            "--schedule", "{dir}/absent.csv"], noInput),
        BadInput("contracts: a bad custom schedule", ["import", "contracts", "{fixtures}/import/contracts-custom.csv",
                                                      "--schedule", "{fixtures}/import/schedule-custom.csv"], data),
    ]

    static let paymentImports: [BadInput] = [
        BadInput("payments: missing file", ["import", "payments", "{dir}/absent.csv"], noInput),
        BadInput("payments: a directory", ["import", "payments", "{dir}"], data),
        BadInput("payments: empty file", ["import", "payments", "{dir}/p.csv"], files: ["p.csv": Data()], data),
        BadInput("payments: binary junk", ["import", "payments", "{dir}/p.csv"], files: ["p.csv": binaryJunk], data),
        BadInput("payments: a 10 MB line", ["import", "payments", "{dir}/p.csv"],
                 files: ["p.csv": text(paymentsHeader + "Д-004,2026-11-10," + tenMegabyteLine + ",,cash\n")], data),
        BadInput("payments: missing columns", ["import", "payments", "{dir}/p.csv"],
                 files: ["p.csv": text("contract,amount\nД-004,100\n")], data),
        BadInput("payments: zero", ["import", "payments", "{dir}/p.csv"], files: ["p.csv": paymentRow(amount: "0")], data),
        BadInput("payments: negative", ["import", "payments", "{dir}/p.csv"], files: ["p.csv": paymentRow(amount: "-100")], data),
        BadInput("payments: huge", ["import", "payments", "{dir}/p.csv"],
                 files: ["p.csv": paymentRow(amount: "99999999999999999999")], data),
        BadInput("payments: unknown contract", ["import", "payments", "{dir}/p.csv"],
                 files: ["p.csv": paymentRow(contract: "nope")], data),
        BadInput("payments: 30 February", ["import", "payments", "{dir}/p.csv"],
                 files: ["p.csv": paymentRow(date: "2026-02-30")], data),
        BadInput("payments: before the contract", ["import", "payments", "{dir}/p.csv"],
                 files: ["p.csv": paymentRow(date: "2026-01-01")], data),
        BadInput("payments: one good row, one bad", ["import", "payments", "{dir}/p.csv"],
                 files: ["p.csv": text(paymentsHeader + "Д-004,2026-11-10,100,,cash\nД-004,2026-11-10,abc,,cash\n")], data),
        BadInput("payments: the project's bad fixture", ["import", "payments", "{fixtures}/import/payments-bad.csv"], data),
    ]

    static let bankImports: [BadInput] = [
        BadInput("bank: missing file", ["import", "bank", "{dir}/absent.txt"], noInput),
        BadInput("bank: empty file", ["import", "bank", "{dir}/b.txt"], files: ["b.txt": Data()], data),
        BadInput("bank: binary junk", ["import", "bank", "{dir}/b.txt"], files: ["b.txt": binaryJunk], data),
        BadInput("bank: only the first line", ["import", "bank", "{dir}/b.txt"],
                 files: ["b.txt": text("1CClientBankExchange\r\n")], data),
        BadInput("bank: cut short", ["import", "bank", "{dir}/b.txt"], files: ["b.txt": statement(end: false)], data),
        BadInput("bank: no amount", ["import", "bank", "{dir}/b.txt"], files: ["b.txt": statement(amount: nil)], data),
        BadInput("bank: no date", ["import", "bank", "{dir}/b.txt"], files: ["b.txt": statement(date: nil)], data),
        BadInput("bank: no number", ["import", "bank", "{dir}/b.txt"], files: ["b.txt": statement(number: nil)], data),
        BadInput("bank: negative amount", ["import", "bank", "{dir}/b.txt"], files: ["b.txt": statement(amount: "-100.00")], data),
        BadInput("bank: amount beyond any ledger", ["import", "bank", "{dir}/b.txt"],
                 files: ["b.txt": statement(amount: "1e309")], data),
        BadInput("bank: 30 February", ["import", "bank", "{dir}/b.txt"], files: ["b.txt": statement(date: "30.02.2026")], data),
        BadInput("bank: a 10 MB line", ["import", "bank", "{dir}/b.txt"],
                 files: ["b.txt": statement(number: tenMegabyteLine)], data),
        BadInput("bank: the project's documents without amounts", ["import", "bank", "{fixtures}/bank/kl_to_1c_bad_documents.txt"], data),
        BadInput("bank: the project's truncated fixture", ["import", "bank", "{fixtures}/bank/kl_to_1c_truncated.txt"], data),
        BadInput("bank: CSV without --map", ["import", "bank", "{fixtures}/bank/bank-export.csv"], data),
        BadInput("bank: --map without amount", ["import", "bank", "{fixtures}/bank/bank-export.csv", "--map", "date=Дата"], data),
        BadInput("bank: --map naming an absent column", ["import", "bank", "{fixtures}/bank/bank-export.csv", "--map",
                                                         "date=Дата,amount=Нет,number=Номер,purpose=Назначение платежа"], data),
        BadInput("bank: --map without '='", ["import", "bank", "{fixtures}/bank/bank-export.csv", "--map", "date"], data),
    ]

    static let playbook = """
        [[steps]]
        name = "sms-1"
        day = 1
        channel = "sms"
        text = "Напоминание"
        """

    /// A playbook that imports, to which each case below adds one mistake.
    static let validPlaybook = """
        [[steps]]
        name = "sms-due"
        offset = 0
        channel = "sms"
        actor = "auto"
        template = "Сегодня день платежа {{amount}}"

        [[steps]]
        name = "claim-letter"
        offset = 14
        channel = "letter"
        actor = "manager"

        """

    static let playbookImports: [BadInput] = [
        BadInput("playbook: missing file", ["playbook", "import", "{dir}/absent.toml"], noInput),
        BadInput("playbook: empty file", ["playbook", "import", "{dir}/p.toml"], files: ["p.toml": Data()], data),
        BadInput("playbook: binary junk", ["playbook", "import", "{dir}/p.toml"], files: ["p.toml": binaryJunk], data),
        BadInput("playbook: TOML syntax", ["playbook", "import", "{dir}/p.toml"], files: ["p.toml": text("[[steps]\nname = \n")], data),
        BadInput("playbook: a day in words", ["playbook", "import", "{dir}/p.toml"],
                 files: ["p.toml": text(playbook.replacing("day = 1", with: "day = \"first\""))], data),
        BadInput("playbook: unknown channel", ["playbook", "import", "{dir}/p.toml"],
                 files: ["p.toml": text(playbook.replacing("\"sms\"", with: "\"pigeon\""))], data),
        BadInput("playbook: a 10 MB line", ["playbook", "import", "{dir}/p.toml"],
                 files: ["p.toml": text("# " + tenMegabyteLine + "\n[[steps]\n")], data),
        // Found by the fuzzer: the TOML parser used to stop the process on these instead of reporting.
        BadInput("playbook: a table name starting with é", ["playbook", "import", "{dir}/p.toml"],
                 files: ["p.toml": text(playbook + "\n[é]\n")], data),
        BadInput("playbook: a lone [", ["playbook", "import", "{dir}/p.toml"], files: ["p.toml": text("[\n")], data),
        BadInput("playbook: a combining mark after a header's [", ["playbook", "import", "{dir}/p.toml"],
                 files: ["p.toml": text("[\u{0597}steps]\n")], data),
        BadInput("playbook: a } where an array expects a value", ["playbook", "import", "{dir}/p.toml"],
                 files: ["p.toml": text("[contact_policy]\nweekend_hours = [9, }\n")], data),
        BadInput("playbook: a template that does not parse", ["playbook", "import", "{dir}/p.toml"],
                 files: ["p.toml": text(playbook.replacing("Напоминание", with: "{{#contract}}"))], data),
        // Settings in the wrong place were accepted and silently ignored.
        BadInput("playbook: a thank-you under [contact_policy]", ["playbook", "import", "{dir}/p.toml"],
                 files: ["p.toml": text("[contact_policy]\nthank_you = \"Спасибо\"\n\n" + validPlaybook)], data),
        BadInput("playbook: a misspelt key", ["playbook", "import", "{dir}/p.toml"],
                 files: ["p.toml": text("[reminders]\nalarm_after_hour = 12\n\n" + validPlaybook)], data),
        BadInput("playbook: an alarm age of 0 hours", ["playbook", "import", "{dir}/p.toml"],
                 files: ["p.toml": text("[reminders]\nalarm_after_hours = 0\n\n" + validPlaybook)], data),
        BadInput("playbook: reminders stop at a step the ladder lacks", ["playbook", "import", "{dir}/p.toml"],
                 files: ["p.toml": text("[reminders]\nstop_at_step = \"court\"\n\n" + validPlaybook)], data),
        BadInput("playbook: a time zone that does not exist", ["playbook", "import", "{dir}/p.toml"],
                 files: ["p.toml": text("[calendar]\ntimezone = \"Mars/Olympus\"\n\n" + validPlaybook)], data),
        BadInput("playbook: a day off that is not a date", ["playbook", "import", "{dir}/p.toml"],
                 files: ["p.toml": text("[calendar]\nnon_working_days = [\"2027-02-30\"]\n\n" + validPlaybook)], data),
        BadInput("playbook: a day off in the year 9999", ["playbook", "import", "{dir}/p.toml"],
                 files: ["p.toml": text("[calendar]\nnon_working_days = [\"9999-01-01\"]\n\n" + validPlaybook)], data),
        BadInput("playbook: business hours the wrong way round", ["playbook", "import", "{dir}/p.toml"],
                 files: ["p.toml": text("[contact_policy]\nbusiness_hours = [18, 9]\n\n" + validPlaybook)], data),
    ]

    static let ledgerFiles: [BadInput] = [
        BadInput("--db: no such directory", ["overdue", "--db", "{dir}/absent/ledger.sqlite"], noInput),
        BadInput("--db: not a ledger", ["overdue", "--db", "{dir}/junk.sqlite"], files: ["junk.sqlite": binaryJunk], data),
        BadInput("init: over an existing ledger", ["init"], cannotCreate),
        BadInput("backup: onto an existing file", ["backup", "{dir}/existing"], files: ["existing": text("keep me")],
                 cannotCreate),
        BadInput("restore: missing file", ["restore", "{dir}/absent.sqlite", "--db", "{dir}/new.sqlite"], noInput),
        BadInput("restore: junk", ["restore", "{dir}/junk.sqlite", "--db", "{dir}/new.sqlite"],
                 files: ["junk.sqlite": binaryJunk], data),
    ]

    /// Dates past what dolg keeps and counts that used to trap the process (exit 132) or run for
    /// hours: each is refused at entry with its range.
    static let ranges: [BadInput] = [
        BadInput("contracts file: first due in 9999", ["import", "contracts", "{dir}/c.csv"],
                 files: ["c.csv": contractRow(firstDue: "9999-12-31")], data),
        BadInput("contract add: first due in 9990, 1000 installments",
                 ["contract", "add", "--number", "N-9", "--client", "1", "--amount", "100000", "--installments", "1000",
                  "--first-due", "9990-01-01"], data),
        BadInput("contract add: a schedule ending after 2200",
                 ["contract", "add", "--number", "N-9", "--client", "1", "--amount", "100000", "--installments", "1000",
                  "--first-due", "2150-01-01", "--start", "2150-01-01"], data),
        BadInput("restructure: from 9999", ["schedule", "restructure", "Д-004", "--from", "9999-01-01", "--installments", "3"],
                 data),
        BadInput("letter: deadline of Int.max days", ["letter", "Д-004", "--deadline-days", "9223372036854775807"], data),
        BadInput("report html: 100 000 months", ["report", "html", "--months", "100000", "--out", "{dir}/d.html"], data),
        BadInput("report limitation: a horizon of Int.max days", ["report", "limitation", "--within", "9223372036854775807"],
                 data),
        BadInput("report dynamics: today in year 1", ["report", "dynamics", "--today", "0001-01-01"], data),
        BadInput("report dynamics: years 1 to 9999 by day",
                 ["report", "dynamics", "--from", "0001-01-01", "--to", "9999-12-31", "--by", "day"], data),
        BadInput("report dynamics: three centuries by day",
                 ["report", "dynamics", "--from", "1900-01-01", "--to", "2200-12-31", "--by", "day"], data),
        BadInput("report forecast: a million periods", ["report", "forecast", "--periods", "1000000"], data),
        BadInput("overdue: negative days", ["overdue", "--min-days=-1"], data),
        BadInput("remind: a send timeout of 0", ["remind", "--send-timeout", "0"], data),
        BadInput("DOLG_TODAY: year 2201", ["overdue"], environment: ["DOLG_TODAY": "2201-01-01"], data),
        BadInput("payments file: a date in 1899", ["import", "payments", "{dir}/p.csv"],
                 files: ["p.csv": paymentRow(date: "1899-12-31")], data),
        BadInput("playbook: an offset of Int.max", ["playbook", "import", "{dir}/p.toml"],
                 files: ["p.toml": text(validPlaybook.replacing("offset = 14", with: "offset = 9223372036854775807"))], data),
    ]

    /// A CSV line in Windows-1251.
    static func windows1251(_ text: String) -> Data { text.data(using: .windowsCP1251)! }

    /// Files and names that are not what they claim, found by an attack from outside.
    static let strangerInput: [BadInput] = [
        BadInput("--db: an empty file", ["overdue", "--db", "{dir}/empty.sqlite"], files: ["empty.sqlite": Data()], data),
        BadInput("--db: a device", ["overdue", "--db", "/dev/null"], data),
        BadInput("--db: a directory", ["overdue", "--db", "{dir}"], data),
        BadInput("report html: into a device", ["report", "html", "--out", "/dev/null"], cannotCreate),
        BadInput("report html: into a directory", ["report", "html", "--out", "{dir}"], cannotCreate),
        BadInput("playbook: an unclosed section", ["playbook", "import", "{dir}/p.toml"],
                 files: ["p.toml": text(validPlaybook.replacing("{{amount}}", with: "{{#amount}} {{amount}}"))], data),
        BadInput("playbook: an unclosed tag", ["playbook", "import", "{dir}/p.toml"],
                 files: ["p.toml": text(validPlaybook.replacing("{{amount}}", with: "{{contract"))], data),
        BadInput("playbook: sections 3 000 deep", ["playbook", "import", "{dir}/p.toml"],
                 files: ["p.toml": text(validPlaybook.replacing(
                     "{{amount}}", with: String(repeating: "{{#a}}", count: 3_000) + String(repeating: "{{/a}}", count: 3_000)))],
                 data),
        BadInput("payments file: one Windows-1251 row among UTF-8 rows", ["import", "payments", "{dir}/p.csv"],
                 files: ["p.csv": text(paymentsHeader + "Д-004,2026-11-10,100,Оплата,cash\n")
                            + windows1251("Д-004,2026-11-11,100,Оплата,cash\n")], data),
        BadInput("payments file: one UTF-8 row among Windows-1251 rows", ["import", "payments", "{dir}/p.csv"],
                 files: ["p.csv": windows1251(paymentsHeader + "Д-004,2026-11-10,100,Оплата,cash\n")
                            + text("Д-004,2026-11-11,100,Оплата,cash\n")], data),
        BadInput("payments file: overlong UTF-8", ["import", "payments", "{dir}/p.csv"],
                 files: ["p.csv": text(paymentsHeader + "Д-004,2026-11-10,100,Ок") + Data([0xC0, 0xAF]) + text(",cash\n")],
                 data),
        BadInput("payments file: an encoded surrogate", ["import", "payments", "{dir}/p.csv"],
                 files: ["p.csv": text(paymentsHeader + "Д-004,2026-11-10,100,Ок") + Data([0xED, 0xA0, 0x80])
                            + text(",cash\n")], data),
        BadInput("payments file: a column twice", ["import", "payments", "{dir}/p.csv"],
                 files: ["p.csv": text("contract,date,amount,amount\nД-004,2026-11-10,100,200\n")], data),
        BadInput("payments file: a field beyond the header", ["import", "payments", "{dir}/p.csv"],
                 files: ["p.csv": text(paymentsHeader + "Д-004,2026-11-10,100,R-9,cash,200\n")], data),
        BadInput("payments file: a reference of 100 000 characters", ["import", "payments", "{dir}/p.csv"],
                 files: ["p.csv": text(paymentsHeader + "Д-004,2026-11-10,100," + String(repeating: "7", count: 100_000)
                                       + ",cash\n")], data),
        BadInput("payments file: a 10 MB header name", ["import", "payments", "{dir}/p.csv"],
                 files: ["p.csv": text("contract,date,amount," + tenMegabyteLine + "\n")], data),
        BadInput("payments file: /dev/zero", ["import", "payments", "/dev/zero"], data),
        BadInput("payments file: a zero-width joiner for a number", ["import", "payments", "{dir}/p.csv"],
                 files: ["p.csv": paymentRow(contract: "\u{200D}")], data),
        BadInput("contracts file: look-alike numbers", ["import", "contracts", "{dir}/c.csv"],
                 files: ["c.csv": text(contractsHeader
                                       + "C-1,Клиент,+79170000000,,,,2026-10-01,1000,,1,month,2026-10-31,\n"
                                       + "С-1,Клиент,+79170000000,,,,2026-10-01,1000,,1,month,2026-10-31,\n")], data),
        BadInput("contract add: a letter O for a zero", ["contract", "add", "--number", "Д-0О4", "--client", "1",
                                                          "--amount", "100", "--installments", "1", "--first-due", "2026-12-01"],
                 data),
        BadInput("contract add: a number that is a zero-width joiner",
                 ["contract", "add", "--number", "\u{200D}", "--client", "1", "--amount", "100", "--installments", "1",
                  "--first-due", "2026-12-01"], data),
        BadInput("contract add: a number with an escape sequence",
                 ["contract", "add", "--number", "N\u{1B}[2J", "--client", "1", "--amount", "100", "--installments", "1",
                  "--first-due", "2026-12-01"], data),
        BadInput("contract add: a number with a right-to-left override",
                 ["contract", "add", "--number", "N-\u{202E}1", "--client", "1", "--amount", "100", "--installments", "1",
                  "--first-due", "2026-12-01"], data),
        BadInput("client add: a name with an escape sequence", ["client", "add", "Иван\u{1B}]0;pwned\u{07}", "--phone",
                                                                "+79170000099"], data),
        BadInput("contract show: an escape sequence echoed", ["contract", "show", "X\u{1B}[2J\u{1B}[H"], data),
        BadInput("contract show: a 50 000-character number", ["contract", "show", String(repeating: "Щ", count: 50_000)],
                 data),
        BadInput("bank: text after КонецФайла", ["import", "bank", "{dir}/b.txt"],
                 files: ["b.txt": statement() + windows1251("СекцияДокумент=Платежное поручение\r\nСумма=5.00\r\n")], data),
        BadInput("bank: a second statement cut short", ["import", "bank", "{dir}/b.txt"],
                 files: ["b.txt": statement() + statement(end: false)], data),
    ]

    /// The ledger every case starts from: the fixtures' contracts, a payment with a reference,
    /// and a client with a passport.
    static func ledger() throws -> Sandbox {
        let sandbox = try Sandbox()
        let fixtures = GoldenTests.fixturesDirectory.path
        for arguments in [["init"], ["import", "contracts", fixtures + "/import/contracts.csv"],
                          ["pay", "Д-004", "1000", "--date", "2026-11-01", "--ref", "R-1"],
                          ["client", "add", "Сидоров", "--phone", "+79170000009", "--passport", passport]] {
            let result = try sandbox.run(arguments)
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
        }
        return sandbox
    }

    @Test("the corpus holds at least a hundred bad inputs")
    func corpusSize() {
        #expect(Self.cases.count >= 100, "\(Self.cases.count) cases")
        #expect(Set(Self.cases.map(\.name)).count == Self.cases.count, "each case has its own name")
        #expect(Self.binaryJunk.contains(0) && String(data: Self.binaryJunk, encoding: .utf8) == nil,
                "the junk has NULs and is no UTF-8")
        print("badInputs: \(Self.cases.count) bad inputs in the corpus")
    }

    @Test("each bad input: one clear error line, its exit status, and the ledger unchanged", arguments: cases)
    func rejected(_ input: BadInput) throws {
        let sandbox = try Self.ledger()
        for (name, contents) in input.files {
            try contents.write(to: sandbox.directory.appendingPathComponent(name))
        }
        let fixtures = GoldenTests.fixturesDirectory.path
        let arguments = input.arguments.map {
            $0.replacing("{dir}", with: sandbox.directory.path).replacing("{fixtures}", with: fixtures)
        }
        let before = sandbox.ledgerBytes()
        let result = try sandbox.run(arguments, environment: input.environment)
        #expect(result.status == input.status, "\(result.stderr)")
        let lines = result.stderr.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(result.stderr.hasSuffix("\n") && lines.last?.hasPrefix("dolg: error[") == true,
                "the last line names the error: \(result.stderr.prefix(500))")
        #expect(lines.filter { $0.hasPrefix("dolg: error[") }.count == 1, "one error line")
        #expect(result.stderr.utf8.count < 4096, "nothing echoed wholesale: \(result.stderr.utf8.count) bytes")
        #expect(!result.stderr.unicodeScalars.contains { ($0.value < 0x20 && $0 != "\n") || (0x7F...0x9F).contains($0.value) },
                "no control character reaches the terminal")
        #expect(!result.stderr.contains("987654") && !result.stdout.contains("987654"), "no passport in the output")
        #expect(sandbox.ledgerBytes() == before, "the ledger is byte-identical")
    }

    @Test("names with SQL and shell metacharacters are stored as written, not run")
    func metacharactersAreLiteral() throws {
        let sandbox = try Self.ledger()
        let names = ["Robert'); DROP TABLE clients; --", "$(rm -rf ~) `reboot` && echo", "\"; DELETE FROM payments; \"",
                     "=HYPERLINK(\"http://x\")", "O'Brien | tee /etc/passwd"]
        for (index, name) in names.enumerated() {
            let added = try sandbox.run(["client", "add", name, "--phone", "+7917000010\(index)"])
            #expect(added.status == 0, "\(added.stderr)")
        }
        let list = try sandbox.run(["client", "list", "--format", "json"])
        for name in names where !name.hasPrefix("=") {
            #expect(list.stdout.contains(JSONString.quoted(name)), "\(name) comes back as written")
        }
        #expect(try sandbox.run(["doctor"]).status == 0)
        #expect(try sandbox.run(["export", "payments"]).stdout.contains("R-1"), "payments survive")
    }
}

/// A JSON string literal, written here independently of the tool's renderer.
enum JSONString {
    static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}
