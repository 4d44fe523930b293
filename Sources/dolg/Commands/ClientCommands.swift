import ArgumentParser
import DolgRules
import DolgStorage

/// `dolg client add|list|show`: the people who owe.
struct ClientCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "client", abstract: helpText("Add, find, show and edit clients.", "Добавить, найти, показать и изменить клиентов."),
        subcommands: [Add.self, List.self, Find.self, Show.self, Edit.self, History.self, Note.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: helpText("Add a client.", "Добавить клиента."))

        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(helpText("The client's full name or company name.", "ФИО клиента или название организации."))) var name: String
        @Option(help: ArgumentHelp(helpText("Phone number; Russian numbers are stored as +7XXXXXXXXXX.", "Номер телефона; российские номера хранятся в виде +7XXXXXXXXXX."))) var phone: String
        @Option(help: ArgumentHelp(helpText("Email address.", "Адрес электронной почты."))) var email: String?
        @Option(help: ArgumentHelp(helpText("Taxpayer number (ИНН, 10 or 12 digits): recognises the client's bank payments.", "ИНН (10 или 12 цифр): по нему узнаются банковские платежи клиента."))) var inn: String?
        @Option(help: ArgumentHelp(helpText("Passport series and number (stored, shown masked).", "Серия и номер паспорта (хранятся, показываются скрытыми)."))) var passport: String?
        @Option(help: ArgumentHelp(helpText("Postal address, for claim letters.", "Почтовый адрес, для претензий."))) var address: String?
        @Flag(help: ArgumentHelp(helpText("A business client: no count limits, contacted in business hours (09:00–18:00 on working days).", "Клиент — организация: без ограничений на число контактов, контакты в рабочее время (09:00–18:00 по рабочим дням)."))) var business = false
        // `.unconditional`: a negative offset (-1 for Kaliningrad) is a value, not an option.
        @Option(name: .customLong("time-offset"), parsing: .unconditional,
                help: ArgumentHelp(helpText("The client's clock minus ours, in hours (2 for Yekaterinburg seen from Moscow, -1 for Kaliningrad).", "Разница между временем клиента и нашим, в часах (2 для Екатеринбурга относительно Москвы, -1 для Калининграда).")))
        var timeOffset: Int = 0
        @Option(help: ArgumentHelp(helpText("The responsible manager's name.", "Имя ответственного менеджера.")), completion: .custom(Completions.managers)) var manager: String?
        @Option(help: ArgumentHelp(helpText("A free-text note.", "Заметка в свободной форме."))) var note: String?

        func run() throws {
            let name = try requireText(name, field: "NAME")
            let phoneNumber = try parsePhone(phone, option: "--phone")
            if let inn, !(inn.count == 10 || inn.count == 12) || !inn.allSatisfy(\.isNumber) {
                throw DolgError(.invalidValue, "--inn '\(inn)' is not an INN", remedy: "an INN has 10 or 12 digits")
                    .inRussian("--inn '\(inn)': это не ИНН", remedy: "в ИНН 10 или 12 цифр")
            }
            var details = ClientDetails()
            details.email = email
            details.inn = inn
            details.passport = passport
            details.address = address
            details.business = business
            details.timeOffsetMinutes = try timeOffsetMinutes(timeOffset)
            details.note = note
            let (ledger, _) = try global.openLedger()
            let client = try ledger.addClient(name: name, phone: phoneNumber.e164, details: details, managerName: manager,
                                              audit: try global.auditContext())
            let say = Say(language: try global.language())
            write(say("Added client \(client.id): \(client.name).\n", "Клиент \(client.id) добавлен: \(client.name).\n"))
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: helpText("List clients.", "Показать список клиентов."))

        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: OutputOptions
        @OptionGroup var privacy: PrivacyOptions
        @Option(help: ArgumentHelp(helpText("Only the clients of this manager.", "Только клиенты этого менеджера.")), completion: .custom(Completions.managers)) var manager: String?

        func run() throws {
            let (ledger, settings) = try global.openLedger()
            let report = Report(
                columns: [Column("id"), Column("name"), Column("phone"), Column("email"), Column("manager")],
                rows: try ledger.clients(managerName: try global.scope(ledger, manager: manager).managerName).map { client in
                    [.integer(Int(client.id)), .text(client.name), .text(privacy.phone(client.phone)),
                     .optionalText(client.email), .optionalText(client.managerName)]
                })
            try privacy.auditReveal(ledger, global)
            try output.print(report, settings, try global.language())
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: helpText("A client's card: contacts, contracts with their status, payment discipline, promises, notes.", "Карточка клиента: контактные данные, договоры и их статус, платёжная дисциплина, обещания оплатить, заметки."),
            discussion: helpText("Phone, passport and address are masked unless --reveal, which is recorded in the audit log.", "Телефон, паспорт и адрес скрыты, если не указан --reveal; его использование записывается в журнал аудита."))

        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: OutputOptions
        @OptionGroup var privacy: PrivacyOptions
        @Argument(help: ArgumentHelp(helpText("The client: id, phone or contract number.", "Клиент: id, телефон или номер договора."))) var client: String

        func run() throws {
            let (ledger, settings) = try global.openLedger()
            let language = try global.language()
            let today = try global.businessDate()
            let id = try ledger.clientID(reference: client)
            let card = try ledger.clientCard(id: id, asOf: today)
            let client = card.client
            let contracts = try positionRows(ledger, settings, asOf: today, scope: ContractScope(clientID: id))
            var totals = PortfolioSummary()
            contracts.forEach { totals.add($0.position) }
            let status = totals.overdueContracts > 0 ? "overdue" : totals.activeContracts > 0 ? "active" : "no open contracts"
            let record = Report(
                columns: [Column("id"), Column("name"), Column("phone"), Column("email"), Column("inn"),
                          Column("passport"), Column("address"), Column("kind"), Column("time_offset"),
                          Column("manager"), Column("note"),
                          Column("status"), Column("contract_count"), Column("outstanding"), Column("overdue_amount"),
                          Column("credit"),
                          Column("closed_contracts"), Column("late_installments"), Column("longest_delay_days"),
                          Column("promises_kept"), Column("promises_broken")],
                rows: [[.integer(Int(client.id)), .text(client.name), .text(privacy.phone(client.phone)),
                        .optionalText(client.email), .optionalText(client.inn), .optionalText(client.passport.map(privacy.passport)),
                        .optionalText(client.address.map(privacy.address)), .term(client.kind),
                        .integer(client.timeOffsetMinutes / 60), .optionalText(client.managerName), .optionalText(client.note), .term(status),
                        .integer(totals.totalContracts), .money(totals.outstanding), .money(totals.overdueAmount),
                        .money(totals.credit),
                        .integer(card.discipline.closedContracts), .integer(card.discipline.lateInstallments),
                        .integer(card.discipline.longestDelayDays), .integer(card.keptPromises),
                        .integer(card.brokenPromises)]])
            let list = contractListReport(contracts)
            let notes = Report(columns: [Column("at"), Column("author"), Column("note")],
                               rows: card.notes.map { [.text($0.at.description), .text($0.author), .text($0.text)] })
            try privacy.auditReveal(ledger, global)
            switch output.format {
            case .table:
                try output.printRecord(record, settings, language)
                write("\n")
                try output.print(list, settings, language)
                if !card.notes.isEmpty {
                    write("\n")
                    try output.print(notes, settings, language)
                }
            case .csv, .xlsx:
                try output.print(list, settings, language)
            case .json:
                write(JSONRenderer().renderRecord(record, lists: [("contracts", list), ("notes", notes)]))
            }
        }
    }

    struct Note: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: helpText("Add a dated note, signed by you, to a client's card.", "Добавить в карточку клиента заметку с датой и вашей подписью."))

        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(helpText("The client's id.", "Номер (id) клиента."))) var id: Int64
        @Argument(help: ArgumentHelp(helpText("The note.", "Текст заметки."))) var text: String

        func run() throws {
            let text = try requireText(text, field: "TEXT")
            let (ledger, _) = try global.openLedger()
            try ledger.addClientNote(clientID: id, text: text, at: try global.businessMoment(), author: global.login,
                                     audit: try global.auditContext())
            write(Say(language: try global.language())("Noted on client \(id).\n", "Заметка к клиенту \(id) записана.\n"))
        }
    }
}

/// `--reveal`: show personal data in full.
struct PrivacyOptions: ParsableArguments {
    @Flag(help: ArgumentHelp(helpText("Show phone numbers, passports and addresses in full instead of masked.", "Показать телефоны, паспорта и адреса полностью, а не скрытыми.")))
    var reveal = false

    /// Records in the audit log who asked to see personal data in full: every command that takes
    /// --reveal calls this once its lookups have succeeded, just before it shows anything, so a
    /// refused command writes nothing.
    func auditReveal(_ ledger: LedgerDatabase, _ global: GlobalOptions) throws {
        if reveal { try ledger.recordAccess(audit: try global.auditContext()) }
    }

    func phone(_ phone: String) -> String {
        reveal ? phone : PhoneNumber.masked(phone)
    }

    func passport(_ passport: String) -> String {
        reveal ? passport : Masking.passport(passport)
    }

    func address(_ address: String) -> String {
        reveal ? address : Masking.address(address)
    }
}
