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
    /// The client started it (called in, came to the office): no contact limit counts it.
    public let incoming: Bool

    public init(contractNumber: String, at: BusinessMoment, channel: Channel, outcome: TouchOutcome,
                promiseDate: CivilDate?, promiseAmount: Money?, callbackAt: BusinessMoment?, note: String?,
                login: String, incoming: Bool = false) {
        self.contractNumber = contractNumber
        self.at = at
        self.channel = channel
        self.outcome = outcome
        self.promiseDate = promiseDate
        self.promiseAmount = promiseAmount
        self.callbackAt = callbackAt
        self.note = note
        self.login = login
        self.incoming = incoming
    }
}

extension LedgerDatabase {
    /// Records a touch. When a person step is due for the contract and the touch is the kind of
    /// contact that step asks for, the touch is recorded for that step (and, unless nobody
    /// answered, completes it). Returns the step it was recorded for.
    ///
    /// A contact the business starts must be allowed by the contact policy at that moment (the
    /// hours always; the day, week and month limits when the client was reached); a promise must
    /// be within the playbook's days and what is outstanding, unless a head records it.
    @discardableResult
    public func recordTouch(_ input: TouchInput, playbooks: PlaybookSet, audit: AuditContext) throws(DolgError) -> String? {
        try write(audit) { db in
            let contract = try contractNumbered(input.contractNumber, db)
            let detail = try contractDetail(db, contract)
            let settings = try settings(db)
            let position = detail.position(asOf: input.at.date, buckets: settings.buckets)
            let playbook = playbooks.playbook(forSegment: try String.fetchOne(
                db, sql: "SELECT segment FROM contracts WHERE id = ?", arguments: [contract.id]))
            if let date = input.promiseDate, let amount = input.promiseAmount {
                try checkPromise(date: date, amount: amount, input, position, playbook, db)
            }
            if !input.incoming {
                try checkContactPolicy(input, clientID: contract.client.id, playbooks.contactPolicy, db)
            }
            let state = ContractWorkState(
                position: position, touches: try touches(db, contractID: contract.id, asOf: input.at.date, upTo: input.at),
                holds: try holds(db, contractID: contract.id, asOf: input.at.date), playbook: playbook, now: input.at)
            var step: String?
            if let due = state.step, Self.channel(input.channel, serves: due.channel) { step = due.name }
            let managerID = try Int64.fetchOne(db, sql: "SELECT id FROM managers WHERE login = ?", arguments: [input.login])
            try db.execute(sql: """
                INSERT INTO touches (contract_id, at, channel, outcome, step, anchor_date, promise_date, promise_amount,
                    callback_at, note, manager_id, recorded_at, incoming)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [contract.id, input.at.description, input.channel.rawValue, input.outcome.rawValue, step,
                                 step == nil ? nil : position.oldestOverdueDueDate?.description,
                                 input.promiseDate?.description, try input.promiseAmount?.storedMinorUnits,
                                 input.callbackAt?.description, input.note, managerID, audit.timestamp, input.incoming])
            return step
        }
    }

    /// A promise is for at most the playbook's `promise_max_days` and what is outstanding: a
    /// promise a year ahead would hide a debt from the work list and every message. Only a head
    /// may accept a longer one: in a ledger without a head, the playbook's limit is the rule.
    private func checkPromise(date: CivilDate, amount: Money, _ input: TouchInput, _ position: ContractPosition,
                              _ playbook: Playbook, _ db: Database) throws {
        guard amount <= position.outstanding else {
            throw DolgError(.promiseOutOfBounds,
                            "--promise-amount \(amount) is more than contract \(input.contractNumber) owes: \(position.outstanding)",
                            remedy: "a promise is for at most what is outstanding")
                .inRussian("--promise-amount \(amount) больше долга по договору \(input.contractNumber): \(position.outstanding)",
                           remedy: "обещание — не больше остатка долга")
        }
        let maxDays = playbook.escalation.promiseMaxDays
        let latest = input.at.date.adding(days: maxDays)
        let headMayAccept = try Bool.fetchOne(
            db, sql: "SELECT 1 FROM managers WHERE login = ? AND role = 'head' AND active = 1", arguments: [input.login]) == true
        guard date <= latest || headMayAccept else {
            throw DolgError(.promiseOutOfBounds,
                            "--promise-date \(date) is more than \(maxDays) days ahead (at the latest \(latest))",
                            remedy: "agree an earlier date, or ask a head to record it; the limit is promise_max_days in the playbook")
                .inRussian("--promise-date \(date.russianDescription): дальше \(RussianPlural.days(maxDays)) (не позже \(latest.russianDescription))",
                           remedy: "договоритесь о более ранней дате или попросите руководителя записать обещание; предел — promise_max_days в сценарии")
        }
    }

    /// An outgoing contact outside the client's hours, or one more answered contact than the
    /// day's, week's or month's limit, is refused with the next moment it is allowed.
    private func checkContactPolicy(_ input: TouchInput, clientID: Int64, _ policy: ContactPolicy, _ db: Database) throws {
        guard let kind = ContactPolicy.kind(of: input.channel) else { return }
        let client = try Row.fetchOne(db, sql: "SELECT kind, time_offset_minutes FROM clients WHERE id = ?",
                                      arguments: [clientID])
        let contacts = ClientContacts(kind: client?["kind"] ?? "person", timeOffsetMinutes: client?["time_offset_minutes"] ?? 0,
                                      earlier: try recentContacts(db, now: input.at, clientID: clientID)[clientID] ?? [:])
        let counts = [.reached, .promise, .refused, .callback].contains(input.outcome)
        guard case .postponed(let until, let reason) = contacts.decide(kind, policy, at: input.at, countLimits: counts) else {
            return
        }
        throw DolgError(.contactNotAllowed,
                        "a \(kind.rawValue) to the client of \(input.contractNumber) at \(input.at) is not allowed: \(reason.english)",
                        remedy: "the next is allowed from \(until); a contact the client started is recorded with --incoming")
            .inRussian("\(kind.russian) клиенту по договору \(input.contractNumber) в \(input.at.timeDescription) \(input.at.date.russianDescription) нельзя: \(reason.russian)",
                       remedy: "следующий можно с \(until.date.russianDescription) \(until.timeDescription); контакт по инициативе клиента записывайте с --incoming")
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

    /// Holds as of `date`: those in force or to come, and, with `ended`, every hold with how it
    /// ended; with their contract numbers, the latest first among the ended.
    public func holdList(on date: CivilDate, ended: Bool) throws(DolgError) -> [(contract: String, hold: Hold)] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT * FROM (\(Self.holdSelect)) AS hold_rows
                JOIN contracts ON contracts.id = hold_rows.contract_id
                WHERE :ended OR (hold_rows.until_date >= :asOf AND hold_rows.ended_on IS NULL)
                ORDER BY hold_rows.until_date, contracts.number
                """, arguments: ["asOf": date.description, "ended": ended]).map { row in
                (row["number"], try row.hold())
            }
        }
    }

    /// Ends a hold early, on the business date `on`: from that day the contract is worked again.
    public func endHold(id: Int64, on date: CivilDate, reason: String, login: String, audit: AuditContext) throws(DolgError) -> String {
        try write(audit) { db in
            guard let hold = try Row.fetchOne(db, sql: "\(Self.holdSelect) WHERE holds.id = :id",
                                              arguments: ["id": id, "asOf": CivilDate.supported.upperBound.description])
            else {
                throw DolgError(.invalidValue, "hold \(id) does not exist", remedy: "see the ids in `dolg hold list --ended`")
                    .inRussian("паузы \(id) нет", remedy: "номера пауз: `dolg hold list --ended`")
            }
            let number = try String.fetchOne(db, sql: "SELECT number FROM contracts WHERE id = ?",
                                             arguments: [hold["contract_id"] as Int64]) ?? ""
            let current = try hold.hold()
            if let ended = current.endedOn {
                throw DolgError(.invalidValue, "hold \(id) of contract \(number) was already ended on \(ended)",
                                remedy: "nothing to do")
                    .inRussian("пауза \(id) по договору \(number) уже снята \(ended.russianDescription)", remedy: "делать ничего не нужно")
            }
            guard current.until >= date else {
                throw DolgError(.invalidValue, "hold \(id) of contract \(number) ended by itself on \(current.until)",
                                remedy: "nothing to do")
                    .inRussian("пауза \(id) по договору \(number) закончилась сама \(current.until.russianDescription)",
                               remedy: "делать ничего не нужно")
            }
            try db.execute(sql: """
                INSERT INTO hold_ends (hold_id, ended_on, reason, login, recorded_at) VALUES (?, ?, ?, ?, ?)
                """, arguments: [id, date.description, reason, login, audit.timestamp])
            return number
        }
    }
}
