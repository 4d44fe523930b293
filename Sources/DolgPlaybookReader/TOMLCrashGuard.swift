/// toml++ (inside TOMLKit) stops the whole process with a failed assertion, instead of reporting
/// a parse error, on two shapes of broken TOML, both found by the playbook fuzzer:
/// - a table header whose name starts with a character no key can start with (`[é]`, `[+]`, a
///   lone `[`);
/// - a `}` where an array expects a value (`x = [9, }`).
/// They are found here first, so the file is refused with its line like any other mistake.
enum TOMLCrashGuard {
    /// The 1-based line of the first spot toml++ would stop on, or nil.
    static func unreadableLine(in text: String) -> Int? {
        var scanner = Scanner()
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
        for (index, line) in lines.enumerated() {
            if !scanner.scan(line) { return index + 1 }
        }
        return nil
    }

    /// Follows strings, comments and the brackets of values from line to line.
    private struct Scanner {
        /// `"""` or `'''` while inside a multi-line string.
        var multilineDelimiter: String?
        /// The brackets of the value being read, innermost last; empty at the top level.
        var openBrackets: [Character] = []
        /// Right after an array's `[` or a `,` inside it: the next thing must be a value.
        var expectingArrayValue = false

        /// Reads one line; false if toml++ would stop on it.
        mutating func scan(_ line: Substring) -> Bool {
            if multilineDelimiter == nil && openBrackets.isEmpty {
                let trimmed = line.drop(while: { $0 == " " || $0 == "\t" })
                if trimmed.first == "[" { return Self.isReadableHeader(trimmed) }
            }
            var rest = line[...]
            var inValue = !openBrackets.isEmpty
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
                if character == " " || character == "\t" {
                    rest = rest.dropFirst()
                    continue
                }
                if character == "#" { return true }
                if character == "}" && expectingArrayValue { return false }
                expectingArrayValue = false
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
                case "=":
                    inValue = true
                case "[" where inValue, "{" where inValue:
                    openBrackets.append(character)
                    expectingArrayValue = character == "["
                case "]" where inValue, "}" where inValue:
                    _ = openBrackets.popLast()
                case "," where openBrackets.last == "[":
                    expectingArrayValue = true
                default:
                    break
                }
                rest = rest.dropFirst()
            }
            return true
        }

        /// A header's name must start with a bare-key character or a quote.
        static func isReadableHeader(_ header: Substring) -> Bool {
            var name = header.dropFirst()
            if name.first == "[" { name = name.dropFirst() }
            name = name.drop(while: { $0 == " " || $0 == "\t" })
            guard let first = name.first else { return false }
            return isBareKeyCharacter(first) || first == "\"" || first == "'"
        }

        /// What a bare key is made of: ASCII letters and digits, `_` and `-`.
        static func isBareKeyCharacter(_ character: Character) -> Bool {
            guard let ascii = character.asciiValue else { return false }
            return (65...90).contains(ascii) || (97...122).contains(ascii) || (48...57).contains(ascii)
                || ascii == UInt8(ascii: "_") || ascii == UInt8(ascii: "-")
        }
    }
}
