import DolgRules
import Foundation
import GRDB

/// One invariant of the ledger and what was found against it.
public struct LedgerCheckResult: Sendable {
    /// A stable name for scripts, e.g. `schedule_sums`.
    public let name: String
    /// What must hold, in one sentence.
    public let rule: String
    /// How many rows break it.
    public let problemCount: Int
    /// The first few offending rows, described.
    public let examples: [String]
    /// A finding to look at, not a broken invariant: it does not fail the doctor.
    public var advisory = false

    public var passed: Bool { problemCount == 0 || advisory }
    /// An advisory check that found something.
    public var warns: Bool { advisory && problemCount > 0 }
}

extension LedgerDatabase {
    /// How many offending rows each check describes; the count is always complete.
    static let doctorExampleLimit = 5

    /// The tables whose rows are history: each must refuse UPDATE and DELETE by trigger.
    static let appendOnlyTables = [
        "contracts", "installments", "payments", "terminations", "audit_log", "bank_receipts", "touches", "holds",
        "outbox", "outbox_attempts", "portfolio_snapshots", "restructurings", "restructured_installments",
        "approvals", "client_notes", "playbooks", "deliveries", "delivery_attempts", "attempt_messages",
        "attempt_results", "contract_number_keys", "hold_ends", "record_changes", "receipt_dismissals",
    ]

    /// Checks SQLite's own structure and every invariant the ledger promises (docs/architecture.md).
    /// Each check is one set-based query, so the whole run is a few scans of the file.
    public func doctor() throws(DolgError) -> [LedgerCheckResult] {
        try read { db in
            var results = [
                try pragmaCheck(
                    "integrity", "SQLite finds the file's pages, indexes and constraints intact.",
                    sql: "PRAGMA integrity_check", db) { row in
                        let message: String = row[0]
                        return message == "ok" ? nil : message
                    },
                try pragmaCheck(
                    "foreign_keys", "Every reference points at a row that exists.",
                    sql: "PRAGMA foreign_key_check", db) { row in
                        "\(row[0] as String) row \(row[1] as Int64? ?? 0) refers to a missing \(row[2] as String) row"
                    },
            ]
            results.append(try markCheck(db))
            for check in Self.invariantChecks {
                results.append(try invariant(check, db))
            }
            results.append(try appendOnlyCheck(db))
            return results
        }
    }

    private struct InvariantCheck {
        let name: String
        let rule: String
        /// Selects one text column, `problem`, per offending row.
        let sql: String
        var advisory = false
    }

    /// How a payment was entered, for `payments_from_two_sources`.
    private static let paymentSource = """
        CASE WHEN p.receipt_id IS NOT NULL THEN 'a bank statement'
             WHEN p.natural_key IS NOT NULL THEN 'a payments file'
             ELSE 'pay' END
        """

    private static let invariantChecks = [
        InvariantCheck(
            name: "schedule_sums", rule: "Each contract's installments sum to its amount, down payment included.",
            sql: """
                SELECT 'contract ' || c.number || ': installments sum to ' || coalesce(s.total, 0)
                       || ' kopecks, the amount is ' || c.amount AS problem
                FROM contracts c
                LEFT JOIN (SELECT contract_id, sum(principal) AS total FROM installments GROUP BY contract_id) s
                       ON s.contract_id = c.id
                WHERE coalesce(s.total, 0) <> c.amount
                """),
        InvariantCheck(
            name: "installment_counts", rule: "A contract with regular terms has as many installments as it says.",
            sql: """
                SELECT 'contract ' || c.number || ': ' || coalesce(s.count, 0) || ' installments, terms say '
                       || c.installment_count AS problem
                FROM contracts c
                LEFT JOIN (SELECT contract_id, count(*) AS count FROM installments WHERE seq > 0
                           GROUP BY contract_id) s ON s.contract_id = c.id
                WHERE c.custom_schedule = 0 AND coalesce(s.count, 0) <> c.installment_count
                """),
        InvariantCheck(
            name: "reversals", rule: "A reversal cancels exactly one payment of its contract, on or after its date.",
            sql: """
                SELECT 'entry ' || r.id || ' reverses entry ' || r.reverses_id
                       || CASE WHEN p.id IS NULL THEN ', which does not exist'
                               WHEN p.kind <> 'payment' THEN ', which is not a payment'
                               WHEN p.contract_id <> r.contract_id THEN ' of another contract'
                               WHEN r.amount <> -p.amount THEN ' for ' || -r.amount || ' of its ' || p.amount || ' kopecks'
                               ELSE ' dated before it' END AS problem
                FROM payments r LEFT JOIN payments p ON p.id = r.reverses_id
                WHERE r.kind = 'reversal'
                  AND (p.id IS NULL OR p.kind <> 'payment' OR p.contract_id <> r.contract_id
                       OR r.amount <> -p.amount OR r.date < p.date)
                """),
        InvariantCheck(
            name: "payment_dates", rule: "No money is dated before its contract starts.",
            sql: """
                SELECT 'entry ' || p.id || ' on ' || p.date || ' is before contract ' || c.number
                       || ' starts on ' || c.start_date AS problem
                FROM payments p JOIN contracts c ON c.id = p.contract_id
                WHERE p.date < c.start_date
                """),
        InvariantCheck(
            name: "reminders_sent_once", rule: "No reminder was handed to the gateway twice.",
            sql: """
                SELECT 'message ' || message_id || ' was sent ' || count(*) || ' times' AS problem
                FROM attempt_messages JOIN attempt_results USING (attempt_id) WHERE attempt_results.result = 'sent'
                GROUP BY message_id HAVING count(*) > 1
                """),
        // Advisory: cash and a bank transfer of the same amount on the same day are possible, but a
        // payment entered by hand and then imported again from a file looks exactly like this.
        InvariantCheck(
            name: "payments_from_two_sources",
            rule: "No contract has payments of one date and amount entered in two ways (advisory).",
            sql: """
                SELECT 'contract ' || c.number || ': ' || count(*) || ' payments of ' || p.amount || ' kopecks on '
                       || p.date || ' from ' || group_concat(DISTINCT \(paymentSource)) AS problem
                FROM payments p JOIN contracts c ON c.id = p.contract_id
                WHERE p.kind = 'payment' AND NOT EXISTS (SELECT 1 FROM payments r WHERE r.reverses_id = p.id)
                GROUP BY p.contract_id, p.date, p.amount
                HAVING count(DISTINCT \(paymentSource)) > 1
                """,
            advisory: true),
    ]

    private func invariant(_ check: InvariantCheck, _ db: Database) throws -> LedgerCheckResult {
        // One pass: the window counts every offending row before LIMIT keeps the first few.
        let rows = try Row.fetchAll(db, sql: """
            SELECT problem, count(*) OVER () AS total FROM (\(check.sql)) LIMIT \(Self.doctorExampleLimit)
            """)
        var result = LedgerCheckResult(name: check.name, rule: check.rule, problemCount: rows.first?["total"] ?? 0,
                                       examples: rows.map { $0["problem"] })
        result.advisory = check.advisory
        return result
    }

    private func pragmaCheck(_ name: String, _ rule: String, sql: String, _ db: Database,
                             problem: (Row) -> String?) throws -> LedgerCheckResult {
        let problems = try Row.fetchAll(db, sql: sql).compactMap(problem)
        return LedgerCheckResult(name: name, rule: rule, problemCount: problems.count,
                                 examples: Array(problems.prefix(Self.doctorExampleLimit)))
    }

    /// The mark and the settings row that make the file a ledger (see `LedgerFile`).
    private func markCheck(_ db: Database) throws -> LedgerCheckResult {
        var problems: [String] = []
        let mark = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
        if mark != LedgerFile.applicationID { problems.append("the file's application id is \(mark), not dolg's") }
        if try Int.fetchOne(db, sql: "SELECT count(*) FROM ledger WHERE id = 1") != 1 {
            problems.append("the settings row is missing")
        }
        return LedgerCheckResult(name: "ledger_mark", rule: "The file carries dolg's mark and its settings row.",
                                 problemCount: problems.count, examples: problems)
    }

    private func appendOnlyCheck(_ db: Database) throws -> LedgerCheckResult {
        let triggers = Set(try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'trigger'"))
        let missing = Self.appendOnlyTables.flatMap { table in
            ["\(table)_are_never_updated", "\(table)_are_never_deleted"].filter { !triggers.contains($0) }
        }
        return LedgerCheckResult(
            name: "append_only", rule: "History tables refuse UPDATE and DELETE, even from a hand-typed statement.",
            problemCount: missing.count,
            examples: missing.prefix(Self.doctorExampleLimit).map { "trigger \($0) is missing" })
    }
}
