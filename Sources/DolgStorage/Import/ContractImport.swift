import DolgRules
import GRDB

extension LedgerDatabase {
    /// Imports contracts from the columns of `export contracts`, all or nothing.
    ///
    /// Clients are found by phone or created (a phone of a client with another name is a row
    /// error: people are never merged silently); managers are found by name, compared trimmed,
    /// with spaces collapsed and case ignored, or created. A
    /// contract number already in the ledger with the same terms is skipped, so importing
    /// the same file twice changes nothing; with other terms it is an error.
    public func importContracts(from file: TabularFile, schedule scheduleFile: TabularFile? = nil, dryRun: Bool,
                                knownSegments: Set<String>? = nil, audit: AuditContext,
                                progress: (Int) -> Void = { _ in }) throws(DolgError)
        -> ImportSummary {
        var summary = ImportSummary()
        var customLines: [String: [CustomSchedule.Line]] = [:]
        if let scheduleFile {
            customLines = try Self.readSchedules(scheduleFile, &summary)
        }
        try file.recognise(RussianColumns.contracts)
        return try writeUnlessUnchanged(audit) { db in
            summary.add(ImportHeader.check(file.columns, known: ContractImportRow.columns,
                                           required: ContractImportRow.requiredColumns))
            guard summary.errorCount == 0 else { return .unchanged(summary) }
            var scheduled = Set<String>()
            var managers = try ManagerNames(db)
            var clients: [String: (id: Int64, name: String)] = [:]
            while let fields = try file.next() {
                if TabularFile.isBlank(fields) { continue }
                summary.rows += 1
                if summary.rows % 1_000 == 0 { progress(summary.rows) }
                var reader = RowReader(line: file.line, fields: fields)
                guard let row = ContractImportRow.read(&reader, today: audit.today) else {
                    summary.add(reader.errors)
                    continue
                }
                scheduled.insert(row.number)
                let plan: (terms: ScheduleTerms, installments: [Installment])
                do {
                    plan = try row.schedule(customLines: customLines[row.number], today: audit.today)
                } catch let error as DolgError {
                    summary.add([ImportRowError(line: row.line, column: "period", value: "custom",
                                                problem: error.problem, russian: error.russian?.problem)])
                    continue
                }
                // The schedule file may list generated installments too (`export schedule` lists every
                // contract's): they must be the ones the terms give.
                if !row.isCustom, let lines = customLines[row.number],
                   lines.map({ [$0.dueDate.description, $0.amount.decimalString] })
                    != plan.installments.filter({ $0.seq > 0 }).map({ [$0.dueDate.description, $0.amount.decimalString] }) {
                    summary.add([ImportRowError(line: row.line, column: "period", value: row.number,
                                                problem: "the schedule file's installments differ from those its terms give",
                                                russian: "платежи по графику в файле графика не совпадают с условиями договора")])
                    continue
                }
                let byNumber = try db.cachedStatement(sql: "\(Self.contractSelect) WHERE contracts.number = ?")
                if let existing = try Row.fetchOne(byNumber, arguments: [row.number]) {
                    let contract = try existing.contract()
                    if contract.terms == plan.terms && contract.client.phone == row.phone.e164 {
                        summary.alreadyThere += 1
                    } else {
                        summary.add([ImportRowError(line: row.line, column: "number", value: row.number,
                                                    problem: "already in the ledger with other terms",
                                                    russian: "уже есть в реестре с другими условиями")])
                    }
                    continue
                }
                if let segment = row.segment {
                    do {
                        try Self.checkKnownSegment(segment, knownSegments)
                    } catch {
                        summary.add([ImportRowError(line: row.line, column: "segment", value: segment,
                                                    problem: "not a segment of the playbook (\(knownSegments?.sorted().joined(separator: ", ") ?? ""))",
                                                    russian: "такого сегмента нет в сценарии взыскания "
                                                        + "(\(knownSegments?.sorted().joined(separator: ", ") ?? ""))")])
                        continue
                    }
                }
                if clients[row.phone.e164] == nil {
                    clients[row.phone.e164] = try existingClient(phone: row.phone.e164, db)
                }
                if let holder = clients[row.phone.e164], !PersonName.same(holder.name, row.clientName) {
                    summary.add([ImportRowError(line: row.line, column: "phone", value: row.phone.e164,
                                                problem: "belongs to client \(holder.id) (\(holder.name)), not \(row.clientName)",
                                                russian: "это телефон клиента \(holder.id) (\(holder.name)), а не \(row.clientName)")])
                    continue
                }
                var managerID: Int64?
                if let name = row.managerName { managerID = try managers.findOrCreate(name, db, &summary) }
                if clients[row.phone.e164] == nil {
                    clients[row.phone.e164] = (try createClient(row, managerID: managerID, db, audit, &summary), row.clientName)
                }
                let clientID = clients[row.phone.e164]!.id
                let contractID = try insertContract(db, number: row.number, clientID: clientID, managerID: managerID,
                                       terms: plan.terms, segment: row.segment, installments: plan.installments,
                                       customSchedule: row.isCustom,
                                       dailyPenaltyRate: row.dailyPenaltyRate, audit: audit)
                if let termination = row.termination {
                    try db.cachedStatement(sql: """
                        INSERT INTO terminations (contract_id, date, reason, recorded_at) VALUES (?, ?, ?, ?)
                        """).execute(arguments: [contractID, termination.date.description, termination.reason,
                                                 audit.timestamp])
                }
                summary.count("contracts")
            }
            for (number, lines) in customLines where !scheduled.contains(number) {
                summary.add([ImportRowError(line: lines[0].lineNumber, column: "contract", value: number,
                                            problem: "not a contract of \(file.name)",
                                            russian: "такого договора нет в \(file.name)").in(scheduleFile!.name)])
            }
            return summary.errorCount > 0 || dryRun ? .unchanged(summary) : .written(summary)
        }
    }

    /// The schedule file's lines by contract number; its problems go to the summary, named by file.
    static func readSchedules(_ file: TabularFile, _ summary: inout ImportSummary) throws(DolgError)
        -> [String: [CustomSchedule.Line]] {
        var lines: [String: [CustomSchedule.Line]] = [:]
        let headerErrors = ImportHeader.check(file.columns, known: ScheduleImportRow.columns,
                                              required: ScheduleImportRow.requiredColumns)
        summary.add(headerErrors.map { $0.in(file.name) })
        guard headerErrors.isEmpty else { return [:] }
        while let fields = try file.next() {
            if TabularFile.isBlank(fields) { continue }
            var reader = RowReader(line: file.line, fields: fields)
            if let (contract, line) = ScheduleImportRow.read(&reader) {
                lines[contract, default: []].append(line)
            }
            summary.add(reader.errors.map { $0.in(file.name) })
        }
        return lines
    }

    /// The client who has this phone, if any (the first, when an older ledger has several).
    private func existingClient(phone: String, _ db: Database) throws -> (id: Int64, name: String)? {
        try Row.fetchOne(db.cachedStatement(sql: "SELECT id, name FROM clients WHERE phone = ? ORDER BY id LIMIT 1"),
                         arguments: [phone]).map { ($0["id"], $0["name"]) }
    }

    private func createClient(_ row: ContractImportRow, managerID: Int64?, _ db: Database, _ audit: AuditContext,
                              _ summary: inout ImportSummary) throws -> Int64 {
        try db.cachedStatement(sql: """
            INSERT INTO clients (name, phone, email, inn, manager_id, created_on) VALUES (?, ?, ?, ?, ?, ?)
            """).execute(arguments: [row.clientName, row.phone.e164, row.email, row.inn, managerID,
                                     audit.today.description])
        summary.count("clients", named: row.clientName)
        return db.lastInsertedRowID
    }
}

/// The ledger's managers by the key of their name, for imports: ` Пётр  волков ` is Пётр Волков.
struct ManagerNames {
    private var ids: [String: Int64] = [:]

    init(_ db: Database) throws {
        for row in try Row.fetchAll(db, sql: "SELECT id, name FROM managers ORDER BY id") {
            let key = PersonName.key(row["name"])
            if ids[key] == nil { ids[key] = row["id"] }
        }
    }

    /// The manager's id, created (named as written, spaces tidied) when no name has the same key.
    mutating func findOrCreate(_ name: String, _ db: Database, _ summary: inout ImportSummary) throws -> Int64 {
        let key = PersonName.key(name)
        if let id = ids[key] { return id }
        let tidy = PersonName.tidy(name)
        try db.execute(sql: "INSERT INTO managers (name, role) VALUES (?, 'manager')", arguments: [tidy])
        summary.count("managers", named: tidy)
        ids[key] = db.lastInsertedRowID
        return db.lastInsertedRowID
    }
}
