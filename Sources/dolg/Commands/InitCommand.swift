import ArgumentParser
import DolgRules
import DolgStorage
import Foundation

/// `dolg init`: creates a new, empty ledger file.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init", abstract: helpText("Create a new ledger (a SQLite file readable by its owner only).", "Создать новый реестр (файл SQLite, который может читать только его владелец)."))

    @OptionGroup var global: GlobalOptions

    @Option(help: ArgumentHelp(helpText("The ledger's one currency, an ISO 4217 code.", "Единственная валюта реестра, код ISO 4217.")))
    var currency = "RUB"

    @Option(help: ArgumentHelp(helpText("The first day of each overdue bucket, e.g. 1,4,7,30 (the default) or 1,31,61,91.", "Первый день каждого интервала просрочки, например 1,4,7,30 (по умолчанию) или 1,31,61,91.")))
    var buckets = "1,4,7,30"

    @Option(help: ArgumentHelp(helpText("The business's time zone, e.g. Europe/Moscow (else the system's).", "Часовой пояс компании, например Europe/Moscow (по умолчанию — системный)."), valueName: helpText("zone", "пояс")))
    var timezone: String?

    func run() throws {
        guard let currency = Currency(code: currency) else {
            throw DolgError(.invalidValue, "--currency '\(self.currency)' is not a currency code",
                            remedy: "give a three-letter ISO code such as RUB")
                .inRussian("--currency '\(self.currency)': это не код валюты", remedy: "укажите трёхбуквенный код ISO, например RUB")
        }
        let scheme = try BucketScheme.parse(buckets)
        let zone = timezone ?? TimeZone.current.identifier
        guard TimeZone(identifier: zone) != nil else {
            throw DolgError(.invalidValue, "--timezone '\(zone)' is not a time zone",
                            remedy: "give a name such as Europe/Moscow or Asia/Yekaterinburg")
                .inRussian("--timezone '\(zone)': такого часового пояса нет", remedy: "укажите, например, Europe/Moscow")
        }
        let path = global.ledgerPath
        _ = try LedgerDatabase.create(path: path, currency: currency, buckets: scheme, timeZone: zone,
                                      today: try global.businessDate(), audit: try global.auditContext())
        write(Say(language: try global.language())("Created ledger \(path) (\(currency.code)).\n",
                                                   "Создан реестр \(path) (\(currency.code)).\n"))
    }
}
