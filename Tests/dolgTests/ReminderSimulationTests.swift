import Foundation
import Testing

/// Fourteen weeks of a small shop, played the way it runs for real: the guide's crontab (the
/// night's `dolg daily` at 02:15, `dolg remind --send-cmd` through the day), payments at the
/// counter, a hold, a hand-over to the lawyer, a gateway that fails now and then and once kills
/// the run that called it. Every message the gateway received is checked against figures this
/// test works out itself from the schedules and payments it made.
@Suite("Reminder simulation")
struct ReminderSimulationTests {
    /// One contract of the simulation: equal monthly installments, no interest.
    struct Contract {
        let number: String
        let client: String
        let installment: Int  // rubles
        let count: Int
        let firstDue: String
        var dueDates: [String] {
            (0..<count).map { month in
                var parts = firstDue.split(separator: "-").compactMap { Int($0) }
                parts[1] += month
                while parts[1] > 12 { parts[1] -= 12; parts[0] += 1 }
                return String(format: "%04d-%02d-%02d", parts[0], parts[1], parts[2])
            }
        }
    }

    struct Client {
        let name: String
        let phone: String
        let options: [String]
        /// The client's clock minus the business's, in hours.
        let offset: Int
        let business: Bool
    }

    static let clients: [String: Client] = [
        "A": Client(name: "Иванов Андрей", phone: "+79170000001", options: [], offset: 0, business: false),
        "B": Client(name: "Петров Борис", phone: "+79170000002", options: [], offset: 0, business: false),
        "C": Client(name: "ООО «Ромашка»", phone: "+78430000003", options: ["--business"], offset: 0, business: true),
        "D": Client(name: "Сидорова Дарья", phone: "+79170000004", options: ["--time-offset", "2"], offset: 2,
                    business: false),
        "E": Client(name: "Кузнецов Егор", phone: "+79170000005", options: [], offset: 0, business: false),
        "F": Client(name: "Орлова Фаина", phone: "+79170000006", options: [], offset: 0, business: false),
    ]

    static let contracts = [
        Contract(number: "A1", client: "A", installment: 10_000, count: 6, firstDue: "2026-02-20"),
        Contract(number: "B1", client: "B", installment: 2_000, count: 6, firstDue: "2026-03-05"),
        Contract(number: "B2", client: "B", installment: 3_000, count: 6, firstDue: "2026-03-05"),
        Contract(number: "B3", client: "B", installment: 4_000, count: 6, firstDue: "2026-03-05"),
        Contract(number: "C1", client: "C", installment: 100_000, count: 3, firstDue: "2026-03-02"),
        Contract(number: "D1", client: "D", installment: 5_000, count: 6, firstDue: "2026-03-16"),
        Contract(number: "E1", client: "E", installment: 10_000, count: 4, firstDue: "2026-02-25"),
        Contract(number: "F1", client: "F", installment: 5_000, count: 4, firstDue: "2026-03-10"),
    ]

    /// Public non-working days of the period, from the government's decree (not from dolg's data).
    static let holidays: Set<String> = ["2026-02-23", "2026-03-09", "2026-05-01", "2026-05-11"]

    /// When each contract's installments are paid, days after their due date (nil: never).
    static func paymentDelay(_ contract: String) -> Int? {
        switch contract {
        case "A1": return 0
        case "B1", "B2", "B3": return 4
        case "C1": return 3
        case "D1": return 1
        case "E1": return nil
        default: return 0
        }
    }

    static let start = "2026-02-16"
    static let end = "2026-05-22"
    static let holdFrom = "2026-03-11", holdUntil = "2026-03-25", holdPayment = "2026-03-26"
    static let handOver = "2026-03-30"
    static let killDay = "2026-04-20", killTime = "09:00"
    /// The day line's times in the simulation (cron runs it every 15 minutes: these cover the
    /// edges of every rule: night, 06:00 for a client two hours east, the openings and closings).
    static let dayRuns = ["02:15", "06:00", "08:00", "09:00", "11:30", "14:00", "18:00", "20:00", "21:45", "23:00"]

    struct Payment {
        let contract: String
        let date: String
        let amount: Int
    }

    /// The payments the simulation makes, in order: each installment paid whole, late by the
    /// contract's delay; F's first installment after its hold.
    static var payments: [Payment] {
        var result: [Payment] = []
        for contract in contracts {
            guard let delay = paymentDelay(contract.number) else { continue }
            for (index, due) in contract.dueDates.enumerated() {
                var date = day(due).adding(days: delay)
                if contract.number == "F1" && index == 0 { date = day(holdPayment) }
                guard date.description <= end else { continue }
                result.append(Payment(contract: contract.number, date: date.description, amount: contract.installment))
            }
        }
        return result
    }

    /// What remains of an installment before the runs of `moment` (payments are made at 10:30),
    /// paid oldest installment first.
    static func remaining(_ contract: Contract, seq: Int, at moment: String) -> Int {
        let paid = payments.filter { $0.contract == contract.number && $0.date + "T10:30" < moment }.map(\.amount)
            .reduce(0, +)
        let before = contract.installment * (seq - 1)
        return max(0, min(contract.installment, contract.installment * seq - max(paid, before)))
    }

    static func rubles(_ amount: Int) -> String {
        let digits = Array(String(amount))
        var text = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { text += " " }
            text.append(digit)
        }
        return text + ",00 ₽"
    }

    static func day(_ text: String) -> SimDate { SimDate(text) }

    /// The crontab of guide §18, as written: each line's schedule and the dolg arguments it runs
    /// (the environment assignments and the redirection left out).
    static func guideCrontab() throws -> [(schedule: String, arguments: [String])] {
        let guide = try String(contentsOf: GoldenTests.packageRoot.appendingPathComponent("docs/guide.md"), encoding: .utf8)
        let section = guide.components(separatedBy: "## 18.")[1].components(separatedBy: "\n## ")[0]
        let block = section.components(separatedBy: "```sh\n")[1].components(separatedBy: "```")[0]
        return try block.split(separator: "\n").filter { !$0.hasPrefix("#") }.map { line in
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            let schedule = fields.prefix(5).joined(separator: " ")
            let command = line.components(separatedBy: " dolg ")[1].components(separatedBy: " >>")[0]
            return (schedule, try shellWords(command))
        }
    }

    @Test("fourteen weeks of the guide's crontab: right text, allowed hours, within limits, once")
    func weeks() throws {
        let sandbox = try Sandbox()
        let directory = sandbox.directory.path
        let gateway = sandbox.directory.appendingPathComponent("send-sms")
        // A gateway that records what it got, fails every seventh call, and once kills the run
        // that called it after it has taken the message.
        try """
            #!/bin/sh
            n=$(cat "\(directory)/count" 2>/dev/null || echo 0); n=$((n + 1)); echo $n > "\(directory)/count"
            if [ $((n % 7)) -eq 0 ]; then echo "gateway busy" >&2; exit 1; fi
            printf '%s\\t' "$DOLG_MESSAGE_ID" >> "\(directory)/delivered.tsv"
            cat | tr -d '\\n' >> "\(directory)/delivered.tsv"; echo >> "\(directory)/delivered.tsv"
            if [ -e "\(directory)/kill-next" ]; then
              rm "\(directory)/kill-next"
              parent=$PPID
              grep -q dolg /proc/$parent/comm || parent=$(awk '{print $4}' /proc/$parent/stat)
              kill -9 $parent
            fi
            """.write(to: gateway, atomically: true, encoding: .utf8)
        chmod(gateway.path, 0o755)

        func run(_ arguments: [String], at moment: String) throws -> Sandbox.Result {
            try sandbox.run(arguments, environment: ["DOLG_TODAY": String(moment.prefix(10)), "DOLG_NOW": moment])
        }
        func must(_ arguments: [String], at moment: String) throws {
            let result = try run(arguments, at: moment)
            #expect(result.status == 0, "\(arguments) at \(moment): \(result.stderr)")
        }

        // The guide's two lines: the night's close at 02:15, the sending line every 15 minutes.
        let crontab = try Self.guideCrontab()
        #expect(crontab.map(\.schedule) == ["15 2 * * *", "*/15 * * * *"], "\(crontab)")
        let nightLine = crontab[0].arguments
        let dayLine = crontab[1].arguments.map { $0 == "/srv/dolg/send-sms" ? gateway.path : $0 }
        #expect(dayLine.contains(gateway.path), "the day line sends through the gateway: \(dayLine)")

        let setUp = "\(Self.start)T00:30"
        try must(["init", "--timezone", "Europe/Moscow"], at: setUp)
        // The playbook as exported, with the thank-you switched on where the file shows it.
        let exported = try run(["playbook", "export"], at: setUp).stdout
        #expect(exported.contains("# thank_you = "))
        let playbook = sandbox.directory.appendingPathComponent("playbook.toml")
        try exported.replacing("# thank_you = ", with: "thank_you = ").write(to: playbook, atomically: true, encoding: .utf8)
        try must(["playbook", "import", playbook.path], at: setUp)
        for key in Self.clients.keys.sorted() {
            let client = Self.clients[key]!
            try must(["client", "add", client.name, "--phone", client.phone] + client.options, at: setUp)
        }
        let clientIDs = Dictionary(uniqueKeysWithValues: Self.clients.keys.sorted().enumerated().map { ($1, $0 + 1) })
        for contract in Self.contracts {
            try must(["contract", "add", "--number", contract.number, "--client", String(clientIDs[contract.client]!),
                      "--amount", String(contract.installment * contract.count),
                      "--installments", String(contract.count), "--first-due", contract.firstDue,
                      "--start", Self.start], at: setUp)
        }

        var delivered: [(moment: String, id: String, json: [String: Any])] = []
        var deliveredLines = 0
        var killedRuns = 0
        var alarms: [String: Int32] = [:]
        var date = Self.day(Self.start)
        while date.description <= Self.end {
            let today = date.description
            func collect(_ moment: String) throws {
                let text = (try? String(contentsOfFile: "\(directory)/delivered.tsv", encoding: .utf8)) ?? ""
                let lines = text.split(separator: "\n")
                for line in lines.dropFirst(deliveredLines) {
                    let parts = line.split(separator: "\t", maxSplits: 1)
                    let json = try JSONSerialization.jsonObject(with: Data(parts[1].utf8)) as! [String: Any]
                    delivered.append((moment, String(parts[0]), json))
                }
                deliveredLines = lines.count
            }
            // The night line, then the day line as cron also runs it at 02:15.
            let night = try run(nightLine, at: "\(today)T02:15")
            alarms[today] = night.status
            for time in Self.dayRuns {
                let moment = "\(today)T\(time)"
                if time == "11:30" {
                    for payment in Self.payments where payment.date == today {
                        try must(["pay", payment.contract, String(payment.amount)], at: "\(today)T10:30")
                    }
                    if today == Self.holdFrom {
                        try must(["hold", "F1", "--until", Self.holdUntil, "--reason", "спор"], at: "\(today)T10:30")
                    }
                    if today == Self.handOver {
                        try must(["touch", "E1", "--channel", "legal", "--outcome", "reached"], at: "\(today)T10:30")
                    }
                }
                if today == Self.killDay && time == Self.killTime {
                    #expect(FileManager.default.createFile(atPath: "\(directory)/kill-next", contents: nil))
                }
                let result = try run(dayLine, at: moment)
                if result.status == 137 || result.status == 9 || result.status < 0 || result.status > 128 {
                    killedRuns += 1
                } else {
                    #expect([0, 69].contains(result.status), "remind at \(moment): \(result.status) \(result.stderr)")
                }
                try collect(moment)
            }
            if today == Self.day(Self.killDay).adding(days: 1).description {
                // The morning after: the night's run raised the alarm; the operator checks the
                // gateway (it did take the message) and says so.
                let unknown = try run(["outbox", "list", "--status", "unknown", "--format", "csv"], at: "\(today)T09:30")
                #expect(unknown.stdout.components(separatedBy: ",unknown,").count == 2, "one unknown message: \(unknown.stdout)")
                try must(["outbox", "mark-sent", "--unknown"], at: "\(today)T09:30")
            }
            date = date.adding(days: 1)
        }

        #expect(killedRuns == 1, "the gateway killed one run")
        // The night after the kill raised the alarm (78), and no other night did.
        let killNext = Self.day(Self.killDay).adding(days: 1).description
        #expect(alarms[killNext] == 78, "the night after the kill: \(alarms[killNext] ?? -1)")
        #expect(alarms.filter { $0.key != killNext && $0.value != 0 }.isEmpty,
                "other nights: \(alarms.filter { $0.key != killNext && $0.value != 0 })")

        // Every message delivered: its id in the environment and the JSON, within the client's
        // hours and limits, its text true at that moment, and never twice.
        var seen: [String: String] = [:]
        var perClientDay: [String: Int] = [:]
        var perClientWeek: [String: Int] = [:]
        var thanked = Set<String>()
        for (moment, id, json) in delivered {
            #expect(json["id"].map { "\($0)" } == id, "DOLG_MESSAGE_ID is the JSON's id")
            let step = json["step"] as! String
            let items = (json["items"] as! [[String: Any]]).map { ($0["contract"] as! String, $0["installment"] as! Int) }
            let contracts = items.map { number in Self.contracts.first { $0.number == number.0 }! }
            let client = Self.clients[contracts[0].client]!
            #expect(Set(contracts.map(\.client)).count == 1, "one client per message")
            // Hours, in the client's clock, by the decree's calendar.
            let local = SimMoment(moment).adding(hours: client.offset)
            let working = local.date.weekday <= 5 && !Self.holidays.contains(local.date.description)
            let hours = client.business ? (working ? 9..<18 : 0..<0) : (working ? 8..<22 : 9..<20)
            #expect(hours.contains(local.hour), "\(step) for \(items) at \(moment) (client's \(local.description))")
            for (number, seq) in items {
                let key = "\(number)#\(seq) \(step)"
                #expect(seen[key] == nil, "\(key) delivered twice: \(seen[key] ?? "") and \(moment)")
                seen[key] = moment
            }
            let text = json["text"] as! String
            if step == "thank-you" {
                for (number, seq) in items { thanked.insert("\(number)#\(seq)") }
                continue
            }
            perClientDay["\(contracts[0].client) \(local.date)", default: 0] += 1
            perClientWeek["\(contracts[0].client) \(local.date.startOfWeek)", default: 0] += 1
            // The amount and day count true when it was handed over.
            let amounts = zip(contracts, items).map { Self.remaining($0, seq: $1.1, at: moment) }
            #expect(!amounts.contains(0), "\(step) for \(items) at \(moment): the installment was paid")
            #expect(text.contains(Self.rubles(amounts.reduce(0, +))), "amount in «\(text)» at \(moment)")
            if step == "sms-overdue" {
                let days = zip(contracts, items).map { contract, item in
                    SimMoment(moment).date.days(since: Self.day(contract.dueDates[item.1 - 1]))
                }.max()!
                #expect(text.contains("просрочен на \(days) "), "day count \(days) in «\(text)» at \(moment)")
            }
            if contracts[0].client == "E" {
                #expect(moment < "\(Self.day(Self.handOver).adding(days: -3))", "E1 is in the lawyer's hands: \(moment)")
            }
            if contracts[0].client == "F" {
                #expect(!(moment >= Self.holdFrom + "T10:30" && moment <= Self.holdUntil + "T23:59"),
                        "F1 is on hold: \(step) at \(moment)")
            }
        }
        #expect(perClientDay.values.allSatisfy { $0 <= 2 }, "at most 2 messages a day: \(perClientDay.filter { $0.value > 2 })")
        #expect(perClientWeek.values.allSatisfy { $0 <= 4 }, "at most 4 a week: \(perClientWeek.filter { $0.value > 4 })")
        // B's three contracts share each message.
        #expect(delivered.contains { ($0.json["items"] as! [Any]).count == 3 }, "one message names B's three contracts")
        // A client two hours east gets its morning messages at 06:00 business time on working days.
        #expect(delivered.contains { $0.moment.hasSuffix("T06:00") && ($0.json["contract"] as? String) == "D1" },
                "D1 (two hours east) is reached at 06:00 business time")
        // Every installment paid in the window, outside a hold and the lawyer's hands, was thanked.
        for payment in Self.payments where payment.date < Self.end {
            let seq = Self.payments.filter { $0.contract == payment.contract && $0.date <= payment.date }.count
            // Late payers are thanked too: F paid 16 days late, after its hold.
            #expect(thanked.contains("\(payment.contract)#\(seq)"), "thank-you for \(payment.contract) #\(seq)")
        }
        // Every step of every installment that fell due reached its client, unless a later step
        // replaced it, the money came first, a hold or the lawyer: A's May 20 installment had all three.
        for step in ["sms-reminder", "sms-due"] {
            #expect(seen["A1#4 \(step)"] != nil, "A1 #4 \(step)")
        }
        #expect(seen["B1#2 sms-overdue"] != nil, "B's April overdue message")
        let doctor = try run(["doctor"], at: "\(Self.end)T23:30")
        #expect(doctor.status == 0, "\(doctor.stdout)")
    }

    @Test("a crontab with only the night line raises the alarm on the second night")
    func nightOnly() throws {
        let sandbox = try Sandbox()
        func run(_ arguments: [String], at moment: String) throws -> Sandbox.Result {
            try sandbox.run(arguments, environment: ["DOLG_TODAY": String(moment.prefix(10)), "DOLG_NOW": moment])
        }
        #expect(try run(["init", "--timezone", "Europe/Moscow"], at: "2026-03-01T10:00").status == 0)
        // A client an hour west of the business: a negative offset is a value, not an option.
        #expect(try run(["client", "add", "Иванов", "--phone", "+79170000001", "--time-offset", "-1"],
                        at: "2026-03-01T10:00").status == 0)
        #expect(try run(["contract", "add", "--number", "N1", "--client", "1", "--amount", "3000", "--installments", "3",
                         "--first-due", "2026-03-13"], at: "2026-03-01T10:00").status == 0)
        // The old guide's line: daily with the send command at 02:15 only.
        let first = try run(["daily", "--send-cmd", "cat > /dev/null"], at: "2026-03-10T02:15")
        #expect(first.status == 0, "\(first.stdout)")
        // 08:00 in Kaliningrad is 09:00 here.
        #expect(first.stderr.contains("1 message(s) wait; the first may go at 2026-03-10T09:00"), "\(first.stderr)")
        // It could first go at 09:00 on the 10th, and nothing reached the gateway since: the sending
        // line is missing.
        let second = try run(["daily", "--send-cmd", "cat > /dev/null"], at: "2026-03-11T02:15")
        #expect(second.status == 78, "\(second.stdout)")
        #expect(second.stdout.contains("ALARM: nothing was handed to the gateway in the last 24 hours"), "\(second.stdout)")
        // 41 hours after it could first go, the message itself is stuck too.
        let third = try run(["daily", "--send-cmd", "cat > /dev/null"], at: "2026-03-12T02:15")
        #expect(third.status == 78, "\(third.stdout)")
        #expect(third.stdout.contains("ALARM: 1 message(s) waited longer than 24 h"), "\(third.stdout)")
        #expect(third.stdout.contains("N1 #1 sms-reminder waits since 2026-03-10T09:00"), "\(third.stdout)")
        // The day line sends it, and the alarm ends.
        #expect(try run(["remind", "--send-cmd", "cat > /dev/null"], at: "2026-03-12T09:00").status == 0)
        #expect(try run(["daily"], at: "2026-03-13T02:15").status == 0)
    }
}

extension ReminderSimulationTests {
    @Test("without --today the business date is the ledger's time zone's, not the machine's")
    func ledgerTimeZone() throws {
        for zone in ["Pacific/Kiritimati", "Pacific/Pago_Pago", "Europe/Moscow"] {
            let sandbox = try Sandbox()
            #expect(try sandbox.run(["init", "--timezone", zone]).status == 0)
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = TimeZone(identifier: zone)!
            let before = calendar.dateComponents([.year, .month, .day], from: Date())
            let result = try sandbox.run(["daily", "--dry-run"], environment: ["DOLG_TODAY": "", "TZ": "UTC"])
            let after = calendar.dateComponents([.year, .month, .day], from: Date())
            let expected = [before, after].map { String(format: "%04d-%02d-%02d", $0.year!, $0.month!, $0.day!) }
            #expect(expected.contains { result.stdout.hasPrefix("dolg daily, \($0):") }, "\(zone): \(result.stdout)")
        }
        // A moment alone sets the business date too: a payment at the counter with --now is dated that day.
        let sandbox = try Sandbox()
        for arguments in [["init"], ["client", "add", "Иванов", "--phone", "+79170000001"],
                          ["contract", "add", "--number", "K1", "--client", "1", "--amount", "1000", "--installments", "1",
                           "--first-due", "2026-11-25", "--start", "2026-11-01"]] {
            #expect(try sandbox.run(arguments).status == 0)
        }
        let paid = try sandbox.run(["pay", "K1", "100", "--now", "2026-11-23T10:00"], environment: ["DOLG_TODAY": ""])
        #expect(paid.stdout.contains("on 2026-11-23"), "\(paid.stdout)")
        let bad = try Sandbox().run(["init", "--timezone", "Mars/Olympus"])
        #expect(bad.status == 65 && bad.stderr.contains("--timezone 'Mars/Olympus' is not a time zone"), "\(bad.stderr)")
    }
}

/// A civil date for the test's own arithmetic, independent of dolg's.
struct SimDate: Comparable, CustomStringConvertible {
    let days: Int  // since 1970-01-01

    init(days: Int) { self.days = days }

    init(_ text: String) {
        let parts = text.split(separator: "-").compactMap { Int($0) }
        var components = DateComponents()
        (components.year, components.month, components.day) = (parts[0], parts[1], parts[2])
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        days = Int(calendar.date(from: components)!.timeIntervalSince1970 / 86_400)
    }

    func adding(days count: Int) -> SimDate { SimDate(days: days + count) }
    func days(since other: SimDate) -> Int { days - other.days }
    /// 1 Monday … 7 Sunday.
    var weekday: Int { (days % 7 + 7 + 3) % 7 + 1 }
    var startOfWeek: SimDate { adding(days: 1 - weekday) }

    var description: String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day], from: Date(timeIntervalSince1970: Double(days) * 86_400))
        return String(format: "%04d-%02d-%02d", parts.year!, parts.month!, parts.day!)
    }

    static func < (a: SimDate, b: SimDate) -> Bool { a.days < b.days }
}

/// A moment `YYYY-MM-DDTHH:MM` for the test's own arithmetic.
struct SimMoment: CustomStringConvertible {
    let date: SimDate
    let minute: Int

    init(date: SimDate, minute: Int) {
        self.date = date
        self.minute = minute
    }

    init(_ text: String) {
        date = SimDate(String(text.prefix(10)))
        let clock = text.dropFirst(11).split(separator: ":").compactMap { Int($0) }
        minute = clock[0] * 60 + clock[1]
    }

    var hour: Int { minute / 60 }

    func adding(hours: Int) -> SimMoment {
        let total = date.days * 1440 + minute + hours * 60
        return SimMoment(date: SimDate(days: total / 1440), minute: total % 1440)
    }

    var description: String { "\(date)T\(String(format: "%02d:%02d", hour, minute % 60))" }
}
