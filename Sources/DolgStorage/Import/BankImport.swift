import DolgRules
import GRDB

/// What a bank import did, or would do with `--dry-run`.
public struct BankImportSummary: Sendable {
    /// Payments recorded, by the rule that matched them.
    public internal(set) var recorded: [PaymentMatcher.Rule: Int] = [:]
    /// Payments kept in the unmatched queue, with why.
    public internal(set) var unmatched: [(payment: IncomingPayment, reason: String)] = []
    /// Payments already in the ledger from an earlier or overlapping statement.
    public internal(set) var alreadyThere = 0

    public var recordedCount: Int { recorded.values.reduce(0, +) }
}

/// A bank payment waiting for a person to say which contract it pays.
public struct UnmatchedReceipt: Sendable {
    public let id: Int64
    public let payment: IncomingPayment
    public let reason: String
}

extension LedgerDatabase {
    /// Records incoming bank payments, each exactly once (by its natural key), matched to
    /// contracts as of `asOf`; those the matcher cannot place go to the unmatched queue.
    public func importBank(_ payments: [IncomingPayment], sourceFile: String, asOf: CivilDate, dryRun: Bool,
                           audit: AuditContext) throws(DolgError) -> BankImportSummary {
        let matcher = try paymentMatcher(for: payments, asOf: asOf)
        return try writeUnlessUnchanged(audit) { db in
            var summary = BankImportSummary()
            var contracts = try ContractLookup(db)
            let existing = try db.makeStatement(sql: "SELECT 1 FROM bank_receipts WHERE natural_key = ?")
            let insertReceipt = try db.makeStatement(sql: """
                INSERT INTO bank_receipts (natural_key, document_number, date, amount, payer_name, payer_inn,
                    payer_account, payer_bic, purpose, unmatched_reason, source_file, imported_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            for payment in payments {
                if try Bool.fetchOne(existing, arguments: [payment.naturalKey]) == true {
                    summary.alreadyThere += 1
                    continue
                }
                var outcome = matcher.match(payment)
                var contract: ContractLookup.Found?
                if case .matched(let number, _) = outcome {
                    contract = try contracts.find(number)
                    if let start = contract?.startDate, payment.date < start {
                        outcome = .unmatched(reason: "contract \(number) started on \(start), after the payment")
                    }
                }
                var unmatchedReason: String?
                if case .unmatched(let reason) = outcome { unmatchedReason = reason }
                try insertReceipt.execute(arguments: [
                    payment.naturalKey, payment.documentNumber, payment.date.description, try payment.amount.storedMinorUnits,
                    payment.payerName, payment.payerINN, payment.payerAccount, payment.payerBIC, payment.purpose,
                    unmatchedReason, sourceFile, audit.timestamp])
                switch outcome {
                case .matched(_, let rule):
                    try insertBankPayment(db, receiptID: db.lastInsertedRowID, contractID: contract!.id, payment,
                                          audit: audit)
                    summary.recorded[rule, default: 0] += 1
                case .unmatched(let reason):
                    summary.unmatched.append((payment, reason))
                }
            }
            let changed = summary.recordedCount > 0 || !summary.unmatched.isEmpty
            return dryRun || !changed ? .unchanged(summary) : .written(summary)
        }
    }

    /// Assigns an unmatched bank payment to a contract.
    public func matchReceipt(id: Int64, contractNumber: String, audit: AuditContext) throws(DolgError) {
        try write(audit) { db in
            guard let receipt = try Row.fetchOne(db, sql: "SELECT * FROM bank_receipts WHERE id = ?", arguments: [id])
            else {
                throw DolgError(.unknownPayment, "bank payment \(id) is not in the unmatched queue",
                                remedy: "see `dolg pay unmatched` for the ids")
            }
            if let paymentID = try Int64.fetchOne(db, sql: "SELECT id FROM payments WHERE receipt_id = ?",
                                                  arguments: [id]) {
                throw DolgError(.alreadyMatched, "bank payment \(id) is already recorded as payment \(paymentID)",
                                remedy: "to move it, reverse payment \(paymentID) and record it again with `dolg pay`")
            }
            let payment = try receipt.incomingPayment()
            let contract = try contractNumbered(contractNumber, db)
            guard payment.date >= contract.terms.startDate else {
                throw DolgError(.paymentBeforeStart,
                                "bank payment \(id) of \(payment.date) is before contract \(contractNumber) started on \(contract.terms.startDate)",
                                remedy: "check the contract number")
            }
            try insertBankPayment(db, receiptID: id, contractID: contract.id, payment, audit: audit)
        }
    }

    /// Bank payments no contract has been found for yet, oldest first.
    public func unmatchedReceipts() throws(DolgError) -> [UnmatchedReceipt] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT * FROM bank_receipts
                WHERE NOT EXISTS (SELECT 1 FROM payments WHERE payments.receipt_id = bank_receipts.id)
                ORDER BY date, id
                """).map { row in
                UnmatchedReceipt(id: row["id"], payment: try row.incomingPayment(),
                                 reason: row["unmatched_reason"] ?? "matched by hand, then reversed")
            }
        }
    }

    private func insertBankPayment(_ db: Database, receiptID: Int64, contractID: Int64, _ payment: IncomingPayment,
                                   audit: AuditContext) throws {
        try ReceivedTotals.check(adding: payment.amount, to: contractID, db)
        // Cached: an import runs it once per document.
        try db.cachedStatement(sql: """
            INSERT INTO payments (contract_id, kind, date, amount, method, natural_key, receipt_id, recorded_at)
            VALUES (?, 'payment', ?, ?, 'bank', ?, ?, ?)
            """).execute(arguments: [contractID, payment.date.description, try payment.amount.storedMinorUnits,
                                     payment.naturalKey, receiptID, audit.timestamp])
    }

    /// What the matcher needs to know about the ledger for these payments, read set-wise:
    /// the contract numbers they mention, the clients their INNs and phones belong to,
    /// and, from one scan of every contract, open contracts' unpaid installment amounts.
    func paymentMatcher(for payments: [IncomingPayment], asOf: CivilDate) throws(DolgError) -> PaymentMatcher {
        var matcher = PaymentMatcher()
        let candidates = payments.map { Set(PaymentText.contractNumberCandidates(in: $0.purpose)) }
        let tokens = candidates.reduce(into: Set<String>()) { $0.formUnion($1) }
        let inns = Set(payments.compactMap(\.payerINN))
        let phones = Set(payments.flatMap { PaymentText.phoneNumbers(in: $0.purpose + " " + $0.payerName) })
        try read { db in
            matcher.knownNumbers = Set(try Self.fetchInChunks(db, Array(tokens)) { placeholders in
                "SELECT number FROM contracts WHERE number IN (\(placeholders))"
            }.map { $0[0] as String })
            for row in try Self.fetchInChunks(db, Array(inns), { "SELECT id, inn FROM clients WHERE inn IN (\($0))" }) {
                matcher.clientsByINN[row["inn"], default: []].insert(row["id"])
            }
            for row in try Self.fetchInChunks(db, Array(phones), { "SELECT id, phone FROM clients WHERE phone IN (\($0))" }) {
                matcher.clientsByPhone[row["phone"], default: []].insert(row["id"])
            }
        }
        // Positions are needed only for payments whose purpose names no known contract: the
        // common statement, where every purpose names one, is matched without scanning the ledger.
        let unnamed = zip(payments, candidates).filter { $0.1.isDisjoint(with: matcher.knownNumbers) }.map(\.0)
        guard !unnamed.isEmpty else { return matcher }
        let knownClients = matcher.clientsByINN.values.reduce(into: Set<Int64>()) { $0.formUnion($1) }
            .union(matcher.clientsByPhone.values.reduce(into: Set<Int64>()) { $0.formUnion($1) })
        let amounts = Set(unnamed.map(\.amount))
        let settings = try settings()
        try scanPositions(asOf: asOf, buckets: settings.buckets) { row in
            guard row.position.status.isOpen else { return }
            let unpaid = Set(row.position.allocation.coverages.filter { $0.remaining.isPositive }.map(\.remaining))
            if knownClients.contains(row.clientID) {
                matcher.openContractsByClient[row.clientID, default: []]
                    .append(PaymentMatcher.Candidate(contractNumber: row.number, unpaidAmounts: unpaid))
            }
            for amount in unpaid.intersection(amounts) {
                matcher.contractsByUnpaidAmount[amount, default: []].insert(row.number)
            }
        }
        return matcher
    }

    /// Runs a query with an `IN (…)` list in chunks that stay under SQLite's parameter limit.
    static func fetchInChunks(_ db: Database, _ values: [String], _ sql: (String) -> String) throws -> [Row] {
        var rows: [Row] = []
        var start = 0
        while start < values.count {
            let chunk = Array(values[start..<min(start + 500, values.count)])
            let placeholders = Array(repeating: "?", count: chunk.count).joined(separator: ",")
            rows += try Row.fetchAll(db, sql: sql(placeholders), arguments: StatementArguments(chunk))
            start += 500
        }
        return rows
    }
}

extension Row {
    func incomingPayment() throws -> IncomingPayment {
        IncomingPayment(source: "receipt \(self["id"] as Int64)", documentNumber: self["document_number"],
                        date: try civilDate("date"), amount: money("amount"), payerName: self["payer_name"],
                        payerINN: self["payer_inn"], payerAccount: self["payer_account"],
                        payerBIC: self["payer_bic"], purpose: self["purpose"])
    }
}
