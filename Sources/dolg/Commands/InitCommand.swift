import ArgumentParser
import DolgRules
import DolgStorage
import Foundation

/// `dolg init`: creates a new, empty ledger file.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init", abstract: "Create a new ledger (a SQLite file readable by its owner only).")

    @OptionGroup var global: GlobalOptions

    @Option(help: "The ledger's one currency, an ISO 4217 code.")
    var currency = "RUB"

    @Option(help: "The first day of each overdue bucket, e.g. 1,4,7,30 (the default) or 1,31,61,91.")
    var buckets = "1,4,7,30"

    @Option(help: ArgumentHelp("The business's time zone, e.g. Europe/Moscow (else the system's).", valueName: "zone"))
    var timezone: String?

    func run() throws {
        guard let currency = Currency(code: currency) else {
            throw DolgError(.invalidValue, "--currency '\(self.currency)' is not a currency code",
                            remedy: "give a three-letter ISO code such as RUB")
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
