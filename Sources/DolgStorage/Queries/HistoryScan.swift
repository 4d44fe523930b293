import DolgRules
import GRDB

/// A contract with everything needed to replay its history: schedule in force, dated entries,
/// touches, termination.
public struct ContractHistory: Sendable {
    public let contractID: Int64
    public let number: String
    public let clientID: Int64
    public let clientName: String
    public let managerName: String?
    public let segment: String?
    public let startDate: CivilDate
    /// The schedule through time: each day's figures use the one then in force.
    public let schedule: ContractSchedule
    public let entries: [LedgerEntry]
    public let touches: [Touch]
    public let terminatedOn: CivilDate?

    /// The contract's position on any date, by the same rules as everywhere else.
    public func position(asOf: CivilDate, buckets: BucketScheme) -> ContractPosition {
        ContractPosition(installments: schedule.inForce(on: asOf), netPaid: entries.netPaid(asOf: asOf),
                         terminatedOn: terminatedOn, asOf: asOf, buckets: buckets)
    }
}

extension LedgerDatabase {
    /// Every contract started by `asOf` with its whole history, one at a time, for reports that
    /// look back (metrics, dynamics, rolls). Three ordered cursors side by side: no query per contract.
    public func scanHistories(asOf: CivilDate, scope: ContractScope = .all,
                              _ body: (ContractHistory) throws -> Void) throws(DolgError) {
        try read { db in
            if let managerName = scope.managerName { _ = try managerNamed(managerName, db) }
            try checkSegment(scope.segment, db)
            let restructured = try restructuredSchedules(db)
            let contracts = try Row.fetchCursor(db, sql: """
                SELECT contracts.id, contracts.number, contracts.client_id, clients.name AS client_name,
                    managers.name AS manager_name, contracts.segment, contracts.start_date, terminations.date AS terminated_on
                FROM contracts JOIN clients ON clients.id = contracts.client_id
                LEFT JOIN managers ON managers.id = COALESCE(contracts.manager_id, clients.manager_id)
                LEFT JOIN terminations ON terminations.contract_id = contracts.id
                WHERE contracts.start_date <= :asOf AND (:manager IS NULL OR managers.name = :manager)
                    AND (:segment IS NULL OR contracts.segment = :segment)
                ORDER BY contracts.id
                """, arguments: ["asOf": asOf.description, "manager": scope.managerName, "segment": scope.segment])
            var installments = try installmentsByContract(db)
            var payments = ContractOrderedRows(try Row.fetchCursor(db, sql: """
                SELECT contract_id, kind, date, amount FROM payments WHERE date <= ? ORDER BY contract_id, date, id
                """, arguments: [asOf.description])) { row in
                LedgerEntry(kind: LedgerEntry.Kind(rawValue: row[1]) ?? .payment, date: try storedDate(row[2]),
                            signedAmount: Money(stored: row[3]))
            }
            var touchRows = try touchesByContract(db, asOf: asOf)
            while let row = try contracts.next() {
                let id: Int64 = row["id"]
                let schedule = try installments.take(contractID: id)
                let entries = try payments.take(contractID: id)
                let touches = try touchRows.take(contractID: id)
                try body(ContractHistory(
                    contractID: id, number: row["number"], clientID: row["client_id"], clientName: row["client_name"],
                    managerName: row["manager_name"], segment: row["segment"], startDate: try row.civilDate("start_date"),
                    schedule: ContractSchedule(original: schedule, revisions: restructured[id] ?? []), entries: entries,
                    touches: touches,
                    terminatedOn: try row.optionalCivilDate("terminated_on")))
            }
        }
    }
}
