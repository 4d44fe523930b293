import DolgRules
import GRDB

extension LedgerDatabase {
    /// Refuses a payment that would take what a contract has received (payments net of
    /// reversals) past `Money.maximum`: with schedules bounded the same way, every sum the ledger
    /// stores or SQLite adds up for one contract fits in 64 bits.
    static func checkPaidInLimit(contractID: Int64, adding amount: Money, _ db: Database) throws {
        let received = Money(stored: try Int64.fetchOne(db, sql: """
            SELECT COALESCE(SUM(amount), 0) FROM payments WHERE contract_id = ?
            """, arguments: [contractID]) ?? 0)
        guard received + amount <= Money.maximum else {
            let contractNumber = try String.fetchOne(db, sql: "SELECT number FROM contracts WHERE id = ?",
                                                     arguments: [contractID]) ?? String(contractID)
            throw DolgError(.invalidAmount,
                            "contract \(contractNumber) would have received \(received + amount), more than the ledger's limit of \(Money.maximum) a contract",
                            remedy: "check the amount; a refund of an overpayment is a reversal (`dolg pay reverse`)")
        }
    }
}
