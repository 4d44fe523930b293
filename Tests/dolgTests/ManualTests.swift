import Foundation
import Testing

/// The man pages: one per command and dolg(1) with everything, in both languages, valid roff.
@Suite("Man pages")
struct ManualTests {
    /// The pages `dolg manual` writes for a language, by name.
    func pages(_ language: String, _ sandbox: Sandbox) throws -> [String: String] {
        let directory = sandbox.directory.appendingPathComponent("man-\(language)")
        #expect(try sandbox.run(["manual", "--lang", language, "--directory", directory.path]).status == 0)
        var pages: [String: String] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: directory.path) {
            pages[name] = try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
        }
        return pages
    }

    /// The text of a page as man shows it, and what groff warns about it.
    func render(_ roff: String, _ sandbox: Sandbox) throws -> (text: String, warnings: String) {
        let file = sandbox.directory.appendingPathComponent("page-\(UUID().uuidString).1")
        try roff.write(to: file, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/groff")
        process.arguments = ["-k", "-man", "-rHY=0", "-Tutf8", "-ww", "-P", "-c", "-P", "-b", "-P", "-u", file.path]
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let warnings = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (text, warnings)
    }

    @Test("a page per command and dolg(1) with global options once, ENVIRONMENT, EXIT STATUS, FILES, EXAMPLES")
    func english() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/groff") else {
            Issue.record("groff is needed to read the man pages")
            return
        }
        let sandbox = try Sandbox()
        let pages = try pages("en", sandbox)
        for name in ["dolg.1", "dolg-next.1", "dolg-overdue.1", "dolg-pay-record.1", "dolg-report-html.1", "dolg-client-edit.1"] {
            #expect(pages[name] != nil, "\(name)")
        }
        #expect(pages.count > 70, "one per command: \(pages.count)")
        for (name, roff) in pages {
            #expect(try render(roff, sandbox).warnings.isEmpty, "\(name) is valid roff")
        }
        let main = try render(pages["dolg.1"]!, sandbox).text
        for heading in ["GLOBAL OPTIONS", "COMMANDS", "ENVIRONMENT", "EXIT STATUS", "FILES", "EXAMPLES"] {
            #expect(main.contains("\n\(heading)\n"), "\(heading)")
        }
        #expect(main.components(separatedBy: "\n       --today").count - 1 == 1, "the global options are described once")
        // Every DOLG_ variable the tool reads is in ENVIRONMENT.
        let sources = try String(contentsOf: GoldenTests.packageRoot.appendingPathComponent("Sources/dolg/Options/GlobalOptions.swift"),
                                 encoding: .utf8)
        let environment = main.components(separatedBy: "\nENVIRONMENT\n")[1].components(separatedBy: "\nEXIT STATUS\n")[0]
        let read = Set(sources.matches(of: /DOLG_[A-Z_]+/).map { String($0.output) })
        #expect(!read.isEmpty)
        for variable in read.union(["DOLG_PAGER", "DOLG_MESSAGE_ID"]) { #expect(environment.contains(variable), "\(variable)") }
        // Each sysexits status the tool exits with, with the error names that give it.
        let status = main.components(separatedBy: "\nEXIT STATUS\n")[1]
        for code in ["64", "65", "66", "67", "73", "74", "75", "77", "78"] { #expect(status.contains("\n       \(code) "), "\(code)") }
        #expect(status.contains("unknown_contract") && status.contains("not_permitted"))
        let next = try render(pages["dolg-next.1"]!, sandbox).text
        #expect(next.contains("--manager") && !next.contains("--db "), "a command's page has its own options only")
    }

    @Test("the Russian pages are Russian")
    func russian() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/groff") else { return }
        let sandbox = try Sandbox()
        let pages = try pages("ru", sandbox)
        let commands = Set(pages.keys.flatMap { $0.dropLast(2).split(separator: "-").map(String.init) })
        for name in ["dolg.1", "dolg-next.1", "dolg-pay-record.1", "dolg-touch.1"] {
            let rendered = try render(pages[name]!, sandbox)
            #expect(rendered.warnings.isEmpty)
            #expect(rendered.text.contains("ОПИСАНИЕ"))
            let latin = RussianReaderTests.latinWords(rendered.text, commands: commands, data: ["sysexits", "petr"])
            #expect(latin.isEmpty, "\(name): \(Set(latin).sorted())")
        }
    }
}
