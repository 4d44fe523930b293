import ArgumentParser
import DolgRules
import Foundation

/// The root command: the explicit list of every subcommand.
struct Dolg: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dolg",
        abstract: "Installment and deferred-payment collection: who owes, who is late, what to do today.",
        version: "dolg 0.2.0",
        subcommands: [
            InitCommand.self,
            ManagerCommand.self,
            ClientCommand.self,
            ContractCommand.self,
            ScheduleCommand.self,
            PayCommand.self,
            OverdueCommand.self,
            ReportCommand.self,
            ImportCommand.self,
            NextCommand.self,
            TouchCommand.self,
            HistoryCommand.self,
            HoldCommand.self,
            RemindCommand.self,
            OutboxCommand.self,
            DailyCommand.self,
            ApproveCommand.self,
            LetterCommand.self,
            PlaybookCommand.self,
            ExportCommand.self,
            DoctorCommand.self,
            AuditCommand.self,
            BackupCommand.self,
            RestoreCommand.self,
        ])
}

/// Runs the command and turns every failure into one stderr line and a sysexits status.
@main
enum Main {
    /// The language of error lines: the command's --lang if it got that far, else the environment.
    static var errorLanguage: Language {
        let arguments: [String] = CommandLine.arguments
        var flag: String?
        if let index = arguments.firstIndex(of: "--lang"), index + 1 < arguments.count { flag = arguments[index + 1] }
        return (try? GlobalOptions.language(flag: flag, environment: ProcessInfo.processInfo.environment)) ?? .english
    }

    static func main() {
        // Writing to a pipe whose reader has gone (a send command, `| head`) must fail the write,
        // not kill the process.
        signal(SIGPIPE, SIG_IGN)
        do {
            // In NFC, so that a name or number typed in decomposed form is the one stored composed.
            let arguments = CommandLine.arguments.dropFirst().map(\.precomposedStringWithCanonicalMapping)
            var command = try Dolg.parseAsRoot(LeadingGlobalOptions.reordered(Array(arguments)))
            do {
                try command.run()
            } catch let status as ExitCode {
                try StandardOutput.finish()
                throw status
            }
            try StandardOutput.finish()
        } catch let error as DolgError {
            FileHandle.standardError.write((TerminalText.line(error.line(errorLanguage)) + "\n").data(using: .utf8)!)
            exit(error.exitCode)
        } catch let status as ExitCode {
            // A command that finished its work but must tell cron something (e.g. sends failed).
            exit(status.rawValue)
        } catch {
            let status = Dolg.exitCode(for: error)
            if status == .success || error is CleanExit {
                Dolg.exit(withError: error)
            }
            // The parser's message may list the valid values on lines of their own: keep it on one line.
            let lines = Dolg.message(for: error).split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            let message = lines.isEmpty ? "\(error)" : lines[0] + (lines.count > 1
                ? " " + lines.dropFirst().map { $0.hasPrefix("- ") ? String($0.dropFirst(2)) : $0 }.joined(separator: ", ")
                : "")
            let usageLine = "dolg: error[usage]: \(message) — see `dolg help` for usage"
            FileHandle.standardError.write((TerminalText.line(usageLine) + "\n").data(using: .utf8)!)
            exit(status.rawValue == ExitCode.failure.rawValue ? ExitStatus.usage.rawValue : status.rawValue)
        }
    }
}
