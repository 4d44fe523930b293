import ArgumentParser
import DolgRules
import DolgStorage

/// `dolg init`: creates a new, empty ledger file.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init", abstract: "Create a new ledger (a SQLite file readable by its owner only).")

    @OptionGroup var global: GlobalOptions

    @Option(help: "The ledger's one currency, an ISO 4217 code.")
    var currency = "RUB"

    @Option(help: "The first day of each overdue bucket, e.g. 1,4,7,30 (the default) or 1,31,61,91.")
    var buckets = "1,4,7,30"

    func run() throws {
        guard let currency = Currency(code: currency) else {
            throw DolgError(.invalidValue, "--currency '\(self.currency)' is not a currency code",
                            remedy: "give a three-letter ISO code such as RUB")
        }
        let scheme = try BucketScheme.parse(buckets)
        let path = global.ledgerPath
        _ = try LedgerDatabase.create(path: path, currency: currency, buckets: scheme,
                                      today: try global.businessDate(), audit: try global.auditContext())
        write(Say(language: try global.language())("Created ledger \(path) (\(currency.code)).\n",
                                                   "Создан реестр \(path) (\(currency.code)).\n"))
    }
}
