import Foundation
import Testing

/// Every ```console example in the README and docs/guide.md runs as written and prints what the
/// text shows. `$ export NAME=value` lines set the environment for the commands after them
/// (DOLG_DB stays the sandbox's own ledger, the sandbox is the working directory); an expected output whose last line starts with
/// `dolg: error[` is the expected stderr of a command that must fail.
@Suite("Documentation examples")
struct DocsExamplesTests {
    @Test("examples run as written", arguments: ["README.md", "docs/guide.md"])
    func examples(document: String) throws {
        let text = try String(contentsOf: GoldenTests.packageRoot.appendingPathComponent(document), encoding: .utf8)
        // The examples run inside the sandbox, so the files they write (a backup) stay there;
        // `Fixtures/` is linked in, as it sits beside a checkout's docs.
        let sandbox = try Sandbox()
        try FileManager.default.createSymbolicLink(at: sandbox.directory.appendingPathComponent("Fixtures"),
                                                   withDestinationURL: GoldenTests.fixturesDirectory)
        var environment: [String: String] = [:]
        let commands = ConsoleExample.parse(text)
        #expect(!commands.isEmpty, "\(document) has no console examples")
        for example in commands {
            var words = try shellWords(example.command)
            if words.first == "export" {
                for assignment in words.dropFirst() {
                    let parts = assignment.split(separator: "=", maxSplits: 1).map(String.init)
                    if parts[0] != "DOLG_DB" { environment[parts[0]] = parts.count > 1 ? parts[1] : "" }
                }
                continue
            }
            var local = environment
            while let first = words.first, first.contains("="), !first.hasPrefix("-") {
                let parts = first.split(separator: "=", maxSplits: 1).map(String.init)
                local[parts[0]] = parts.count > 1 ? parts[1] : ""
                words.removeFirst()
            }
            let location = "\(document):\(example.line): \(example.command)"
            guard words.first == "dolg" else {
                Issue.record("\(location): only dolg commands and export may appear in console examples")
                continue
            }
            let result = try sandbox.run(Array(words.dropFirst()), environment: local, workingDirectory: sandbox.directory)
                .normalised(sandbox: sandbox.directory.path, golden: GoldenTests.goldenDirectory.path,
                            fixtures: GoldenTests.fixturesDirectory.path)
            let lastLine = example.output.split(separator: "\n").last ?? ""
            if lastLine.hasPrefix("dolg: error[") {
                #expect(result.stderr == example.output, "stderr of \(location)")
                #expect(result.status != 0, "exit status of \(location)")
            } else {
                #expect(result.stdout == example.output, "stdout of \(location)")
                #expect(result.stderr == "", "stderr of \(location)")
                #expect(result.status == 0, "exit status of \(location)")
            }
        }
    }
}

/// A command in a ```console block of a Markdown file, with the output shown under it.
struct ConsoleExample {
    let line: Int
    let command: String
    var output: String

    static func parse(_ markdown: String) -> [ConsoleExample] {
        var examples: [ConsoleExample] = []
        var inConsole = false
        for (index, line) in markdown.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if line.hasPrefix("```") {
                inConsole = !inConsole && line == "```console"
                continue
            }
            guard inConsole else { continue }
            if line.hasPrefix("$ ") {
                examples.append(ConsoleExample(line: index + 1, command: String(line.dropFirst(2)), output: ""))
            } else if !examples.isEmpty {
                examples[examples.count - 1].output += line + "\n"
            }
        }
        return examples
    }
}
