import ArgumentParser
import DolgRules
import Foundation

/// The argument parser's side of the command line: what it is given, and what it says, made to
/// follow the tool's conventions. A negative number is a value, not an option; a mistyped
/// subcommand gets "did you mean"; its errors are one line, in the reader's language; its help
/// has Russian headings when the help itself is Russian.
enum ParserMessages {
    /// Parses the command line. A value like `-5` or `-1,5` is first read as the parser reads
    /// it (an option's value: `--time-offset -1`); when that fails, once more with such words
    /// written with the minus sign U+2212, which no option starts with, so `pay N -5` reaches
    /// the command and is refused as a negative amount rather than as a missing one.
    static func parse(_ arguments: [String]) throws -> ParsableCommand {
        do {
            return try Dolg.parseAsRoot(arguments)
        } catch {
            let negative = arguments.map { isNegativeNumber($0) ? "\u{2212}" + $0.dropFirst() : $0 }
            guard negative != arguments, let command = try? Dolg.parseAsRoot(negative) else { throw error }
            return command
        }
    }

    static func isNegativeNumber(_ word: String) -> Bool {
        guard word.count > 1, word.first == "-" else { return false }
        let rest = word.dropFirst()
        return rest.first!.isASCII && rest.first!.isNumber && rest.allSatisfy { ($0.isASCII && $0.isNumber) || $0 == "," || $0 == "." }
    }

    /// The one line for a parser error: `dolg: error[usage]: …`.
    static func usageLine(_ error: Error, arguments: [String]) -> String {
        let lines = Dolg.message(for: error).split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        var message = lines.isEmpty ? "\(error)" : lines[0] + (lines.count > 1
            ? " " + lines.dropFirst().map { $0.hasPrefix("- ") ? String($0.dropFirst(2)) : $0 }.joined(separator: ", ")
            : "")
        let russian = HelpLanguage.current == .russian
        if let (word, suggestion) = unknownSubcommand(arguments) {
            return russian
                ? "dolg: ошибка[usage]: нет команды '\(word)'" + (suggestion.map { ". Возможно, имелась в виду '\($0)'?" } ?? "") + " — см. `dolg help`"
                : "dolg: error[usage]: there is no command '\(word)'" + (suggestion.map { ". Did you mean '\($0)'?" } ?? "") + " — see `dolg help` for usage"
        }
        if russian { message = placeholders(inRussian(message)) }
        return russian ? "dolg: ошибка[usage]: \(message) — см. `dolg help`"
                       : "dolg: error[usage]: \(message) — see `dolg help` for usage"
    }

    /// The first word where a subcommand was expected that names none, and the closest name.
    static func unknownSubcommand(_ arguments: [String]) -> (word: String, suggestion: String?)? {
        var command: ParsableCommand.Type = Dolg.self
        for word in arguments {
            let subcommands = command.configuration.subcommands
            guard !word.hasPrefix("-"), !subcommands.isEmpty else { return nil }
            var names: [String] = []
            var next: ParsableCommand.Type?
            for subcommand in subcommands {
                let name = subcommand._commandName
                names.append(name)
                if name == word { next = subcommand }
            }
            if let next {
                command = next
                continue
            }
            guard word != "help", command.configuration.defaultSubcommand == nil else { return nil }
            return (word, closest(word, among: names))
        }
        return nil
    }

    /// The name a mistyped word most likely meant: one it begins, else the nearest by edits
    /// (a swap of two letters counts as one), if near enough to be a typo.
    static func closest(_ word: String, among names: [String]) -> String? {
        if word.count >= 3, let name = names.first(where: { $0.hasPrefix(word) }) { return name }
        let scored = names.map { (name: $0, distance: editDistance(word, $0)) }.min { $0.distance < $1.distance }
        guard let best = scored, best.distance <= max(1, min(word.count, best.name.count) / 3) else { return nil }
        return best.name
    }

    /// Optimal string alignment distance: insertions, deletions, substitutions, adjacent swaps.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var table = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { table[i][0] = i }
        for j in 0...b.count { table[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                table[i][j] = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    table[i][j] = min(table[i][j], table[i - 2][j - 2] + 1)
                }
            }
        }
        return table[a.count][b.count]
    }

    /// The parser's English messages, in Russian: each of its sentence shapes, with the names
    /// and values it quotes kept as they were.
    static func inRussian(_ message: String) -> String {
        var text = message
        for (pattern, template) in russianShapes {
            let regex = try! NSRegularExpression(pattern: pattern)
            let range = NSRange(text.startIndex..., in: text)
            if regex.firstMatch(in: text, range: range) != nil {
                text = regex.stringByReplacingMatches(in: text, range: range, withTemplate: template)
            }
        }
        return text
    }

    private static let russianShapes: [(String, String)] = [
        (#"^Unknown option '(.+)'\. Did you mean '(.+)'\?"#, "неизвестный параметр '$1'. Возможно, имелся в виду '$2'?"),
        (#"^Unknown option '(.+)'"#, "неизвестный параметр '$1'"),
        (#"^Invalid option: (.+)"#, "недопустимый параметр: $1"),
        (#"^Missing value for '(.+)'"#, "не указано значение '$1'"),
        (#"^Missing expected argument '(.+)'"#, "не указан аргумент '$1'"),
        (#"^Missing one of: (.+)"#, "не указан один из аргументов: $1"),
        (#"^Missing required subcommand\."#, "не указана команда"),
        (#"^Unexpected argument '(.+)'"#, "лишний аргумент '$1'"),
        (#"^\d+ unexpected arguments: (.+)"#, "лишние аргументы: $1"),
        (#"^The option '(.+)' does not take any value, but '(.*)' was specified\."#, "параметр '$1' не принимает значения, а указано '$2'"),
        (#"^Value to be set with (.+) had already been set with (.+)"#, "значение $1 уже задано: $2"),
        (#"^The value '(.*)' is invalid for '([^']+)'"#, "значение '$1' не подходит для '$2'"),
        (#"^The value '(.*)' is invalid\."#, "значение '$1' не подходит."),
        (#"\. Please provide one of the following: "#, ". Укажите одно из: "),
        (#"\. Please provide one of "#, ". Укажите одно из: "),
        (#"' and '"#, "' и '"),
        (#"' or '"#, "' или '"),
    ]

    /// Help as the parser wrote it, with its own headings and phrases in Russian when the help
    /// texts are (the texts themselves come from `helpText`).
    static func help(_ text: String) -> String {
        guard HelpLanguage.current == .russian else { return text }
        var lines = text.components(separatedBy: "\n")
        for index in lines.indices {
            var line = lines[index]
            for (english, russian) in helpPhrases { line = line.replacingOccurrences(of: english, with: russian) }
            // The parser wraps its value lists: "default:" may begin a line.
            if line.trimmingCharacters(in: .whitespaces).hasPrefix("default:") {
                line = line.replacingOccurrences(of: "default:", with: "по умолчанию:")
            }
            lines[index] = placeholders(line)
        }
        return lines.joined(separator: "\n")
    }

    /// `<contract>` is `<договор>`: the parser names a value after its property unless told.
    /// In an option's line of help the description keeps its column.
    static func placeholders(_ line: String) -> String {
        guard line.contains("<") else { return line }
        func named(_ text: String) -> String {
            var text = text
            for (english, russian) in valueNames { text = text.replacingOccurrences(of: "<\(english)>", with: "<\(russian)>") }
            return text
        }
        guard line.hasPrefix("  -") || line.hasPrefix("  <"), let gap = line.range(of: #"\S {2,}(?=\S)"#, options: .regularExpression) else {
            return named(line)
        }
        let names = String(line[..<line.index(after: gap.lowerBound)])
        let column = line.distance(from: line.startIndex, to: gap.upperBound)
        let renamed = named(names)
        return renamed + String(repeating: " ", count: max(2, column - renamed.count)) + String(line[gap.upperBound...])
    }

    /// A value's name in Russian, as help shows it.
    static func russianValueName(_ name: String) -> String {
        valueNames.first { $0.0 == name }?.1 ?? name
    }

    private static let valueNames: [(String, String)] = [
        ("address", "адрес"), ("amount", "сумма"), ("as-of", "дата"), ("bucket", "интервал"), ("buckets", "интервалы"),
        ("by", "шаг"), ("callback-at", "время"), ("channel", "канал"), ("client", "клиент"), ("color", "цвет"),
        ("contract", "договор"), ("creditor", "кредитор"), ("currency", "валюта"), ("date", "дата"),
        ("deadline-days", "дней"), ("down", "сумма"), ("email", "почта"), ("file", "файл"), ("first-due", "дата"),
        ("format", "формат"), ("from", "дата"), ("id", "id"), ("ids", "id"), ("inn", "ИНН"), ("installments", "число"),
        ("kind", "вид"), ("login", "логин"), ("manager", "менеджер"), ("map", "соответствие"), ("method", "способ"),
        ("min-days", "дней"), ("months", "месяцев"), ("name", "имя"), ("new-name", "новое-имя"), ("note", "заметка"),
        ("number", "номер"), ("out", "файл"), ("outcome", "итог"), ("parts", "части"), ("passport", "паспорт"),
        ("payment-id", "id-платежа"), ("penalty", "пени"), ("period", "период"), ("periods", "периодов"),
        ("phone", "телефон"), ("promise-amount", "сумма"), ("promise-date", "дата"), ("rate", "ставка"),
        ("reason", "причина"), ("ref", "основание"), ("role", "роль"), ("schedule", "файл"), ("schedule-file", "файл"),
        ("segment", "сегмент"), ("send-cmd", "команда"), ("send-timeout", "секунд"), ("since", "дата"),
        ("start", "дата"), ("status", "статус"), ("text", "текст"), ("time-offset", "часов"), ("to", "кому"), ("top", "число"), ("directory", "каталог"),
        ("until", "дата"), ("vs", "дата"), ("who", "кто"), ("within", "дней"),
    ]

    private static let helpPhrases: [(String, String)] = [
        ("OVERVIEW: ", "ОБЗОР: "),
        ("USAGE: ", "ИСПОЛЬЗОВАНИЕ: "),
        ("ARGUMENTS:", "АРГУМЕНТЫ:"),
        ("OPTIONS:", "ПАРАМЕТРЫ:"),
        ("SUBCOMMANDS:", "КОМАНДЫ:"),
        ("GLOBAL OPTIONS:", "ОБЩИЕ ПАРАМЕТРЫ:"),
        ("<subcommand>", "<команда>"),
        ("<options>", "<параметры>"),
        ("Show help information.", "Показать эту справку."),
        ("Show the version.", "Показать версию."),
        // A default subcommand's mark stands in the names' column: the longer Russian takes
        // its room from the padding after it, so the column stays straight.
        ("(default)     ", "(по умолчанию)"),
        ("(default)", "(основная)"),
        ("(default: ", "(по умолчанию: "),
        ("(values:", "(значения:"),
        ("; default:", "; по умолчанию:"),
        ("See 'dolg help ", "Подробнее: 'dolg help "),
        ("' for detailed help.", "'."),
    ]
}
