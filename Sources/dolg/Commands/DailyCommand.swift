import ArgumentParser
import DolgRules
import DolgStorage
import Foundation

/// `dolg daily`: the one line for cron.
struct DailyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "daily", abstract: "The nightly run: snapshot the portfolio, send the reminders, sum up.",
        discussion: """
            Safe to run again or to catch up after a missed night: the snapshot of a date is taken once and \
            each reminder is sent once. Two overlapping runs cannot both act: the second exits with 75. \
            Exit status 0 on success, 69 when some reminders failed to send (they are retried next run).
            """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var reminders: ReminderOptions

    func run() throws {
        let (ledger, settings) = try global.openLedger()
        let lock = try RunLock(path: ledger.path + ".daily.lock")
        defer { lock.release() }
        let now = try global.businessMoment()
        let (summary, aging) = try Analytics.portfolio(ledger, settings, asOf: now.date)
        let snapshotTaken = reminders.dryRun ? false
            : try ledger.recordSnapshot(summary, aging: aging, asOf: now.date, audit: try global.auditContext())
        // The day's work for people is counted during the reminders' scan of the same contracts.
        var work = 0
        let outcome = try reminders.run(ledger, settings, global, listEach: false) { item in
            if item.state.isDue(on: now.date) { work += 1 }
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
        lines.append(outcome.summary.trimmingCharacters(in: .newlines))
        write(lines.joined(separator: "\n") + "\n")
        if outcome.failed > 0 { throw ExitCode(ExitStatus.unavailable.rawValue) }
    }
}

/// An exclusive lock on a file beside the ledger, so that two nightly runs cannot overlap.
/// The operating system releases it if the process dies.
final class RunLock {
    private let descriptor: Int32

    init(path: String) throws(DolgError) {
        descriptor = open(path, O_CREAT | O_RDWR, 0o600)
        guard descriptor >= 0 else {
            throw DolgError(.ledgerFailure, "cannot create the lock file \(path)", remedy: "check the ledger's directory")
        }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            close(descriptor)
            throw DolgError(.ledgerBusy, "another `dolg daily` is running on this ledger",
                            remedy: "let it finish; run again afterwards if needed")
                .inRussian("другой `dolg daily` уже работает с этим реестром", remedy: "дождитесь его окончания")
        }
    }

    func release() {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
