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
            # Templates are Mustache: {{contract}}, {{client}}, {{amount}}, {{due_date}}, {{due_day}},
            # {{days_overdue}}, {{days_overdue_text}}, {{outstanding}}, {{next_due_date}}, {{next_amount}}.

            [buckets]
            thresholds = [\(buckets.thresholds.map(String.init).joined(separator: ", "))]

            # Limits on contacting individuals (business clients have none): per day, week, month
            # (0: no limit), allowed hours in the client's local time, and public holidays.
            [contact_policy]
            calls = \(limitsText(set.contactPolicy.calls))
            messages = \(limitsText(set.contactPolicy.messages))
            visits = \(limitsText(set.contactPolicy.visits))
            workday_hours = [\(set.contactPolicy.workdayHours.lowerBound / 60), \(set.contactPolicy.workdayHours.upperBound / 60)]
            weekend_hours = [\(set.contactPolicy.weekendHours.lowerBound / 60), \(set.contactPolicy.weekendHours.upperBound / 60)]
            holidays = [\(set.contactPolicy.holidays.sorted().map { quoted($0.description) }.joined(separator: ", "))]

            """
        if let thanks = set.standard.thankYouTemplate {
            text += "\n# Sent once per installment after it is paid; leave out to send none.\nthank_you = \(quoted(thanks))\n"
        } else {
            text += "\n# A message after each paid installment, e.g.:\n# thank_you = \"Спасибо, платеж получен! Следующий платеж {{next_amount}} — {{next_due_date}}.\"\n"
        }
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

    static func limitsText(_ limits: ContactPolicy.Limits) -> String {
        "[\(limits.perDay ?? 0), \(limits.perWeek ?? 0), \(limits.perMonth ?? 0)]"
    }

    /// A TOML basic string: its escapes are JSON's, so the JSON writer's quoting serves.
    static func quoted(_ text: String) -> String { JSONRenderer.string(text) }
}
