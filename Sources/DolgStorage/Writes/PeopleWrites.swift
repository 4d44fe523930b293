import DolgRules
import GRDB

extension LedgerDatabase {
    /// Adds a manager; names and logins are unique.
    @discardableResult
    public func addManager(name: String, role: StoredManager.Role, login: String?,
                           audit: AuditContext) throws(DolgError) -> StoredManager {
        try write(audit) { db in
            if try Bool.fetchOne(db, sql: "SELECT 1 FROM managers WHERE name = ?", arguments: [name]) == true {
                throw DolgError(.duplicateManager, "a manager named '\(name)' already exists",
                                remedy: "choose another name, or use the existing manager")
            }
            if let login, try Bool.fetchOne(db, sql: "SELECT 1 FROM managers WHERE login = ?",
                                            arguments: [login]) == true {
                throw DolgError(.duplicateLogin, "--login '\(login)' belongs to another manager",
                                remedy: "choose another login")
            }
            try db.execute(sql: "INSERT INTO managers (name, role, login) VALUES (?, ?, ?)",
                           arguments: [name, role.rawValue, login])
            return StoredManager(id: db.lastInsertedRowID, name: name, role: role, login: login)
        }
    }

    /// Adds a client and returns it with its new id.
    @discardableResult
    public func addClient(name: String, phone: String, email: String?, inn: String? = nil, managerName: String?,
                          note: String?, audit: AuditContext) throws(DolgError) -> StoredClient {
        try write(audit) { db in
            let managerID = try managerNamed(managerName, db)
            try db.execute(
                sql: "INSERT INTO clients (name, phone, email, inn, manager_id, note, created_on) VALUES (?, ?, ?, ?, ?, ?, ?)",
                arguments: [name, phone, email, inn, managerID, note, audit.today.description])
            return StoredClient(id: db.lastInsertedRowID, name: name, phone: phone, email: email, inn: inn,
                                managerName: managerName, note: note)
        }
    }

    /// The id of the manager named `name`, nil for no name; unknown names are an error.
    func managerNamed(_ name: String?, _ db: Database) throws -> Int64? {
        guard let name else { return nil }
        guard let id = try Int64.fetchOne(db, sql: "SELECT id FROM managers WHERE name = ?", arguments: [name]) else {
            throw DolgError(.unknownManager, "--manager '\(name)' is not a known manager",
                            remedy: "see `dolg manager list`, or add one with `dolg manager add`")
        }
        return id
    }
}
