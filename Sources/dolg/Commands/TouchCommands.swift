import ArgumentParser
import DolgRules
import DolgStorage

extension Channel: ExpressibleByArgument {}
extension TouchOutcome: ExpressibleByArgument {}

/// `dolg touch CONTRACT`: records a contact with the client and what came of it.
struct TouchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "touch", abstract: "Record a contact with a client: a call, a message, a letter, a visit.",
        discussion: """
            The touch completes the collection step due for the contract (a call for a call step, a letter \
            for the claim letter…) unless nobody answered: then the step is tried again later the same \
            day, and after a second miss the next day. A promise suspends escalation until its date.
            """)

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The contract number.") var contract: String
    @Option(help: "call, sms, whatsapp, email, letter, visit or legal.") var channel: Channel
    @Option(help: "reached, no-answer, promise, refused, wrong-number or callback.") var outcome: TouchOutcome
    @Option(name: .customLong("promise-date"), help: "With --outcome promise: the date promised.") var promiseDate: String?
    @Option(name: .customLong("promise-amount"), help: "With --outcome promise: the amount promised.")
    var promiseAmount: String?
    @Option(name: .customLong("callback-at"), help: "With --outcome callback: when to call back, YYYY-MM-DDTHH:MM.")
    var callbackAt: String?
    @Option(help: "What was said.") var note: String?

    func run() throws {
        let now = try global.businessMoment()
        let date = try promiseDate.map { text throws(DolgError) in try parseDate(text, option: "--promise-date") }
        let amount = try promiseAmount.map { text throws(DolgError) in try parseMoney(text, option: "--promise-amount") }
        if outcome == .promise {
            guard let date, let amount else {
                throw DolgError(.invalidValue, "--outcome promise needs --promise-date and --promise-amount",
                                remedy: "give the date and the amount the client promised")
            }
            guard amount.isPositive else {
                throw DolgError(.amountNotPositive, "--promise-amount \(amount) is not positive", remedy: "give the amount promised")
            }
            guard date >= now.date else {
                throw DolgError(.invalidDate, "--promise-date \(date) is before today \(now.date)",
                                remedy: "a promise is for today or a later day")
            }
        } else if date != nil || amount != nil {
            throw DolgError(.invalidValue, "--promise-date and --promise-amount go with --outcome promise",
                            remedy: "drop them, or use --outcome promise")
        }
        var callback: BusinessMoment?
        if let callbackAt {
            guard outcome == .callback, let moment = BusinessMoment.parse(callbackAt) else {
                throw DolgError(.invalidValue, "--callback-at '\(callbackAt)' needs --outcome callback and a YYYY-MM-DDTHH:MM time",
                                remedy: "e.g. --outcome callback --callback-at 2026-11-21T10:00")
            }
            callback = moment
        }
        let (ledger, _) = try global.openLedger()
        let step = try ledger.recordTouch(
            TouchInput(contractNumber: contract, at: now, channel: channel, outcome: outcome, promiseDate: date,
                       promiseAmount: amount, callbackAt: callback, note: note, login: global.login),
            playbooks: try global.playbooks(ledger), audit: try global.auditContext())
        let say = Say(language: try global.language())
        let forStep = step.map { say(" for step \($0)", " (шаг \($0))") } ?? ""
        write(say("Recorded \(channel.rawValue) on \(contract) at \(now.timeDescription): \(outcome.rawValue)\(forStep).\n",
                  "Контакт по договору \(contract) в \(now.timeDescription) записан: \(channel.rawValue), \(outcome.rawValue)\(forStep).\n"))
    }
}

/// `dolg hold CONTRACT --until DATE --reason R` and `dolg hold list`.
struct HoldCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hold", abstract: "Pause reminders and escalation for a contract, or list the pauses.",
        subcommands: [Add.self, List.self], defaultSubcommand: Add.self)

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Pause a contract until a date (a dispute, a client in hospital); it ends by itself.",
            discussion: "A hold never hides a contract from reports: it only stops reminders and the work list.")

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The contract number.") var contract: String
        @Option(help: "The last day of the pause.") var until: String
        @Option(help: "Why: dispute, hardship, or any words.") var reason: String

        func run() throws {
            let today = try global.businessDate()
            let until = try parseDate(until, option: "--until")
            guard until >= today else {
                throw DolgError(.invalidDate, "--until \(until) is before today \(today)", remedy: "give today or a later day")
            }
            let reason = try requireText(reason, field: "--reason")
            let (ledger, _) = try global.openLedger()
            try ledger.addHold(contractNumber: contract, from: today, until: until, reason: reason,
                               audit: try global.auditContext())
            write(Say(language: try global.language())(
                "Contract \(contract) is on hold from \(today) to \(until): \(reason).\n",
                "Договор \(contract) на паузе с \(today.russianDescription) по \(until.russianDescription): \(reason).\n"))
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List holds in force or to come.")

        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            let (ledger, settings) = try global.openLedger()
            let today = try global.businessDate()
            let report = Report(
                columns: [Column("contract"), Column("from"), Column("until"), Column("reason"), Column("active")],
                rows: try ledger.currentHolds(on: today).map { item in
                    [.text(item.contract), .date(item.hold.from), .date(item.hold.until), .text(item.hold.reason),
                     .text(item.hold.isActive(on: today) ? "yes" : "not yet")]
                })
            try output.print(report, settings, try global.language())
        }
    }
}
