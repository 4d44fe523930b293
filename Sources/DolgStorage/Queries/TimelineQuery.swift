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
    public let details: String
    public let by: String?
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
                details: "\(detail.installments.count) installments from \(detail.installments.first?.dueDate.description ?? "-")",
                by: contract.managerName)]
            for payment in detail.payments where payment.entry.date <= asOf {
                let reference = payment.reference.map { " \($0)" } ?? ""
                let details: String
                switch payment.entry.kind {
                case .reversal: details = "reverses payment \(payment.reversesID ?? 0): \(payment.reason ?? "")"
                case .refund, .transfer: details = payment.reason ?? ""
                case .payment: details = "\(payment.method ?? "payment")\(reference)"
                }
                events.append(TimelineEvent(at: startOf(payment.entry.date), kind: payment.entry.kind.rawValue,
                                            amount: payment.entry.signedAmount, details: details, by: nil))
            }
            for touch in try touches(db, contractID: contract.id, asOf: asOf) {
                var details = "\(touch.channel.rawValue): \(touch.outcome.rawValue)"
                if let step = touch.step { details += " (step \(step))" }
                if let promise = touch.promise {
                    details += ", promised by \(promise.dueDate): \(promise.state(asOf: asOf).rawValue)"
                }
                if let callback = touch.callbackAt { details += ", call back at \(callback)" }
                if let note = touch.note { details += " — \(note)" }
                events.append(TimelineEvent(at: touch.at, kind: touch.promise == nil ? "touch" : "promise",
                                            amount: touch.promise?.amount, details: details, by: touch.managerName))
            }
            for hold in try holds(db, contractID: contract.id, asOf: asOf) where hold.from <= asOf {
                events.append(TimelineEvent(at: startOf(hold.from), kind: "hold", amount: nil,
                                            details: "until \(hold.until): \(hold.reason)", by: nil))
                if let ended = hold.endedOn {
                    events.append(TimelineEvent(at: startOf(ended), kind: "hold-end", amount: nil,
                                                details: "hold \(hold.id) ended: \(hold.endReason ?? "")", by: nil))
                }
            }
            // A message stands at the moment it was last handed to the gateway, else when it was planned.
            for message in try messages(db, since: nil, contractID: contract.id) where message.createdAt.date <= asOf {
                let reason = message.status == .cancelled ? message.detail.map { " (\($0))" } ?? "" : ""
                let handedLater = message.handedAt.map { $0 != message.createdAt } ?? false
                let planned = handedLater ? ", planned \(message.createdAt)" : ""
                events.append(TimelineEvent(
                    at: message.handedAt ?? message.createdAt, kind: "reminder", amount: nil,
                    details: "\(message.step) for installment \(message.installmentSeq), \(message.channel): "
                        + message.status.rawValue + reason + planned,
                    by: nil))
            }
            if let termination = contract.termination, termination.date <= asOf {
                events.append(TimelineEvent(at: startOf(termination.date), kind: "terminated", amount: nil,
                                            details: termination.reason, by: nil))
            }
            for change in try recordChanges(db, clientID: contract.client.id, asOf: asOf)
            where change.subject == "client" || change.subjectLabel == contract.number {
                events.append(TimelineEvent(at: startOf(change.businessDate), kind: "change", amount: nil,
                                            details: "\(change.subject) \(change.field): \(change.oldValue ?? "—") → \(change.newValue ?? "—")",
                                            by: change.login))
            }
            let settings = try settings(db)
            for change in StatusTimeline.changes(
                schedule: detail.schedule, entries: detail.payments.map(\.entry),
                terminatedOn: contract.termination?.date, start: contract.terms.startDate, asOf: asOf,
                buckets: settings.buckets).dropFirst() {
                events.append(TimelineEvent(at: startOf(change.date), kind: "status", amount: nil,
                                            details: change.status, by: nil))
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
                events.append(numbers.count == 1 ? event : TimelineEvent(
                    at: event.at, kind: event.kind, amount: event.amount, details: "\(number): \(event.details)", by: event.by))
            }
        }
        return events.enumerated().sorted { ($0.element.at, $0.offset) < ($1.element.at, $1.offset) }.map(\.element)
    }
}
