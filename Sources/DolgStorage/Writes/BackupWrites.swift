import DolgRules
import Foundation
import GRDB

extension LedgerDatabase {
    /// Copies the ledger to a new file with SQLite's online backup: the copy is one consistent
    /// state even while other commands write, and it is readable by its owner only.
    public func backup(to path: String) throws(DolgError) {
        try Self.createOwnerOnlyFile(path, naming: "a backup", remedyIfExists: "give a new file name")
        do {
            let copy = try DatabaseQueue(path: path)
            try queue.backup(to: copy)
            try copy.close()
        } catch {
            Self.removeDatabaseFiles(path)
            throw Self.translate(error)
        }
    }

    /// Makes a new ledger at `path` from a backup, then checks it with `doctor`. A copy that fails
    /// a check is removed again and its findings returned: a ledger is never restored broken.
    /// An existing ledger is never overwritten; the operator moves it aside first.
    public static func restore(from backupPath: String, to path: String) throws(DolgError) -> [LedgerCheckResult] {
        guard FileManager.default.fileExists(atPath: backupPath) else {
            throw DolgError(.inputFileMissing, "no backup at \(backupPath)", remedy: "check the file name")
        }
        try createOwnerOnlyFile(path, naming: "a ledger",
                                remedyIfExists: "move the current ledger aside first, or give another --db")
        do {
            var readOnly = Configuration()
            readOnly.readonly = true
            let source = try DatabaseQueue(path: backupPath, configuration: readOnly)
            let target = try DatabaseQueue(path: path)
            try source.backup(to: target)
            try source.close()
            try target.close()
        } catch {
            removeDatabaseFiles(path)
            throw translate(error)
        }
        let findings: [LedgerCheckResult]
        do {
            findings = try LedgerDatabase.openExisting(path: path).doctor()
        } catch {
            removeDatabaseFiles(path)
            throw error
        }
        if findings.contains(where: { !$0.passed }) { removeDatabaseFiles(path) }
        return findings
    }
}
