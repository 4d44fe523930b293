import Foundation
import Testing

/// What a shell user and a script author expect: completion, -o, standard input, negative
/// numbers, "did you mean", a pager, --color.
@Suite("Shell conventions")
struct ShellConventionsTests {
    /// Completes `line` in bash with the script `dolg --generate-completion-script bash` prints,
    /// as the shell does when Tab is pressed at the end of the line; returns what bash offers.
    func complete(_ line: String, _ sandbox: Sandbox, in directory: URL? = nil) throws -> [String] {
        let bin = sandbox.directory.appendingPathComponent("bin")
        try? FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        try? FileManager.default.createSymbolicLink(at: bin.appendingPathComponent("dolg"), withDestinationURL: Sandbox.binary)
        let harness = """
            source <(dolg --generate-completion-script bash)
            COMP_LINE="$1"; COMP_POINT=${#COMP_LINE}
            read -ra COMP_WORDS <<< "$COMP_LINE"
            [[ "$COMP_LINE" == *" " ]] && COMP_WORDS+=("")
            COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))
            COMPREPLY=()
            _dolg dolg "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
            printf '%s\\n' "${COMPREPLY[@]}"
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", harness, "complete", line]
        process.environment = sandbox.environment.merging(["PATH": bin.path + ":/usr/bin:/bin"]) { $1 }
        process.currentDirectoryURL = directory ?? sandbox.directory
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return output.split(separator: "\n").map(String.init)
    }

    @Test("bash completes contract numbers, managers and logins from the ledger, files, and values without a slash")
    func completion() throws {
        guard FileManager.default.isExecutableFile(atPath: "/bin/bash") else { return }
        let sandbox = try Sandbox()
        #expect(try sandbox.loadDemo() == 0)
        // The demo's contracts 2026-050 … 2026-059 (and no others) begin with 2026-05.
        #expect(try complete("dolg touch 2026-05", sandbox) == (50...59).map { "2026-0\($0)" })
        #expect(try complete("dolg schedule show 2026-00", sandbox).count == 9)
        // A name with a space is offered escaped, so it stays one word.
        #expect(try complete("dolg next --manager Ир", sandbox) == ["Ирина\\ Лебедева"])
        #expect(try complete("dolg overdue --as p", sandbox) == ["petr"])
        // Bash adds a slash to a word that names a directory when a completion is registered as
        // file names: only file arguments are (`compopt` inside), not `--format csv`.
        let registration = Process()
        registration.executableURL = URL(fileURLWithPath: "/bin/bash")
        registration.arguments = ["-c", "source <(\"$0\" --generate-completion-script bash); complete -p dolg", Sandbox.binary.path]
        let registered = Pipe()
        registration.standardOutput = registered
        try registration.run()
        let line = String(decoding: registered.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        registration.waitUntilExit()
        #expect(line == "complete -F _dolg dolg\n")
        let directory = sandbox.directory.appendingPathComponent("work")
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("csv"), withIntermediateDirectories: true)
        #expect(try complete("dolg overdue --format c", sandbox, in: directory) == ["csv"])
        // File arguments complete paths.
        try Data().write(to: directory.appendingPathComponent("payments.csv"))
        #expect(try complete("dolg import payments pay", sandbox, in: directory) == ["payments.csv"])
        #expect(try complete("dolg ove", sandbox) == ["overdue"])
    }

    @Test("-o writes the report whole into a private file, its format from the extension; a failure leaves the old file")
    func outputFile() throws {
        let sandbox = try Sandbox()
        #expect(try sandbox.loadDemo() == 0)
        let csv = sandbox.directory.appendingPathComponent("overdue.csv").path
        let result = try sandbox.run(["overdue", "-o", csv])
        #expect(result.status == 0 && result.stdout.isEmpty, "\(result.stderr)")
        let written = try String(contentsOfFile: csv, encoding: .utf8)
        #expect(written == (try sandbox.run(["overdue", "--format", "csv"])).stdout)
        let mode = try FileManager.default.attributesOfItem(atPath: csv)[.posixPermissions] as? NSNumber
        #expect(mode?.intValue == 0o600)
        let json = sandbox.directory.appendingPathComponent("report.json").path
        #expect(try sandbox.run(["report", "aging", "--output", json]).status == 0)
        #expect(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: json))) is [Any])
        let book = sandbox.directory.appendingPathComponent("overdue.xlsx").path
        #expect(try sandbox.run(["overdue", "-o", book]).status == 0)
        #expect(try Data(contentsOf: URL(fileURLWithPath: book)).starts(with: Array("PK".utf8)))
        // --format wins over the extension.
        let text = sandbox.directory.appendingPathComponent("overdue.txt").path
        #expect(try sandbox.run(["overdue", "-o", text, "--format", "json"]).status == 0)
        #expect(try String(contentsOfFile: text, encoding: .utf8).hasPrefix("["))
        // A command that fails writes nothing over the file and leaves no half-written sibling.
        let failed = try sandbox.run(["overdue", "--manager", "Никто", "-o", csv])
        #expect(failed.status != 0)
        #expect(try String(contentsOfFile: csv, encoding: .utf8) == written)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: sandbox.directory.path).filter { $0.contains("incomplete") }
        #expect(leftovers.isEmpty, "\(leftovers)")
        // Exports take -o too, the format from the extension.
        let payments = sandbox.directory.appendingPathComponent("payments.json").path
        #expect(try sandbox.run(["export", "payments", "-o", payments]).status == 0)
        #expect(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: payments))) is [Any])
        // `-o -` is standard output.
        #expect(try sandbox.run(["overdue", "-o", "-", "--format", "csv"]).stdout == written)
    }

    @Test("imports read '-' as standard input and pipes, with the same result as the file")
    func standardInput() throws {
        let sandbox = try Sandbox()
        #expect(try sandbox.loadDemo() == 0)
        let rows = "contract,date,amount,reference,method\n2026-001,2026-11-19,100,R-STDIN,cash\n"
        let process = Process()
        process.executableURL = Sandbox.binary
        process.arguments = ["import", "payments", "-"]
        process.environment = sandbox.environment
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(Data(rows.utf8))
        try input.fileHandleForWriting.close()
        let said = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(said.hasPrefix("Imported stdin: 1 row"), "\(said)")
        #expect(try sandbox.sqlite("SELECT count(*) FROM payments WHERE reference = 'R-STDIN'") == "1\n")
        // An empty standard input is an empty file: refused, nothing written.
        let empty = try sandbox.run(["import", "payments", "-"])
        #expect(empty.status == 65 && empty.stderr.contains("'stdin' is empty"), "\(empty.stderr)")
    }

    @Test("a negative number is a value: refused as negative where an amount must be positive, taken where it may be")
    func negativeNumbers() throws {
        let sandbox = try Sandbox()
        #expect(try sandbox.loadDemo() == 0)
        let payment = try sandbox.run(["pay", "2026-001", "-5"])
        #expect(payment.status == 65 && payment.stderr.contains("error[amount_not_positive]"), "\(payment.stderr)")
        let offset = try sandbox.run(["client", "edit", "1", "--time-offset", "-1"])
        #expect(offset.status == 0, "\(offset.stderr)")
    }

    @Test("a mistyped command or option is answered with the nearest name, in the reader's language")
    func didYouMean() throws {
        let sandbox = try Sandbox()
        let command = try sandbox.run(["overdeu"])
        #expect(command.status == 64)
        #expect(command.stderr == "dolg: error[usage]: there is no command 'overdeu'. Did you mean 'overdue'? — see `dolg help` for usage\n")
        let nested = try sandbox.run(["--lang", "ru", "contract", "lsit"])
        #expect(nested.stderr == "dolg: ошибка[usage]: нет команды 'lsit'. Возможно, имелась в виду 'list'? — см. `dolg help`\n")
        let option = try sandbox.run(["overdue", "--formt", "csv"], environment: ["LANG": "ru_RU.UTF-8"])
        #expect(option.stderr == "dolg: ошибка[usage]: неизвестный параметр '--formt'. Возможно, имелся в виду '--format'? — см. `dolg help`\n")
    }
}
