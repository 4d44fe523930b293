import ArgumentParser
import DolgPlaybookReader
import DolgRules
import DolgStorage
import Foundation

/// `dolg playbook export|import|history`: the collection rules as an editable TOML file.
struct PlaybookCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "playbook", abstract: helpText("Export, edit and import the collection ladder, its messages and escalation.",
                                                    "Выгрузка, правка и загрузка сценария взыскания: лестница взыскания, тексты сообщений, эскалация."),
        subcommands: [Export.self, Import.self, History.self])

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: helpText("Print the playbook in force as TOML.",
                                                                           "Вывести действующий сценарий взыскания в формате TOML."))

        @OptionGroup var global: GlobalOptions
        @OptionGroup var destination: OutputDestinationOptions

        func run() throws {
            let (ledger, settings) = try global.openLedger()
            if let stored = try ledger.currentPlaybook() {
                write(stored.text)
            } else {
                write(PlaybookFile.encode(.defaults, buckets: settings.buckets))
            }
        }
    }

    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: helpText("Check a playbook file and put it in force; earlier versions are kept.",
                               "Проверить файл сценария и ввести его в действие; прежние версии сохраняются."))

        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(helpText("The TOML file.", "Файл TOML.")), completion: .file()) var file: String

        func run() throws {
            let input = try InputSource(file)
            defer { input.remove() }
            let text = try InputFile.text(input.path, refusedAs: .invalidPlaybook, remedy: "save the playbook as UTF-8 TOML",
                                          russianRemedy: "сохраните сценарий взыскания как TOML в UTF-8")
            let set = try PlaybookReader.decode(text)
            let (ledger, settings) = try global.openLedger()
            try MessageText.check(set, currency: settings.currency)
            let version = try ledger.importPlaybook(text: text, buckets: set.buckets, by: global.login,
                                                    audit: try global.auditContext())
            let names = set.segments.keys.sorted().joined(separator: ", ")
            let steps = set.standard.ladder.steps.count
            write(Say(language: try global.language())(
                "Playbook version \(version) is in force: \(steps) steps\(set.segments.isEmpty ? "" : "; segments: \(names)").\n",
                "Действует сценарий взыскания, версия \(version): шагов \(steps)\(set.segments.isEmpty ? "" : "; сегменты: \(names)").\n"))
        }
    }

    struct History: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: helpText("The versions of the playbook, and who imported them.",
                                                                           "Версии сценария взыскания и кто их загрузил."))

        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            let (ledger, settings) = try global.openLedger()
            let report = Report(
                columns: [Column("version"), Column("imported_on"), Column("imported_by")],
                rows: try ledger.playbookVersions().map { [.integer($0.version), .text($0.importedOn), .text($0.importedBy)] })
            try output.print(report, settings, try global.language())
        }
    }
}
