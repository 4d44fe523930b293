import ArgumentParser
import DolgRules
import DolgStorage
import Foundation

/// `dolg remind`: renders the automatic reminders due into the outbox, and sends them.
struct RemindCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remind", abstract: "Put the reminders due today in the outbox, and send them with --send-cmd.",
        discussion: """
            One message per contract, installment and step, ever: running twice, or catching up after a \
            missed night, never sends a duplicate; a step missed on its day is sent on the next run unless \
            a later step of the same installment is due too (then the earlier is recorded as skipped). \
            --send-cmd CMD runs CMD once per message with the message as a JSON object on stdin; exit 0 \
            marks it sent, anything else failed (kept with CMD's stderr, retried next run). Exit status 69 \
            when some messages failed.
            """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var reminders: ReminderOptions

    func run() throws {
        let (ledger, settings) = try global.openLedger()
        let outcome = try reminders.run(ledger, settings, global)
        write(outcome.summary)
        if outcome.failed > 0 { throw ExitCode(ExitStatus.unavailable.rawValue) }
    }
}

/// The options and the work shared by `remind` and `daily`.
struct ReminderOptions: ParsableArguments {
    @Option(name: .customLong("send-cmd"), help: "The command that delivers one message (JSON on stdin).")
    var sendCommand: String?
    @Flag(help: "Render what is due and show it, writing and sending nothing.") var dryRun = false

    struct Outcome {
        var created = 0
        var skipped = 0
        var sent = 0
        var failed = 0
        var cancelled = 0
        var postponed: [String] = []
        var lines: [String] = []
        var say = Say(language: .english)

        var summary: String {
            var text = lines.map { $0 + "\n" }.joined()
            text += say("Reminders: \(created) new, \(skipped) skipped, \(sent) sent, \(failed) failed, \(cancelled) cancelled, \(postponed.count) postponed.\n",
                        "Напоминания: новых \(created), пропущено \(skipped), отправлено \(sent), ошибок \(failed), отменено \(cancelled), отложено \(postponed.count).\n")
            text += postponed.map { say("  postponed: ", "  отложено: ") + $0 + "\n" }.joined()
            return text
        }
    }

    /// Runs the reminders; `listEach` lists every message (as `remind` does; `daily` only sums up).
    /// `eachWork` sees every open contract's work during the same scan.
    func run(_ ledger: LedgerDatabase, _ settings: LedgerSettings, _ global: GlobalOptions,
             listEach: Bool = true, eachWork: (ContractWorkRow) -> Void = { _ in }) throws -> Outcome {
        let now = try global.businessMoment()
        var outcome = Outcome()
        outcome.say = Say(language: try global.language())
        // A dry run only counts; a real one keeps the compact drafts to write them in one transaction.
        var drafts: [OutboxDraft] = []
        var planned = 0
        try ledger.plannedReminders(now: now, playbooks: try global.playbooks(ledger), eachWork: eachWork) { reminder in
            var text = ""
            if !reminder.skipped, let template = reminder.candidate.step.template {
                let variables = ReminderPlanner.variables(
                    reminder.candidate, position: reminder.position, contract: reminder.contractNumber,
                    client: reminder.clientName, currency: settings.currency, today: now.date)
                text = try MessageText.render(template, variables, step: reminder.candidate.step.name)
            }
            planned += 1
            if reminder.skipped { outcome.skipped += 1 }
            if !dryRun { drafts.append(OutboxDraft(reminder, text: text)) }
            guard listEach else { return }
            let installment = reminder.candidate.installment.installment.seq
            outcome.lines.append(reminder.skipped
                ? "skip  \(reminder.contractNumber) #\(installment) \(reminder.candidate.step.name)"
                : "new   \(reminder.contractNumber) #\(installment) \(reminder.candidate.step.name) → \(PhoneNumber.masked(reminder.phone)): \(text)")
        }
        if dryRun {
            outcome.created = planned - outcome.skipped
            outcome.lines.append(outcome.say("Dry run: nothing written or sent.", "Пробный прогон: ничего не записано и не отправлено."))
            return outcome
        }
        outcome.created = try ledger.recordReminders(drafts, at: now, audit: try global.auditContext()) - outcome.skipped
        guard let sendCommand else { return outcome }
        try send(with: sendCommand, ledger, now, global, &outcome)
        return outcome
    }

    /// Sends every pending or failed message, respecting the contact policy, one attempt each.
    func send(with command: String, _ ledger: LedgerDatabase, _ now: BusinessMoment, _ global: GlobalOptions,
              _ outcome: inout Outcome) throws {
        let waiting = try ledger.outbox(status: .pending) + ledger.outbox(status: .failed)
        let playbooks = try global.playbooks(ledger)
        let policy = playbooks.contactPolicy
        // The contact policy's view of only the clients with messages waiting.
        let waitingClients = Set(waiting.map(\.clientID))
        var contacts: [Int64: ClientContacts] = [:]
        try ledger.scanWork(now: now, playbooks: playbooks) { work in
            if waitingClients.contains(work.row.clientID) { contacts[work.row.clientID] = work.client }
        }
        var sentToday: [Int64: [BusinessMoment]] = [:]
        for message in waiting.sorted(by: { $0.id < $1.id }) {
            let audit = try global.auditContext()
            guard try ledger.installmentIsUnpaid(contractID: message.contractID, seq: message.installmentSeq, asOf: now.date)
            else {
                try ledger.recordAttempt(messageID: message.id, at: now, result: .cancelled, detail: "paid", audit: audit)
                outcome.cancelled += 1
                continue
            }
            if let client = contacts[message.clientID], client.isProtected {
                let earlier = (client.earlier[.message] ?? []) + (sentToday[message.clientID] ?? [])
                if case .postponed(let until, let reason) = policy.decide(
                    .message, at: client.localTime(now), earlier: earlier) {
                    outcome.postponed.append("\(message.contractNumber) \(message.step) until \(until): \(reason)")
                    continue
                }
            }
            let result = Self.deliver(message, command: command)
            try ledger.recordAttempt(messageID: message.id, at: now, result: result.sent ? .sent : .failed,
                                     detail: result.detail, audit: audit)
            if result.sent {
                outcome.sent += 1
                sentToday[message.clientID, default: []].append(now)
            } else {
                outcome.failed += 1
                outcome.lines.append("failed \(message.contractNumber) \(message.step): \(result.detail ?? "")")
            }
        }
    }

    /// Runs the operator's command with the message as JSON on stdin.
    static func deliver(_ message: OutboxMessage, command: String) -> (sent: Bool, detail: String?) {
        let json = "{" + [
            ("id", String(message.id)), ("contract", JSONRenderer.string(message.contractNumber)),
            ("installment", String(message.installmentSeq)), ("step", JSONRenderer.string(message.step)),
            ("channel", JSONRenderer.string(message.channel)), ("phone", JSONRenderer.string(message.phone)),
            ("text", JSONRenderer.string(message.text)),
        ].map { "\(JSONRenderer.string($0.0)): \($0.1)" }.joined(separator: ", ") + "}\n"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        let input = Pipe()
        let errors = Pipe()
        process.standardInput = input
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            return (false, "cannot run the send command: \(error)")
        }
        // A command that exits without reading its input is its own business: a broken pipe here
        // is not an error of ours (SIGPIPE is ignored at start-up, so the write just fails).
        try? input.fileHandleForWriting.write(contentsOf: Data(json.utf8))
        try? input.fileHandleForWriting.close()
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let detail = stderr.trimmingCharacters(in: .whitespacesAndNewlines)
        return process.terminationStatus == 0 ? (true, nil) : (false, detail.isEmpty ? "exit status \(process.terminationStatus)" : detail)
    }
}
