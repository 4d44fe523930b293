import DolgRules
import Foundation
import TOMLKit

/// Reads the playbook from the TOML file that businesses edit (`dolg playbook export`, `import`).
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
public enum PlaybookReader {
    /// Reads a playbook file; every problem names its line (or its step) and what is wrong.
    public static func decode(_ text: String) throws(DolgError) -> PlaybookSet {
        if let line = TOMLCrashGuard.unreadableLine(in: text) {
            throw invalid("line \(line): not valid TOML (a table name must start with a letter, a digit, _ or - "
                          + "or be quoted, and an array holds values between its commas)")
        }
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
        var standardWithThanks = standard
        standardWithThanks.thankYouTemplate = table["thank_you"]?.string
        let policy = contactPolicy(table["contact_policy"]?.table, text: text, problems: &problems)
        let set = PlaybookSet(standard: standardWithThanks, segments: segments, buckets: buckets, contactPolicy: policy)
        problems += set.problems()
        guard problems.isEmpty else { throw invalid(problems.joined(separator: "; ")) }
        return set
    }

    /// `[contact_policy]`: `calls = [1, 2, 8]`, `messages = [2, 4, 16]`, `visits = [0, 1, 0]` (per day,
    /// week, month; 0 for no limit), `workday_hours = [8, 22]`, `weekend_hours = [9, 20]`,
    /// `holidays = ["2027-01-01", …]`. Keys left out keep the defaults (Russian law for individuals).
    private static func contactPolicy(_ table: TOMLTable?, text: String, problems: inout [String]) -> ContactPolicy {
        var policy = ContactPolicy.russianIndividuals
        guard let table else { return policy }
        let line = lines(of: "[contact_policy]", in: text).first ?? 0
        func limits(_ key: String, _ current: ContactPolicy.Limits) -> ContactPolicy.Limits {
            guard let array = table[key]?.array else { return current }
            let numbers = array.compactMap(\.int)
            guard numbers.count == 3, numbers.allSatisfy({ $0 >= 0 }) else {
                problems.append("line \(line): contact_policy.\(key) must be three whole numbers: per day, week, month")
                return current
            }
            func limit(_ value: Int) -> Int? { value == 0 ? nil : value }
            return ContactPolicy.Limits(perDay: limit(numbers[0]), perWeek: limit(numbers[1]), perMonth: limit(numbers[2]))
        }
        func hours(_ key: String, _ current: ClosedRange<Int>) -> ClosedRange<Int> {
            guard let array = table[key]?.array else { return current }
            let numbers = array.compactMap(\.int)
            guard numbers.count == 2, 0 <= numbers[0], numbers[0] < numbers[1], numbers[1] <= 24 else {
                problems.append("line \(line): contact_policy.\(key) must be [from, to] hours, e.g. [8, 22]")
                return current
            }
            return (numbers[0] * 60)...(numbers[1] * 60)
        }
        policy.calls = limits("calls", policy.calls)
        policy.messages = limits("messages", policy.messages)
        policy.visits = limits("visits", policy.visits)
        policy.workdayHours = hours("workday_hours", policy.workdayHours)
        policy.weekendHours = hours("weekend_hours", policy.weekendHours)
        for value in table["holidays"]?.array.map(Array.init) ?? [] {
            guard let text = value.string, let date = try? CivilDate.parse(text) else {
                problems.append("line \(line): contact_policy.holidays must be dates like \"2027-01-01\"")
                continue
            }
            policy.holidays.insert(date)
        }
        return policy
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

    /// The 1-based lines on which `marker` begins a line.
    static func lines(of marker: String, in text: String) -> [Int] {
        text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            .filter { $0.element.trimmingCharacters(in: .whitespaces).hasPrefix(marker) }.map { $0.offset + 1 }
    }

    static func invalid(_ problem: String) -> DolgError {
        DolgError(.invalidPlaybook, "the playbook is not valid: \(problem)", remedy: "fix the file and import it again")
    }
}
