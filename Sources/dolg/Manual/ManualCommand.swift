import ArgumentParser
import DolgRules
import Foundation

/// `dolg manual --directory DIR`: the man pages, written from the commands' own definitions in
/// the help language (`--lang`): dolg(1) with every command, and dolg-COMMAND(1) for each.
/// `make man` writes both languages where man(1) finds them by the locale.
struct ManualCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "manual",
        abstract: helpText("Write the man pages: dolg(1) and one per command.",
                           "Записать страницы руководства man: dolg(1) и по одной на команду."),
        shouldDisplay: false)

    @Option(help: ArgumentHelp(helpText("The directory to write them into (a man1 directory).",
                                        "Каталог, куда их записать (каталог man1)."),
                               valueName: helpText("directory", "каталог")), completion: .directory)
    var directory: String

    @Option(name: .long, help: ArgumentHelp(helpText("Language: en or ru.", "Язык: en или ru.")))
    var lang: String?

    func run() throws {
        let tool = try Self.toolInfo()
        let pages = ManualPages(tool: tool.command, language: HelpLanguage.current, date: Self.buildDate)
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        for page in pages.all() {
            let path = (directory as NSString).appendingPathComponent(page.name + ".1")
            try Data(page.text.utf8).write(to: URL(fileURLWithPath: path))
        }
        note(Say(language: HelpLanguage.current)("Wrote \(pages.all().count) pages to \(directory).",
                                                 "Записано страниц: \(pages.all().count), в \(directory)."))
    }

    /// The date on the pages: the day the version's source was fixed, not the day they were made,
    /// so that the pages of one version are the same bytes.
    static let buildDate = "2026-12-01"

    /// What the argument parser knows of every command, as it prints it for `--experimental-dump-help`.
    static func toolInfo() throws -> ToolDescription {
        do {
            _ = try Dolg.parseAsRoot(["--experimental-dump-help"])
        } catch {
            let json = Dolg.fullMessage(for: error)
            return try JSONDecoder().decode(ToolDescription.self, from: Data(json.utf8))
        }
        throw DolgError(.invalidValue, "the argument parser described no commands", remedy: "report this as a bug")
            .inRussian("разбор аргументов не вернул ни одной команды", remedy: "сообщите об этой ошибке разработчикам")
    }
}
