import Foundation
import Testing

/// Charts and colour appear only on a terminal, and colour never with NO_COLOR. A terminal is
/// provided by util-linux's `script`, which runs the command in a pseudo-terminal.
@Suite("Terminal output")
struct TerminalOutputTests {
    func inTerminal(_ sandbox: Sandbox, _ command: String, noColor: Bool, extra: [String: String] = [:]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        process.arguments = ["-qec", "\(Sandbox.binary.path) \(command)", "/dev/null"]
        var environment = ["DOLG_DB": sandbox.ledgerPath, "DOLG_TODAY": "2026-11-20", "LANG": "C", "TERM": "xterm"]
        if noColor { environment["NO_COLOR"] = "1" }
        process.environment = environment.merging(extra) { $1 }
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return output
    }

    @Test("aging draws bars on a terminal, in colour unless NO_COLOR, and none into a pipe")
    func charts() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/script") else { return }
        let sandbox = try Sandbox()
        for arguments in [["init"], ["client", "add", "А", "--phone", "89000000001"],
                          ["contract", "add", "--number", "A", "--client", "1", "--amount", "3000", "--installments", "3",
                           "--first-due", "2026-10-10", "--start", "2026-10-01"]] {
            #expect(try sandbox.run(arguments).status == 0)
        }
        let coloured = try inTerminal(sandbox, "report aging", noColor: false)
        #expect(coloured.contains("█"))
        #expect(coloured.contains("\u{1B}[31m"))
        let plain = try inTerminal(sandbox, "report aging", noColor: true)
        #expect(plain.contains("█"))
        #expect(!plain.contains("\u{1B}["))
        let piped = try sandbox.run(["report", "aging"]).stdout
        #expect(!piped.contains("█"))
        // A terminal that cannot show colour gets none; FORCE_COLOR asks for it, NO_COLOR wins over it.
        #expect(!(try inTerminal(sandbox, "report aging", noColor: false, extra: ["TERM": "dumb"])).contains("\u{1B}["))
        #expect(try inTerminal(sandbox, "report aging", noColor: false, extra: ["TERM": "dumb", "FORCE_COLOR": "1"])
            .contains("\u{1B}[31m"))
        #expect(!(try inTerminal(sandbox, "report aging", noColor: true, extra: ["FORCE_COLOR": "1"])).contains("\u{1B}["))
    }

    @Test("long work counts records on a terminal, and says nothing into a pipe")
    func progress() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/script") else { return }
        let sandbox = try Sandbox()
        let file = sandbox.directory.appendingPathComponent("contracts.csv")
        var text = "number,client,phone,amount,installments,first_due\n"
        for index in 0..<5_001 { text += "P-\(index),Client,89170000001,1000,1,2026-12-01\n" }
        try text.write(to: file, atomically: true, encoding: .utf8)
        #expect(try sandbox.run(["init"]).status == 0)
        #expect(try sandbox.run(["import", "contracts", file.path]).status == 0)
        let onTerminal = try inTerminal(sandbox, "export contracts", noColor: true)
        #expect(onTerminal.contains("contracts: 5000…"))
        let piped = try sandbox.run(["export", "contracts"])
        #expect(piped.stderr.isEmpty)
        #expect(piped.stdout.split(separator: "\r\n").count == 5_002)  // the header and 5 001 contracts
    }
}
