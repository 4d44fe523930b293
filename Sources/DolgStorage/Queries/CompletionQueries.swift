import DolgRules
import GRDB

extension LedgerDatabase {
    /// Contract numbers that begin with `prefix`, in order, at most `limit`: what a shell offers
    /// when a number is being typed. A range over the unique index, never a scan.
    public func contractNumbers(startingWith prefix: String, limit: Int) throws(DolgError) -> [String] {
        try read { db in
            try String.fetchAll(db, sql: """
                SELECT number FROM contracts WHERE number >= ?1 AND number < ?1 || char(1114111)
                ORDER BY number LIMIT ?2
                """, arguments: [prefix, limit])
        }
    }
}
