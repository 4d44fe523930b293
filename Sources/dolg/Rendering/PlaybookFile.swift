import DolgRules

/// Writes the playbook as the TOML file that businesses edit (`dolg playbook export`); `PlaybookReader`
/// reads it back.
///
///     [buckets]
///     thresholds = [1, 4, 7, 30]
///
///     [escalation]
///     count = 3
///     window_days = 14
///     to_step = "claim-letter"
///
///     [[steps]]
///     name = "sms-reminder"
///     offset = -3          # days from the due date: negative before, 0 on it, positive overdue
///     channel = "sms"      # sms, whatsapp, email, call, letter, visit, legal
///     actor = "auto"       # auto, manager, head, lawyer
///     instruction = "…"
///     template = "…"       # Mustache, for automatic steps
///
///     [segments.vip]       # a segment's own ladder (and escalation), same keys
///     [[segments.vip.steps]]
enum PlaybookFile {
    /// The text of a playbook file, with comments, in the layout `PlaybookReader.decode` reads.
    static func encode(_ set: PlaybookSet, buckets: BucketScheme) -> String {
        var text = """
            # dolg playbook: the collection ladder, its messages and escalation.
            # Edit, then load it with `dolg playbook import FILE`; every version is kept.
            # offset: days from the due date (negative before it, 0 on it, positive overdue).
            # channel: sms, whatsapp, email, call, letter, visit, legal. actor: auto, manager, head, lawyer.
            # Templates are Mustache: {{contract}}, {{by_contract}}, {{client}}, {{amount}}, {{due_date}},
            # {{due_day}}, {{days_overdue}}, {{days_overdue_text}}, {{outstanding}}, {{next_due_date}},
            # {{next_amount}}; a client with several contracts due gets one message: {{#several}}…{{/several}},
            # {{#contracts}}{{contract}} {{amount}}{{/contracts}}.

            [buckets]
            thresholds = [\(buckets.thresholds.map(String.init).joined(separator: ", "))]

            # Limits on contacting individuals: per day, week, month (0: no limit), and their allowed
            # hours in the client's local time; businesses are contacted in business hours on working days.
            [contact_policy]
            calls = \(limitsText(set.contactPolicy.calls))
            messages = \(limitsText(set.contactPolicy.messages))
            visits = \(limitsText(set.contactPolicy.visits))
            workday_hours = \(hoursText(set.contactPolicy.workdayHours))
            weekend_hours = \(hoursText(set.contactPolicy.weekendHours))
            business_hours = \(hoursText(set.contactPolicy.businessHours))

            # The production calendar: the official Russian one ships with dolg; list the days your
            # business counts otherwise. timezone: the ledger's, an IANA name (client offsets are
            # relative to it).
            [calendar]
            \(set.timeZone.map { "timezone = \(quoted($0))" } ?? "# timezone = \"Europe/Moscow\"")
            non_working_days = \(datesText(set.contactPolicy.calendar.nonWorkingDays.subtracting(ProductionCalendar.russia.nonWorkingDays)))
            working_days = \(datesText(set.contactPolicy.calendar.workingDays.subtracting(ProductionCalendar.russia.workingDays)))

            # Automatic messages: the thank-you sent once per installment after it is paid (leave it
            # out to send none), the step from which they stop (the lawyer's by default), and how
            # many hours a message may wait before the nightly run raises an alarm.
            [reminders]
            \(set.standard.thankYouTemplate.map { "thank_you = \(quoted($0))" }
                ?? "# thank_you = \"Спасибо, платеж получен!{{#next_due_date}} Следующий платеж {{next_amount}} — {{next_due_date}}.{{/next_due_date}}\"")
            \(set.standard.stopAutomationAtStep.map { "stop_at_step = \(quoted($0))" } ?? "# stop_at_step = \"lawyer\"")
            alarm_after_hours = \(set.alarmAfterHours)

            """
        text += section(set.standard, prefix: "")
        for name in set.segments.keys.sorted() {
            text += "\n[segments.\(name)]\n" + section(set.segments[name]!, prefix: "segments.\(name).")
        }
        return text
    }

    private static func section(_ playbook: Playbook, prefix: String) -> String {
        var text = """

            [\(prefix)escalation]
            count = \(playbook.escalation.count)
            window_days = \(playbook.escalation.windowDays)
            to_step = \(quoted(playbook.escalation.toStep))
            promise_max_days = \(playbook.escalation.promiseMaxDays)

            """
        for step in playbook.ladder.steps {
            text += """

                [[\(prefix)steps]]
                name = \(quoted(step.name))
                offset = \(step.offsetDays)
                channel = \(quoted(step.channel.rawValue))
                actor = \(quoted(step.actor.rawValue))
                instruction = \(quoted(step.instruction))

                """
            if let template = step.template { text += "template = \(quoted(template))\n" }
        }
        return text
    }

    static func hoursText(_ hours: ClosedRange<Int>) -> String { "[\(hours.lowerBound / 60), \(hours.upperBound / 60)]" }

    static func datesText(_ dates: Set<CivilDate>) -> String {
        "[" + dates.sorted().map { quoted($0.description) }.joined(separator: ", ") + "]"
    }

    static func limitsText(_ limits: ContactPolicy.Limits) -> String {
        "[\(limits.perDay ?? 0), \(limits.perWeek ?? 0), \(limits.perMonth ?? 0)]"
    }

    /// A TOML basic string: its escapes are JSON's, so the JSON writer's quoting serves.
    static func quoted(_ text: String) -> String { JSONRenderer.string(text) }
}
