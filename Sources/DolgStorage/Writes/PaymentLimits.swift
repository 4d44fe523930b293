import DolgRules
import GRDB

/// What each contract has received (payments net of reversals), read once per contract and kept
/// up to date as payments are added: a payment that would take a contract past `Money.maximum` is
/// refused. With schedules bounded the same way, every sum the ledger stores or SQLite adds up
/// for one contract fits in 64 bits.
struct ReceivedTotals {
    private var received: [Int64: Money] = [:]

    mutating func add(_ amount: Money, to contractID: Int64, _ db: Database) throws {
        let before = try received[contractID] ?? Money(stored: Int64.fetchOne(db.cachedStatement(sql: """
            SELECT COALESCE(SUM(amount), 0) FROM payments WHERE contract_id = ?
            """), arguments: [contractID]) ?? 0)
        guard before + amount <= Money.maximum else {
            let number = try String.fetchOne(db, sql: "SELECT number FROM contracts WHERE id = ?",
                                             arguments: [contractID]) ?? String(contractID)
            throw DolgError(.invalidAmount,
                            "contract \(number) would have received \(before + amount), more than the ledger's limit of \(Money.maximum) a contract",
                            remedy: "check the amount; a refund of an overpayment is a reversal (`dolg pay reverse`)")
                .inRussian("по договору \(number) было бы получено \(before + amount), больше предела реестра \(Money.maximum) на договор",
                           remedy: "проверьте сумму; возврат переплаты — отмена платежа (`dolg pay reverse`)")
        }
        received[contractID] = before + amount
    }

    /// The check for a single payment.
    static func check(adding amount: Money, to contractID: Int64, _ db: Database) throws {
        var totals = ReceivedTotals()
        try totals.add(amount, to: contractID, db)
    }
}
