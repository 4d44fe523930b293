import DolgRules
import GRDB

/// One contract with everything needed to show it: terms, schedule, entries.
public struct ContractDetail: Sendable {
    public let contract: StoredContract
    /// The schedule through time: the original one, and each approved restructuring from its day.
    public let schedule: ContractSchedule
    public let payments: [StoredPayment]

    /// The schedule in force from the latest restructuring on (the original one without any).
    public var installments: [Installment] { schedule.current }
    /// The original schedule when a restructuring replaced it, for history.
    public var replacedInstallments: [Installment] { schedule.revisions.isEmpty ? [] : schedule.original }

    /// The contract's position as of a date, with the schedule in force that day.
    public func position(asOf: CivilDate, buckets: BucketScheme) -> ContractPosition {
        ContractPosition(installments: schedule.inForce(on: asOf), netPaid: payments.map(\.entry).netPaid(asOf: asOf),
                         terminatedOn: contract.termination?.date, asOf: asOf, buckets: buckets)
    }
}

extension LedgerDatabase {
    static let contractSelect = """
        SELECT contracts.*, terminations.date AS terminated_on, terminations.reason AS termination_reason,
            contract_managers.name AS contract_manager_name,
            clients.id AS client_id, clients.name AS client_name, clients.phone AS client_phone,
            clients.email AS client_email, clients.inn AS client_inn, clients.note AS client_note,
            client_managers.name AS client_manager_name
        FROM contracts
        JOIN clients ON clients.id = contracts.client_id
        LEFT JOIN managers AS contract_managers ON contract_managers.id = contracts.manager_id
        LEFT JOIN managers AS client_managers ON client_managers.id = clients.manager_id
        LEFT JOIN terminations ON terminations.contract_id = contracts.id
        """

    static let paymentSelect = """
        SELECT payments.*, contracts.number AS contract_number, reversals.id AS reversed_by_id,
            bank_receipts.document_number AS receipt_number, bank_receipts.date AS receipt_date,
            bank_receipts.payer_name AS receipt_payer
        FROM payments
        JOIN contracts ON contracts.id = payments.contract_id
        LEFT JOIN payments AS reversals ON reversals.reverses_id = payments.id
        LEFT JOIN bank_receipts ON bank_receipts.id = payments.receipt_id
        """

    /// A contract with its schedule and entries, or `unknown_contract`.
    public func contractDetail(number: String) throws(DolgError) -> ContractDetail {
        try read { db in try contractDetail(db, try contractNumbered(number, db)) }
    }

    func contractDetail(_ db: Database, _ contract: StoredContract) throws -> ContractDetail {
        let installments = try Row.fetchAll(
            db, sql: "SELECT seq, due_date, principal, interest FROM installments WHERE contract_id = ? ORDER BY seq",
            arguments: [contract.id]
        ).map { try $0.installment() }
        let payments = try Row.fetchAll(
            db, sql: "\(Self.paymentSelect) WHERE payments.contract_id = ? ORDER BY payments.date, payments.id",
            arguments: [contract.id]
        ).map { try $0.payment() }
        let revisions = try restructuredSchedules(db, contractID: contract.id)[contract.id] ?? []
        return ContractDetail(contract: contract, schedule: ContractSchedule(original: installments, revisions: revisions),
                              payments: payments)
    }

    func contractNumbered(_ number: String, _ db: Database) throws -> StoredContract {
        guard let row = try Row.fetchOne(db, sql: "\(Self.contractSelect) WHERE contracts.number = ?",
                                         arguments: [number]) else {
            throw DolgError(.unknownContract, "contract '\(number)' does not exist",
                            remedy: "see `dolg contract list` for contract numbers")
                .inRussian("договора '\(number)' нет", remedy: "номера договоров: `dolg contract list`")
        }
        return try row.contract()
    }
}

extension Row {
    func contract() throws -> StoredContract {
        let client = StoredClient(id: self["client_id"], name: self["client_name"], phone: self["client_phone"],
                                  email: self["client_email"], inn: self["client_inn"],
                                  managerName: self["client_manager_name"],
                                  note: self["client_note"])
        let terms = ScheduleTerms(
            totalAmount: money("amount"), downPayment: money("down_payment"),
            installmentCount: self["installment_count"], period: Period(rawValue: self["period"]) ?? .month,
            startDate: try civilDate("start_date"), firstDueDate: try civilDate("first_due"),
            annualRate: InterestRate(tenThousandthsOfPercent: self["rate"]))
        let termination = try optionalCivilDate("terminated_on").map {
            StoredContract.Termination(date: $0, reason: self["termination_reason"])
        }
        var contract = StoredContract(id: self["id"], number: self["number"], client: client,
                              managerName: self["contract_manager_name"] ?? self["client_manager_name"],
                              terms: terms, dailyPenaltyRate: InterestRate(tenThousandthsOfPercent: self["penalty_rate"]),
                              hasCustomSchedule: self["custom_schedule"], termination: termination)
        contract.segment = self["segment"]
        return contract
    }

    /// For a payment imported from a bank statement: `п/п №101 от 19.11.2026, payer`.
    func bankReference() -> String? {
        guard let number: String = self["receipt_number"], let date: String = self["receipt_date"],
              let parsed = try? CivilDate.parse(date) else { return nil }
        let payer: String = self["receipt_payer"] ?? ""
        return "п/п №\(number) от \(parsed.russianDescription)" + (payer.isEmpty ? "" : ", \(payer)")
    }

    func payment() throws -> StoredPayment {
        let kind = LedgerEntry.Kind(rawValue: self["kind"]) ?? .payment
        return StoredPayment(
            id: self["id"], contractNumber: self["contract_number"],
            entry: LedgerEntry(kind: kind, date: try civilDate("date"), signedAmount: money("amount")),
            method: self["method"], reference: self["reference"] ?? bankReference(),
            reversesID: self["reverses_id"],
            reversedByID: self["reversed_by_id"], reason: self["reason"])
    }
}

extension LedgerDatabase {
    /// How many contracts the ledger holds: the total a long scan's progress is told against.
    public func contractCount() throws(DolgError) -> Int {
        try read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM contracts") ?? 0 }
    }
}
