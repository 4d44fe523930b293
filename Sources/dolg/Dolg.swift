import ArgumentParser
import DolgRules
import Foundation

/// The root command: the explicit list of every subcommand.
struct Dolg: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dolg",
        abstract: helpText("Installment and deferred-payment collection: who owes, who is late, what to do today.",
                           "Взыскание долгов по рассрочке и отсрочке: кто должен, кто опоздал, что делать сегодня."),
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
            ManualCommand.self,
        ])
}

/// Runs the command and turns every failure into one stderr line and a sysexits status.
@main
enum Main {
    static func main() {
        // Writing to a pipe whose reader has gone (a send command, `| head`) must fail the write,
        // not kill the process.
        signal(SIGPIPE, SIG_IGN)
        // In NFC, so that a name or number typed in decomposed form is the one stored composed.
        let arguments = LeadingGlobalOptions.reordered(
            CommandLine.arguments.dropFirst().map(\.precomposedStringWithCanonicalMapping))
        do {
            var command = try ParserMessages.parse(arguments)
            try OutputDestination.prepare(command)
            do {
                try command.run()
            } catch let status as ExitCode {
                try finishOutput()
                throw status
            }
            try finishOutput()
        } catch let error as DolgError {
            OutputDestination.abandon()
            FileHandle.standardError.write((TerminalText.line(error.line(HelpLanguage.current)) + "\n").data(using: .utf8)!)
            exit(error.exitCode)
        } catch let status as ExitCode {
            // A command that finished its work but must tell cron something (e.g. sends failed).
            exit(status.rawValue)
        } catch {
            OutputDestination.abandon()
            let status = Dolg.exitCode(for: error)
            if status == .success || error is CleanExit {
                // Help and the version: on stdout, the help in the reader's language.
                let text = Dolg.fullMessage(for: error)
                if arguments.contains("--generate-completion-script") {
                    print(CompletionScript.adjusted(text, arguments: arguments))
                } else if !text.isEmpty {
                    print(ParserMessages.help(text))
                }
                exit(status.rawValue)
            }
            let usageLine = ParserMessages.usageLine(error, arguments: arguments)
            FileHandle.standardError.write((TerminalText.line(usageLine) + "\n").data(using: .utf8)!)
            exit(status.rawValue == ExitCode.failure.rawValue ? ExitStatus.usage.rawValue : status.rawValue)
        }
    }

    /// Every write is known to have reached its file; an -o file takes its place.
    private static func finishOutput() throws(DolgError) {
        do {
            try StandardOutput.finish()
        } catch {
            OutputDestination.abandon()
            throw error
        }
        try OutputDestination.finish()
    }
}
