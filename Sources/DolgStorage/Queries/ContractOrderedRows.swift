import DolgRules
import GRDB

/// Rows of one query in contract id order, converted as they are read and handed out one
/// contract at a time, beside a scan of the contracts in the same order: the scans' merge join.
struct ContractOrderedRows<Value> {
    private let cursor: RowCursor
    /// The position of the contract id among the columns.
    private let contractColumn: Int
    private let convert: (Row) throws -> Value
    /// The first row of a later contract, read ahead and converted.
    private var pending: (contractID: Int64, value: Value)?

    init(_ cursor: RowCursor, contractColumn: Int = 0, convert: @escaping (Row) throws -> Value) {
        self.cursor = cursor
        self.contractColumn = contractColumn
        self.convert = convert
    }

    /// The values of `contractID`; rows of contracts before it (out of scope) are skipped.
    mutating func take(contractID: Int64) throws -> [Value] {
        var values: [Value] = []
        while true {
            if pending == nil, let row = try cursor.next() {
                pending = (row[contractColumn], try convert(row))
            }
            guard let current = pending, current.contractID <= contractID else { break }
            if current.contractID == contractID { values.append(current.value) }
            pending = nil
        }
        return values
    }
}

extension LedgerDatabase {
    /// Every contract's installments (one client's, if given) in contract and sequence order.
    /// Columns are read by position: looking names up would cost more than the rules' arithmetic.
    func installmentsByContract(_ db: Database, clientID: Int64? = nil) throws -> ContractOrderedRows<Installment> {
        // One client's by index, everyone's in one ordered pass. (A condition such as
        // `:client IS NULL OR …` would keep SQLite from using the index.)
        let cursor = try clientID.map { client in
            try Row.fetchCursor(db, sql: """
                SELECT contract_id, seq, due_date, principal, interest FROM installments
                WHERE contract_id IN (SELECT id FROM contracts WHERE client_id = ?) ORDER BY contract_id, seq
                """, arguments: [client])
        } ?? Row.fetchCursor(db, sql: """
            SELECT contract_id, seq, due_date, principal, interest FROM installments ORDER BY contract_id, seq
            """)
        return ContractOrderedRows(cursor) { row in
            Installment(seq: row[1], dueDate: try storedDate(row[2]), principal: Money(stored: row[3]),
                        interest: Money(stored: row[4]))
        }
    }
}
