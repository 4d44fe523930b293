import Foundation
import Testing

/// Everything a Russian reader sees is Russian: every command's help, the tables, cards and
/// lines of the daily work, the reports, and the errors. Latin is allowed only for what is not
/// a word of the language: names of commands, options and values people type, codes, units,
/// product and format names.
@Suite("Russian reader")
struct RussianReaderTests {
    /// Latin words that are names, not English: formats, products, units.
    static let names: Set<String> = [
        "dolg", "CSV", "JSON", "HTML", "XLSX", "TOML", "SMS", "WhatsApp", "UTF", "Windows", "Excel", "SQLite",
        "PostgreSQL", "ID", "id", "OS", "QR", "PDF", "BOM", "Markdown", "Mustache", "cron", "stdin", "less", "FRX",
        "HH", "MM", "DD", "YYYY", "XDG", "email", "Europe", "Moscow", "ru", "en",
    ]

    /// Values people type, shown as they are to be typed.
    static let typedValues: Set<String> = [
        "table", "csv", "json", "xlsx", "auto", "always", "never", "cash", "card", "bank", "month", "week", "day",
        "call", "sms", "whatsapp", "letter", "visit", "legal", "reached", "promise", "refused", "callback",
        "person", "business", "manager", "head", "pending", "sent", "failed", "cancelled", "skipped", "unknown",
        "active", "overdue", "closed", "terminated", "retail", "vip", "markdown", "html", "weeks",
        "contracts", "schedule", "payments", "touches", "clients",
        // CSV columns and the bank map's fields, named as in the file.
        "contract", "date", "amount", "number", "purpose", "payer", "inn", "account", "bic", "reference", "method",
    ]

    /// The Latin words of `text` that no rule allows.
    static func latinWords(_ text: String, commands: Set<String>, data: Set<String> = []) -> [String] {
        let removed = [
            #"`[^`]*`"#,                        // commands and code, in backticks
            #"'[^']*'"#,                        // values quoted as typed
            #"\[[a-z_]+\]"#,                    // an error's stable name
            #"(?<![\p{L}\d])--?[A-Za-z][\w-]*"#, // options
            #"(?<!\p{L})\$?[A-Z][A-Z0-9_]++(?![a-z])(=\S*)?"#, // environment variables, codes
            #"\S*/\S*"#,                        // paths
            #"\S+\.(csv|json|xlsx|sqlite|txt|toml|html|md|db)\b"#,
            #"<[^>]*>"#,                        // placeholders
            #"\b[a-z0-9]+([_-][a-z0-9]+)+\b"#,  // snake_case and kebab-case codes (CSV keys, step names)
            #"\b\w+(,\w+)+\b"#,                 // key lists: contract,client,phone
            #"\(значения:[^)]*\)?"#,            // the values one may type
            #"по умолчанию: [^)\s]+"#,
        ]
        var found: [String] = []
        for line in text.split(separator: "\n") {
            var line = String(line)
            for pattern in removed { line = line.replacingOccurrences(of: pattern, with: " ", options: .regularExpression) }
            for word in line.split(whereSeparator: { !($0.isASCII && $0.isLetter) }) where word.count > 1 {
                let word = String(word)
                if names.contains(word) || typedValues.contains(word) || commands.contains(word) || data.contains(word) { continue }
                found.append(word)
            }
        }
        return found
    }

    /// The subcommands a help page lists under «КОМАНДЫ:».
    static func subcommands(_ help: String) -> [String] {
        var names: [String] = []
        var inList = false
        for line in help.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("КОМАНДЫ:") { inList = true; continue }
            guard inList else { continue }
            if !line.isEmpty && !line.hasPrefix(" ") { break }
            // A name is lowercase Latin, as typed; the list ends with the line pointing to `dolg help`.
            if line.hasPrefix("  "), !line.hasPrefix("   "), let name = line.split(separator: " ").first,
               name != "help", name.allSatisfy({ ($0.isASCII && $0.isLowercase) || $0 == "-" }) {
                names.append(String(name))
            }
        }
        return names
    }

    @Test("every command's --help is Russian under a Russian locale")
    func help() throws {
        let sandbox = try Sandbox()
        let russian = ["LANG": "ru_RU.UTF-8", "COLUMNS": "100"]
        var pages: [(path: [String], text: String)] = []
        var queue: [[String]] = [[]]
        var commands: Set<String> = []
        while let path = queue.popLast(), path.count <= 3 {
            let result = try sandbox.run(path + ["--help"], environment: russian)
            #expect(result.status == 0, "\(path)")
            pages.append((path, result.stdout))
            for name in Self.subcommands(result.stdout) {
                commands.insert(name)
                queue.append(path + [name])
            }
        }
        #expect(pages.count > 70, "the walk reached every command: \(pages.count)")
        for page in pages {
            #expect(page.text.contains("ИСПОЛЬЗОВАНИЕ:"))
            let latin = Self.latinWords(page.text, commands: commands)
            #expect(latin.isEmpty, "dolg \(page.path.joined(separator: " ")) --help: \(Set(latin).sorted())")
        }
        // The same pages in English stay English.
        let english = try sandbox.run(["next", "--help"], environment: ["LANG": "C"])
        #expect(english.stdout.contains("USAGE:") && english.stdout.contains("The work of this manager."))
    }

    @Test("the daily work, reports and errors are Russian under a Russian locale")
    func output() throws {
        let sandbox = try Sandbox()
        #expect(try sandbox.loadDemo() == 0)
        let russian = ["LANG": "ru_RU.UTF-8", "COLUMNS": "120"]
        // The demo's logins, and doctor's one-word check names, are data and codes.
        let data: Set<String> = ["anna", "petr", "irina", "integrity", "reversals"]
        let commands: [[String]] = [
            ["next"], ["next", "--as", "petr"], ["overdue"], ["contract", "list"], ["contract", "show", "2026-001"],
            ["client", "show", "1"], ["client", "list"], ["client", "find", "Иванов"], ["history", "2026-052"],
            ["history", "1"], ["hold", "list", "--ended"], ["outbox", "list"], ["remind", "--dry-run"],
            ["daily", "--dry-run"], ["doctor"], ["report", "managers"], ["report", "aging"], ["report", "metrics"],
            ["report", "forecast"], ["report", "portfolio"], ["report", "portfolio", "--vs", "2026-10-01"],
            ["report", "dynamics"], ["report", "rolls"], ["report", "effectiveness"], ["report", "limitation"],
            ["pay", "unmatched"], ["schedule", "show", "2026-001"], ["manager", "list"], ["playbook", "history"],
            // Errors, the tool's and the parser's.
            ["pay", "2026-001", "abc"], ["pay", "2026-001", "-5"], ["contract", "show", "НЕТ-1"], ["overdeu"],
            ["overdue", "--formt", "csv"], ["touch", "2026-001"], ["overdue", "--today", "2026-13-01"],
            ["touch", "2026-001", "--channel", "pigeon", "--outcome", "reached"], ["next", "--as", "nobody"],
        ]
        for arguments in commands {
            let result = try sandbox.run(arguments, environment: russian)
            let latin = Self.latinWords(result.stdout + result.stderr, commands: [], data: data)
            #expect(latin.isEmpty, "dolg \(arguments.joined(separator: " ")): \(Set(latin).sorted())\n\(result.stdout)\(result.stderr)")
        }
    }

    @Test("the Latin finder finds English and lets names, codes and typed values pass")
    func finder() {
        #expect(Self.latinWords("Записан файл out.html.", commands: []).isEmpty)
        #expect(Self.latinWords("ошибка[unknown_contract]: договора 'X-1' нет — см. `dolg contract list`", commands: []).isEmpty)
        #expect(Self.latinWords("шаг claim-letter, CSV, --format csv", commands: []).isEmpty)
        #expect(Self.latinWords("Wrote the file", commands: []) == ["Wrote", "the", "file"])
        #expect(Self.latinWords("статус overdue since", commands: []) == ["since"])
    }
}
