import DolgRules
import GRDB

extension LedgerDatabase {
    /// Imports payments from `contract,date,amount,reference,method` rows, all or nothing.
    ///
    /// Each payment is recorded once however often the file is imported: a row with a
    /// reference is the payment with that reference; a row with an `occurrence` (as `export
    /// payments` writes) is already there when the ledger holds that many payments of the
    /// contract on that date of that amount (reversed ones included: a reversal is not undone by
    /// an import); any other row is keyed by its contract, date, amount and how many identical
    /// rows came before it in the file.
    /// With any bad row, or `dryRun`, nothing is written and the summary says why or what
    /// would have been done.
    public func importPayments(from file: TabularFile, dryRun: Bool, audit: AuditContext,
                               progress: (Int) -> Void = { _ in }) throws(DolgError) -> ImportSummary {
        try file.recognise(RussianColumns.payments)
        return try writeUnlessUnchanged(audit) { db in
            var summary = ImportSummary()
            summary.add(ImportHeader.check(file.columns, known: PaymentImportRow.columns,
                                           required: PaymentImportRow.requiredColumns))
            guard summary.errorCount == 0 else { return .unchanged(summary) }
            var contracts = try ContractLookup(db)
            let byReference = try db.makeStatement(sql: "SELECT contract_id, date, amount FROM payments WHERE reference = ?")
            let byNaturalKey = try db.makeStatement(sql: "SELECT 1 FROM payments WHERE natural_key = ?")
            let identical = try db.makeStatement(sql: """
                SELECT count(*) FROM payments WHERE contract_id = ? AND date = ? AND amount = ? AND kind = 'payment'
                """)
            let insert = try db.makeStatement(sql: """
                INSERT INTO payments (contract_id, kind, date, amount, method, reference, natural_key, recorded_at)
                VALUES (?, 'payment', ?, ?, ?, ?, ?, ?)
                """)
            // Identical rows without a reference are told apart by their place among their twins in
            // the file. The count lives in a temporary table, so memory does not grow with the file.
            try db.execute(sql: "CREATE TEMP TABLE IF NOT EXISTS import_occurrences (identity TEXT PRIMARY KEY, seen INTEGER NOT NULL)")
            try db.execute(sql: "DELETE FROM import_occurrences")
            let occurrence = try db.makeStatement(sql: """
                INSERT INTO import_occurrences (identity, seen) VALUES (?, 1)
                ON CONFLICT (identity) DO UPDATE SET seen = seen + 1 RETURNING seen
                """)
            var received = ReceivedTotals()
            while let fields = try file.next() {
                if TabularFile.isBlank(fields) { continue }
                summary.rows += 1
                if summary.rows % 10_000 == 0 { progress(summary.rows) }
                var reader = RowReader(line: file.line, fields: fields)
                guard let row = PaymentImportRow.read(&reader) else {
                    summary.add(reader.errors)
                    continue
                }
                guard let contract = try contracts.find(row.contractNumber) else {
                    summary.add([ImportRowError(line: row.line, column: "contract", value: row.contractNumber,
                                                problem: "no such contract", russian: "такого договора нет")])
                    continue
                }
                guard row.date >= contract.startDate else {
                    summary.add([ImportRowError(line: row.line, column: "date", value: row.date.description,
                                                problem: "before the contract started on \(contract.startDate)",
                                                russian: "раньше начала договора \(contract.startDate)")])
                    continue
                }
                var naturalKey: String?
                if let reference = row.reference {
                    if let existing = try Row.fetchOne(byReference, arguments: [reference]) {
                        let same = try existing["contract_id"] == contract.id && existing["amount"] == row.amount.storedMinorUnits
                            && existing["date"] == row.date.description
                        if same { summary.alreadyThere += 1 } else {
                            summary.add([ImportRowError(line: row.line, column: "reference", value: reference,
                                                        problem: "already used by another payment",
                                                        russian: "уже указано у другого платежа")])
                        }
                        continue
                    }
                } else if let occurrence = row.occurrence {
                    let identity = "\(row.contractNumber)|\(row.date)|\(row.amount.decimalString)"
                    naturalKey = "export|\(identity)|\(occurrence)"
                    let held = try Int.fetchOne(identical, arguments: [contract.id, row.date.description,
                                                                       try row.amount.storedMinorUnits]) ?? 0
                    let keyed = try Bool.fetchOne(byNaturalKey, arguments: [naturalKey]) == true
                    if held >= occurrence || keyed {
                        summary.alreadyThere += 1
                        continue
                    }
                } else {
                    let identity = "\(row.contractNumber)|\(row.date)|\(row.amount.decimalString)"
                    let seen = try Int.fetchOne(occurrence, arguments: [identity]) ?? 1
                    naturalKey = "csv|\(identity)|\(seen)"
                    if try Bool.fetchOne(byNaturalKey, arguments: [naturalKey]) == true {
                        summary.alreadyThere += 1
                        continue
                    }
                }
                try received.add(row.amount, to: contract.id, db)
                try insert.execute(arguments: [contract.id, row.date.description, try row.amount.storedMinorUnits, row.method,
                                               row.reference, naturalKey, audit.timestamp])
                summary.count("payments")
            }
            return summary.errorCount > 0 || dryRun ? .unchanged(summary) : .written(summary)
        }
    }
}

/// Contract numbers to ids, looked up once each with one prepared statement.
struct ContractLookup {
    struct Found {
        let id: Int64
        let startDate: CivilDate
    }

    private let statement: Statement
    private var cache: [String: Found?] = [:]

    init(_ db: Database) throws {
        statement = try db.makeStatement(sql: "SELECT id, start_date FROM contracts WHERE number = ?")
    }

    mutating func find(_ number: String) throws -> Found? {
        if let cached = cache[number] { return cached }
        let found = try Row.fetchOne(statement, arguments: [number]).map {
            Found(id: $0["id"], startDate: try storedDate($0["start_date"]))
        }
        cache[number] = found
        return found
    }
}
