import DolgRules
import GRDB

/// What `recordPayment` did.
public enum PaymentOutcome: Equatable, Sendable {
    /// A new payment, with its id.
    case recorded(id: Int64)
    /// A payment with the same reference, contract, amount and date was already there.
    case alreadyRecorded(id: Int64)
}

extension LedgerDatabase {
    /// Records a payment. With a reference it is idempotent: the same reference with the
    /// same fields is reported as already recorded and writes nothing; with other fields
    /// it is `payment_reference_conflict`.
    public func recordPayment(contractNumber: String, amount: Money, date: CivilDate, method: String?,
                              reference: String?, audit: AuditContext) throws(DolgError) -> PaymentOutcome {
        guard amount.isPositive else {
            throw DolgError(.amountNotPositive, "AMOUNT \(amount) is not positive",
                            remedy: "give the amount received; to undo a payment use `dolg pay reverse`")
                .inRussian("сумма платежа \(amount) не больше нуля", remedy: "укажите полученную сумму; отменить платеж: `dolg pay reverse`")
        }
        guard date <= audit.today else {
            throw DolgError(.paymentInFuture, "--date \(date) is after the business date \(audit.today)",
                            remedy: "record a payment on the day it arrives, or check the year")
                .inRussian("--date \(date.russianDescription) позже рабочей даты \(audit.today.russianDescription)",
                           remedy: "платеж записывают в день поступления; проверьте год")
        }
        return try writeUnlessUnchanged(audit) { db in
            if let reference, let existing = try paymentWithReference(reference, db) {
                guard existing.contractNumber == contractNumber, existing.entry.signedAmount == amount,
                      existing.entry.date == date else {
                    throw DolgError(.paymentReferenceConflict,
                                    "--ref '\(reference)' is already payment \(existing.id) of \(existing.entry.signedAmount) on \(existing.entry.date) to contract \(existing.contractNumber)",
                                    remedy: "give a new --ref, or check that this is not the same payment")
                        .inRussian("--ref '\(reference)' уже есть: платёж \(existing.id) на \(existing.entry.signedAmount) "
                                   + "от \(existing.entry.date) по договору \(existing.contractNumber)",
                                   remedy: "укажите новый --ref или проверьте, не тот же ли это платёж")
                }
                return .unchanged(.alreadyRecorded(id: existing.id))
            }
            let contract = try contractNumbered(contractNumber, db)
            guard date >= contract.terms.startDate else {
                throw DolgError(.paymentBeforeStart,
                                "--date \(date) is before contract \(contractNumber) started on \(contract.terms.startDate)",
                                remedy: "check the payment date")
                    .inRussian("--date \(date) раньше начала договора \(contractNumber) (\(contract.terms.startDate))",
                               remedy: "проверьте дату платежа")
            }
            try ReceivedTotals.check(adding: amount, to: contract.id, db)
            try db.execute(sql: """
                INSERT INTO payments (contract_id, kind, date, amount, method, reference, recorded_at)
                VALUES (?, 'payment', ?, ?, ?, ?, ?)
                """, arguments: [contract.id, date.description, try amount.storedMinorUnits, method, reference, audit.timestamp])
            return .written(.recorded(id: db.lastInsertedRowID))
        }
    }

    /// Cancels a payment with a reversal entry; the payment itself stays in the ledger.
    @discardableResult
    public func reversePayment(id: Int64, reason: String, date: CivilDate,
                               audit: AuditContext) throws(DolgError) -> Int64 {
        try write(audit) { db in
            guard let payment = try paymentWithID(id, db) else {
                throw DolgError(.unknownPayment, "payment \(id) does not exist",
                                remedy: "see the payment ids in `dolg contract show CONTRACT`")
                    .inRussian("платежа \(id) нет", remedy: "номера платежей: `dolg contract show ДОГОВОР`")
            }
            guard payment.entry.kind == .payment else {
                throw DolgError(.reversalOfReversal, "entry \(id) is itself a reversal",
                                remedy: "record the payment again with `dolg pay` instead")
                    .inRussian("запись \(id) сама является отменой платежа", remedy: "вместо этого запишите платёж заново: `dolg pay`")
            }
            if let reversal = payment.reversedByID {
                throw DolgError(.alreadyReversed, "payment \(id) was already reversed by entry \(reversal)",
                                remedy: "nothing to do")
                    .inRussian("платёж \(id) уже отменён записью \(reversal)", remedy: "делать ничего не нужно")
            }
            guard date >= payment.entry.date else {
                throw DolgError(.reversalBeforePayment,
                                "--date \(date) is before the payment's date \(payment.entry.date)",
                                remedy: "give a reversal date on or after the payment")
                    .inRussian("--date \(date) раньше даты платежа \(payment.entry.date)",
                               remedy: "дата отмены должна быть не раньше даты платежа")
            }
            try db.execute(sql: """
                INSERT INTO payments (contract_id, kind, date, amount, reverses_id, reason, recorded_at)
                SELECT contract_id, 'reversal', ?, -amount, id, ?, ? FROM payments WHERE id = ?
                """, arguments: [date.description, reason, audit.timestamp, id])
            return db.lastInsertedRowID
        }
    }

    func paymentWithReference(_ reference: String, _ db: Database) throws -> StoredPayment? {
        try Row.fetchOne(db, sql: "\(Self.paymentSelect) WHERE payments.reference = ?", arguments: [reference])
            .map { try $0.payment() }
    }

    func paymentWithID(_ id: Int64, _ db: Database) throws -> StoredPayment? {
        try Row.fetchOne(db, sql: "\(Self.paymentSelect) WHERE payments.id = ?", arguments: [id]).map { try $0.payment() }
    }
}
