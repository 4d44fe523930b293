import ArgumentParser
import DolgRules
import DolgStorage

/// The words of a change for people: what was changed and which of its fields.
enum ChangeWords {
    static let subjects = ["client": "клиент", "contract": "договор", "manager": "менеджер"]
    static let fields = ["phone": "телефон", "email": "почта", "address": "адрес", "kind": "тип",
                         "time_offset_hours": "разница во времени, ч", "manager": "менеджер", "segment": "сегмент",
                         "name": "имя", "active": "работает"]

    static func record(_ change: RecordChange) -> Cell {
        .words("\(change.subject) \(change.subjectLabel)",
               russian: "\(subjects[change.subject] ?? change.subject) \(change.subjectLabel)")
    }

    static func field(_ change: RecordChange) -> Cell {
        .words(change.field, russian: fields[change.field] ?? change.field)
    }
}

/// What an edit changed, a line per field, or that nothing did.
func tellChanges(_ changes: [RecordChange], _ say: Say) {
    guard !changes.isEmpty else {
        write(say("Nothing to change: every value is already so.\n", "Изменять нечего: всё уже так.\n"))
        return
    }
    for change in changes {
        let (old, new) = (change.oldValue ?? "—", change.newValue ?? "—")
        let subject = ChangeWords.subjects[change.subject] ?? change.subject
        let field = ChangeWords.fields[change.field] ?? change.field
        write(say("\(change.subject) \(change.subjectLabel): \(change.field) \(old) → \(new)\n",
                  "\(subject) \(change.subjectLabel): \(field) \(old) → \(new)\n"))
    }
}

extension ClientCommand {
    /// `dolg client edit CLIENT --phone …`: corrects a client's card, every change in the history.
    struct Edit: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: helpText("Change a client's phone, email, address, kind, time offset, manager or segment.", "Изменить телефон, почту, адрес, тип, разницу во времени, менеджера или сегмент клиента."),
            discussion: helpText("""
                Each change is recorded with its old and new value, the business date and who made it, \
                and shown by `dolg client history`. CLIENT is an id, a phone or a contract number.
                """, """
                Каждое изменение записывается со старым и новым значением, рабочей датой и тем, кто его внёс, \
                и видно в `dolg client history`. CLIENT — это id, телефон или номер договора.
                """))

        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(helpText("The client: id, phone or contract number.", "Клиент: id, телефон или номер договора."))) var client: String
        @Option(help: ArgumentHelp(helpText("The new phone number.", "Новый номер телефона."))) var phone: String?
        @Option(help: ArgumentHelp(helpText("The new email address.", "Новый адрес электронной почты."))) var email: String?
        @Option(help: ArgumentHelp(helpText("The new postal address.", "Новый почтовый адрес."))) var address: String?
        @Option(help: ArgumentHelp(helpText("person or business.", "person (физическое лицо) или business (организация)."))) var kind: String?
        @Option(name: .customLong("time-offset"), parsing: .unconditional,
                help: ArgumentHelp(helpText("The client's clock minus ours, in hours.", "Разница между временем клиента и нашим, в часах."))) var timeOffset: Int?
        @Option(help: ArgumentHelp(helpText("The responsible manager's name.", "Имя ответственного менеджера.")), completion: .custom(Completions.managers)) var manager: String?
        @Option(help: ArgumentHelp(helpText("The segment of every contract of the client.", "Сегмент всех договоров клиента."))) var segment: String?

        func run() throws {
            var edit = ClientEdit()
            edit.phone = try phone.map { text throws(DolgError) in try parsePhone(text, option: "--phone").e164 }
            edit.email = try email.map { text throws(DolgError) in try requireText(text, field: "--email") }
            edit.address = try address.map { text throws(DolgError) in try requireText(text, field: "--address") }
            if let kind {
                guard kind == "person" || kind == "business" else {
                    throw DolgError(.invalidValue, "--kind '\(kind)' is not person or business", remedy: "give person or business")
                        .inRussian("--kind '\(kind)': нужно person или business", remedy: "укажите person или business")
                }
                edit.kind = kind
            }
            edit.timeOffsetMinutes = try timeOffset.map { hours throws(DolgError) in try timeOffsetMinutes(hours) }
            edit.managerName = manager
            edit.segment = segment
            let (ledger, _) = try global.openLedger()
            _ = try global.workingManager(ledger)
            let id = try ledger.clientID(reference: client)
            let changes = try ledger.editClient(id: id, edit, knownSegments: try global.playbooks(ledger).knownSegments,
                                                login: global.login, audit: try global.auditContext())
            tellChanges(changes, Say(language: try global.language()))
        }
    }

    /// `dolg client find TEXT`: the first thing an operator does when a debtor calls back.
    struct Find: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: helpText("Find clients by phone (any spelling), name or part of it, contract number or INN.", "Найти клиентов по телефону (в любой записи), имени или его части, номеру договора или ИНН."))

        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: OutputOptions
        @OptionGroup var privacy: PrivacyOptions
        @Argument(help: ArgumentHelp(helpText("A phone, a surname or part of a name, a contract number or an INN.", "Телефон, фамилия или часть имени, номер договора или ИНН."))) var text: String

        func run() throws {
            let text = try requireText(text, field: "TEXT")
            let (ledger, settings) = try global.openLedger()
            let found = try ledger.findClients(text)
            try privacy.auditReveal(ledger, global)
            let report = Report(
                columns: [Column("id"), Column("name"), Column("phone"), Column("inn"), Column("manager"),
                          Column("contracts"), Column("found_by")],
                rows: found.map { match in
                    [.integer(Int(match.client.id)), .text(match.client.name), .text(privacy.phone(match.client.phone)),
                     .optionalText(match.client.inn), .optionalText(match.client.managerName),
                     .text(match.contracts.joined(separator: " ")), .term(match.foundBy)]
                })
            try output.print(report, settings, try global.language())
        }
    }

    /// `dolg client history CLIENT`: every change made to the client's card and contracts.
    struct History: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: helpText("Changes to a client's card and contracts: what changed, from what, to what, when and by whom.", "Изменения в карточке клиента и его договорах: что изменено, с какого значения на какое, когда и кем."),
            discussion: helpText("The timeline of payments and contacts is `dolg history CONTRACT`.", "Хронология платежей и контактов — в `dolg history CONTRACT`."))

        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: ArgumentHelp(helpText("The client: id, phone or contract number.", "Клиент: id, телефон или номер договора."))) var client: String

        func run() throws {
            let (ledger, settings) = try global.openLedger()
            let id = try ledger.clientID(reference: client)
            let report = Report(
                columns: [Column("date"), Column("record"), Column("field"), Column("old_value"), Column("new_value"),
                          Column("by")],
                rows: try ledger.recordChanges(clientID: id, asOf: try global.businessDate()).map { change in
                    [.date(change.businessDate), ChangeWords.record(change), ChangeWords.field(change),
                     .optionalText(change.oldValue), .optionalText(change.newValue), .text(change.login)]
                })
            try output.print(report, settings, try global.language())
        }
    }
}

extension ContractCommand {
    /// `dolg contract edit N --manager NAME --segment S`: who works a contract, and its playbook.
    struct Edit: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: helpText("Move a contract to another manager or segment; its terms never change.", "Передать договор другому менеджеру или перевести в другой сегмент; условия договора не меняются."),
            discussion: helpText("Each change is in `dolg client history` with its old and new value.", "Каждое изменение видно в `dolg client history` со старым и новым значением."))

        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(helpText("The contract number.", "Номер договора.")), completion: .custom(Completions.contracts)) var number: String
        @Option(help: ArgumentHelp(helpText("The manager who works it from now on.", "Менеджер, который ведёт договор с этого момента.")), completion: .custom(Completions.managers)) var manager: String?
        @Option(help: ArgumentHelp(helpText("The segment whose playbook applies from now on.", "Сегмент, сценарий взыскания которого действует с этого момента."))) var segment: String?

        func run() throws {
            guard manager != nil || segment != nil else {
                throw DolgError(.invalidValue, "nothing to change", remedy: "give --manager NAME or --segment NAME")
                    .inRussian("изменять нечего", remedy: "укажите --manager ИМЯ или --segment ИМЯ")
            }
            let (ledger, _) = try global.openLedger()
            _ = try global.workingManager(ledger)
            let changes = try ledger.editContract(number: number, managerName: manager, segment: segment,
                                                  knownSegments: try global.playbooks(ledger).knownSegments,
                                                  login: global.login, audit: try global.auditContext())
            tellChanges(changes, Say(language: try global.language()))
        }
    }
}

extension ManagerCommand {
    /// `dolg manager rename NAME NEW_NAME`.
    struct Rename: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: helpText("Rename a manager; their clients and history follow.", "Переименовать менеджера; его клиенты и история остаются за ним."))

        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(helpText("The manager's name now.", "Текущее имя менеджера.")), completion: .custom(Completions.managers)) var name: String
        @Argument(help: ArgumentHelp(helpText("The new name.", "Новое имя."))) var newName: String

        func run() throws {
            let newName = try requireText(newName, field: "NEW_NAME")
            let (ledger, _) = try global.openLedger()
            _ = try global.workingManager(ledger)
            try ledger.renameManager(name, to: newName, login: global.login, audit: try global.auditContext())
            write(Say(language: try global.language())("Manager \(name) is now \(newName).\n",
                                                       "Менеджер \(name) теперь \(newName).\n"))
        }
    }

    /// `dolg manager deactivate NAME --to OTHER`: a manager leaves, their clients are handed over.
    struct Deactivate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: helpText("A manager leaves: hand all their clients and contracts to another in one step.", "Менеджер уходит: передать всех его клиентов и договоры другому одной командой."),
            discussion: helpText("Their history stays; they get no work and their login is no longer accepted.", "История менеджера сохраняется; работа ему больше не назначается, его логин больше не принимается."))

        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(helpText("The manager who leaves.", "Уходящий менеджер.")), completion: .custom(Completions.managers)) var name: String
        @Option(help: ArgumentHelp(helpText("The manager who takes their clients.", "Менеджер, который принимает его клиентов.")), completion: .custom(Completions.managers)) var to: String?

        func run() throws {
            let (ledger, _) = try global.openLedger()
            _ = try global.workingManager(ledger)
            let moved = try ledger.deactivateManager(name, handTo: to, login: global.login, audit: try global.auditContext())
            let say = Say(language: try global.language())
            write(say("Manager \(name) deactivated; \(moved.clients) clients and \(moved.contracts) contracts handed to \(to ?? "nobody").\n",
                      "Менеджер \(name) отключён; передано \(to ?? "никому"): клиентов \(moved.clients), договоров \(moved.contracts).\n"))
        }
    }
}
