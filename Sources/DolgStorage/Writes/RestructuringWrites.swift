import DolgRules
import GRDB

/// What became of a restructuring request.
public enum RestructuringOutcome: Equatable, Sendable {
    /// In force at once (asked by a head, or the ledger has no head to ask).
    case applied(id: Int64)
    /// Waiting for a head's `dolg approve ID`.
    case proposed(id: Int64)
}

extension LedgerDatabase {
    /// Records a new schedule for a contract. A manager's request waits for a head's approval;
    /// a head's takes effect at once. The schedule replaced stays in the ledger as history.
    public func restructure(contractNumber: String, schedule: [Installment], asOf: CivilDate, login: String,
                            audit: AuditContext) throws(DolgError) -> RestructuringOutcome {
        try write(audit) { db in
            let contract = try contractNumbered(contractNumber, db)
            try db.execute(sql: "INSERT INTO restructurings (contract_id, as_of, proposed_by, proposed_at) VALUES (?, ?, ?, ?)",
                           arguments: [contract.id, asOf.description, login, audit.timestamp])
            let id = db.lastInsertedRowID
            try insertInstallments(schedule, into: "restructured_installments", owner: "restructuring_id", id: id, db)
            guard try mayApprove(login, db) else { return .proposed(id: id) }
            try db.execute(sql: """
                INSERT INTO approvals (restructuring_id, approved_by, approved_at, effective_on) VALUES (?, ?, ?, ?)
                """, arguments: [id, login, audit.timestamp, asOf.description])
            return .applied(id: id)
        }
    }

    /// A head approves a proposed restructuring; it takes effect on the business date `on`.
    public func approve(restructuringID id: Int64, on date: CivilDate, login: String,
                        audit: AuditContext) throws(DolgError) -> String {
        try write(audit) { db in
            guard let number = try String.fetchOne(db, sql: """
                SELECT contracts.number FROM restructurings JOIN contracts ON contracts.id = restructurings.contract_id
                WHERE restructurings.id = ?
                """, arguments: [id]) else {
                throw DolgError(.unknownRequest, "there is no restructuring request \(id)",
                                remedy: "see the pending requests in `dolg schedule requests`")
                    .inRussian("запроса на реструктуризацию \(id) нет", remedy: "ожидающие запросы: `dolg schedule requests`")
            }
            guard try mayApprove(login, db) else {
                throw DolgError(.notPermitted, "'\(login)' is not a head and cannot approve", remedy: "ask a head to run `dolg approve \(id)`")
                    .inRussian("'\(login)' — не руководитель и не может утвердить",
                               remedy: "попросите руководителя выполнить `dolg approve \(id)`")
            }
            if try Bool.fetchOne(db, sql: "SELECT 1 FROM approvals WHERE restructuring_id = ?", arguments: [id]) == true {
                throw DolgError(.alreadyApproved, "restructuring \(id) of contract \(number) is already approved",
                                remedy: "nothing to do")
                    .inRussian("реструктуризация \(id) по договору \(number) уже утверждена", remedy: "делать ничего не нужно")
            }
            try db.execute(sql: """
                INSERT INTO approvals (restructuring_id, approved_by, approved_at, effective_on) VALUES (?, ?, ?, ?)
                """, arguments: [id, login, audit.timestamp, date.description])
            return number
        }
    }

    /// Restructuring requests waiting for a head.
    public func pendingRestructurings() throws(DolgError) -> [(id: Int64, contract: String, asOf: CivilDate, by: String)] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT restructurings.id, contracts.number, restructurings.as_of, restructurings.proposed_by
                FROM restructurings JOIN contracts ON contracts.id = restructurings.contract_id
                WHERE NOT EXISTS (SELECT 1 FROM approvals WHERE approvals.restructuring_id = restructurings.id)
                ORDER BY restructurings.id
                """).map { (id: $0["id"], contract: $0["number"], asOf: try $0.civilDate("as_of"), by: $0["proposed_by"]) }
        }
    }

    /// A head approves; so does anyone when the ledger has no head at all (a one-person business).
    func mayApprove(_ login: String, _ db: Database) throws -> Bool {
        if try Bool.fetchOne(db, sql: "SELECT 1 FROM managers WHERE login = ? AND role = 'head'", arguments: [login]) == true {
            return true
        }
        return try Bool.fetchOne(db, sql: "SELECT 1 FROM managers WHERE role = 'head'") != true
    }

    /// The approved restructurings of each contract, each from the day it took effect: the later of
    /// the day it was asked for and the day it was approved (a ledger from before approvals had a
    /// day: the day it was asked for).
    func restructuredSchedules(_ db: Database, contractID: Int64? = nil) throws -> [Int64: [ContractSchedule.Revision]] {
        var revisions: [Int64: [ContractSchedule.Revision]] = [:]
        var current: (contract: Int64, id: Int64, effectiveOn: CivilDate, installments: [Installment])?
        func flush() {
            guard let done = current else { return }
            revisions[done.contract, default: []].append(
                ContractSchedule.Revision(effectiveOn: done.effectiveOn, installments: done.installments))
        }
        let rows = try Row.fetchCursor(db, sql: """
            SELECT restructurings.contract_id, restructurings.id,
                max(restructurings.as_of, coalesce(approvals.effective_on, restructurings.as_of)) AS effective_on,
                ri.seq, ri.due_date, ri.principal, ri.interest
            FROM restructured_installments AS ri JOIN restructurings ON restructurings.id = ri.restructuring_id
            JOIN approvals ON approvals.restructuring_id = restructurings.id
            WHERE (:contract IS NULL OR restructurings.contract_id = :contract)
            ORDER BY restructurings.contract_id, restructurings.id, ri.seq
            """, arguments: ["contract": contractID])
        while let row = try rows.next() {
            let id: Int64 = row["id"]
            if current?.id != id {
                flush()
                current = (row["contract_id"], id, try row.civilDate("effective_on"), [])
            }
            current!.installments.append(try row.installment())
        }
        flush()
        return revisions
    }
}
