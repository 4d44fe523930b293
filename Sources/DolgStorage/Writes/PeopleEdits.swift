import DolgRules
import GRDB

/// Changes to a client's card; nil leaves a field as it is.
public struct ClientEdit: Sendable {
    public var phone: String?
    public var email: String?
    public var address: String?
    /// `person` or `business`.
    public var kind: String?
    public var timeOffsetMinutes: Int?
    public var managerName: String?
    /// Set on every contract of the client.
    public var segment: String?

    public init() {}
}

/// One change to a record, as the history shows it.
public struct RecordChange: Sendable {
    public let subject: String
    public let subjectLabel: String
    public let field: String
    public let oldValue: String?
    public let newValue: String?
    public let businessDate: CivilDate
    public let login: String
}

extension LedgerDatabase {
    /// Changes a client's card. Every field that changes is one row of `record_changes` with its
    /// old and new value, so the history shows who changed what and when; nothing else is rewritten.
    /// Returns the changes made (none when every value was already so).
    @discardableResult
    public func editClient(id: Int64, _ edit: ClientEdit, knownSegments: Set<String>?, login: String,
                           audit: AuditContext) throws(DolgError) -> [RecordChange] {
        try write(audit) { db in
            let client = try clientWithID(id, db)
            var changes: [RecordChange] = []
            func change(_ column: String, _ field: String, old: String?, new: String?, stored: (any DatabaseValueConvertible)?) throws {
                guard old != new else { return }
                try db.execute(sql: "UPDATE clients SET \(column) = ? WHERE id = ?", arguments: [stored, id])
                changes.append(try logChange(db, clientID: id, subject: "client", subjectID: id, field: field,
                                             old: old, new: new, login: login, audit: audit, label: client.name))
            }
            if let phone = edit.phone { try change("phone", "phone", old: client.phone, new: phone, stored: phone) }
            if let email = edit.email { try change("email", "email", old: client.email, new: email, stored: email) }
            if let address = edit.address { try change("address", "address", old: client.address, new: address, stored: address) }
            if let kind = edit.kind { try change("kind", "kind", old: client.kind, new: kind, stored: kind) }
            if let offset = edit.timeOffsetMinutes {
                try change("time_offset_minutes", "time_offset_hours", old: String(client.timeOffsetMinutes / 60),
                           new: String(offset / 60), stored: offset)
            }
            if let name = edit.managerName {
                let managerID = try activeManager(named: name, db)
                try change("manager_id", "manager", old: client.managerName, new: name, stored: managerID)
            }
            if let segment = edit.segment {
                try Self.checkKnownSegment(segment, knownSegments)
                for row in try Row.fetchAll(db, sql: "SELECT id, number, segment FROM contracts WHERE client_id = ? ORDER BY id",
                                            arguments: [id]) {
                    let old: String? = row["segment"]
                    guard old != segment else { continue }
                    try db.execute(sql: "UPDATE contracts SET segment = ? WHERE id = ?", arguments: [segment, row["id"] as Int64])
                    changes.append(try logChange(db, clientID: id, subject: "contract", subjectID: row["id"], field: "segment",
                                                 old: old, new: segment, login: login, audit: audit, label: row["number"]))
                }
            }
            return changes
        }
    }

    /// Moves a contract to another manager or segment (its terms never change).
    @discardableResult
    public func editContract(number: String, managerName: String?, segment: String?, knownSegments: Set<String>?,
                             login: String, audit: AuditContext) throws(DolgError) -> [RecordChange] {
        try write(audit) { db in
            let contract = try contractNumbered(number, db)
            guard let row = try Row.fetchOne(db, sql: """
                SELECT contracts.segment, contract_managers.name AS manager FROM contracts
                LEFT JOIN managers AS contract_managers ON contract_managers.id = contracts.manager_id WHERE contracts.id = ?
                """, arguments: [contract.id]) else { return [] }
            var changes: [RecordChange] = []
            if let managerName {
                let managerID = try activeManager(named: managerName, db)
                let old: String? = row["manager"]
                if old != managerName {
                    try db.execute(sql: "UPDATE contracts SET manager_id = ? WHERE id = ?", arguments: [managerID, contract.id])
                    changes.append(try logChange(db, clientID: contract.client.id, subject: "contract", subjectID: contract.id,
                                                 field: "manager", old: old, new: managerName, login: login, audit: audit,
                                                 label: number))
                }
            }
            if let segment {
                try Self.checkKnownSegment(segment, knownSegments)
                let old: String? = row["segment"]
                if old != segment {
                    try db.execute(sql: "UPDATE contracts SET segment = ? WHERE id = ?", arguments: [segment, contract.id])
                    changes.append(try logChange(db, clientID: contract.client.id, subject: "contract", subjectID: contract.id,
                                                 field: "segment", old: old, new: segment, login: login, audit: audit,
                                                 label: number))
                }
            }
            return changes
        }
    }

    /// Renames a manager: their clients, contracts and history follow the new name.
    public func renameManager(_ name: String, to newName: String, login: String, audit: AuditContext) throws(DolgError) {
        try Self.checkIdentifier(newName, "NEW_NAME", russian: "имя")
        try write(audit) { db in
            guard let id = try managerNamed(name, db) else { return }
            if try Bool.fetchOne(db, sql: "SELECT 1 FROM managers WHERE name = ?", arguments: [newName]) == true {
                throw DolgError(.duplicateManager, "a manager named '\(newName)' already exists", remedy: "choose another name")
                    .inRussian("менеджер '\(newName)' уже есть", remedy: "выберите другое имя")
            }
            try db.execute(sql: "UPDATE managers SET name = ? WHERE id = ?", arguments: [newName, id])
            _ = try logChange(db, clientID: nil, subject: "manager", subjectID: id, field: "name", old: name, new: newName,
                              login: login, audit: audit, label: newName)
        }
    }

    /// A manager leaves: they get no more work and cannot be named as the one working; their
    /// clients and the contracts assigned to them go to `handTo`, in the same transaction, each
    /// move in the history. A manager with clients cannot leave without someone to take them.
    /// Returns how many clients and contracts moved.
    @discardableResult
    public func deactivateManager(_ name: String, handTo: String?, login: String,
                                  audit: AuditContext) throws(DolgError) -> (clients: Int, contracts: Int) {
        try write(audit) { db in
            guard let id = try managerNamed(name, db) else { return (0, 0) }
            let clients = try Row.fetchAll(db, sql: "SELECT id, name FROM clients WHERE manager_id = ? ORDER BY id", arguments: [id])
            let contracts = try Row.fetchAll(db, sql: "SELECT id, number, client_id FROM contracts WHERE manager_id = ? ORDER BY id",
                                             arguments: [id])
            var targetID: Int64?
            if let handTo {
                guard handTo != name else {
                    throw DolgError(.invalidValue, "--to names the manager who is leaving", remedy: "name another manager")
                        .inRussian("--to: это тот же менеджер", remedy: "укажите другого менеджера")
                }
                targetID = try activeManager(named: handTo, db)
            } else if !clients.isEmpty || !contracts.isEmpty {
                throw DolgError(.invalidValue, "\(name) has \(clients.count) clients and \(contracts.count) contracts of their own",
                                remedy: "hand them to another manager with --to NAME")
                    .inRussian("у менеджера \(name) клиентов: \(clients.count), договоров: \(contracts.count)",
                               remedy: "передайте их другому менеджеру: --to ИМЯ")
            }
            try db.execute(sql: "UPDATE managers SET active = 0 WHERE id = ?", arguments: [id])
            _ = try logChange(db, clientID: nil, subject: "manager", subjectID: id, field: "active", old: "yes", new: "no",
                              login: login, audit: audit, label: name)
            for client in clients {
                try db.execute(sql: "UPDATE clients SET manager_id = ? WHERE id = ?", arguments: [targetID, client["id"] as Int64])
                _ = try logChange(db, clientID: client["id"], subject: "client", subjectID: client["id"], field: "manager",
                                  old: name, new: handTo, login: login, audit: audit, label: client["name"])
            }
            for contract in contracts {
                try db.execute(sql: "UPDATE contracts SET manager_id = ? WHERE id = ?", arguments: [targetID, contract["id"] as Int64])
                _ = try logChange(db, clientID: contract["client_id"], subject: "contract", subjectID: contract["id"],
                                  field: "manager", old: name, new: handTo, login: login, audit: audit, label: contract["number"])
            }
            return (clients.count, contracts.count)
        }
    }

    /// A client's changes (and their contracts'), oldest first, up to a business date.
    public func recordChanges(clientID: Int64, asOf: CivilDate) throws(DolgError) -> [RecordChange] {
        try read { db in try recordChanges(db, clientID: clientID, asOf: asOf) }
    }

    func recordChanges(_ db: Database, clientID: Int64, asOf: CivilDate) throws -> [RecordChange] {
        try Row.fetchAll(db, sql: """
            SELECT record_changes.*, CASE subject WHEN 'contract' THEN (SELECT number FROM contracts WHERE id = subject_id)
                                                  ELSE (SELECT name FROM clients WHERE id = subject_id) END AS label
            FROM record_changes WHERE client_id = ? AND business_date <= ? ORDER BY id
            """, arguments: [clientID, asOf.description]).map { row in
            RecordChange(subject: row["subject"], subjectLabel: row["label"] ?? "", field: row["field"],
                         oldValue: row["old_value"], newValue: row["new_value"],
                         businessDate: try row.civilDate("business_date"), login: row["login"])
        }
    }

    private func logChange(_ db: Database, clientID: Int64?, subject: String, subjectID: Int64, field: String, old: String?,
                           new: String?, login: String, audit: AuditContext, label: String) throws -> RecordChange {
        try db.execute(sql: """
            INSERT INTO record_changes (client_id, subject, subject_id, field, old_value, new_value, business_date, login,
                recorded_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [clientID, subject, subjectID, field, old, new, audit.today.description, login, audit.timestamp])
        return RecordChange(subject: subject, subjectLabel: label, field: field, oldValue: old, newValue: new,
                            businessDate: audit.today, login: login)
    }

    /// The id of a manager who still works here, or why not.
    func activeManager(named name: String, _ db: Database) throws -> Int64 {
        let id = try managerNamed(name, db)!
        if try Bool.fetchOne(db, sql: "SELECT active FROM managers WHERE id = ?", arguments: [id]) == false {
            throw DolgError(.unknownManager, "--manager '\(name)' no longer works here",
                            remedy: "see the managers who do in `dolg manager list`")
                .inRussian("менеджер '\(name)' отключён", remedy: "действующие менеджеры: `dolg manager list`")
        }
        return id
    }

    /// Refuses a segment the playbook does not name: a typo would silently get the default ladder.
    /// nil for `known` means segments are free labels (no playbook names any).
    public static func checkKnownSegment(_ segment: String, _ known: Set<String>?) throws(DolgError) {
        try checkIdentifier(segment, "--segment", russian: "сегмент")
        guard let known, !known.contains(segment) else { return }
        let list = known.sorted().joined(separator: ", ")
        throw DolgError(.unknownSegment, "segment '\(segment)' is not in the playbook (segments: \(list))",
                        remedy: "use one of them, or add [segments.\(segment)] to the playbook and import it")
            .inRussian("сегмента '\(segment)' нет в сценарии (есть: \(list))",
                       remedy: "укажите один из них или добавьте [segments.\(segment)] в сценарий и импортируйте его")
    }
}
