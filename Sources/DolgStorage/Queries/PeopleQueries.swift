import DolgRules
import GRDB

extension LedgerDatabase {
    public func managers() throws(DolgError) -> [StoredManager] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT id, name, role, login, active FROM managers ORDER BY name").map { row in
                StoredManager(id: row["id"], name: row["name"],
                              role: StoredManager.Role(rawValue: row["role"]) ?? .manager, login: row["login"],
                              active: row["active"])
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

    /// Every client's notes, oldest first, by client id: for the export, in one query.
    public func clientNotes() throws(DolgError) -> [Int64: [ClientNoteLine]] {
        try read { db in
            var notes: [Int64: [ClientNoteLine]] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT client_id, at, author, text FROM client_notes ORDER BY id") {
                guard let at = BusinessMoment.parse(row["at"]) else { continue }
                notes[row["client_id"], default: []].append(ClientNoteLine(at: at, author: row["author"], text: row["text"]))
            }
            return notes
        }
    }

    func clientWithID(_ id: Int64, _ db: Database) throws -> StoredClient {
        guard let row = try Row.fetchOne(db, sql: "SELECT \(Self.clientColumns) WHERE clients.id = ?",
                                         arguments: [id]) else {
            throw DolgError(.unknownClient, "client \(id) does not exist",
                            remedy: "see `dolg client list` for client ids")
                .inRussian("клиента \(id) нет", remedy: "номера клиентов: `dolg client list`")
        }
        return row.client()
    }
}

/// A manager's clients and how their clients' promises turned out.
public struct ManagerFigures: Sendable {
    public var clients = 0
    public var keptPromises = 0
    public var brokenPromises = 0

    public init() {}
}

extension LedgerDatabase {
    /// Per manager name, as of a date: clients, and promises kept and broken on the contracts
    /// they are responsible for.
    public func managerFigures(asOf: CivilDate) throws(DolgError) -> [String: ManagerFigures] {
        try read { db in
            var figures: [String: ManagerFigures] = [:]
            for row in try Row.fetchAll(db, sql: """
                SELECT managers.name, count(clients.id) AS clients FROM managers
                LEFT JOIN clients ON clients.manager_id = managers.id GROUP BY managers.id
                """) {
                figures[row["name"], default: ManagerFigures()].clients = row["clients"]
            }
            let promises = try Row.fetchCursor(db, sql: """
                SELECT \(Self.touchColumns), responsible.name AS responsible
                FROM touches LEFT JOIN managers ON managers.id = touches.manager_id
                JOIN contracts ON contracts.id = touches.contract_id
                JOIN clients ON clients.id = contracts.client_id
                JOIN managers AS responsible ON responsible.id = coalesce(contracts.manager_id, clients.manager_id)
                WHERE touches.promise_date IS NOT NULL AND substr(touches.at, 1, 10) <= :asOf
                """, arguments: ["asOf": asOf.description])
            while let row = try promises.next() {
                let name: String = row["responsible"]
                switch try row.touch().promise?.state(asOf: asOf) {
                case .kept: figures[name, default: ManagerFigures()].keptPromises += 1
                case .broken: figures[name, default: ManagerFigures()].brokenPromises += 1
                default: break
                }
            }
            return figures
        }
    }
}
