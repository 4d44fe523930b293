import DolgRules
import Foundation
import GRDB

extension LedgerDatabase {
    /// Copies the ledger to a new file with SQLite's online backup: the copy is one consistent
    /// state even while other commands write, and it is readable by its owner only. The copy is
    /// made beside `path` and named `path` only once it is whole and opens as a ledger.
    public func backup(to path: String) throws(DolgError) {
        try LedgerFile.refuseExisting(path, naming: "a backup", remedy: "give a new file name",
                                russian: (noun: "файл", remedy: "укажите новое имя файла"))
        let temporary = try TemporarySibling.create(beside: path)
        do {
            let copy = try DatabaseQueue(path: temporary)
            try queue.backup(to: copy)
            // A backup is one self-contained file, to be copied anywhere: no write-ahead log beside it.
            try copy.writeWithoutTransaction { db in _ = try String.fetchOne(db, sql: "PRAGMA journal_mode = DELETE") }
            try copy.close()
            try LedgerDatabase(path: temporary, busyTimeout: Self.busyTimeout).close()
        } catch {
            Self.removeDatabaseFiles(temporary)
            throw Self.translate(error)
        }
        try LedgerFile.publish(temporary, as: path, naming: "a backup", remedyIfExists: "give a new file name",
                               russian: (noun: "файл", remedy: "укажите новое имя файла"))
    }

    /// Makes a new ledger at `path` from a backup, then checks it with `doctor`. The copy is made
    /// beside `path` and named `path` only when every check passed: a ledger is never restored
    /// broken, and a killed restore leaves no ledger rather than half of one. An existing ledger
    /// is never overwritten; the operator moves it aside first.
    public static func restore(from backupPath: String, to path: String) throws(DolgError) -> [LedgerCheckResult] {
        guard FileManager.default.fileExists(atPath: backupPath) else {
            throw DolgError(.inputFileMissing, "no backup at \(backupPath)", remedy: "check the file name")
                .inRussian("резервной копии нет: \(backupPath)", remedy: "проверьте имя файла")
        }
        let russianExists = (noun: "реестр", remedy: "сначала переместите текущий реестр или укажите другой --db")
        let remedyIfExists = "move the current ledger aside first, or give another --db"
        try LedgerFile.refuseExisting(path, naming: "a ledger", remedy: remedyIfExists, russian: russianExists)
        try LedgerFile.checkBeforeOpening(backupPath)
        let temporary = try TemporarySibling.create(beside: path)
        let findings: [LedgerCheckResult]
        do {
            // Opened without the migrator: the backup itself is never changed.
            let source = try DatabaseQueue(path: backupPath)
            try source.read { db in try LedgerFile.checkIdentity(db, path: backupPath, migrator: Schema.migrator) }
            let target = try DatabaseQueue(path: temporary)
            try source.backup(to: target)
            try source.close()
            try target.close()
            // Opening the copy brings an older backup's schema up to date; the doctor then checks it.
            let restored = try LedgerDatabase(path: temporary)
            try restored.enableWriteAheadLog()
            findings = try restored.doctor()
            try restored.close()
        } catch {
            removeDatabaseFiles(temporary)
            throw translate(error)
        }
        guard !findings.contains(where: { !$0.passed }) else {
            removeDatabaseFiles(temporary)
            return findings
        }
        try LedgerFile.publish(temporary, as: path, naming: "a ledger", remedyIfExists: remedyIfExists,
                               russian: russianExists)
        return findings
    }
}
