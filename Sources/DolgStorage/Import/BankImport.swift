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

    /// Records an unmatched bank payment against one contract, or split over several: the parts
    /// must add up to the receipt, each contract once. One payment entry per part, each carrying
    /// the receipt.
    public func matchReceipt(id: Int64, parts: [(contract: String, amount: Money?)], audit: AuditContext) throws(DolgError) {
        try write(audit) { db in
            let (receipt, payment) = try unplacedReceipt(id, db)
            guard parts.count == 1 || parts.allSatisfy({ $0.amount != nil }) else {
                throw DolgError(.splitMismatch, "bank payment \(id) split over \(parts.count) contracts needs an amount for each",
                                remedy: "write each part as CONTRACT:AMOUNT")
                    .inRussian("платеж \(id) делится на \(parts.count) договора: у каждой части нужна сумма",
                               remedy: "пишите каждую часть так: ДОГОВОР:СУММА")
            }
            let amounts = parts.map { $0.amount ?? payment.amount }
            let total = amounts.sum()
            guard total == payment.amount, amounts.allSatisfy(\.isPositive) else {
                throw DolgError(.splitMismatch,
                                "the parts add up to \(total), bank payment \(id) is \(payment.amount)",
                                remedy: "give positive parts that add up to the whole payment")
                    .inRussian("части дают \(total), а платеж \(id) — \(payment.amount)",
                               remedy: "части должны быть положительными и в сумме давать весь платеж")
            }
            guard Set(parts.map(\.contract)).count == parts.count else {
                throw DolgError(.splitMismatch, "a contract is named twice in the split of bank payment \(id)",
                                remedy: "give each contract once with its whole part")
                    .inRussian("в делении платежа \(id) договор назван дважды", remedy: "назовите каждый договор один раз")
            }
            for (index, part) in parts.enumerated() {
                let contract = try contractNumbered(part.contract, db)
                guard payment.date >= contract.terms.startDate else {
                    throw DolgError(.paymentBeforeStart,
                                    "bank payment \(id) of \(payment.date) is before contract \(part.contract) started on \(contract.terms.startDate)",
                                    remedy: "check the contract number")
                        .inRussian("банковский платёж \(id) от \(payment.date) раньше начала договора \(part.contract) "
                                   + "(\(contract.terms.startDate))",
                                   remedy: "проверьте номер договора")
                }
                let key = parts.count == 1 ? payment.naturalKey : "\(payment.naturalKey)#\(index + 1)"
                try insertBankPayment(db, receiptID: receipt, contractID: contract.id, payment, amount: amounts[index],
                                      naturalKey: key, audit: audit)
            }
        }
    }

    /// Sets a bank payment aside as paying no contract (a supplier's refund, a payment for goods):
    /// it stays in the ledger, listed by `pay unmatched --dismissed`, and is never matched.
    public func dismissReceipt(id: Int64, reason: String, login: String, audit: AuditContext) throws(DolgError) {
        try write(audit) { db in
            _ = try unplacedReceipt(id, db)
            try db.execute(sql: """
                INSERT INTO receipt_dismissals (receipt_id, reason, business_date, login, recorded_at) VALUES (?, ?, ?, ?, ?)
                """, arguments: [id, reason, audit.today.description, login, audit.timestamp])
        }
    }

    /// A receipt that is neither recorded against a contract nor dismissed, or why it cannot be placed.
    private func unplacedReceipt(_ id: Int64, _ db: Database) throws -> (Int64, IncomingPayment) {
        guard let receipt = try Row.fetchOne(db, sql: "SELECT * FROM bank_receipts WHERE id = ?", arguments: [id]) else {
            throw DolgError(.unknownPayment, "bank payment \(id) is not in the unmatched queue",
                            remedy: "see `dolg pay unmatched` for the ids")
                .inRussian("банковского платежа \(id) нет в очереди", remedy: "номера: `dolg pay unmatched`")
        }
        if let paymentID = try Int64.fetchOne(db, sql: "SELECT id FROM payments WHERE receipt_id = ? ORDER BY id",
                                              arguments: [id]) {
            throw DolgError(.alreadyMatched, "bank payment \(id) is already recorded as payment \(paymentID)",
                            remedy: "to move it, reverse payment \(paymentID) and record it again with `dolg pay`")
                .inRussian("банковский платеж \(id) уже записан (платеж \(paymentID))",
                           remedy: "чтобы перенести, отмените платеж \(paymentID) и запишите заново: `dolg pay`")
        }
        if let reason = try String.fetchOne(db, sql: "SELECT reason FROM receipt_dismissals WHERE receipt_id = ?",
                                            arguments: [id]) {
            throw DolgError(.alreadyMatched, "bank payment \(id) was set aside as paying no contract: \(reason)",
                            remedy: "nothing to do; it stays in `dolg pay unmatched --dismissed`")
                .inRussian("банковский платеж \(id) уже отложен как не относящийся к договорам: \(reason)",
                           remedy: "делать ничего не нужно; он в `dolg pay unmatched --dismissed`")
        }
        return (id, try receipt.incomingPayment())
    }

    /// Bank payments no contract has been found for yet (or, with `dismissed`, those set aside),
    /// oldest first.
    public func unmatchedReceipts(dismissed: Bool = false) throws(DolgError) -> [UnmatchedReceipt] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT bank_receipts.*, receipt_dismissals.reason AS dismissal FROM bank_receipts
                LEFT JOIN receipt_dismissals ON receipt_dismissals.receipt_id = bank_receipts.id
                WHERE NOT EXISTS (SELECT 1 FROM payments WHERE payments.receipt_id = bank_receipts.id)
                  AND (receipt_dismissals.receipt_id IS NOT NULL) = :dismissed
                ORDER BY date, id
                """, arguments: ["dismissed": dismissed]).map { row in
                UnmatchedReceipt(id: row["id"], payment: try row.incomingPayment(),
                                 reason: row["dismissal"] ?? row["unmatched_reason"] ?? "matched by hand, then reversed")
            }
        }
    }

    private func insertBankPayment(_ db: Database, receiptID: Int64, contractID: Int64, _ payment: IncomingPayment,
                                   amount: Money? = nil, naturalKey: String? = nil, audit: AuditContext) throws {
        let amount = amount ?? payment.amount
        try ReceivedTotals.check(adding: amount, to: contractID, db)
        // Cached: an import runs it once per document.
        try db.cachedStatement(sql: """
            INSERT INTO payments (contract_id, kind, date, amount, method, natural_key, receipt_id, recorded_at)
            VALUES (?, 'payment', ?, ?, 'bank', ?, ?, ?)
            """).execute(arguments: [contractID, payment.date.description, try amount.storedMinorUnits,
                                     naturalKey ?? payment.naturalKey, receiptID, audit.timestamp])
    }

    /// What the matcher needs to know about the ledger for these payments, read set-wise:
    /// the contract numbers they mention, the clients their INNs and phones belong to,
    /// and, from one scan of every contract, open contracts' unpaid installment amounts.
    func paymentMatcher(for payments: [IncomingPayment], asOf: CivilDate) throws(DolgError) -> PaymentMatcher {
        var matcher = PaymentMatcher()
        let mentions = payments.flatMap { PaymentText.contractMentions(in: $0.purpose) }
        let keys = Set(mentions.map { PaymentText.spellingKey($0.token) })
        let digits = Set(mentions.filter { $0.afterMarker && $0.token.allSatisfy(\.isNumber) }.map(\.token))
        let inns = Set(payments.compactMap(\.payerINN))
        let phones = Set(payments.flatMap { PaymentText.phoneNumbers(in: $0.purpose + " " + $0.payerName) })
        try read { db in
            // Numbers are compared by their spelling key, which SQLite cannot index: one pass over
            // the number index keeps those a purpose may name.
            var named = Set<String>()
            let numbers = try String.fetchCursor(db, sql: "SELECT number FROM contracts")
            while let number = try numbers.next() {
                let key = PaymentText.spellingKey(number)
                if keys.contains(key) || digits.contains(String(key.drop { $0.isLetter })) { named.insert(number) }
            }
            matcher.knownNumbers = named
            for row in try Self.fetchInChunks(db, Array(inns), { "SELECT id, inn FROM clients WHERE inn IN (\($0))" }) {
                matcher.clientsByINN[row["inn"], default: []].insert(row["id"])
            }
            for row in try Self.fetchInChunks(db, Array(phones), { "SELECT id, phone FROM clients WHERE phone IN (\($0))" }) {
                matcher.clientsByPhone[row["phone"], default: []].insert(row["id"])
            }
        }
        // Positions are needed only for payments whose purpose names no known contract: the
        // common statement, where every purpose names one, is matched without scanning the ledger.
        let unnamed = payments.filter { matcher.contractsNamed(in: $0.purpose).isEmpty }
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
