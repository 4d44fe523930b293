import Foundation

/// A golden file: commands run one after another on one fresh ledger, each with
/// its expected stdout, stderr and exit status, in the spirit of hledger's shelltest files.
///
///     # A comment.
///     $ dolg client add 'Иван Петров' --phone 89171234567
///     Added client 1: Иван Петров.
///     >2
///     (expected stderr, if any)
///     >= 0
///
/// `{golden}` in a command stands for the directory holding the golden files (for data files),
/// `{fixtures}` for the project's Fixtures directory, `{sandbox}` for the test's temporary
/// directory (for a second ledger).
struct GoldenFile {
    struct Case {
        /// The 1-based line of the `$` line, for messages.
        let line: Int
        let command: String
        var stdout: String
        var stderr: String
        var status: Int32
    }

    let name: String
    /// Comments and blank lines before each case, kept when the file is re-recorded.
    var preambles: [String]
    var cases: [Case]

    init(name: String, text: String) throws {
        self.name = name
        preambles = []
        cases = []
        var preamble: [Substring] = []
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)[...]
        if lines.last == "" { lines = lines.dropLast() }
        var lineNumber = 0
        func next() -> Substring? {
            guard let line = lines.popFirst() else { return nil }
            lineNumber += 1
            return line
        }
        while let line = next() {
            guard line.hasPrefix("$ ") else {
                preamble.append(line)
                continue
            }
            var current = Case(line: lineNumber, command: String(line.dropFirst(2)), stdout: "", stderr: "", status: 0)
            var target = 1
            var closed = false
            while let body = next() {
                if body == ">2" {
                    target = 2
                } else if body.hasPrefix(">= ") {
                    guard let status = Int32(body.dropFirst(3)) else { throw GoldenError.malformed(name, lineNumber) }
                    current.status = status
                    closed = true
                    break
                } else if target == 1 {
                    current.stdout += body + "\n"
                } else {
                    current.stderr += body + "\n"
                }
            }
            guard closed else { throw GoldenError.malformed(name, current.line) }
            preambles.append(preamble.joined(separator: "\n"))
            preamble = []
            cases.append(current)
        }
        preambles.append(preamble.joined(separator: "\n"))
    }

    /// The file's text, from its cases; re-recording writes this.
    var text: String {
        var output = ""
        for (index, testCase) in cases.enumerated() {
            if !preambles[index].isEmpty || index > 0 { output += preambles[index] + "\n" }
            output += "$ \(testCase.command)\n" + testCase.stdout
            if !testCase.stderr.isEmpty { output += ">2\n" + testCase.stderr }
            output += ">= \(testCase.status)\n"
        }
        if let tail = preambles.last, !tail.isEmpty { output += tail + "\n" }
        return output
    }
}

enum GoldenError: Error, CustomStringConvertible {
    case malformed(String, Int)
    case badQuoting(String)

    var description: String {
        switch self {
        case .malformed(let file, let line): return "\(file):\(line): a case must end with '>= STATUS'"
        case .badQuoting(let command): return "unbalanced quotes in: \(command)"
        }
    }
}

/// Splits a command line as a POSIX shell would for words, single and double quotes
/// and backslashes (no expansion).
func shellWords(_ line: String) throws -> [String] {
    var words: [String] = []
    var word = ""
    var inWord = false
    var quote: Character?
    var escaping = false
    for character in line {
        if escaping {
            word.append(character)
            escaping = false
        } else if let open = quote {
            if character == open {
                quote = nil
            } else if character == "\\" && open == "\"" {
                escaping = true
            } else {
                word.append(character)
            }
        } else if character == "'" || character == "\"" {
            quote = character
            inWord = true
        } else if character == "\\" {
            escaping = true
            inWord = true
        } else if character == " " {
            if inWord { words.append(word) }
            word = ""
            inWord = false
        } else {
            word.append(character)
            inWord = true
        }
    }
    guard quote == nil, !escaping else { throw GoldenError.badQuoting(line) }
    if inWord { words.append(word) }
    return words
}
