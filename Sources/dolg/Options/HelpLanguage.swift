import DolgRules
import Foundation

/// The language of what the argument parser shows (`--help`, the man page, its own errors),
/// chosen once per process before any command is parsed: `--lang` on the command line, else
/// `DOLG_LANG`, else the locale (`LC_ALL`, `LC_MESSAGES`, `LANG`). A command's own output asks
/// `GlobalOptions.language()`, which reads the same sources.
enum HelpLanguage {
    static let current: Language = {
        let arguments = CommandLine.arguments
        var flag: String?
        for (index, argument) in arguments.enumerated() {
            if argument == "--lang", index + 1 < arguments.count { flag = arguments[index + 1] }
            if argument.hasPrefix("--lang=") { flag = String(argument.dropFirst("--lang=".count)) }
        }
        return (try? GlobalOptions.language(flag: flag, environment: ProcessInfo.processInfo.environment)) ?? .english
    }()
}

/// Help for people in their language: `help: helpText("The ledger file.", "Файл реестра.")`.
/// Both texts stand side by side where the option is declared, so neither is forgotten.
func helpText(_ english: String, _ russian: String) -> String {
    HelpLanguage.current == .russian ? russian : english
}
