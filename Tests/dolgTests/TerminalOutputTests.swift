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
        let coloured = try inTerminal(sandbox, "report aging --no-pager", noColor: false)
        #expect(coloured.contains("█"))
        #expect(coloured.contains("\u{1B}[31m"))
        let plain = try inTerminal(sandbox, "report aging --no-pager", noColor: true)
        #expect(plain.contains("█"))
        #expect(!plain.contains("\u{1B}["))
        let piped = try sandbox.run(["report", "aging"]).stdout
        #expect(!piped.contains("█"))
        // A terminal that cannot show colour gets none; FORCE_COLOR asks for it, NO_COLOR wins over it.
        #expect(!(try inTerminal(sandbox, "report aging --no-pager", noColor: false, extra: ["TERM": "dumb"])).contains("\u{1B}["))
        #expect(try inTerminal(sandbox, "report aging --no-pager", noColor: false, extra: ["TERM": "dumb", "FORCE_COLOR": "1"])
            .contains("\u{1B}[31m"))
        #expect(!(try inTerminal(sandbox, "report aging --no-pager", noColor: true, extra: ["FORCE_COLOR": "1"])).contains("\u{1B}["))
    }

    @Test("a table on a terminal goes through the pager, as wide as the terminal; --no-pager, files and CSV do not")
    func pager() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/script") else { return }
        let sandbox = try Sandbox()
        #expect(try sandbox.loadDemo() == 0)
        let paged = sandbox.directory.appendingPathComponent("paged.txt").path
        let pager = ["DOLG_PAGER": "cat > \(paged)", "COLUMNS": "80", "DOLG_USER": "anna"]
        let screen = try inTerminal(sandbox, "overdue", noColor: true, extra: pager)
        let table = try String(contentsOfFile: paged, encoding: .utf8)
        #expect(table.contains("2026-052"), "the pager got the table")
        #expect(!screen.contains("2026-052"), "and the terminal only what the pager showed")
        #expect(table.split(separator: "\n").allSatisfy { $0.count <= 80 }, "laid out for the terminal, not the pipe")
        try FileManager.default.removeItem(atPath: paged)
        #expect(try inTerminal(sandbox, "overdue --no-pager", noColor: true, extra: pager).contains("2026-052"))
        #expect(try inTerminal(sandbox, "overdue --format csv", noColor: true, extra: pager).contains("2026-052,"))
        #expect(!FileManager.default.fileExists(atPath: paged), "neither went through the pager")
    }

    @Test("--color never keeps a terminal plain and --color always colours it, whatever the environment says")
    func colourChoice() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/script") else { return }
        let sandbox = try Sandbox()
        #expect(try sandbox.loadDemo() == 0)
        let never = try inTerminal(sandbox, "report aging --color never --no-pager", noColor: false, extra: ["FORCE_COLOR": "1"])
        #expect(never.contains("█") && !never.contains("\u{1B}[31m"))
        let always = try inTerminal(sandbox, "report aging --color always --no-pager", noColor: true)
        #expect(always.contains("\u{1B}[31m"), "always wins over NO_COLOR")
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
        #expect(onTerminal.contains("contracts: 5000 of 5001 (99%)…"), "the count, the total and the share")
        let inRussian = try inTerminal(sandbox, "export contracts --lang ru", noColor: true)
        #expect(inRussian.contains("договоры: 5000 из 5001 (99%)…"))
        let piped = try sandbox.run(["export", "contracts"])
        #expect(piped.stderr.isEmpty)
        #expect(piped.stdout.split(separator: "\r\n").count == 5_002)  // the header and 5 001 contracts
    }
}
