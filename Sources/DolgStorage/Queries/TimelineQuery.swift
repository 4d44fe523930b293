import DolgRules
import GRDB

/// One event in a contract's history.
public struct TimelineEvent: Sendable {
    /// Events known only by date sort at the start of their day.
    public let at: BusinessMoment
    /// `contract`, `payment`, `reversal`, `refund`, `transfer`, `touch`, `promise`, `hold`, `hold-end`, `change`,
    /// `reminder`, `status`, `terminated`.
    public let kind: String
    public let amount: Money?
    /// What happened, as facts; the words for people are the reader's (`details` is the English).
    public let detail: TimelineDetail
    public let by: String?
    /// The contract, in a client's history of several.
    public var contractNumber: String?

    /// The details in English, as CSV and JSON have them.
    public var details: String { (contractNumber.map { "\($0): " } ?? "") + detail.english }
}

/// The facts of a history event, for each kind.
public enum TimelineDetail: Sendable {
    case contract(installments: Int, firstDue: CivilDate?)
    case payment(method: String?, reference: String?)
    case reversal(of: Int64, reason: String)
    case credit(reason: String)
    case touch(channel: Channel, outcome: TouchOutcome, step: String?, promise: (due: CivilDate, state: Promise.State)?,
               callback: BusinessMoment?, note: String?)
    case hold(until: CivilDate, reason: String)
    case holdEnd(id: Int64, reason: String)
    case reminder(step: String, installment: Int, channel: String, status: OutboxMessage.Status, cancelReason: String?,
                  planned: BusinessMoment?)
    case terminated(reason: String)
    case change(subject: String, field: String, old: String?, new: String?)
    case status(String)

    public var english: String {
        switch self {
        case .contract(let count, let first): return "\(count) installments from \(first?.description ?? "-")"
        case .payment(let method, let reference): return (method ?? "payment") + (reference.map { " \($0)" } ?? "")
        case .reversal(let id, let reason): return "reverses payment \(id): \(reason)"
        case .credit(let reason): return reason
        case .touch(let channel, let outcome, let step, let promise, let callback, let note):
            var text = "\(channel.rawValue): \(outcome.rawValue)"
            if let step { text += " (step \(step))" }
            if let promise { text += ", promised by \(promise.due): \(promise.state.rawValue)" }
            if let callback { text += ", call back at \(callback)" }
            if let note { text += " — \(note)" }
            return text
        case .hold(let until, let reason): return "until \(until): \(reason)"
        case .holdEnd(let id, let reason): return "hold \(id) ended: \(reason)"
        case .reminder(let step, let installment, let channel, let status, let cancelReason, let planned):
            return "\(step) for installment \(installment), \(channel): \(status.rawValue)"
                + (cancelReason.map { " (\($0))" } ?? "") + (planned.map { ", planned \($0)" } ?? "")
        case .terminated(let reason): return reason
        case .change(let subject, let field, let old, let new): return "\(subject) \(field): \(old ?? "—") → \(new ?? "—")"
        case .status(let status): return status
        }
    }
}

extension LedgerDatabase {
    /// Everything that happened to a contract up to the business date, oldest first.
    public func timeline(contractNumber: String, asOf: CivilDate) throws(DolgError) -> [TimelineEvent] {
        try read { db in
            let contract = try contractNumbered(contractNumber, db)
            let detail = try contractDetail(db, contract)
            func startOf(_ date: CivilDate) -> BusinessMoment { BusinessMoment(date: date, minuteOfDay: 0) }
            var events = [TimelineEvent(
                at: startOf(contract.terms.startDate), kind: "contract", amount: contract.terms.totalAmount,
                detail: .contract(installments: detail.installments.count, firstDue: detail.installments.first?.dueDate),
                by: contract.managerName)]
            for payment in detail.payments where payment.entry.date <= asOf {
                let facts: TimelineDetail
                switch payment.entry.kind {
                case .reversal: facts = .reversal(of: payment.reversesID ?? 0, reason: payment.reason ?? "")
                case .refund, .transfer: facts = .credit(reason: payment.reason ?? "")
                case .payment: facts = .payment(method: payment.method, reference: payment.reference)
                }
                events.append(TimelineEvent(at: startOf(payment.entry.date), kind: payment.entry.kind.rawValue,
                                            amount: payment.entry.signedAmount, detail: facts, by: nil))
            }
            for touch in try touches(db, contractID: contract.id, asOf: asOf) {
                let facts = TimelineDetail.touch(
                    channel: touch.channel, outcome: touch.outcome, step: touch.step,
                    promise: touch.promise.map { ($0.dueDate, $0.state(asOf: asOf)) }, callback: touch.callbackAt, note: touch.note)
                events.append(TimelineEvent(at: touch.at, kind: touch.promise == nil ? "touch" : "promise",
                                            amount: touch.promise?.amount, detail: facts, by: touch.managerName))
            }
            for hold in try holds(db, contractID: contract.id, asOf: asOf) where hold.from <= asOf {
                events.append(TimelineEvent(at: startOf(hold.from), kind: "hold", amount: nil,
                                            detail: .hold(until: hold.until, reason: hold.reason), by: nil))
                if let ended = hold.endedOn {
                    events.append(TimelineEvent(at: startOf(ended), kind: "hold-end", amount: nil,
                                                detail: .holdEnd(id: hold.id, reason: hold.endReason ?? ""), by: nil))
                }
            }
            // A message stands at the moment it was last handed to the gateway, else when it was planned.
            for message in try messages(db, since: nil, contractID: contract.id) where message.createdAt.date <= asOf {
                let handedLater = message.handedAt.map { $0 != message.createdAt } ?? false
                events.append(TimelineEvent(
                    at: message.handedAt ?? message.createdAt, kind: "reminder", amount: nil,
                    detail: .reminder(step: message.step, installment: message.installmentSeq, channel: message.channel,
                                      status: message.status, cancelReason: message.status == .cancelled ? message.detail : nil,
                                      planned: handedLater ? message.createdAt : nil),
                    by: nil))
            }
            if let termination = contract.termination, termination.date <= asOf {
                events.append(TimelineEvent(at: startOf(termination.date), kind: "terminated", amount: nil,
                                            detail: .terminated(reason: termination.reason), by: nil))
            }
            for change in try recordChanges(db, clientID: contract.client.id, asOf: asOf)
            where change.subject == "client" || change.subjectLabel == contract.number {
                events.append(TimelineEvent(at: startOf(change.businessDate), kind: "change", amount: nil,
                                            detail: .change(subject: change.subject, field: change.field,
                                                            old: change.oldValue, new: change.newValue),
                                            by: change.login))
            }
            let settings = try settings(db)
            for change in StatusTimeline.changes(
                schedule: detail.schedule, entries: detail.payments.map(\.entry),
                terminatedOn: contract.termination?.date, start: contract.terms.startDate, asOf: asOf,
                buckets: settings.buckets).dropFirst() {
                events.append(TimelineEvent(at: startOf(change.date), kind: "status", amount: nil,
                                            detail: .status(change.status), by: nil))
            }
            return events.enumerated().sorted { ($0.element.at, $0.offset) < ($1.element.at, $1.offset) }.map(\.element)
        }
    }
}

extension LedgerDatabase {
    public func contractExists(number: String) throws(DolgError) -> Bool {
        try read { db in try Bool.fetchOne(db, sql: "SELECT 1 FROM contracts WHERE number = ?", arguments: [number]) == true }
    }

    /// Every contract's timeline of a client, merged in time; each event names its contract
    /// when there are several. A change to the client's card is told once.
    public func clientTimeline(clientID: Int64, asOf: CivilDate) throws(DolgError) -> [TimelineEvent] {
        let numbers = try read { db in
            try String.fetchAll(db, sql: "SELECT number FROM contracts WHERE client_id = ? ORDER BY id", arguments: [clientID])
        }
        var events: [TimelineEvent] = []
        var seenClientChanges = Set<String>()
        for number in numbers {
            for event in try timeline(contractNumber: number, asOf: asOf) {
                if event.kind == "change", event.details.hasPrefix("client ") {
                    guard seenClientChanges.insert("\(event.at) \(event.details)").inserted else { continue }
                    events.append(event)
                    continue
                }
                var event = event
                if numbers.count > 1 { event.contractNumber = number }
                events.append(event)
            }
        }
        return events.enumerated().sorted { ($0.element.at, $0.offset) < ($1.element.at, $1.offset) }.map(\.element)
    }
}
