import DolgRules
import GRDB

extension LedgerDatabase {
    /// Imports clients from the columns of `export clients`, all or nothing.
    ///
    /// A client is the same when name and phone match: such a row is skipped, so importing the
    /// same file twice changes nothing. A phone that belongs to a client of another name is an
    /// error naming both. Managers are found by name or created.
    public func importClients(from file: TabularFile, dryRun: Bool, audit: AuditContext,
                              progress: (Int) -> Void = { _ in }) throws(DolgError) -> ImportSummary {
        var summary = ImportSummary()
        try file.recognise(RussianColumns.clients)
        return try writeUnlessUnchanged(audit) { db in
            summary.add(ImportHeader.check(file.columns, known: ClientImportRow.columns,
                                           required: ClientImportRow.requiredColumns))
            guard summary.errorCount == 0 else { return .unchanged(summary) }
            var managers = try ManagerNames(db)
            let byPhone = try db.cachedStatement(sql: "SELECT id, name FROM clients WHERE phone = ? ORDER BY id")
            while let fields = try file.next() {
                if TabularFile.isBlank(fields) { continue }
                summary.rows += 1
                if summary.rows % 1_000 == 0 { progress(summary.rows) }
                var reader = RowReader(line: file.line, fields: fields)
                guard let row = ClientImportRow.read(&reader) else {
                    summary.add(reader.errors)
                    continue
                }
                let holders = try Row.fetchAll(byPhone, arguments: [row.phone.e164])
                if holders.contains(where: { PersonName.same($0["name"], row.name) }) {
                    summary.alreadyThere += 1
                    continue
                }
                if let other = holders.first {
                    summary.add([ImportRowError(line: row.line, column: "phone", value: row.phone.e164,
                                                problem: "belongs to client \(other["id"] as Int64) (\(other["name"] as String)), not \(row.name)",
                                                russian: "это телефон клиента \(other["id"] as Int64) "
                                                    + "(\(other["name"] as String)), а не \(row.name)")])
                    continue
                }
                var managerID: Int64?
                if let name = row.managerName {
                    managerID = try managers.findOrCreate(name, db, &summary)
                }
                try db.cachedStatement(sql: """
                    INSERT INTO clients (name, phone, email, inn, passport, address, kind, time_offset_minutes, manager_id,
                        note, created_on)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """).execute(arguments: [row.name, row.phone.e164, row.email, row.inn, row.passport, row.address,
                                             row.business ? "business" : "person", row.timeOffsetMinutes, managerID,
                                             row.note, audit.today.description])
                let clientID = db.lastInsertedRowID
                for note in row.notes {
                    try db.cachedStatement(sql: "INSERT INTO client_notes (client_id, at, author, text) VALUES (?, ?, ?, ?)")
                        .execute(arguments: [clientID, note.at.description, note.author, note.text])
                }
                summary.count("clients", named: row.name)
            }
            return summary.errorCount > 0 || dryRun ? .unchanged(summary) : .written(summary)
        }
    }
}
