import DolgRules
import GRDB

/// A reminder the planner wants recorded: to send, or skipped because a later one replaced it.
public struct PlannedReminder: Sendable {
    public let contractID: Int64
    public let contractNumber: String
    public let clientName: String
    public let phone: String
    public let position: ContractPosition
    public let candidate: ReminderCandidate
    public let skipped: Bool
}

/// A planned reminder, ready for the outbox: only what is stored, so a large run stays small.
/// Its text is not stored here: it is rendered when the message is handed to the gateway.
public struct OutboxDraft: Sendable {
    public let contractID: Int64
    public let seq: Int
    public let step: String
    public let channel: String
    public let phone: String
    public let skipped: Bool

    public init(_ reminder: PlannedReminder) {
        contractID = reminder.contractID
        seq = reminder.candidate.installment.installment.seq
        step = reminder.candidate.step.name
        channel = reminder.candidate.step.channel.rawValue
        phone = reminder.phone
        skipped = reminder.skipped
    }
}

/// A message of the outbox (one contract, installment and step) and where it stands.
public struct OutboxMessage: Sendable {
    public enum Status: String, Sendable, CaseIterable {
        /// Waits to be handed to the gateway (after an operator's retry too).
        case pending
        case sent
        /// The gateway refused it; it is tried again.
        case failed
        /// Handed to the gateway by a run that died before it heard back: never re-sent by itself.
        case unknown
        /// A later step of the same installment was due when it was planned.
        case skipped
        /// Not sent and never will be: paid, superseded, on hold, expired… (the reason is kept).
        case cancelled

        /// Whether a delivery run still hands it over.
        public var isWaiting: Bool { self == .pending || self == .failed }
    }

    public let id: Int64
    public let contractID: Int64
    public let contractNumber: String
    public let clientID: Int64
    public let installmentSeq: Int
    public let step: String
    public let channel: String
    /// The moment it was planned.
    public let createdAt: BusinessMoment
    public let status: Status
    /// How many times it was handed to the gateway.
    public let attempts: Int
    /// The delivery it was last handed over in: the id the gateway saw.
    public let deliveryID: Int64?
    /// Where and what was last handed over (the phone or email, the text exactly as sent); for a
    /// message never handed over, the phone it was planned for and no text.
    public let address: String
    public let text: String
    /// After an operator's retry, the delivery it is handed over in again (the same id for the gateway).
    public let retryOfDelivery: Int64?
    /// When it was last handed to the gateway (the business's clock), and that attempt.
    public let handedAt: BusinessMoment?
    public let lastAttemptID: Int64?
    /// The gateway's last words on a failure, the reason of a cancellation, or who marked it sent.
    public let detail: String?
}

/// A delivery about to be handed to the gateway: one client, one step, one or more messages.
public struct DeliveryStart: Sendable {
    public let clientID: Int64
    public let step: String
    public let channel: String
    public let messageIDs: [Int64]
    public let address: String
    public let text: String
    /// The delivery to hand over again (an operator's retry keeps its id), else a new one.
    public let deliveryID: Int64?

    public init(clientID: Int64, step: String, channel: String, messageIDs: [Int64], address: String, text: String,
                deliveryID: Int64?) {
        self.clientID = clientID
        self.step = step
        self.channel = channel
        self.messageIDs = messageIDs
        self.address = address
        self.text = text
        self.deliveryID = deliveryID
    }
}

/// A recorded hand-over: the id the gateway sees, and the attempt whose result is to be recorded.
public struct StartedAttempt: Sendable {
    public let deliveryID: Int64
    public let attemptID: Int64
    /// The messages it carries: those of the start still waiting when it was recorded.
    public let messageIDs: [Int64]
}

/// The result of handing a delivery over.
public enum AttemptResult: String, Sendable {
    case sent, failed
    /// The outcome stays unknown; an operator asked for it to be handed over again.
    case retry
}

/// One contract's part of a reminder run: its work, what the planner wants recorded, and the
/// messages of its that wait to be delivered.
public struct ReminderScanItem: Sendable {
    public let work: ContractWorkRow
    public let playbook: Playbook
    public let planned: [PlannedReminder]
    public let waiting: [OutboxMessage]
}

extension LedgerDatabase {
    /// How far back a run looks for messages that wait: a message waits at most the planner's
    /// catch-up window before it expires, so this is ample.
    public static let waitingWindowDays = 31

    /// Every contract that has reminders to plan or messages waiting as of `now`, with its work
    /// and position, in one scan: the planner's view (`ReminderPlanner.plan`) and what a delivery
    /// run must check again (`ReminderPlanner.verdict`) come from the same figures. `eachWork`
    /// sees every open contract's work on the way (the nightly run counts the day's work).
    public func scanReminders(now: BusinessMoment, playbooks: PlaybookSet,
                              eachWork: (ContractWorkRow) throws -> Void = { _ in },
                              _ body: (ReminderScanItem) throws -> Void) throws(DolgError) {
        let windowStart = now.date.adding(days: -ReminderPlanner.catchUpDays)
        var recorded: [Int64: Set<ReminderKey>] = [:]
        var waiting: [Int64: [OutboxMessage]] = [:]
        // Thank-yous look further back than the steps of the ladder (a late payer is thanked too).
        let thanksStart = now.date.adding(days: -(ReminderPlanner.thankYouLookBackDays + 31))
        try read { db in
            let rows = try Row.fetchCursor(db, sql: """
                SELECT contract_id, installment_seq, step FROM outbox WHERE created_at >= ?
                UNION ALL
                SELECT contract_id, installment_seq, step FROM outbox WHERE created_at >= ? AND created_at < ? AND step = ?
                """, arguments: [windowStart.description, thanksStart.description, windowStart.description,
                                 ReminderPlanner.thankYouStepName])
            while let row = try rows.next() {
                recorded[row[0], default: []].insert(ReminderKey(seq: row[1], step: row[2]))
            }
            for message in try messages(db, since: now.date.adding(days: -Self.waitingWindowDays), unsettledOnly: true)
            where message.status.isWaiting {
                waiting[message.contractID, default: []].append(message)
            }
        }
        try scanWork(now: now, playbooks: playbooks, forReminders: true) { work in
            if work.row.position.status.isOpen { try eachWork(work) }
            let playbook = playbooks.playbook(forSegment: work.row.segment)
            let plan = ReminderPlanner.plan(work.row.position, state: work.state, playbook: playbook, today: now.date,
                                            recorded: recorded[work.row.contractID] ?? [],
                                            reachable: work.row.reachableChannels, lastPaymentOn: work.row.lastPaymentOn)
            let contractWaiting = waiting[work.row.contractID] ?? []
            guard !plan.send.isEmpty || !plan.skip.isEmpty || !contractWaiting.isEmpty else { return }
            let planned = [(plan.send, false), (plan.skip, true)].flatMap { candidates, skipped in
                candidates.map { candidate in
                    PlannedReminder(contractID: work.row.contractID, contractNumber: work.row.number,
                                    clientName: work.row.clientName, phone: work.row.clientPhone,
                                    position: work.row.position, candidate: candidate, skipped: skipped)
                }
            }
            try body(ReminderScanItem(work: work, playbook: playbook, planned: planned, waiting: contractWaiting))
        }
    }

    /// Records reminders in the outbox; one that is already there (a concurrent run) is left as it
    /// is. Returns how many were new, and the id of each draft's message, by position.
    public func recordReminders(_ reminders: [OutboxDraft], at now: BusinessMoment,
                                audit: AuditContext) throws(DolgError) -> (inserted: Int, ids: [Int64]) {
        try write(audit) { db in
            let insert = try db.cachedStatement(sql: """
                INSERT OR IGNORE INTO outbox (contract_id, installment_seq, step, channel, phone, text, skipped, created_at)
                VALUES (?, ?, ?, ?, ?, '', ?, ?)
                """)
            let find = try db.cachedStatement(sql: """
                SELECT id FROM outbox WHERE contract_id = ? AND installment_seq = ? AND step = ?
                """)
            var inserted = 0
            var ids: [Int64] = []
            ids.reserveCapacity(reminders.count)
            for draft in reminders {
                try insert.execute(arguments: [draft.contractID, draft.seq, draft.step, draft.channel, draft.phone,
                                               draft.skipped, now.description])
                inserted += db.changesCount
                ids.append(try Int64.fetchOne(find, arguments: [draft.contractID, draft.seq, draft.step]) ?? 0)
            }
            return (inserted, ids)
        }
    }

    /// Cancels waiting messages for good, each with its reason.
    public func cancelMessages(_ reasons: [(messageID: Int64, reason: String)], at now: BusinessMoment,
                               audit: AuditContext) throws(DolgError) {
        guard !reasons.isEmpty else { return }
        try write(audit) { db in
            let insert = try db.cachedStatement(sql: """
                INSERT INTO outbox_attempts (message_id, at, result, detail) VALUES (?, ?, 'cancelled', ?)
                """)
            for (id, reason) in reasons { try insert.execute(arguments: [id, now.description, reason]) }
        }
    }

    /// Records that a delivery is being handed to the gateway, before it is: after a crash the
    /// attempt shows as unknown instead of being sent again. Only messages that still wait are
    /// carried (a concurrent run may have taken one); nil when none does.
    public func beginAttempt(_ start: DeliveryStart, at now: BusinessMoment,
                             audit: AuditContext) throws(DolgError) -> StartedAttempt? {
        try writeUnlessUnchanged(audit) { db in
            let still = try start.messageIDs.filter { id in try messageStatus(db, id: id)?.isWaiting == true }
            guard !still.isEmpty else { return .unchanged(nil) }
            var deliveryID = start.deliveryID ?? 0
            if start.deliveryID == nil {
                try db.execute(sql: "INSERT INTO deliveries (client_id, step, channel, created_at) VALUES (?, ?, ?, ?)",
                               arguments: [start.clientID, start.step, start.channel, now.description])
                deliveryID = db.lastInsertedRowID
            }
            try db.execute(sql: """
                INSERT INTO delivery_attempts (delivery_id, at, address, text, recorded_at) VALUES (?, ?, ?, ?, ?)
                """, arguments: [deliveryID, now.description, start.address, start.text, audit.timestamp])
            let attemptID = db.lastInsertedRowID
            for id in still {
                try db.execute(sql: "INSERT INTO attempt_messages (attempt_id, message_id) VALUES (?, ?)",
                               arguments: [attemptID, id])
            }
            return .written(StartedAttempt(deliveryID: deliveryID, attemptID: attemptID, messageIDs: still))
        }
    }

    /// Records how an attempt ended: sent or failed (by the gateway), or an operator's word on
    /// one whose outcome was unknown. An attempt has one result; a second is refused.
    public func recordResult(attemptID: Int64, at now: BusinessMoment, result: AttemptResult, detail: String?,
                             source: String, audit: AuditContext) throws(DolgError) {
        try write(audit) { db in
            try db.execute(sql: """
                INSERT INTO attempt_results (attempt_id, at, result, detail, source) VALUES (?, ?, ?, ?, ?)
                """, arguments: [attemptID, now.description, result.rawValue, detail, source])
        }
    }

    /// The last attempts of messages whose outcome is unknown (all of them when `messageIDs` is nil).
    public func unknownAttempts(messageIDs: [Int64]?) throws(DolgError) -> [(attemptID: Int64, messageID: Int64)] {
        try read { db in
            try messages(db, since: nil, unsettledOnly: true).compactMap { message in
                guard message.status == .unknown, messageIDs?.contains(message.id) ?? true,
                      let attempt = message.lastAttemptID else { return nil }
                return (attempt, message.id)
            }
        }
    }

    /// Messages planned on or after `since` that are not settled: waiting, or handed over with an
    /// outcome unknown.
    public func unsettledMessages(since: CivilDate) throws(DolgError) -> [OutboxMessage] {
        try read { db in try messages(db, since: since, unsettledOnly: true) }
    }

    /// What the sending line did lately: how many hand-overs since `since`, and the messages planned
    /// since `plannedSince` that never reached the gateway and were not made moot by the client
    /// (still waiting, or replaced by a later step or expired while they waited), with their
    /// clients' clocks, to tell whether any could have gone meanwhile.
    public func sendingActivity(since: BusinessMoment, plannedSince: BusinessMoment) throws(DolgError)
        -> (attempts: Int, planned: [(at: BusinessMoment, audience: ContactPolicy.Audience, offsetMinutes: Int)]) {
        try read { db in
            let attempts = try Int.fetchOne(db, sql: "SELECT count(*) FROM delivery_attempts WHERE at >= ?",
                                            arguments: [since.description]) ?? 0
            let rows = try Row.fetchAll(db, sql: """
                SELECT outbox.created_at, clients.kind, clients.time_offset_minutes FROM outbox
                JOIN contracts ON contracts.id = outbox.contract_id JOIN clients ON clients.id = contracts.client_id
                WHERE outbox.created_at >= ? AND outbox.skipped = 0
                  AND NOT EXISTS (SELECT 1 FROM attempt_messages WHERE message_id = outbox.id)
                  AND NOT EXISTS (SELECT 1 FROM outbox_attempts WHERE message_id = outbox.id AND result = 'cancelled'
                                  AND detail NOT LIKE 'superseded%' AND detail NOT LIKE 'expired%')
                """, arguments: [plannedSince.description])
            return (attempts, rows.compactMap { row in
                guard let at = BusinessMoment.parse(row[0]) else { return nil }
                return (at, (row[1] as String) == "business" ? .business : .person, row[2])
            })
        }
    }

    /// Outbox messages, oldest first, optionally only those with one status or of one contract.
    public func outbox(status: OutboxMessage.Status? = nil, contractID: Int64? = nil,
                       since: CivilDate? = nil) throws(DolgError) -> [OutboxMessage] {
        try read { db in
            try messages(db, since: since, contractID: contractID).filter { status == nil || $0.status == status }
        }
    }

    /// The status of one message, or nil when there is no such message.
    func messageStatus(_ db: Database, id: Int64) throws -> OutboxMessage.Status? {
        try messages(db, since: nil, messageID: id).first?.status
    }

    /// Messages with where they stand, planned on or after `since` (all when nil).
    /// `unsettledOnly` leaves out, inside SQLite, messages skipped, cancelled or sent: a delivery
    /// run looks at the few that wait among the many that do not.
    func messages(_ db: Database, since: CivilDate?, contractID: Int64? = nil,
                  messageID: Int64? = nil, unsettledOnly: Bool = false) throws -> [OutboxMessage] {
        // Each filter on its own indexed column, so that SQLite can use the index.
        var filters: [String] = []
        var arguments: [(any DatabaseValueConvertible)?] = []
        if let since { filters.append("outbox.created_at >= ?"); arguments.append(since.description) }
        if let contractID { filters.append("outbox.contract_id = ?"); arguments.append(contractID) }
        if let messageID { filters.append("outbox.id = ?"); arguments.append(messageID) }
        if unsettledOnly {
            filters.append("""
                outbox.skipped = 0
                AND NOT EXISTS (SELECT 1 FROM outbox_attempts WHERE message_id = outbox.id AND result = 'cancelled')
                AND NOT EXISTS (SELECT 1 FROM attempt_messages JOIN attempt_results USING (attempt_id)
                                WHERE attempt_messages.message_id = outbox.id AND attempt_results.result = 'sent')
                """)
        }
        let rows = try Row.fetchCursor(db, sql: """
            SELECT outbox.id, outbox.contract_id, contracts.number, contracts.client_id, outbox.installment_seq,
                outbox.step, outbox.channel, outbox.created_at, outbox.skipped, outbox.phone,
                (SELECT detail FROM outbox_attempts WHERE message_id = outbox.id AND result = 'cancelled'
                    ORDER BY id DESC LIMIT 1) AS cancelled,
                (SELECT count(*) FROM attempt_messages WHERE message_id = outbox.id) AS attempts,
                EXISTS (SELECT 1 FROM attempt_messages JOIN attempt_results USING (attempt_id)
                        WHERE attempt_messages.message_id = outbox.id AND attempt_results.result = 'sent') AS was_sent,
                last.delivery_id, last.address, last.text, last.id AS attempt_id,
                attempt_results.result, attempt_results.detail, attempt_results.source, last.at
            FROM outbox JOIN contracts ON contracts.id = outbox.contract_id
            LEFT JOIN delivery_attempts AS last
                ON last.id = (SELECT max(attempt_id) FROM attempt_messages WHERE message_id = outbox.id)
            LEFT JOIN attempt_results ON attempt_results.attempt_id = last.id
            WHERE \(filters.isEmpty ? "1" : filters.joined(separator: " AND "))
            ORDER BY outbox.id
            """, arguments: StatementArguments(arguments))
        var result: [OutboxMessage] = []
        while let row = try rows.next() {
            let cancelled: String? = row[10]
            let wasSent: Bool = row[12]
            let attemptID: Int64? = row[16]
            let lastResult: String? = row[17]
            let status: OutboxMessage.Status
            var detail: String? = row[18]
            if row[8] {
                status = .skipped
            } else if wasSent {
                status = .sent
                let source: String? = row[19]
                if source != "gateway" { detail = source }
            } else if let cancelled {
                status = .cancelled
                detail = cancelled
            } else if attemptID == nil {
                status = .pending
            } else {
                switch lastResult {
                case nil: status = .unknown
                case "retry": status = .pending
                default: status = .failed
                }
            }
            let createdAt: String = row[7]
            result.append(OutboxMessage(
                id: row[0], contractID: row[1], contractNumber: row[2], clientID: row[3], installmentSeq: row[4],
                step: row[5], channel: row[6],
                createdAt: try BusinessMoment.parse(createdAt) ?? .noon(storedDate(createdAt)),
                status: status, attempts: row[11], deliveryID: row[13], address: row[14] ?? row[9],
                text: row[15] ?? "", retryOfDelivery: lastResult == "retry" ? row[13] : nil,
                handedAt: (row[20] as String?).flatMap(BusinessMoment.parse), lastAttemptID: attemptID, detail: detail))
        }
        return result
    }
}
