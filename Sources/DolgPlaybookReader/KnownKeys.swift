import TOMLKit

/// The keys a playbook file may have, table by table: a key the reader does not know is a
/// setting in the wrong place or misspelt, and is refused with its line and the nearest known key.
enum KnownKeys {
    static let top: Set<String> = ["buckets", "escalation", "steps", "segments", "contact_policy", "reminders",
                                   "calendar", "thank_you"]
    static let tables: [String: Set<String>] = [
        "buckets": ["thresholds"],
        "escalation": ["count", "window_days", "to_step", "promise_max_days"],
        "steps": ["name", "offset", "channel", "actor", "instruction", "template"],
        "contact_policy": ["calls", "messages", "visits", "workday_hours", "weekend_hours", "business_hours", "holidays"],
        "reminders": ["thank_you", "stop_at_step", "alarm_after_hours"],
        "calendar": ["timezone", "non_working_days", "working_days"],
        "segment": ["steps", "escalation"],
    ]

    /// Problems naming each unknown key, with its line.
    static func unknownKeys(in table: TOMLTable, text: String) -> [String] {
        var problems: [String] = []
        check(table, known: top, path: "", text: text, &problems)
        for name in ["buckets", "escalation", "contact_policy", "reminders", "calendar"] {
            if let inner = table[name]?.table { check(inner, known: tables[name]!, path: name + ".", text: text, &problems) }
        }
        func checkSteps(_ value: TOMLValueConvertible?, path: String) {
            for step in value?.array.map(Array.init) ?? [] {
                if let step = step.table { check(step, known: tables["steps"]!, path: path, text: text, &problems) }
            }
        }
        checkSteps(table["steps"], path: "steps.")
        for name in table["segments"]?.table?.keys.sorted() ?? [] {
            guard let segment = table["segments"]?.table?[name]?.table else { continue }
            check(segment, known: tables["segment"]!, path: "segments.\(name).", text: text, &problems)
            if let escalation = segment["escalation"]?.table {
                check(escalation, known: tables["escalation"]!, path: "segments.\(name).escalation.", text: text, &problems)
            }
            checkSteps(segment["steps"], path: "segments.\(name).steps.")
        }
        return problems
    }

    private static func check(_ table: TOMLTable, known: Set<String>, path: String, text: String,
                              _ problems: inout [String]) {
        for key in table.keys.sorted() where !known.contains(key) {
            let line = PlaybookReader.lines(of: key, in: text).first.map { "line \($0): " } ?? ""
            var problem = "\(line)unknown key \(path)\(key)"
            if let nearest = nearest(to: key, among: known) {
                problem += " (did you mean \(path)\(nearest)?)"
            } else if path.isEmpty == false, top.contains(key) || tables.keys.contains(key) {
                problem += " (it belongs at the top of the file, before any [table])"
            }
            problems.append(problem)
        }
    }

    /// The known key closest to a misspelt one, when it is close enough to be what was meant.
    static func nearest(to key: String, among known: Set<String>) -> String? {
        let scored = known.map { ($0, distance(Array(key), Array($0))) }.filter { $0.1 <= max(2, key.count / 3) }
        return scored.min { ($0.1, $0.0) < ($1.1, $1.0) }?.0
    }

    /// Levenshtein distance.
    static func distance(_ a: [Character], _ b: [Character]) -> Int {
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var previous = Array(0...b.count)
        for (i, x) in a.enumerated() {
            var current = [i + 1] + Array(repeating: 0, count: b.count)
            for (j, y) in b.enumerated() {
                current[j + 1] = min(previous[j + 1] + 1, current[j] + 1, previous[j] + (x == y ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
