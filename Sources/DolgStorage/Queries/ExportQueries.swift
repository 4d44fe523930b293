import DolgRules
import GRDB

/// Every record of a kind, one at a time, for exports: memory does not grow with the ledger.
extension LedgerDatabase {
    public func eachContract(_ body: (StoredContract) throws -> Void) throws(DolgError) {
        try read { db in
            let rows = try Row.fetchCursor(db, sql: "\(Self.contractSelect) ORDER BY contracts.id")
            while let row = try rows.next() { try body(try row.contract()) }
        }
    }

    /// The installments in force now (the latest restructuring's when there is one), by contract and sequence.
    public func eachInstallment(_ body: (_ contractNumber: String, Installment) throws -> Void) throws(DolgError) {
        try read { db in
            let restructured = try restructuredSchedules(db)
            var replacedShown = Set<Int64>()
            let rows = try Row.fetchCursor(db, sql: """
                SELECT contracts.number, installments.* FROM installments
                JOIN contracts ON contracts.id = installments.contract_id
                ORDER BY installments.contract_id, installments.seq
                """)
            while let row = try rows.next() {
                let contractID: Int64 = row["contract_id"]
                if let inForce = restructured[contractID]?.last?.installments {
                    guard replacedShown.insert(contractID).inserted else { continue }
                    for installment in inForce { try body(row["number"], installment) }
                } else {
                    try body(row["number"], try row.installment())
                }
            }
        }
    }

    public func eachPayment(_ body: (StoredPayment) throws -> Void) throws(DolgError) {
        try read { db in
            let rows = try Row.fetchCursor(db, sql: "\(Self.paymentSelect) ORDER BY payments.contract_id, payments.date, payments.id")
            while let row = try rows.next() { try body(try row.payment()) }
        }
    }

    public func eachTouch(asOf: CivilDate, _ body: (_ contractNumber: String, Touch) throws -> Void) throws(DolgError) {
        try read { db in
            let rows = try Row.fetchCursor(db, sql: """
                SELECT \(Self.touchColumns), contracts.number FROM touches
                LEFT JOIN managers ON managers.id = touches.manager_id
                JOIN contracts ON contracts.id = touches.contract_id
                ORDER BY touches.contract_id, touches.at, touches.id
                """, arguments: ["asOf": asOf.description])
            while let row = try rows.next() { try body(row["number"], try row.touch()) }
        }
    }
}
