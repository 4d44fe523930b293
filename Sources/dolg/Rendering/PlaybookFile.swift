import DolgRules
import TOMLKit

/// The playbook as a TOML file that businesses edit (`dolg playbook export`, `import`).
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
    /// Reads a playbook file; every problem names its line (or its step) and what is wrong.
    static func decode(_ text: String) throws(DolgError) -> PlaybookSet {
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw invalid("line \(error.source.begin.line): \(error.description)")
        } catch {
            throw invalid("\(error)")
        }
        var problems: [String] = []
        let stepLines = lines(of: "[[steps]]", in: text)
        let standard = playbook(named: "default", from: table, stepLines: stepLines, problems: &problems)
        var segments: [String: Playbook] = [:]
        for name in table["segments"]?.table?.keys.sorted() ?? [] {
            guard let segment = table["segments"]?.table?[name]?.table else { continue }
            let segmentLines = lines(of: "[[segments.\(name).steps]]", in: text)
            var segmentProblems: [String] = []
            var own = playbook(named: name, from: segment, stepLines: segmentLines, problems: &segmentProblems)
            if segment["escalation"] == nil { own.escalation = standard.escalation }
            problems += segmentProblems.map { "segment \(name): \($0)" }
            segments[name] = own
        }
        var buckets: BucketScheme?
        if let thresholds = table["buckets"]?.table?["thresholds"]?.array {
            let numbers = thresholds.compactMap(\.int)
            buckets = BucketScheme(thresholds: numbers)
            if buckets == nil || numbers.count != thresholds.count {
                problems.append("line \(lines(of: "thresholds", in: text).first ?? 0): buckets.thresholds must be increasing whole days from 1")
            }
        }
        let set = PlaybookSet(standard: standard, segments: segments, buckets: buckets)
        problems += set.problems()
        guard problems.isEmpty else { throw invalid(problems.joined(separator: "; ")) }
        return set
    }

    private static func playbook(named name: String, from table: TOMLTable, stepLines: [Int],
                                 problems: inout [String]) -> Playbook {
        var steps: [LadderStep] = []
        let list = table["steps"]?.array.map(Array.init) ?? []
        if list.isEmpty { problems.append("no [[steps]]") }
        for (index, value) in list.enumerated() {
            let line = index < stepLines.count ? "line \(stepLines[index])" : "step \(index + 1)"
            guard let step = value.table else {
                problems.append("\(line): a step must be a table")
                continue
            }
            let stepName = step["name"]?.string ?? ""
            let channel = step["channel"]?.string.flatMap(Channel.init(rawValue:))
            let actor = step["actor"]?.string.flatMap(Actor.init(rawValue:))
            guard !stepName.isEmpty, let offset = step["offset"]?.int, let channel, let actor else {
                problems.append("\(line): a step needs name, offset (days), channel (\(Channel.allCases.map(\.rawValue).joined(separator: ", "))) and actor (\(Actor.allCases.map(\.rawValue).joined(separator: ", ")))")
                continue
            }
            steps.append(LadderStep(name: stepName, offsetDays: offset, channel: channel, actor: actor,
                                    instruction: step["instruction"]?.string ?? "", template: step["template"]?.string))
        }
        var escalation = EscalationRule.standard
        if let rule = table["escalation"]?.table {
            escalation = EscalationRule(count: rule["count"]?.int ?? escalation.count,
                                        windowDays: rule["window_days"]?.int ?? escalation.windowDays,
                                        toStep: rule["to_step"]?.string ?? escalation.toStep)
        }
        return Playbook(name: name, ladder: CollectionLadder(steps: steps), escalation: escalation)
    }

    /// The text of a playbook file, with comments, in the layout `decode` reads.
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

    /// A TOML basic string.
    static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }

    /// The 1-based lines on which `marker` begins a line.
    static func lines(of marker: String, in text: String) -> [Int] {
        text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            .filter { $0.element.trimmingCharacters(in: .whitespaces).hasPrefix(marker) }.map { $0.offset + 1 }
    }

    static func invalid(_ problem: String) -> DolgError {
        DolgError(.invalidPlaybook, "the playbook is not valid: \(problem)", remedy: "fix the file and import it again")
    }
}
