import DolgRules
import DolgStorage

/// What the night's close must tell someone about the delivery of reminders: nothing may sit in
/// the outbox silently.
struct DeliveryAlarms {
    /// Messages that waited longer than the alarm age since they could first go.
    var stuck: [String] = []
    let alarmAfterHours: Int
    /// Messages handed over by a run that stopped before it heard back.
    var unknown = 0
    /// Nothing reached the gateway in a day though messages could go: no sending line in cron.
    var sendingLineIdle = false
    /// A sending run is at work now: what it holds is not counted as unknown.
    var sendingElsewhere = false

    var raised: Bool { !stuck.isEmpty || unknown > 0 || sendingLineIdle }

    /// The alarms after a run. Unknown deliveries are counted only when no run is sending (it may
    /// hold one in flight): under the sending lock, the caller's or taken here for the count.
    static func check(_ run: ReminderRun, _ outcome: ReminderRun.Outcome, holdingSendingLock: Bool,
                      dryRun: Bool) throws -> DeliveryAlarms {
        var alarms = DeliveryAlarms(stuck: outcome.stuck, alarmAfterHours: run.playbooks.alarmAfterHours)
        if holdingSendingLock {
            alarms.unknown = try run.unknownCount()
        } else if let probe = try RunLock.trySending(run.ledger) {
            defer { probe.release() }
            alarms.unknown = try run.unknownCount()
        } else {
            alarms.sendingElsewhere = true
        }
        if !dryRun && !alarms.sendingElsewhere { alarms.sendingLineIdle = try run.sendingLineIsIdle() }
        return alarms
    }

    func lines(_ say: Say) -> [String] {
        var lines: [String] = []
        if sendingLineIdle {
            lines.append(say("ALARM: nothing was handed to the gateway in the last 24 hours, though messages could go: "
                             + "is `dolg remind --send-cmd` in cron through the day?",
                             "ТРЕВОГА: за сутки ничего не передано шлюзу, хотя сообщения можно было отправить: "
                             + "запускается ли `dolg remind --send-cmd` из cron днём?"))
        }
        if !stuck.isEmpty {
            lines.append(say("ALARM: \(stuck.count) message(s) waited longer than \(alarmAfterHours) h:",
                             "ТРЕВОГА: сообщений, ждущих дольше \(alarmAfterHours) ч: \(stuck.count):"))
            lines += stuck.map { "  " + $0 }
            lines.append(say("  Is `dolg remind --send-cmd` in cron through the day? See `dolg outbox list --status pending`.",
                             "  Запускается ли `dolg remind --send-cmd` из cron днём? См. `dolg outbox list --status pending`."))
        }
        if unknown > 0 {
            lines.append(say("ALARM: \(unknown) message(s) were handed to the gateway by a run that stopped: "
                             + "check the gateway, then `dolg outbox retry --unknown` or `dolg outbox mark-sent`.",
                             "ТРЕВОГА: сообщений с неизвестным итогом отправки: \(unknown): проверьте шлюз, "
                             + "затем `dolg outbox retry --unknown` или `dolg outbox mark-sent`."))
        }
        if sendingElsewhere {
            lines.append(say("A run sending reminders is at work: messages in its hands are not counted as unknown.",
                             "Идёт отправка напоминаний: сообщения в её руках не считаются потерянными."))
        }
        return lines
    }
}
