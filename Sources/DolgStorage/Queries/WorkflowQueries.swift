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

    /// Individuals are protected by the limits; businesses get business hours.
    public var audience: ContactPolicy.Audience { kind == "business" ? .business : .person }

    /// Whether a contact of `kind` with this client is allowed at the business moment `now`,
    /// counting `alsoEarlier` (contacts made since the ledger was read) with those recorded.
    public func decide(_ kind: ContactPolicy.Kind, _ policy: ContactPolicy, at now: BusinessMoment,
                       alsoEarlier: [BusinessMoment] = [], countLimits: Bool = true) -> ContactPolicy.Decision {
        policy.decide(kind, audience: audience, offsetMinutes: timeOffsetMinutes, at: now,
                      earlier: (earlier[kind] ?? []) + alsoEarlier, countLimits: countLimits)
    }
}

extension LedgerDatabase {
    /// A touch's columns, with the recorder's name and, for a promise, what was paid from the day
    /// it was made to its date (or the business date, `:asOf`, if earlier). `Row.touch()` reads
    /// them by position, so they come first and in this order.
    static let touchColumns = """
        touches.id, touches.contract_id, touches.at, touches.channel, touches.outcome, touches.step,
            touches.anchor_date, touches.promise_date, touches.promise_amount, touches.callback_at, touches.note,
            managers.name AS manager_name,
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
            return try touches(db, contractID: contract.id, asOf: asOf)
        }
    }

    /// One contract's touches up to a date, or up to a moment of it, oldest first: an answer as
    /// of a moment knows nothing recorded after it.
    func touches(_ db: Database, contractID: Int64, asOf: CivilDate, upTo moment: BusinessMoment? = nil) throws -> [Touch] {
        try Row.fetchAll(db, sql: """
            \(Self.touchSelect)
            WHERE touches.contract_id = :contract AND substr(touches.at, 1, 10) <= :asOf
              AND (:moment IS NULL OR touches.at <= :moment)
            ORDER BY touches.at, touches.id
            """, arguments: ["contract": contractID, "asOf": asOf.description, "moment": moment?.description])
            .map { try $0.touch() }
    }

    /// Every contract's touches up to a moment, in contract order and oldest first within a
    /// contract, to be taken contract by contract beside the position scan.
    func touchesByContract(_ db: Database, asOf: CivilDate, upTo moment: BusinessMoment? = nil) throws -> ContractOrderedRows<Touch> {
        ContractOrderedRows(try Row.fetchCursor(db, sql: """
            \(Self.touchSelect)
            WHERE substr(touches.at, 1, 10) <= :asOf AND (:moment IS NULL OR touches.at <= :moment)
            ORDER BY touches.contract_id, touches.at, touches.id
            """, arguments: ["asOf": asOf.description, "moment": moment?.description]), contractColumn: 1) { try $0.touch() }
    }

    /// A hold's columns, with its early end when it was ended on or before `:asOf`.
    static let holdSelect = """
        SELECT holds.id, holds.contract_id, holds.from_date, holds.until_date, holds.reason,
            hold_ends.ended_on, hold_ends.reason
        FROM holds LEFT JOIN hold_ends ON hold_ends.hold_id = holds.id AND hold_ends.ended_on <= :asOf
        """

    /// One contract's holds, in the order they were recorded.
    func holds(_ db: Database, contractID: Int64, asOf: CivilDate) throws -> [Hold] {
        try Row.fetchAll(db, sql: "\(Self.holdSelect) WHERE holds.contract_id = :contract ORDER BY holds.id",
                         arguments: ["contract": contractID, "asOf": asOf.description]).map { try $0.hold() }
    }

    /// Every contract's holds in contract order, beside the position scan: ended ones too, for
    /// the days they paused the ladder.
    func holdsByContract(_ db: Database, asOf: CivilDate) throws -> ContractOrderedRows<Hold> {
        ContractOrderedRows(try Row.fetchCursor(db, sql: "\(Self.holdSelect) ORDER BY holds.contract_id, holds.id",
                                                arguments: ["asOf": asOf.description]), contractColumn: 1) { try $0.hold() }
    }

    /// Every open contract in scope with its collection work as of `now`.
    ///
    /// Touches and holds are read in contract order beside the position scan, in the same read
    /// transaction; this month's contacts are read once, up front. No query per contract, and
    /// memory does not grow with the ledger's history.
    /// `forReminders` is the reminders' scan: closed and terminated contracts too (a thank-you for
    /// the last installment, a message to cancel), each with its latest payment date.
    public func scanWork(now: BusinessMoment, scope: ContractScope = .all, playbooks: PlaybookSet,
                         forReminders: Bool = false,
                         _ body: (ContractWorkRow) throws -> Void) throws(DolgError) {
        let settings = try settings()
        try read { db in
            var holds = try holdsByContract(db, asOf: now.date)
            let contacts = try recentContacts(db, now: now)
            var touches = try touchesByContract(db, asOf: now.date, upTo: now)
            try scanPositions(db, asOf: now.date, scope: scope, buckets: settings.buckets, lastPayment: forReminders) { row in
                // Taken before the status check so that the cursor passes closed contracts too.
                let contractTouches = try touches.take(contractID: row.contractID)
                let contractHolds = try holds.take(contractID: row.contractID)
                guard forReminders || row.position.status.isOpen else { return }
                let state = ContractWorkState(position: row.position, touches: contractTouches,
                                              holds: contractHolds,
                                              playbook: playbooks.playbook(forSegment: row.segment), now: now)
                try body(ContractWorkRow(row: row, state: state, client: ClientContacts(
                    kind: row.clientKind, timeOffsetMinutes: row.clientTimeOffsetMinutes,
                    earlier: contacts[row.clientID] ?? [:])))
            }
        }
    }
}

extension LedgerDatabase {
    /// Each client's contacts since the start of the month or week, whichever is earlier, by kind:
    /// answered calls and visits from touches (not those the client started), messages handed to the gateway (sent, or with an
    /// outcome unknown: they may have gone) except thank-yous, which are not about a debt. A
    /// delivery is one message however many contracts it names. Only clients with such contacts
    /// appear.
    func recentContacts(_ db: Database, now: BusinessMoment, clientID: Int64? = nil) throws -> [Int64: [ContactPolicy.Kind: [BusinessMoment]]] {
        let today = now.date
        let from = min(CivilDate(year: today.year, month: today.month, day: 1)!, today.startOfWeek)
        var earlier: [Int64: [ContactPolicy.Kind: [BusinessMoment]]] = [:]
        let contacts = try Row.fetchCursor(db, sql: """
            SELECT contracts.client_id, touches.channel, touches.at FROM touches
            JOIN contracts ON contracts.id = touches.contract_id
            WHERE touches.at >= :from AND touches.at <= :now AND (:client IS NULL OR contracts.client_id = :client)
              AND touches.outcome IN ('reached', 'promise', 'refused', 'callback') AND touches.incoming = 0
            UNION ALL
            SELECT deliveries.client_id, deliveries.channel, delivery_attempts.at FROM delivery_attempts
            JOIN deliveries ON deliveries.id = delivery_attempts.delivery_id
            LEFT JOIN attempt_results ON attempt_results.attempt_id = delivery_attempts.id
            WHERE delivery_attempts.at >= :from AND delivery_attempts.at <= :now
              AND (attempt_results.result IS NULL OR attempt_results.result = 'sent')
              AND deliveries.step <> :thanks AND (:client IS NULL OR deliveries.client_id = :client)
            """, arguments: ["from": from.description, "now": now.description, "client": clientID,
                             "thanks": ReminderPlanner.thankYouStepName])
        while let row = try contacts.next() {
            guard let channel = Channel(rawValue: row[1]), let kind = ContactPolicy.kind(of: channel),
                  let at = BusinessMoment.parse(row[2]) else { continue }
            earlier[row[0], default: [:]][kind, default: []].append(at)
        }
        return earlier
    }
}

extension Row {
    /// A hold from a row of `LedgerDatabase.holdSelect`.
    func hold() throws -> Hold {
        let endedOn: String? = self[5]
        return Hold(id: self[0], from: try storedDate(self[2]), until: try storedDate(self[3]), reason: self[4],
                    endedOn: try endedOn.map(storedDate), endReason: self[6])
    }

    /// A touch from a row that starts with `LedgerDatabase.touchColumns`. Positions, not names:
    /// scans read one per touch, and a name lookup costs more than the rest of the decoding.
    func touch() throws -> Touch {
        let at = try BusinessMoment.parse(self[2]) ?? BusinessMoment.noon(storedDate(self[2]))
        var promise: Promise?
        let promiseDate: String? = self[7]
        if let promiseDate, let amount: Int64 = self[8] {
            promise = Promise(madeOn: at.date, dueDate: try storedDate(promiseDate), amount: Money(stored: amount),
                              paidSince: Money(stored: self[12] ?? 0))
        }
        let anchor: String? = self[6]
        let callbackAt: String? = self[9]
        return Touch(id: self[0], at: at, channel: Channel(rawValue: self[3]) ?? .call,
                     outcome: TouchOutcome(rawValue: self[4]) ?? .reached, step: self[5],
                     anchor: try anchor.map(storedDate), promise: promise,
                     callbackAt: callbackAt.flatMap(BusinessMoment.parse), note: self[10], managerName: self[11])
    }
}
