import DolgRules
import GRDB

/// One event in a contract's history.
public struct TimelineEvent: Sendable {
    /// Events known only by date sort at the start of their day.
    public let at: BusinessMoment
    /// `contract`, `payment`, `reversal`, `touch`, `promise`, `hold`, `reminder`, `status`, `terminated`.
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
                let details = payment.entry.kind == .reversal
                    ? "reverses payment \(payment.reversesID ?? 0): \(payment.reason ?? "")"
                    : "\(payment.method ?? "payment")\(reference)"
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
            for hold in try holds(db, contractID: contract.id, from: nil)[contract.id] ?? [] where hold.from <= asOf {
                events.append(TimelineEvent(at: startOf(hold.from), kind: "hold", amount: nil,
                                            details: "until \(hold.until): \(hold.reason)", by: nil))
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
