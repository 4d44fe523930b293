import DolgRules
import GRDB

extension LedgerDatabase {
    /// Adds a manager; names and logins are unique.
    @discardableResult
    public func addManager(name: String, role: StoredManager.Role, login: String?,
                           audit: AuditContext) throws(DolgError) -> StoredManager {
        try Self.checkIdentifier(name, "--name", russian: "имя")
        if let login { try Self.checkIdentifier(login, "--login", russian: "логин") }
        return try write(audit) { db in
            if try Bool.fetchOne(db, sql: "SELECT 1 FROM managers WHERE name = ?", arguments: [name]) == true {
                throw DolgError(.duplicateManager, "a manager named '\(name)' already exists",
                                remedy: "choose another name, or use the existing manager")
                    .inRussian("менеджер '\(name)' уже есть", remedy: "выберите другое имя или работайте с существующим менеджером")
            }
            if let login, try Bool.fetchOne(db, sql: "SELECT 1 FROM managers WHERE login = ?",
                                            arguments: [login]) == true {
                throw DolgError(.duplicateLogin, "--login '\(login)' belongs to another manager",
                                remedy: "choose another login")
                    .inRussian("--login '\(login)' уже у другого менеджера", remedy: "выберите другой логин")
            }
            try db.execute(sql: "INSERT INTO managers (name, role, login) VALUES (?, ?, ?)",
                           arguments: [name, role.rawValue, login])
            return StoredManager(id: db.lastInsertedRowID, name: name, role: role, login: login)
        }
    }

    /// Adds a client and returns it with its new id.
    @discardableResult
    public func addClient(name: String, phone: String, details: ClientDetails = ClientDetails(), managerName: String?,
                          audit: AuditContext) throws(DolgError) -> StoredClient {
        try Self.checkIdentifier(name, "--name", russian: "имя")
        return try write(audit) { db in
            let managerID = try managerName.map { name in try activeManager(named: name, db) }
            try db.execute(sql: """
                INSERT INTO clients (name, phone, email, inn, passport, address, kind, time_offset_minutes, manager_id,
                    note, created_on)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [name, phone, details.email, details.inn, details.passport, details.address,
                                 details.business ? "business" : "person", details.timeOffsetMinutes, managerID,
                                 details.note, audit.today.description])
            return try clientWithID(db.lastInsertedRowID, db)
        }
    }

    /// Adds a dated, signed note to a client's card.
    public func addClientNote(clientID: Int64, text: String, at: BusinessMoment, author: String,
                              audit: AuditContext) throws(DolgError) {
        try write(audit) { db in
            _ = try clientWithID(clientID, db)
            try db.execute(sql: "INSERT INTO client_notes (client_id, at, author, text) VALUES (?, ?, ?, ?)",
                           arguments: [clientID, at.description, author, text])
        }
    }

    /// Writes nothing but the audit row: for reads that must leave a trace, such as revealing personal data.
    public func recordAccess(audit: AuditContext) throws(DolgError) {
        try write(audit) { _ in }
    }

    /// The id of the manager named `name`, nil for no name; unknown names are an error.
    func managerNamed(_ name: String?, _ db: Database) throws -> Int64? {
        guard let name else { return nil }
        guard let id = try Int64.fetchOne(db, sql: "SELECT id FROM managers WHERE name = ?", arguments: [name]) else {
            throw DolgError(.unknownManager, "--manager '\(name)' is not a known manager",
                            remedy: "see `dolg manager list`, or add one with `dolg manager add`")
                .inRussian("менеджера '\(name)' нет в реестре", remedy: "см. `dolg manager list` или добавьте: `dolg manager add`")
        }
        return id
    }

    /// Refuses a segment no contract is in: a typo would otherwise give a report of zeros.
    func checkSegment(_ segment: String?, _ db: Database) throws {
        guard let segment else { return }
        let exists = try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM contracts WHERE segment = ?)",
                                       arguments: [segment])
        guard exists != true else { return }
        let inUse = try String.fetchAll(
            db, sql: "SELECT DISTINCT segment FROM contracts WHERE segment IS NOT NULL ORDER BY 1").joined(separator: ", ")
        throw DolgError(.invalidValue, "no contract is in segment '\(segment)'",
                        remedy: inUse.isEmpty ? "no contract has a segment yet" : "segments in use: \(inUse)")
            .inRussian("нет договоров в сегменте '\(segment)'",
                       remedy: inUse.isEmpty ? "ни у одного договора нет сегмента" : "сегменты: \(inUse)")
    }

    /// Refuses a number or a name that `IdentifierText` says cannot be one.
    static func checkIdentifier(_ text: String, _ option: String, russian: String) throws(DolgError) {
        guard let problem = IdentifierText.problem(text) else { return }
        let shown = ImportRowError.shown(text)
        throw DolgError(.invalidValue, "\(option) '\(shown)' \(problem.english)",
                        remedy: "type it again with letters, digits and punctuation only")
            .inRussian("\(option) '\(shown)': \(russian) — \(problem.russian)",
                       remedy: "наберите заново: буквы, цифры и знаки препинания")
    }
}
