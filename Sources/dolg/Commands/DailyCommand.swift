import ArgumentParser
import DolgRules
import DolgStorage
import Foundation

/// `dolg daily`: the night's close for cron.
struct DailyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "daily", abstract: "The night's close: snapshot the portfolio, plan the reminders, raise alarms.",
        discussion: """
            Safe to run again or to catch up after a missed night: the snapshot of a date is taken once and \
            each reminder is planned once. Messages are delivered by `dolg remind --send-cmd`, run from cron \
            through the day; with --send-cmd here too, those allowed at this hour go at once. A message that \
            has waited longer than the alarm age (24 hours, `[reminders] alarm_after_hours`) since it could \
            first go, or whose delivery was cut off by a crash, is an alarm: listed, and exit status 78. Two \
            overlapping runs cannot both act: the second exits with 75. Otherwise exit status 0, or 69 when \
            some messages failed to send.
            """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var reminders: ReminderOptions

    func run() throws {
        let (ledger, settings) = try global.openLedger()
        let lock = try RunLock(path: ledger.path + ".daily.lock", what: "`dolg daily`")
        defer { lock.release() }
        let sending = try reminders.sendCommand == nil ? nil : RunLock.sending(ledger)
        defer { sending?.release() }
        let now = try global.businessMoment()
        let (summary, aging) = try Analytics.portfolio(ledger, settings, asOf: now.date)
        let snapshotTaken = reminders.dryRun ? false
            : try ledger.recordSnapshot(summary, aging: aging, asOf: now.date, audit: try global.auditContext())
        // The day's work for people is counted during the reminders' scan of the same contracts.
        var work = 0
        var outcome = try reminders.run(ledger, settings, global, listEach: false) { item in
            if item.state.isDue(on: now.date) { work += 1 }
        }
        // An attempt without a result is unknown only when no run is sending: otherwise it may be
        // that run's message in flight (the guide's crontab starts both lines at 02:15).
        var sendingElsewhere = false
        if sending == nil {
            if let probe = try RunLock.trySending(ledger) {
                outcome.unknownWaiting = try reminders.reminderRun(ledger, settings, global).unknownCount()
                probe.release()
            } else {
                sendingElsewhere = true
            }
        }
        let language = try global.language()
        let table = TableRenderer(currency: settings.currency, language: language)
        let say = Say(language: language)
        let overdue = table.format(.money(summary.overdueAmount))
        let rate = table.format(.percentage(summary.overdueRate))
        var lines = [say("dolg daily, \(now.date): \(summary.totalContracts) contracts, \(summary.activeContracts) active, "
                         + "\(summary.overdueContracts) overdue (\(rate)), overdue amount \(overdue).",
                         "dolg daily, \(now.date.russianDescription): договоров \(summary.totalContracts), в работе \(summary.activeContracts), "
                         + "просрочено \(summary.overdueContracts) (\(rate)), просроченная сумма \(overdue)."),
                     say("Work for people today: \(counted(work, "contract", "contracts")) (see `dolg next`).",
                         "Работа на сегодня: договоров \(work) (см. `dolg next`)."),
                     reminders.dryRun ? say("Dry run: no snapshot.", "Пробный прогон: снимок не записан.")
                        : snapshotTaken ? say("Snapshot recorded.", "Снимок портфеля записан.")
                        : say("Snapshot of \(now.date) already recorded.", "Снимок за \(now.date.russianDescription) уже записан.")]
        lines.append(reminders.summary(outcome, language).trimmingCharacters(in: .newlines))
        var idle = false
        if !reminders.dryRun && !sendingElsewhere {
            idle = try reminders.reminderRun(ledger, settings, global).sendingLineIsIdle()
        }
        let alarm = !outcome.stuck.isEmpty || outcome.unknownWaiting > 0 || idle
        if idle {
            lines.append(say("ALARM: nothing was handed to the gateway in the last 24 hours, though messages could go: "
                             + "is `dolg remind --send-cmd` in cron through the day?",
                             "ТРЕВОГА: за сутки ничего не передано шлюзу, хотя сообщения можно было отправить: "
                             + "запускается ли `dolg remind --send-cmd` из cron днём?"))
        }
        if !outcome.stuck.isEmpty {
            lines.append(say("ALARM: \(outcome.stuck.count) message(s) waited longer than \(try global.playbooks(ledger).alarmAfterHours) h:",
                             "ТРЕВОГА: сообщений, ждущих дольше \(try global.playbooks(ledger).alarmAfterHours) ч: \(outcome.stuck.count):"))
            lines += outcome.stuck.map { "  " + $0 }
            lines.append(say("  Is `dolg remind --send-cmd` in cron through the day? See `dolg outbox list --status pending`.",
                             "  Запускается ли `dolg remind --send-cmd` из cron днём? См. `dolg outbox list --status pending`."))
        }
        if outcome.unknownWaiting > 0 {
            lines.append(say("ALARM: \(outcome.unknownWaiting) message(s) were handed to the gateway by a run that stopped: "
                             + "check the gateway, then `dolg outbox retry --unknown` or `dolg outbox mark-sent`.",
                             "ТРЕВОГА: сообщений с неизвестным итогом отправки: \(outcome.unknownWaiting): проверьте шлюз, "
                             + "затем `dolg outbox retry --unknown` или `dolg outbox mark-sent`."))
        }
        if sendingElsewhere {
            lines.append(say("A run sending reminders is at work: messages in its hands are not counted as unknown.",
                             "Идёт отправка напоминаний: сообщения в её руках не считаются потерянными."))
        }
        write(lines.joined(separator: "\n") + "\n")
        reminders.warnAboutWaiting(outcome, language)
        if alarm { throw ExitCode(ExitStatus.configuration.rawValue) }
        if outcome.failed > 0 || outcome.unknown > 0 { throw ExitCode(ExitStatus.unavailable.rawValue) }
    }
}

/// An exclusive lock on a file beside the ledger, so that two nightly runs cannot overlap.
/// The operating system releases it if the process dies.
final class RunLock {
    private let descriptor: Int32

    init(path: String, what: String) throws(DolgError) {
        descriptor = open(path, O_CREAT | O_RDWR | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw DolgError(.ledgerFailure, "cannot create the lock file \(path)", remedy: "check the ledger's directory")
        }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            close(descriptor)
            throw DolgError(.ledgerBusy, "another \(what) is running on this ledger",
                            remedy: "let it finish; run again afterwards if needed")
                .inRussian("другой \(what) уже работает с этим реестром", remedy: "дождитесь его окончания")
        }
    }

    /// The lock of delivery: two runs handing messages over at once could both take the same one.
    static func sending(_ ledger: LedgerDatabase) throws(DolgError) -> RunLock {
        try RunLock(path: ledger.path + ".send.lock", what: "run sending reminders")
    }

    /// The sending lock if it is free now, else nil.
    static func trySending(_ ledger: LedgerDatabase) throws(DolgError) -> RunLock? {
        do {
            return try sending(ledger)
        } catch where error.code == .ledgerBusy {
            return nil
        }
    }

    func release() {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
