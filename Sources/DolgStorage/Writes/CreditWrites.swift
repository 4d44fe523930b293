import DolgRules
import GRDB

extension LedgerDatabase {
    /// Pays a contract's credit (money paid beyond all it owes) back to the client: a `refund`
    /// entry of minus the amount. The credit as of the date must cover it.
    @discardableResult
    public func refundCredit(contractNumber: String, amount: Money, date: CivilDate, reason: String, method: String?,
                             audit: AuditContext) throws(DolgError) -> Int64 {
        try write(audit) { db in
            let contract = try contractNumbered(contractNumber, db)
            try checkCredit(covers: amount, contract, contractNumber, date, db)
            try db.execute(sql: """
                INSERT INTO payments (contract_id, kind, date, amount, method, reason, recorded_at)
                VALUES (?, 'refund', ?, ?, ?, ?, ?)
                """, arguments: [contract.id, date.description, -(try amount.storedMinorUnits), method, reason, audit.timestamp])
            return db.lastInsertedRowID
        }
    }

    /// Moves credit from one contract to another of the ledger: a negative `transfer` entry on the
    /// first, a positive one on the second that points at it. Returns the two entries' ids.
    @discardableResult
    public func transferCredit(from source: String, to target: String, amount: Money, date: CivilDate, reason: String?,
                               audit: AuditContext) throws(DolgError) -> (out: Int64, in: Int64) {
        guard source != target else {
            throw DolgError(.invalidValue, "--to \(target) is the contract the credit is on", remedy: "name another contract")
                .inRussian("--to \(target): переплата уже на этом договоре", remedy: "укажите другой договор")
        }
        return try write(audit) { db in
            let from = try contractNumbered(source, db)
            let to = try contractNumbered(target, db)
            try checkCredit(covers: amount, from, source, date, db)
            guard date >= to.terms.startDate else {
                throw DolgError(.paymentBeforeStart, "contract \(target) starts on \(to.terms.startDate), after \(date)",
                                remedy: "move the credit on or after that day")
                    .inRussian("договор \(target) начинается \(to.terms.startDate), позже \(date)",
                               remedy: "переносите переплату в этот день или позже")
            }
            try ReceivedTotals.check(adding: amount, to: to.id, db)
            let stored = try amount.storedMinorUnits
            try db.execute(sql: """
                INSERT INTO payments (contract_id, kind, date, amount, reason, recorded_at) VALUES (?, 'transfer', ?, ?, ?, ?)
                """, arguments: [from.id, date.description, -stored, reason ?? "to \(target)", audit.timestamp])
            let outID = db.lastInsertedRowID
            try db.execute(sql: """
                INSERT INTO payments (contract_id, kind, date, amount, reason, transfer_of, recorded_at)
                VALUES (?, 'transfer', ?, ?, ?, ?, ?)
                """, arguments: [to.id, date.description, stored, reason ?? "from \(source)", outID, audit.timestamp])
            return (outID, db.lastInsertedRowID)
        }
    }

    /// Refuses to pay out or move more than the contract's credit on the day (and a date after
    /// the business date: money leaves on the day it is recorded, or earlier).
    private func checkCredit(covers amount: Money, _ contract: StoredContract, _ number: String, _ date: CivilDate,
                             _ db: Database) throws {
        guard amount.isPositive else {
            throw DolgError(.amountNotPositive, "AMOUNT \(amount) is not positive", remedy: "give the amount to move")
                .inRussian("сумма \(amount) не больше нуля", remedy: "укажите сумму")
        }
        let credit = try contractDetail(db, contract).position(asOf: date, buckets: try settings(db).buckets).credit
        guard amount <= credit else {
            throw DolgError(.notEnoughCredit, "contract \(number) has a credit of \(credit) on \(date), less than \(amount)",
                            remedy: credit.isPositive ? "give at most \(credit)" : "only money paid beyond what is owed can be refunded or moved")
                .inRussian("переплата по договору \(number) на \(date.russianDescription) — \(credit), меньше \(amount)",
                           remedy: credit.isPositive ? "укажите не больше \(credit)" : "вернуть или перенести можно только переплату")
        }
    }
}
