import DolgRules
import GRDB

/// A contact to record, as the command line gives it.
public struct TouchInput: Sendable {
    public let contractNumber: String
    public let at: BusinessMoment
    public let channel: Channel
    public let outcome: TouchOutcome
    public let promiseDate: CivilDate?
    public let promiseAmount: Money?
    public let callbackAt: BusinessMoment?
    public let note: String?
    /// The login of the person recording it.
    public let login: String

    public init(contractNumber: String, at: BusinessMoment, channel: Channel, outcome: TouchOutcome,
                promiseDate: CivilDate?, promiseAmount: Money?, callbackAt: BusinessMoment?, note: String?,
                login: String) {
        self.contractNumber = contractNumber
        self.at = at
        self.channel = channel
        self.outcome = outcome
        self.promiseDate = promiseDate
        self.promiseAmount = promiseAmount
        self.callbackAt = callbackAt
        self.note = note
        self.login = login
    }
}

extension LedgerDatabase {
    /// Records a touch. When a person step is due for the contract and the touch is the kind of
    /// contact that step asks for, the touch is recorded for that step (and, unless nobody
    /// answered, completes it). Returns the step it was recorded for.
    @discardableResult
    public func recordTouch(_ input: TouchInput, playbooks: PlaybookSet, audit: AuditContext) throws(DolgError) -> String? {
        try write(audit) { db in
            let contract = try contractNumbered(input.contractNumber, db)
            let detail = try contractDetail(db, contract)
            let settings = try settings(db)
            let position = detail.position(asOf: input.at.date, buckets: settings.buckets)
            let state = ContractWorkState(
                position: position, touches: try touches(db, contractID: contract.id, asOf: input.at.date),
                holds: try holds(db, contractID: contract.id, from: nil)[contract.id] ?? [],
                playbook: playbooks.playbook(forSegment: try String.fetchOne(
                    db, sql: "SELECT segment FROM contracts WHERE id = ?", arguments: [contract.id])), now: input.at)
            var step: String?
            if let due = state.step, Self.channel(input.channel, serves: due.channel) { step = due.name }
            let managerID = try Int64.fetchOne(db, sql: "SELECT id FROM managers WHERE login = ?", arguments: [input.login])
            try db.execute(sql: """
                INSERT INTO touches (contract_id, at, channel, outcome, step, anchor_date, promise_date, promise_amount,
                    callback_at, note, manager_id, recorded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [contract.id, input.at.description, input.channel.rawValue, input.outcome.rawValue, step,
                                 step == nil ? nil : position.oldestOverdueDueDate?.description,
                                 input.promiseDate?.description, try input.promiseAmount?.storedMinorUnits,
                                 input.callbackAt?.description, input.note, managerID, audit.timestamp])
            return step
        }
    }

    /// Calls and visits stand in for each other; letters and legal steps need their own channel.
    static func channel(_ channel: Channel, serves stepChannel: Channel) -> Bool {
        let personal: Set<Channel> = [.call, .visit]
        return channel == stepChannel || (personal.contains(channel) && personal.contains(stepChannel))
    }

    /// Pauses reminders and escalation for a contract until a date (inclusive).
    public func addHold(contractNumber: String, from: CivilDate, until: CivilDate, reason: String,
                        audit: AuditContext) throws(DolgError) {
        try write(audit) { db in
            let contract = try contractNumbered(contractNumber, db)
            try db.execute(sql: "INSERT INTO holds (contract_id, from_date, until_date, reason, recorded_at) VALUES (?, ?, ?, ?, ?)",
                           arguments: [contract.id, from.description, until.description, reason, audit.timestamp])
        }
    }

    /// Holds in force on or after `date`, with their contract numbers.
    public func currentHolds(on date: CivilDate) throws(DolgError) -> [(contract: String, hold: Hold)] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT contracts.number, holds.from_date, holds.until_date, holds.reason FROM holds
                JOIN contracts ON contracts.id = holds.contract_id
                WHERE holds.until_date >= ? ORDER BY holds.until_date, contracts.number
                """, arguments: [date.description]).map { row in
                (row["number"], Hold(from: try row.civilDate("from_date"), until: try row.civilDate("until_date"),
                                     reason: row["reason"]))
            }
        }
    }
}
