import DolgRules
import GRDB

/// Which contracts a scan covers.
public struct ContractScope: Sendable {
    public var managerName: String?
    public var clientID: Int64?
    /// Only contracts of this segment (`retail`, `b2b`, `vip`…).
    public var segment: String?

    public init(managerName: String? = nil, clientID: Int64? = nil, segment: String? = nil) {
        self.managerName = managerName
        self.clientID = clientID
        self.segment = segment
    }

    public static let all = ContractScope()
}

/// A contract's position with what a list or report shows beside it.
public struct ContractPositionRow: Sendable {
    public let contractID: Int64
    public let number: String
    public let clientID: Int64
    public let clientName: String
    public let clientPhone: String
    public let managerName: String?
    /// The contract's segment (`retail`, `b2b`, `vip`), which chooses its playbook.
    public let segment: String?
    /// `person` or `business`, and the client's clock minus the business's in minutes.
    public let clientKind: String
    public let clientTimeOffsetMinutes: Int
    /// Where email steps go; nil when the client gave none.
    public let clientEmail: String?
    /// The date of the contract's latest payment up to the scan's date.
    public let lastPaymentOn: CivilDate?
    public let position: ContractPosition

    /// The channels the client can be reached on: email only with an address.
    public var reachableChannels: Set<Channel> {
        var channels = Set(Channel.allCases)
        if (clientEmail ?? "").isEmpty { channels.remove(.email) }
        return channels
    }
}

extension LedgerDatabase {
    /// Computes the position as of `asOf` of every contract started by then and hands
    /// them to `body` one by one, in contract id order.
    ///
    /// Two statements scan the whole ledger once each, side by side: contracts with their
    /// net paid sum as of the date (one indexed aggregate per contract inside SQLite), and
    /// installments in contract order. Memory stays flat: one contract at a time.
    public func scanPositions(asOf: CivilDate, scope: ContractScope = .all, buckets: BucketScheme,
                              _ body: (ContractPositionRow) throws -> Void) throws(DolgError) {
        try read { db in try scanPositions(db, asOf: asOf, scope: scope, buckets: buckets, body) }
    }

    /// The scan above, inside a transaction the caller holds (to read other tables beside it).
    /// `lastPayment` also reads each contract's latest payment date (the reminders need it; other
    /// scans leave the lookup out).
    func scanPositions(_ db: Database, asOf: CivilDate, scope: ContractScope, buckets: BucketScheme,
                       lastPayment: Bool = false, _ body: (ContractPositionRow) throws -> Void) throws {
        if let managerName = scope.managerName { _ = try managerNamed(managerName, db) }
        try checkSegment(scope.segment, db)
        if let clientID = scope.clientID { _ = try clientWithID(clientID, db) }
        let contracts = try Row.fetchCursor(db, sql: """
            SELECT contracts.id, contracts.number, clients.id AS client_id, clients.name AS client_name,
                clients.phone AS client_phone, managers.name AS manager_name,
                terminations.date AS terminated_on,
                (SELECT COALESCE(SUM(payments.amount), 0) FROM payments
                    WHERE payments.contract_id = contracts.id AND payments.date <= :asOf) AS net_paid,
                contracts.segment, clients.kind AS client_kind, clients.time_offset_minutes, clients.email,
                \(lastPayment ? """
                    (SELECT max(payments.date) FROM payments
                     WHERE payments.contract_id = contracts.id AND payments.date <= :asOf AND payments.amount > 0)
                    """ : "NULL") AS last_payment
            FROM contracts
            JOIN clients ON clients.id = contracts.client_id
            LEFT JOIN managers ON managers.id = COALESCE(contracts.manager_id, clients.manager_id)
            LEFT JOIN terminations ON terminations.contract_id = contracts.id
            WHERE contracts.start_date <= :asOf\(scope.clientID == nil ? "" : " AND contracts.client_id = :client")
                AND (:manager IS NULL OR managers.name = :manager)
                AND (:segment IS NULL OR contracts.segment = :segment)
            ORDER BY contracts.id
            """, arguments: ["asOf": asOf.description, "manager": scope.managerName, "client": scope.clientID,
                             "segment": scope.segment])
        let restructured = try restructuredSchedules(db)
        var installments = try installmentsByContract(db, clientID: scope.clientID)
        // Columns are read by position: looking names up would cost more than the rules' arithmetic.
        while let row = try contracts.next() {
            let contractID: Int64 = row[0]
            let schedule = try installments.take(contractID: contractID)
            let terminatedOn: String? = row[6]
            let position = ContractPosition(
                installments: restructured[contractID].map { ContractSchedule(original: schedule, revisions: $0).inForce(on: asOf) }
                    ?? schedule,
                netPaid: Money(stored: row[7]),
                terminatedOn: try terminatedOn.map(storedDate), asOf: asOf, buckets: buckets)
            try body(ContractPositionRow(
                contractID: contractID, number: row[1], clientID: row[2], clientName: row[3],
                clientPhone: row[4], managerName: row[5], segment: row[8], clientKind: row[9],
                clientTimeOffsetMinutes: row[10], clientEmail: row[11],
                lastPaymentOn: try (row[12] as String?).map(storedDate), position: position))
        }
    }
}
