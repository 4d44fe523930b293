import DolgRules
import GRDB

/// One row of the audit log: who ran which write (or which reveal of personal data), and when.
public struct AuditEntry: Sendable {
    /// When, in UTC, as the clock said.
    public let at: String
    public let osUser: String
    /// The login given with `--as` or `DOLG_USER`, if any.
    public let claimedLogin: String?
    /// The command line, with personal data redacted.
    public let command: String
}

extension LedgerDatabase {
    /// The audit log, oldest first: from `since` (a date, UTC), of one person (their OS user or
    /// claimed login), and only reveals of personal data when `revealsOnly`.
    public func auditEntries(since: CivilDate?, who: String?, revealsOnly: Bool) throws(DolgError) -> [AuditEntry] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT at, os_user, claimed_login, command FROM audit_log
                WHERE (:since IS NULL OR at >= :since)
                  AND (:who IS NULL OR os_user = :who OR claimed_login = :who)
                  AND (NOT :reveals OR command LIKE '% --reveal%')
                ORDER BY id
                """, arguments: ["since": since?.description, "who": who, "reveals": revealsOnly]).map { row in
                AuditEntry(at: row["at"], osUser: row["os_user"], claimedLogin: row["claimed_login"], command: row["command"])
            }
        }
    }
}
