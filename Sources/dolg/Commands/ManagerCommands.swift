import ArgumentParser
import DolgRules
import DolgStorage
import Foundation

extension StoredManager.Role: ExpressibleByArgument {}

/// `dolg manager add|list`: the people who collect.
struct ManagerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "manager", abstract: helpText("Add, list, rename and deactivate managers.", "Добавить, показать, переименовать и отключить менеджеров."),
        subcommands: [Add.self, List.self, Rename.self, Deactivate.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: helpText("Add a manager.", "Добавить менеджера."))

        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(helpText("The manager's name, unique in the ledger.", "Имя менеджера, уникальное в реестре."))) var name: String
        @Option(help: ArgumentHelp(helpText("manager or head (a head sees every client).", "manager (менеджер) или head (руководитель, видит всех клиентов)."))) var role: StoredManager.Role = .manager
        @Option(help: ArgumentHelp(helpText("The login that identifies this manager.", "Логин, под которым работает этот менеджер."))) var login: String?

        func run() throws {
            let name = try requireText(name, field: "NAME")
            let (ledger, _) = try global.openLedger()
            let manager = try ledger.addManager(name: name, role: role, login: login,
                                                audit: try global.auditContext())
            write(Say(language: try global.language())(
                "Added manager \(manager.id): \(manager.name) (\(manager.role.rawValue)).\n",
                "Менеджер \(manager.id) добавлен: \(manager.name) (\(manager.role == .head ? "руководитель" : "менеджер")).\n"))
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: helpText("List managers.", "Показать список менеджеров."))

        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            let (ledger, settings) = try global.openLedger()
            let figures = try ledger.managerFigures(asOf: try global.businessDate())
            let report = Report(
                columns: [Column("id"), Column("name"), Column("role"), Column("login"), Column("working"), Column("clients"),
                          Column("promises_kept"), Column("promises_broken")],
                rows: try ledger.managers().map { manager in
                    let own = figures[manager.name] ?? ManagerFigures()
                    return [.integer(Int(manager.id)), .text(manager.name), .term(manager.role.rawValue),
                            .optionalText(manager.login), .term(manager.active ? "yes" : "no"), .integer(own.clients), .integer(own.keptPromises),
                            .integer(own.brokenPromises)]
                })
            try output.print(report, settings, try global.language())
        }
    }
}

/// The text trimmed, or `invalid_value` naming the field when it is empty.
func requireText(_ text: String, field: String) throws(DolgError) -> String {
    let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
    guard !trimmed.isEmpty else {
        throw DolgError(.invalidValue, "\(field) is empty", remedy: "give a value for \(field)")
            .inRussian("\(field): пустое значение", remedy: "укажите значение для \(field)")
    }
    return trimmed
}
