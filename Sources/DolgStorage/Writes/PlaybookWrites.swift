import DolgRules
import GRDB

/// A version of the ledger's playbook file.
public struct StoredPlaybook: Sendable {
    public let version: Int
    public let text: String
    /// The business date of the import (the audit log has the clock time).
    public let importedOn: String
    public let importedBy: String
}

extension LedgerDatabase {
    /// Stores a new version of the playbook file (already checked); the newest is in force.
    /// Versions are kept, so the history shows which rules were in force when.
    public func importPlaybook(text: String, buckets: BucketScheme?, by login: String,
                               audit: AuditContext) throws(DolgError) -> Int {
        try write(audit) { db in
            try db.execute(sql: "INSERT INTO playbooks (text, bucket_thresholds, imported_at, imported_by) VALUES (?, ?, ?, ?)",
                           arguments: [text, buckets?.thresholds.map(String.init).joined(separator: ","),
                                       audit.today.description, login])
            return Int(db.lastInsertedRowID)
        }
    }

    /// Every version, oldest first.
    public func playbookVersions() throws(DolgError) -> [StoredPlaybook] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM playbooks ORDER BY version").map {
                StoredPlaybook(version: $0["version"], text: $0["text"], importedOn: $0["imported_at"], importedBy: $0["imported_by"])
            }
        }
    }

    /// The playbook file in force, if one was imported.
    public func currentPlaybook() throws(DolgError) -> StoredPlaybook? {
        try playbookVersions().last
    }
}
