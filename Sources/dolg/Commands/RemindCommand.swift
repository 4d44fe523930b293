import ArgumentParser
import DolgRules
import DolgStorage
import Foundation

/// `dolg remind`: plans the automatic reminders due into the outbox, and delivers with --send-cmd.
struct RemindCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remind", abstract: helpText("Plan the reminders due today; deliver what is allowed now with --send-cmd.",
                                                  "Запланировать напоминания на сегодня; с --send-cmd — отправить то, что можно отправить сейчас."),
        discussion: helpText("""
            One message per contract, installment and step, ever: running again, or catching up after a \
            missed night, never plans a duplicate; a step missed on its day is sent on the next run unless \
            a later step of the same installment is due too (then the earlier is recorded as skipped). \
            With --send-cmd CMD it delivers what waits and is allowed now in each client's local time \
            (hours, limits, the production calendar), one message per client and step, the text rendered \
            as of that moment; what is no longer true (paid, superseded, on hold, in the lawyer's hands) \
            is cancelled with its reason. Safe to run every 15 minutes from cron. CMD runs once per \
            message with a JSON object on stdin and DOLG_MESSAGE_ID set; exit 0 marks it sent, anything \
            else failed (retried next run). A message reaches CMD at most once: after a crash while \
            sending it shows as unknown until `dolg outbox retry`. Exit status 69 when some failed.
            """, """
            Одно сообщение на договор, платёж по графику и шаг — навсегда: повторный запуск или запуск \
            после пропущенной ночи никогда не создаёт дубликат; шаг, пропущенный в свой день, отправляется при \
            следующем запуске, если только по тому же платежу не наступил и более поздний шаг (тогда ранний \
            записывается как пропущенный). С --send-cmd CMD отправляет ждущие сообщения, разрешённые сейчас \
            по местному времени клиента (часы, лимиты, производственный календарь), по одному сообщению на \
            клиента и шаг, с текстом на этот момент; то, что уже неактуально (оплачено, заменено более поздним \
            шагом, на паузе, передано юристу), отменяется с указанием причины. Можно запускать из cron каждые \
            15 минут. CMD запускается по разу на сообщение, получает JSON-объект на stdin и переменную \
            DOLG_MESSAGE_ID; код выхода 0 — отправлено, любой другой — ошибка (повтор при следующем запуске). \
            Сообщение попадает в CMD не больше одного раза: после сбоя во время отправки оно числится с \
            неизвестным итогом до `dolg outbox retry`. Код выхода 69, если часть сообщений не отправлена.
            """))

    @OptionGroup var global: GlobalOptions
    @OptionGroup var reminders: ReminderOptions

    func run() throws {
        let (ledger, settings) = try global.openLedger()
        let lock = try reminders.sendCommand == nil ? nil : RunLock.sending(ledger)
        defer { lock?.release() }
        let outcome = try reminders.run(ledger, settings, global)
        write(reminders.summary(outcome, try global.language()))
        reminders.warnAboutWaiting(outcome, try global.language())
        if outcome.failed > 0 || outcome.unknown > 0 { throw ExitCode(ExitStatus.unavailable.rawValue) }
    }
}

/// The options and the work shared by `remind` and `daily`.
struct ReminderOptions: ParsableArguments {
    @Option(name: .customLong("send-cmd"), help: ArgumentHelp(helpText("The command that delivers one message (JSON on stdin).",
                                                                       "Команда, которая отправляет одно сообщение (JSON на stdin).")))
    var sendCommand: String?
    @Option(name: .customLong("send-timeout"),
            help: ArgumentHelp(helpText("Seconds one hand-over may take before the send command is stopped (1 to 3600).",
                                        "Сколько секунд может длиться одна передача, прежде чем команда отправки будет остановлена (от 1 до 3600).")))
    var sendTimeout = GatewayCommand.defaultTimeout
    @Flag(help: ArgumentHelp(helpText("Show what is due, writing and sending nothing.",
                                      "Пробный прогон: показать, что положено, ничего не записывая и не отправляя.")))
    var dryRun = false

    func run(_ ledger: LedgerDatabase, _ settings: LedgerSettings, _ global: GlobalOptions, listEach: Bool = true,
             eachWork: (ContractWorkRow) -> Void = { _ in }) throws -> ReminderRun.Outcome {
        try checkCount(sendTimeout, option: "--send-timeout", within: GatewayCommand.timeoutRange)
        let run = try ReminderRun(ledger, settings, global)
        let mode: ReminderRun.Mode = dryRun ? .dryRun
            : sendCommand.map { .send(GatewayCommand(command: $0, timeout: sendTimeout)) } ?? .plan
        return try run.run(mode, listEach: listEach, eachWork: eachWork)
    }

    func summary(_ outcome: ReminderRun.Outcome, _ language: Language) -> String {
        let say = Say(language: language)
        var text = outcome.lines.map { $0 + "\n" }.joined()
        let o = outcome
        text += say("Reminders: \(o.created) new, \(o.skipped) skipped, \(o.sent) sent, \(o.failed) failed, "
                    + "\(o.cancelled) cancelled, \(o.waiting) waiting.\n",
                    "Напоминания: новых \(o.created), пропущено \(o.skipped), отправлено \(o.sent), ошибок \(o.failed), "
                    + "отменено \(o.cancelled), ждут \(o.waiting).\n")
        return text
    }

    /// Messages left waiting for the hours or the limits are said on stderr, with the first moment
    /// one may go: a cron line that only runs at night must not look like success.
    func warnAboutWaiting(_ outcome: ReminderRun.Outcome, _ language: Language) {
        guard sendCommand != nil, let first = outcome.postponed.min(by: { $0.until < $1.until }) else { return }
        let say = Say(language: language)
        let at = say(first.until.description, "\(first.until.date.russianDescription) \(first.until.timeDescription)")
        var text = say("dolg: \(outcome.postponed.count) message(s) wait; the first may go at \(at) "
                       + "(\(first.what): \(first.reason)).\n",
                       "dolg: ждут отправки: \(outcome.postponed.count); первое можно отправить \(at) "
                       + "(\(first.what): \(first.reason)).\n")
        if outcome.unknownWaiting > 0 {
            text += say("dolg: \(outcome.unknownWaiting) message(s) were handed over by a run that stopped; "
                        + "see `dolg outbox list --status unknown`.\n",
                        "dolg: сообщений с неизвестным итогом: \(outcome.unknownWaiting); см. `dolg outbox list --status unknown`.\n")
        }
        FileHandle.standardError.write(Data(text.utf8))
    }
}
