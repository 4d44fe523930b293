/// toml++ (inside TOMLKit) stops the whole process with a failed assertion, instead of reporting
/// a parse error, on two shapes of broken TOML, both found by the playbook fuzzer:
/// - a table header whose name starts with a character no key can start with (`[é]`, `[+]`, a
///   lone `[`);
/// - a `}` where an array expects a value (`x = [9, }`).
/// They are found here first, so the file is refused with its line like any other mistake.
///
/// The text is read as Unicode scalars, as TOML is: a Swift `Character` would join `[` and a
/// combining mark after it into one, and miss the header.
enum TOMLCrashGuard {
    /// The 1-based line of the first spot toml++ would stop on, or nil.
    static func unreadableLine(in text: String) -> Int? {
        var scanner = Scanner()
        for (index, line) in text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
        where !scanner.scan(line) {
            return index + 1
        }
        return nil
    }

    /// Follows strings, comments and the brackets of values from line to line.
    private struct Scanner {
        /// `"""` or `'''` while inside a multi-line string.
        var multilineDelimiter: String?
        /// The brackets of the value being read, innermost last; empty at the top level.
        var openBrackets: [Unicode.Scalar] = []
        /// Right after an array's `[` or a `,` inside it: the next thing must be a value.
        var expectingArrayValue = false

        /// Reads one line; false if toml++ would stop on it.
        mutating func scan(_ line: Substring.UnicodeScalarView) -> Bool {
            if multilineDelimiter == nil && openBrackets.isEmpty {
                let trimmed = line.drop(while: Self.isSpace)
                if trimmed.first == "[" { return Self.isReadableHeader(trimmed) }
            }
            var rest = line[...]
            var inValue = !openBrackets.isEmpty
            while let scalar = rest.first {
                if let delimiter = multilineDelimiter {
                    if rest.starts(with: delimiter.unicodeScalars) {
                        multilineDelimiter = nil
                        rest = rest.dropFirst(3)
                    } else {
                        // Only basic strings escape: a backslash there may hide a quote.
                        rest = rest.dropFirst(scalar == "\\" && delimiter == "\"\"\"" ? 2 : 1)
                    }
                    continue
                }
                if Self.isSpace(scalar) || scalar == "\r" {
                    rest = rest.dropFirst()
                    continue
                }
                if scalar == "#" { return true }
                if scalar == "}" && expectingArrayValue { return false }
                expectingArrayValue = false
                if rest.starts(with: "\"\"\"".unicodeScalars) || rest.starts(with: "'''".unicodeScalars) {
                    multilineDelimiter = String(String.UnicodeScalarView(rest.prefix(3)))
                    rest = rest.dropFirst(3)
                    continue
                }
                switch scalar {
                case "\"", "'":
                    // A one-line string: skip to its closing quote (basic strings escape with a backslash).
                    rest = rest.dropFirst()
                    while let inner = rest.first, inner != scalar {
                        rest = rest.dropFirst(inner == "\\" && scalar == "\"" ? 2 : 1)
                    }
                case "=":
                    inValue = true
                case "[" where inValue, "{" where inValue:
                    openBrackets.append(scalar)
                    expectingArrayValue = scalar == "["
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

        static func isSpace(_ scalar: Unicode.Scalar) -> Bool { scalar == " " || scalar == "\t" }

        /// A header's name must start with a bare-key character or a quote.
        static func isReadableHeader(_ header: Substring.UnicodeScalarView) -> Bool {
            var name = header.dropFirst()
            if name.first == "[" { name = name.dropFirst() }
            guard let first = name.drop(while: isSpace).first else { return false }
            return isBareKeyCharacter(first) || first == "\"" || first == "'"
        }

        /// What a bare key is made of: ASCII letters and digits, `_` and `-`.
        static func isBareKeyCharacter(_ scalar: Unicode.Scalar) -> Bool {
            ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
                || scalar == "_" || scalar == "-"
        }
    }
}
