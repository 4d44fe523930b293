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
///     promise_max_days = 14   # a promise further ahead needs a head
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
///
///     [reminders]          # thank_you, stop_at_step, alarm_after_hours
///     [calendar]           # timezone, non_working_days, working_days
///     [contact_policy]     # calls, messages, visits, workday_hours, weekend_hours, business_hours
public enum PlaybookReader {
    /// Reads a playbook file; every problem names its line (or its step) and what is wrong.
    ///
    /// `strict` (a file being imported) refuses keys the reader does not know, so that a setting
    /// put in the wrong place is not silently ignored; a version already stored is read with
    /// `strict` false, so that a ledger never becomes unreadable when the rules grow.
    public static func decode(_ text: String, strict: Bool = true) throws(DolgError) -> PlaybookSet {
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
        if strict { problems += KnownKeys.unknownKeys(in: table, text: text) }
        let stepLines = lines(of: "[[steps]]", in: text)
        let standard = playbook(named: "default", from: table, stepLines: stepLines, problems: &problems)
        var segments: [String: Playbook] = [:]
        for name in table["segments"]?.table?.keys.sorted() ?? [] {
            guard let segment = table["segments"]?.table?[name]?.table else { continue }
            let segmentLines = lines(of: "[[segments.\(name).steps]]", in: text)
            var segmentProblems: [String] = []
            // A segment without steps of its own is a name contracts may carry, on the default ladder.
            var own = segment["steps"] == nil ? Playbook(name: name, ladder: standard.ladder, escalation: standard.escalation)
                : playbook(named: name, from: segment, stepLines: segmentLines, problems: &segmentProblems)
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
        let reminders = table["reminders"]?.table
        var standardWithThanks = standard
        // `thank_you` at the top of the file is where earlier versions of the file put it.
        standardWithThanks.thankYouTemplate = reminders?["thank_you"]?.string ?? table["thank_you"]?.string
        standardWithThanks.stopAutomationAtStep = reminders?["stop_at_step"]?.string
        var alarmAfterHours = 24
        if let hours = reminders?["alarm_after_hours"] {
            if let value = hours.int, (1...720).contains(value) {
                alarmAfterHours = value
            } else {
                problems.append("line \(lines(of: "alarm_after_hours", in: text).first ?? 0): reminders.alarm_after_hours must be whole hours from 1 to 720")
            }
        }
        var policy = contactPolicy(table["contact_policy"]?.table, text: text, problems: &problems)
        let calendar = table["calendar"]?.table
        let timeZone = calendar?["timezone"]?.string
        if calendar?["timezone"] != nil, timeZone.flatMap(TimeZone.init(identifier:)) == nil {
            problems.append("line \(lines(of: "timezone", in: text).first ?? 0): calendar.timezone must be a time zone name such as \"Europe/Moscow\"")
        }
        for (key, mark) in [("non_working_days", true), ("working_days", false)] {
            for date in dates(calendar?[key], key: "calendar.\(key)", text: text, problems: &problems) {
                if mark { policy.calendar.markNonWorking(date) } else { policy.calendar.markWorking(date) }
            }
        }
        let set = PlaybookSet(standard: standardWithThanks, segments: segments, buckets: buckets, contactPolicy: policy,
                              timeZone: timeZone, alarmAfterHours: alarmAfterHours)
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
        policy.businessHours = hours("business_hours", policy.businessHours)
        // The older place for days off; `[calendar] non_working_days` is the one the file now shows.
        for date in dates(table["holidays"], key: "contact_policy.holidays", text: text, problems: &problems) {
            policy.calendar.markNonWorking(date)
        }
        return policy
    }

    /// An array of dates like "2027-01-01".
    private static func dates(_ value: TOMLValueConvertible?, key: String, text: String,
                              problems: inout [String]) -> [CivilDate] {
        guard let value else { return [] }
        let line = lines(of: String(key.split(separator: ".").last ?? ""), in: text).first ?? 0
        guard let array = value.array else {
            problems.append("line \(line): \(key) must be a list of dates like [\"2027-01-01\"]")
            return []
        }
        var result: [CivilDate] = []
        for item in array {
            guard let string = item.string, let date = try? CivilDate.parse(string),
                  date.year >= 1900, date.year <= 2200 else {
                problems.append("line \(line): \(key) must be dates like \"2027-01-01\"")
                continue
            }
            result.append(date)
        }
        return result
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
            guard InputLimits.playbookOffsetDays.contains(offset) else {
                let range = InputLimits.playbookOffsetDays
                problems.append("\(line): offset must be whole days from \(range.lowerBound) to \(range.upperBound)")
                continue
            }
            steps.append(LadderStep(name: stepName, offsetDays: offset, channel: channel, actor: actor,
                                    instruction: step["instruction"]?.string ?? "", template: step["template"]?.string))
        }
        var escalation = EscalationRule.standard
        if let rule = table["escalation"]?.table {
            escalation = EscalationRule(count: rule["count"]?.int ?? escalation.count,
                                        windowDays: rule["window_days"]?.int ?? escalation.windowDays,
                                        toStep: rule["to_step"]?.string ?? escalation.toStep,
                                        promiseMaxDays: rule["promise_max_days"]?.int ?? escalation.promiseMaxDays)
            if !(1...100).contains(escalation.count) || !(1...InputLimits.playbookOffsetDays.upperBound).contains(escalation.windowDays) {
                problems.append("escalation.count must be from 1 to 100 and window_days from 1 to \(InputLimits.playbookOffsetDays.upperBound)")
            }
            if !(1...InputLimits.playbookOffsetDays.upperBound).contains(escalation.promiseMaxDays) {
                problems.append("escalation.promise_max_days must be from 1 to \(InputLimits.playbookOffsetDays.upperBound)")
            }
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
            .inRussian("в сценарии взыскания ошибка: \(problem)", remedy: "исправьте файл и импортируйте его снова")
    }
}
