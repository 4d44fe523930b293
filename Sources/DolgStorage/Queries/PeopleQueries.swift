import DolgRules
import GRDB

extension LedgerDatabase {
    public func managers() throws(DolgError) -> [StoredManager] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT id, name, role, login FROM managers ORDER BY name").map { row in
                StoredManager(id: row["id"], name: row["name"],
                              role: StoredManager.Role(rawValue: row["role"]) ?? .manager, login: row["login"])
            }
        }
    }

    static let clientColumns = """
        clients.id, clients.name, clients.phone, clients.email, clients.inn, clients.note, clients.passport,
        clients.address, clients.kind, clients.time_offset_minutes, client_managers.name AS manager_name
        FROM clients LEFT JOIN managers AS client_managers ON client_managers.id = clients.manager_id
        """

    /// Clients in id order, optionally only those of one manager.
    public func clients(managerName: String? = nil) throws(DolgError) -> [StoredClient] {
        try read { db in
            if let managerName { _ = try managerNamed(managerName, db) }
            return try Row.fetchAll(
                db, sql: "SELECT \(Self.clientColumns) WHERE (?1 IS NULL OR client_managers.name = ?1) ORDER BY clients.id",
                arguments: [managerName]
            ).map { $0.client() }
        }
    }

    /// The client with this id, or `unknown_client`.
    public func client(id: Int64) throws(DolgError) -> StoredClient {
        try read { db in try clientWithID(id, db) }
    }

    func clientWithID(_ id: Int64, _ db: Database) throws -> StoredClient {
        guard let row = try Row.fetchOne(db, sql: "SELECT \(Self.clientColumns) WHERE clients.id = ?",
                                         arguments: [id]) else {
            throw DolgError(.unknownClient, "client \(id) does not exist",
                            remedy: "see `dolg client list` for client ids")
        }
        return row.client()
    }
}
