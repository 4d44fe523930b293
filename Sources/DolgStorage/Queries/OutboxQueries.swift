import DolgRules
import GRDB

/// A reminder the planner wants recorded: to send, or skipped because a later one replaced it.
public struct PlannedReminder: Sendable {
    public let contractID: Int64
    public let contractNumber: String
    public let clientName: String
    public let phone: String
    public let client: ClientContacts
    public let position: ContractPosition
    public let candidate: ReminderCandidate
    public let skipped: Bool
}

/// A rendered reminder, ready for the outbox: only what is stored, so a large run stays small.
public struct OutboxDraft: Sendable {
    public let contractID: Int64
    public let seq: Int
    public let step: String
    public let channel: String
    public let phone: String
    /// Empty for a skipped step.
    public let text: String
    public let skipped: Bool

    public init(_ reminder: PlannedReminder, text: String) {
        contractID = reminder.contractID
        seq = reminder.candidate.installment.installment.seq
        step = reminder.candidate.step.name
        channel = reminder.candidate.step.channel.rawValue
        phone = reminder.phone
        self.text = text
        skipped = reminder.skipped
    }
}

/// A message of the outbox and where it stands.
public struct OutboxMessage: Sendable {
    public enum Status: String, Sendable, CaseIterable {
        case pending, sent, failed, skipped, cancelled
    }

    public let id: Int64
    public let contractID: Int64
    public let contractNumber: String
    public let clientID: Int64
    public let installmentSeq: Int
    public let step: String
    public let channel: String
    public let phone: String
    public let text: String
    public let createdAt: BusinessMoment
    public let status: Status
    public let attempts: Int
    /// The gateway's last words on a failure.
    public let lastDetail: String?
}

extension LedgerDatabase {
    /// Reminders due as of `now` that are not in the outbox yet, per `ReminderPlanner`, handed to
    /// `body` one at a time (with the contract's position, for the message's variables).
    /// `eachWork` sees every open contract's work on the way, so that the nightly run can count
    /// the day's work without a scan of its own.
    public func plannedReminders(now: BusinessMoment, playbooks: PlaybookSet,
                                 eachWork: (ContractWorkRow) throws -> Void = { _ in },
                                 _ body: (PlannedReminder) throws -> Void) throws(DolgError) {
        let windowStart = now.date.adding(days: -ReminderPlanner.catchUpDays)
        var recorded: [Int64: Set<ReminderKey>] = [:]
        try read { db in
            let rows = try Row.fetchCursor(db, sql: "SELECT contract_id, installment_seq, step FROM outbox WHERE created_at >= ?",
                                           arguments: [windowStart.description])
            while let row = try rows.next() {
                recorded[row[0], default: []].insert(ReminderKey(seq: row[1], step: row[2]))
            }
        }
        try scanWork(now: now, playbooks: playbooks) { work in
            try eachWork(work)
            let plan = ReminderPlanner.plan(work.row.position, state: work.state,
                                            playbook: playbooks.playbook(forSegment: work.row.segment), today: now.date,
                                            recorded: recorded[work.row.contractID] ?? [])
            for (candidates, skipped) in [(plan.send, false), (plan.skip, true)] {
                for candidate in candidates {
                    try body(PlannedReminder(
                        contractID: work.row.contractID, contractNumber: work.row.number, clientName: work.row.clientName,
                        phone: work.row.clientPhone, client: work.client, position: work.row.position,
                        candidate: candidate, skipped: skipped))
                }
            }
        }
    }

    /// Records reminders in the outbox; one that is already there (a concurrent run) is left as it is.
    public func recordReminders(_ reminders: [OutboxDraft], at now: BusinessMoment,
                                audit: AuditContext) throws(DolgError) -> Int {
        try write(audit) { db in
            let insert = try db.makeStatement(sql: """
                INSERT OR IGNORE INTO outbox (contract_id, installment_seq, step, channel, phone, text, skipped, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """)
            var inserted = 0
            for draft in reminders {
                try insert.execute(arguments: [draft.contractID, draft.seq, draft.step, draft.channel, draft.phone,
                                               draft.text, draft.skipped, now.description])
                inserted += db.changesCount
            }
            return inserted
        }
    }

    /// Records one delivery attempt: sent, failed (with the gateway's error) or cancelled.
    public func recordAttempt(messageID: Int64, at now: BusinessMoment, result: OutboxMessage.Status, detail: String?,
                              audit: AuditContext) throws(DolgError) {
        try write(audit) { db in
            try db.execute(sql: "INSERT INTO outbox_attempts (message_id, at, result, detail) VALUES (?, ?, ?, ?)",
                           arguments: [messageID, now.description, result.rawValue, detail])
        }
    }

    /// Outbox messages, oldest first, optionally only those with one status.
    public func outbox(status: OutboxMessage.Status? = nil, contractID: Int64? = nil) throws(DolgError) -> [OutboxMessage] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT outbox.*, contracts.number, contracts.client_id,
                    (SELECT count(*) FROM outbox_attempts WHERE message_id = outbox.id) AS attempts,
                    (SELECT result FROM outbox_attempts WHERE message_id = outbox.id ORDER BY id DESC LIMIT 1) AS last_result,
                    (SELECT detail FROM outbox_attempts WHERE message_id = outbox.id ORDER BY id DESC LIMIT 1) AS last_detail
                FROM outbox JOIN contracts ON contracts.id = outbox.contract_id
                WHERE (:contract IS NULL OR outbox.contract_id = :contract)
                ORDER BY outbox.id
                """, arguments: ["contract": contractID]).map { row -> OutboxMessage in
                let status: OutboxMessage.Status = row["skipped"] ? .skipped
                    : OutboxMessage.Status(rawValue: row["last_result"] ?? "pending") ?? .pending
                let createdAt = try BusinessMoment.parse(row["created_at"]) ?? .noon(row.civilDate("created_at"))
                return OutboxMessage(
                    id: row["id"], contractID: row["contract_id"], contractNumber: row["number"], clientID: row["client_id"],
                    installmentSeq: row["installment_seq"], step: row["step"], channel: row["channel"], phone: row["phone"],
                    text: row["text"], createdAt: createdAt,
                    status: status, attempts: row["attempts"], lastDetail: row["last_detail"])
            }.filter { status == nil || $0.status == status }
        }
    }

    /// Whether an installment still has something to pay as of a date: a reminder for a paid one is cancelled.
    public func installmentIsUnpaid(contractID: Int64, seq: Int, asOf: CivilDate) throws(DolgError) -> Bool {
        try read { db in
            guard let row = try Row.fetchOne(db, sql: "\(Self.contractSelect) WHERE contracts.id = ?", arguments: [contractID])
            else { return false }
            let settings = try settings(db)
            let position = try contractDetail(db, try row.contract()).position(asOf: asOf, buckets: settings.buckets)
            return position.status.isOpen
                && position.allocation.coverages.contains { $0.installment.seq == seq && $0.remaining.isPositive }
        }
    }
}
