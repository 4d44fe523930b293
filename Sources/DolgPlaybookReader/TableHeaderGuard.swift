/// toml++ (inside TOMLKit) stops the whole process with a failed assertion, instead of reporting
/// a parse error, when a table header's name starts with a character no key can start with
/// (`[é]`, `[+]`, a lone `[`). Found by the playbook fuzzer. Such headers are found here first, so
/// the file is refused with its line like any other mistake.
enum TableHeaderGuard {
    /// The 1-based line of the first header toml++ would stop on, or nil.
    ///
    /// A line is a header only at the top level: not inside a multi-line string, and not inside
    /// an array or inline table that an earlier `key = [` left open.
    static func unreadableHeaderLine(in text: String) -> Int? {
        var multilineDelimiter: String?
        var valueDepth = 0
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
        for (index, line) in lines.enumerated() {
            if multilineDelimiter == nil && valueDepth == 0 {
                let trimmed = line.drop(while: { $0 == " " || $0 == "\t" })
                if trimmed.first == "[" {
                    var name = trimmed.dropFirst()
                    if name.first == "[" { name = name.dropFirst() }
                    name = name.drop(while: { $0 == " " || $0 == "\t" })
                    guard let first = name.first, isBareKeyCharacter(first) || first == "\"" || first == "'" else {
                        return index + 1
                    }
                    continue
                }
            }
            scan(line, multilineDelimiter: &multilineDelimiter, valueDepth: &valueDepth)
        }
        return nil
    }

    /// Follows strings, comments and the brackets of values through one line.
    private static func scan(_ line: Substring, multilineDelimiter: inout String?, valueDepth: inout Int) {
        var rest = line[...]
        var inValue = valueDepth > 0
        while let character = rest.first {
            if let delimiter = multilineDelimiter {
                if rest.hasPrefix(delimiter) {
                    multilineDelimiter = nil
                    rest = rest.dropFirst(3)
                } else {
                    // Only basic strings escape: a backslash there may hide a quote.
                    rest = rest.dropFirst(character == "\\" && delimiter == "\"\"\"" ? 2 : 1)
                }
                continue
            }
            if rest.hasPrefix("\"\"\"") || rest.hasPrefix("'''") {
                multilineDelimiter = String(rest.prefix(3))
                rest = rest.dropFirst(3)
                continue
            }
            switch character {
            case "\"", "'":
                // A one-line string: skip to its closing quote (basic strings escape with a backslash).
                rest = rest.dropFirst()
                while let inner = rest.first, inner != character {
                    rest = rest.dropFirst(inner == "\\" && character == "\"" ? 2 : 1)
                }
                rest = rest.dropFirst()
                continue
            case "#":
                return
            case "=":
                inValue = true
            case "[" where inValue, "{" where inValue:
                valueDepth += 1
            case "]" where inValue, "}" where inValue:
                valueDepth = max(0, valueDepth - 1)
            default:
                break
            }
            rest = rest.dropFirst()
        }
    }

    /// What a bare key is made of: ASCII letters and digits, `_` and `-`.
    private static func isBareKeyCharacter(_ character: Character) -> Bool {
        guard let ascii = character.asciiValue else { return false }
        return (65...90).contains(ascii) || (97...122).contains(ascii) || (48...57).contains(ascii)
            || ascii == UInt8(ascii: "_") || ascii == UInt8(ascii: "-")
    }
}
