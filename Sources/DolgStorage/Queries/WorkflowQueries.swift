import DolgRules
import GRDB

/// A contract's position and the collection work it needs, with what a work list shows.
public struct ContractWorkRow: Sendable {
    public let row: ContractPositionRow
    public let state: ContractWorkState
    public let client: ClientContacts
}

/// What the contact policy needs to know about a client.
public struct ClientContacts: Sendable {
    /// `person` or `business`; the policy protects persons.
    public let kind: String
    /// The client's clock minus the business's, in minutes.
    public let timeOffsetMinutes: Int
    /// Contacts this month and week so far (calls answered, visits, messages sent), by kind.
    public let earlier: [ContactPolicy.Kind: [BusinessMoment]]

    public var isProtected: Bool { kind == "person" }

    /// The business moment as the client's clock shows it.
    public func localTime(_ now: BusinessMoment) -> BusinessMoment { now.adding(minutes: timeOffsetMinutes) }
}

extension LedgerDatabase {
    /// A touch's columns, with the recorder's name and, for a promise, what was paid from the day
    /// it was made to its date (or the business date, `:asOf`, if earlier).
    static let touchColumns = """
        touches.*, managers.name AS manager_name,
            CASE WHEN touches.promise_date IS NOT NULL THEN
                (SELECT COALESCE(SUM(payments.amount), 0) FROM payments
                 WHERE payments.contract_id = touches.contract_id AND payments.date >= substr(touches.at, 1, 10)
                   AND payments.date <= min(touches.promise_date, :asOf))
            END AS promise_paid
        """

    static let touchSelect = """
        SELECT \(touchColumns) FROM touches LEFT JOIN managers ON managers.id = touches.manager_id
        """

    /// A contract's touches up to the business date, oldest first.
    public func touches(contractNumber: String, asOf: CivilDate) throws(DolgError) -> [Touch] {
        try read { db in
            let contract = try contractNumbered(contractNumber, db)
            return try touches(db, contractID: contract.id, asOf: asOf)[contract.id] ?? []
        }
    }

    /// A contract's holds, in the order they were recorded.
    public func holds(contractNumber: String) throws(DolgError) -> [Hold] {
        try read { db in
            let contract = try contractNumbered(contractNumber, db)
            return try holds(db, contractID: contract.id, from: nil)[contract.id] ?? []
        }
    }

    func touches(_ db: Database, contractID: Int64?, asOf: CivilDate) throws -> [Int64: [Touch]] {
        var result: [Int64: [Touch]] = [:]
        let rows = try Row.fetchCursor(db, sql: """
            \(Self.touchSelect)
            WHERE (:contract IS NULL OR touches.contract_id = :contract) AND substr(touches.at, 1, 10) <= :asOf
            ORDER BY touches.contract_id, touches.at, touches.id
            """, arguments: ["contract": contractID, "asOf": asOf.description])
        while let row = try rows.next() {
            result[row["contract_id"], default: []].append(try row.touch())
        }
        return result
    }

    /// Holds ending on or after `from` (all when nil), by contract.
    func holds(_ db: Database, contractID: Int64?, from: CivilDate?) throws -> [Int64: [Hold]] {
        var result: [Int64: [Hold]] = [:]
        for row in try Row.fetchAll(db, sql: """
            SELECT contract_id, from_date, until_date, reason FROM holds
            WHERE (:contract IS NULL OR contract_id = :contract) AND (:from IS NULL OR until_date >= :from)
            ORDER BY id
            """, arguments: ["contract": contractID, "from": from?.description]) {
            result[row["contract_id"], default: []].append(
                Hold(from: try row.civilDate("from_date"), until: try row.civilDate("until_date"), reason: row["reason"]))
        }
        return result
    }

    /// Every open contract in scope with its collection work as of `now`.
    ///
    /// Touches and holds are read once for the whole scope, then joined to the position scan
    /// by contract id: no query per contract.
    public func scanWork(now: BusinessMoment, scope: ContractScope = .all, playbooks: PlaybookSet,
                         _ body: (ContractWorkRow) throws -> Void) throws(DolgError) {
        let settings = try settings()
        let (touchesByContract, holdsByContract, contacts) = try read { db in
            (try touches(db, contractID: nil, asOf: now.date), try holds(db, contractID: nil, from: now.date),
             try recentContacts(db, now: now))
        }
        try scanPositions(asOf: now.date, scope: scope, buckets: settings.buckets) { row in
            guard row.position.status.isOpen else { return }
            let state = ContractWorkState(position: row.position, touches: touchesByContract[row.contractID] ?? [],
                                          holds: holdsByContract[row.contractID] ?? [],
                                          playbook: playbooks.playbook(forSegment: row.segment), now: now)
            try body(ContractWorkRow(row: row, state: state, client: ClientContacts(
                kind: row.clientKind, timeOffsetMinutes: row.clientTimeOffsetMinutes, earlier: contacts[row.clientID] ?? [:])))
        }
    }
}

extension LedgerDatabase {
    /// Each client's contacts since the start of the month or week, whichever is earlier, by kind:
    /// answered calls and visits from touches, sent messages from the outbox. Only clients with
    /// such contacts appear.
    func recentContacts(_ db: Database, now: BusinessMoment) throws -> [Int64: [ContactPolicy.Kind: [BusinessMoment]]] {
        let today = now.date
        let from = min(CivilDate(year: today.year, month: today.month, day: 1)!, today.startOfWeek)
        var earlier: [Int64: [ContactPolicy.Kind: [BusinessMoment]]] = [:]
        let contacts = try Row.fetchCursor(db, sql: """
            SELECT contracts.client_id, touches.channel, touches.at FROM touches
            JOIN contracts ON contracts.id = touches.contract_id
            WHERE touches.at >= :from AND touches.at <= :now
              AND touches.outcome IN ('reached', 'promise', 'refused', 'callback')
            UNION ALL
            SELECT contracts.client_id, outbox.channel, outbox_attempts.at FROM outbox_attempts
            JOIN outbox ON outbox.id = outbox_attempts.message_id
            JOIN contracts ON contracts.id = outbox.contract_id
            WHERE outbox_attempts.result = 'sent' AND outbox_attempts.at >= :from AND outbox_attempts.at <= :now
            """, arguments: ["from": from.description, "now": now.description])
        while let row = try contacts.next() {
            guard let channel = Channel(rawValue: row[1]), let kind = ContactPolicy.kind(of: channel),
                  let at = BusinessMoment.parse(row[2]) else { continue }
            earlier[row[0], default: [:]][kind, default: []].append(at)
        }
        return earlier
    }
}

extension Row {
    func touch() throws -> Touch {
        let at = try BusinessMoment.parse(self["at"]) ?? BusinessMoment.noon(civilDate("at"))
        var promise: Promise?
        if let dueDate = try optionalCivilDate("promise_date"), let amount: Int64 = self["promise_amount"] {
            promise = Promise(madeOn: at.date, dueDate: dueDate, amount: Money(minorUnits: amount),
                              paidSince: Money(minorUnits: self["promise_paid"] ?? 0))
        }
        return Touch(id: self["id"], at: at, channel: Channel(rawValue: self["channel"]) ?? .call,
                     outcome: TouchOutcome(rawValue: self["outcome"]) ?? .reached, step: self["step"],
                     anchor: try optionalCivilDate("anchor_date"), promise: promise,
                     callbackAt: (self["callback_at"] as String?).flatMap(BusinessMoment.parse),
                     note: self["note"], managerName: self["manager_name"])
    }
}
