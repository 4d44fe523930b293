import ArgumentParser
import DolgRules
import DolgStorage
import Foundation

/// `dolg daily`: the night's close for cron.
struct DailyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "daily", abstract: helpText("The night's close: close the day that ended, plan the reminders, raise alarms.",
                                                 "Ночное закрытие: закрыть прошедший день, запланировать напоминания, поднять тревогу при сбоях."),
        discussion: helpText("""
            Closing a day records the portfolio at the end of the day before the business date, once per \
            date; every report computes its figures from the ledger, and `report dynamics` says whether a \
            closed day was revised later. Safe to run again or to catch up after a missed night: a day is \
            closed once and each reminder is planned once. Messages are delivered by `dolg remind --send-cmd`, run from cron \
            through the day; with --send-cmd here too, those allowed at this hour go at once. A message that \
            has waited longer than the alarm age (24 hours, `[reminders] alarm_after_hours`) since it could \
            first go, a delivery cut off by a crash, or a day in which nothing reached the gateway though \
            messages could go, is an alarm: listed, and exit status 78. Two \
            overlapping runs cannot both act: the second exits with 75. Otherwise exit status 0, or 69 when \
            some messages failed to send.
            """, """
            Закрытие дня записывает портфель на конец дня, предшествующего рабочей дате, один раз на \
            дату; все отчёты считают цифры по реестру, а `report dynamics` показывает, пересматривался ли \
            закрытый день позже. Можно запускать повторно или догонять после пропущенной ночи: день \
            закрывается один раз, каждое напоминание планируется один раз. Сообщения отправляет `dolg remind --send-cmd`, \
            запускаемый из cron в течение дня; если указать --send-cmd и здесь, разрешённые в этот час сообщения \
            уйдут сразу. Тревога — это сообщение, которое ждёт дольше порога (24 часа, `[reminders] alarm_after_hours`) \
            с момента, когда его можно было отправить, отправка, прерванная сбоем, или день, за который \
            ничего не дошло до шлюза, хотя сообщения можно было отправлять: тревоги выводятся списком, код \
            выхода 78. Два одновременных запуска не могут работать оба: второй завершается с кодом 75. Иначе \
            код выхода 0 или 69, если часть сообщений не отправлена.
            """))

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
        // The day that has ended is closed with all of its payments; today is still open.
        let closedDay = now.date.adding(days: -1)
        let dayClosed = try reminders.dryRun ? false : closeDay(closedDay, ledger, settings)
        // The day's work for people is counted during the reminders' scan of the same contracts.
        var work = 0
        let outcome = try reminders.run(ledger, settings, global, listEach: false) { item in
            if item.state.isDue(on: now.date) { work += 1 }
        }
        let alarms = try DeliveryAlarms.check(try ReminderRun(ledger, settings, global), outcome,
                                              holdingSendingLock: sending != nil, dryRun: reminders.dryRun)
        let language = try global.language()
        let table = TableRenderer(currency: settings.currency, language: language)
        let say = Say(language: language)
        let overdue = table.format(.money(summary.overdueAmount))
        let rate = table.format(.percentage(summary.overdueRate))
        var lines = [say("dolg daily, \(now.date): \(summary.totalContracts) contracts, \(summary.activeContracts) active, "
                         + "\(summary.overdueContracts) overdue (\(rate)), overdue amount \(overdue).",
                         "`dolg daily`, \(now.date.russianDescription): договоров \(summary.totalContracts), в работе \(summary.activeContracts), "
                         + "просрочено \(summary.overdueContracts) (\(rate)), просроченная сумма \(overdue)."),
                     say("Work for people today: \(counted(work, "contract", "contracts")) (see `dolg next`).",
                         "Работа на сегодня: договоров \(work) (см. `dolg next`)."),
                     reminders.dryRun ? say("Dry run: no day closed.", "Пробный прогон: день не закрыт.")
                        : dayClosed ? say("Day \(closedDay) closed: portfolio recorded.",
                                          "День \(closedDay.russianDescription) закрыт: портфель записан.")
                        : say("Day \(closedDay) already closed.", "День \(closedDay.russianDescription) уже закрыт.")]
        lines.append(reminders.summary(outcome, language).trimmingCharacters(in: .newlines))
        lines += alarms.lines(say)
        write(lines.joined(separator: "\n") + "\n")
        reminders.warnAboutWaiting(outcome, language)
        if alarms.raised { throw ExitCode(ExitStatus.configuration.rawValue) }
        if outcome.failed > 0 || outcome.unknown > 0 { throw ExitCode(ExitStatus.unavailable.rawValue) }
    }

    /// Records the portfolio at the end of a day, unless the day was closed before.
    private func closeDay(_ day: CivilDate, _ ledger: LedgerDatabase, _ settings: LedgerSettings) throws -> Bool {
        let (summary, aging) = try Analytics.portfolio(ledger, settings, asOf: day)
        return try ledger.recordDayClose(summary, aging: aging, closing: day, audit: try global.auditContext())
    }
}

