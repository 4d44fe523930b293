import Foundation
import Testing

/// Runs every file in Tests/dolgTests/Golden against the built binary.
///
/// `DOLG_RECORD=1 swift test --filter GoldenTests` rewrites the files with the actual
/// output and fails, so that a person reviews the change with `git diff` before committing.
@Suite("End to end")
struct GoldenTests {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let goldenDirectory = packageRoot.appendingPathComponent("Tests/dolgTests/Golden")
    static let fixturesDirectory = packageRoot.appendingPathComponent("Fixtures")

    static var goldenFiles: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: goldenDirectory.path)) ?? []
        return names.filter { $0.hasSuffix(".test") }.sorted()
    }

    @Test("golden file", arguments: goldenFiles)
    func golden(fileName: String) throws {
        let url = Self.goldenDirectory.appendingPathComponent(fileName)
        var file = try GoldenFile(name: fileName, text: String(contentsOf: url, encoding: .utf8))
        let sandbox = try Sandbox()
        let recording = ProcessInfo.processInfo.environment["DOLG_RECORD"] == "1"
        for index in file.cases.indices {
            let expected = file.cases[index]
            var words = try shellWords(expected.command.replacing("{golden}", with: Self.goldenDirectory.path)
                .replacing("{fixtures}", with: Self.fixturesDirectory.path)
                .replacing("{sandbox}", with: sandbox.directory.path))
            var extraEnvironment: [String: String] = [:]
            while let first = words.first, first.contains("="), !first.hasPrefix("-") {
                let parts = first.split(separator: "=", maxSplits: 1)
                extraEnvironment[String(parts[0])] = parts.count > 1 ? String(parts[1]) : ""
                words.removeFirst()
            }
            guard words.first == "dolg" else {
                Issue.record("\(fileName):\(expected.line): a command must start with dolg")
                continue
            }
            let before = sandbox.ledgerBytes()
            let result = try sandbox.run(Array(words.dropFirst()), environment: extraEnvironment)
                .normalised(sandbox: sandbox.directory.path, golden: Self.goldenDirectory.path,
                            fixtures: Self.fixturesDirectory.path)
            let location = "\(fileName):\(expected.line): \(expected.command)"
            if recording {
                file.cases[index].stdout = result.stdout
                file.cases[index].stderr = result.stderr
                file.cases[index].status = result.status
                continue
            }
            #expect(result.stdout == expected.stdout, "stdout of \(location)")
            #expect(result.stderr == expected.stderr, "stderr of \(location)")
            #expect(result.status == expected.status, "exit status of \(location)")
            // Every refusal leaves the ledger as it was. Status 69 is not a refusal: the work was
            // recorded and only the delivery of some messages failed.
            if result.status != 0 && result.status != 69 {
                #expect(sandbox.ledgerBytes() == before, "a refused command changed the ledger: \(location)")
            }
        }
        if recording {
            try file.text.write(to: url, atomically: true, encoding: .utf8)
            Issue.record("re-recorded \(fileName): review the change with git diff, then run without DOLG_RECORD")
        }
    }
}

/// A temporary directory with its own ledger path, and the way to run `dolg` in it.
final class Sandbox: Sendable {
    let directory: URL
    var ledgerPath: String { directory.appendingPathComponent("ledger.sqlite").path }

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("dolg-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: directory) }

    /// What every run sees: the sandbox's ledger, a fixed business date, language and user.
    var environment: [String: String] {
        ["DOLG_DB": ledgerPath, "DOLG_TODAY": "2026-11-20", "LANG": "C", "HOME": directory.path,
         "DOLG_USER": "anna", "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"]
    }

    /// The built binary: beside the test bundle, or $DOLG_BINARY.
    static let binary: URL = {
        if let path = ProcessInfo.processInfo.environment["DOLG_BINARY"] { return URL(fileURLWithPath: path) }
        let besideRunner = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
            .appendingPathComponent("dolg")
        if FileManager.default.isExecutableFile(atPath: besideRunner.path) { return besideRunner }
        return GoldenTests.packageRoot.appendingPathComponent(".build/debug/dolg")
    }()

    /// Loads the demo ledger (Fixtures/demo/load.sh, what `make demo` shows) into the sandbox's
    /// ledger; returns the script's exit status.
    func loadDemo() throws -> Int32 {
        let load = Process()
        load.executableURL = URL(fileURLWithPath: "/bin/sh")
        load.arguments = [GoldenTests.fixturesDirectory.appendingPathComponent("demo/load.sh").path]
        load.environment = environment.merging(["DOLG": Sandbox.binary.path]) { $1 }
        load.standardOutput = FileHandle.nullDevice
        try load.run()
        load.waitUntilExit()
        return load.terminationStatus
    }

    /// The sqlite3 shell's output for a query on the sandbox's ledger, for tests that look inside it.
    func sqlite(_ sql: String) throws -> String { try Self.sqlite(arguments: [ledgerPath, sql]) }

    /// The sqlite3 shell's output for `arguments`, reading `input` (a file of queries) if given.
    static func sqlite(arguments: [String], input: URL? = nil) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        process.arguments = arguments
        if let input { process.standardInput = try FileHandle(forReadingFrom: input) }
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return output
    }

    /// The ledger file and its log, byte for byte.
    func ledgerBytes() -> [Data] {
        ["", "-wal"].map { FileManager.default.contents(atPath: ledgerPath + $0) ?? Data() }
    }

    struct Result {
        let stdout: String
        let stderr: String
        let status: Int32

        /// The output as golden files hold it: paths relative to the sandbox, `{golden}` for the
        /// golden directory, and CSV's CRLF line ends as plain newlines (checked on their own in
        /// `OutputBytesTests`), so the files stay readable and independent of where tests run.
        func normalised(sandbox: String, golden: String, fixtures: String) -> Result {
            func clean(_ text: String) -> String {
                text.replacing("\r\n", with: "\n").replacing(sandbox + "/", with: "").replacing(golden, with: "{golden}")
                    .replacing(fixtures, with: "{fixtures}")
            }
            return Result(stdout: clean(stdout), stderr: clean(stderr), status: status)
        }
    }

    /// Runs dolg with a fixed business date and language, capturing both streams in files.
    /// The ledger path is absolute: tests run in parallel and must not depend on a working directory.
    /// `workingDirectory` defaults to the test runner's own.
    func run(_ arguments: [String], environment extra: [String: String] = [:],
             workingDirectory: URL? = nil) throws -> Result {
        let process = Process()
        process.executableURL = Sandbox.binary
        if let workingDirectory { process.currentDirectoryURL = workingDirectory }
        process.arguments = arguments
        process.environment = environment.merging(extra) { $1 }
        let outURL = directory.appendingPathComponent("stdout")
        let errURL = directory.appendingPathComponent("stderr")
        FileManager.default.createFile(atPath: outURL.path, contents: nil)
        FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: outURL)
        let err = try FileHandle(forWritingTo: errURL)
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try out.close()
        try err.close()
        // Decoded as they are: a byte-order mark stays visible as U+FEFF.
        return Result(stdout: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
                      stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self),
                      status: process.terminationStatus)
    }
}
