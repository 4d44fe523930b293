import ArgumentParser
import DolgRules
import DolgStorage

/// `dolg client add|list|show`: the people who owe.
struct ClientCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "client", abstract: "Add, list and show clients.",
        subcommands: [Add.self, List.self, Show.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add a client.")

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The client's full name or company name.") var name: String
        @Option(help: "Phone number; Russian numbers are stored as +7XXXXXXXXXX.") var phone: String
        @Option(help: "Email address.") var email: String?
        @Option(help: "Taxpayer number (ИНН, 10 or 12 digits): recognises the client's bank payments.") var inn: String?
        @Option(help: "The responsible manager's name.") var manager: String?
        @Option(help: "A free-text note.") var note: String?

        func run() throws {
            let name = try requireText(name, field: "NAME")
            let phoneNumber: PhoneNumber
            do {
                phoneNumber = try PhoneNumber(parsing: phone)
            } catch {
                throw DolgError(.invalidPhone, "--phone '\(phone)' is not a phone number: \(error)",
                                remedy: "write it like +7 917 123-45-67 or 89171234567")
            }
            if let inn, !(inn.count == 10 || inn.count == 12) || !inn.allSatisfy(\.isNumber) {
                throw DolgError(.invalidValue, "--inn '\(inn)' is not an INN", remedy: "an INN has 10 or 12 digits")
            }
            let (ledger, _) = try global.openLedger()
            let client = try ledger.addClient(name: name, phone: phoneNumber.e164, email: email, inn: inn,
                                              managerName: manager, note: note, audit: try global.auditContext())
            write("Added client \(client.id): \(client.name).\n")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List clients.")

        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: OutputOptions
        @OptionGroup var privacy: PrivacyOptions
        @Option(help: "Only the clients of this manager.") var manager: String?

        func run() throws {
            let (ledger, settings) = try global.openLedger()
            let report = Report(
                columns: [Column("id"), Column("name"), Column("phone"), Column("email"), Column("manager")],
                rows: try ledger.clients(managerName: try global.scope(ledger, manager: manager).managerName).map { client in
                    [.integer(Int(client.id)), .text(client.name), .text(privacy.phone(client.phone)),
                     .optionalText(client.email), .optionalText(client.managerName)]
                })
            output.print(report, settings, try global.language())
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show a client's card: contacts, contracts with their status, totals.")

        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: OutputOptions
        @OptionGroup var privacy: PrivacyOptions
        @Argument(help: "The client's id.") var id: Int64

        func run() throws {
            let (ledger, settings) = try global.openLedger()
            let language = try global.language()
            let client = try ledger.client(id: id)
            let contracts = try positionRows(ledger, settings, asOf: try global.businessDate(),
                                             scope: ContractScope(clientID: id))
            var totals = PortfolioSummary()
            contracts.forEach { totals.add($0.position) }
            let card = Report(
                columns: [Column("id"), Column("name"), Column("phone"), Column("email"), Column("inn"),
                          Column("manager"), Column("note"), Column("contract_count"), Column("outstanding"), Column("overdue_amount")],
                rows: [[.integer(Int(client.id)), .text(client.name), .text(privacy.phone(client.phone)),
                        .optionalText(client.email), .optionalText(client.inn), .optionalText(client.managerName),
                        .optionalText(client.note),
                        .integer(totals.totalContracts), .money(totals.outstanding), .money(totals.overdueAmount)]])
            let list = contractListReport(contracts)
            switch output.format {
            case .table:
                output.printRecord(card, settings, language)
                write("\n")
                output.print(list, settings, language)
            case .csv:
                output.print(list, settings, language)
            case .json:
                write(JSONRenderer().renderRecord(card, lists: [("contracts", list)]))
            }
        }
    }
}

/// `--reveal`: show personal data in full.
struct PrivacyOptions: ParsableArguments {
    @Flag(help: "Show phone numbers in full instead of masked.")
    var reveal = false

    func phone(_ phone: String) -> String {
        reveal ? phone : PhoneNumber.masked(phone)
    }
}
