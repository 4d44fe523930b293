import DolgRules
import Foundation
import GRDB

/// The ledger file: opens it, runs the migrator, and runs every write in one transaction.
///
/// Writes live in `Writes/`, reads in `Queries/`, each as an extension of this type.
public final class LedgerDatabase: Sendable {
    let queue: DatabaseQueue
    public let path: String

    /// How long a command waits for another writer before failing with `ledger_busy`.
    public static let busyTimeout: TimeInterval = 5

    /// Whether the file is a ledger to check before the migrator touches it, or one this command
    /// has just made (empty) in a temporary file.
    enum Origin { case existing, new }

    init(path: String, busyTimeout: TimeInterval = LedgerDatabase.busyTimeout,
                 origin: Origin = .existing) throws(DolgError) {
        self.path = path
        if origin == .existing { try LedgerFile.checkBeforeOpening(path) }
        var configuration = Configuration()
        configuration.busyMode = .timeout(busyTimeout)
        // WAL is set once when the ledger is created and persists in the file. GRDB's own WAL
        // set-up is not used: it writes a dummy transaction at every open, and a command that
        // only reads, or is refused, must leave the file byte for byte as it was.
        configuration.prepareDatabase { db in
            // A ledger of money: a commit survives power loss, not only a crash.
            try db.execute(sql: "PRAGMA synchronous = FULL")
        }
        do {
            queue = try DatabaseQueue(path: path, configuration: configuration)
            if origin == .existing {
                try queue.read { db in try LedgerFile.checkIdentity(db, path: path, migrator: Schema.migrator) }
            }
            try Schema.migrator.migrate(queue)
        } catch {
            throw LedgerDatabase.translate(error)
        }
    }

    /// Creates a new ledger file, readable and writable by its owner only. It is made in a
    /// temporary file beside `path` and named `path` only when whole: a killed `init` leaves no
    /// ledger rather than an empty one.
    public static func create(path: String, currency: Currency, buckets: BucketScheme = .standard,
                              timeZone: String? = nil, today: CivilDate,
                              audit: AuditContext) throws(DolgError) -> LedgerDatabase {
        let directory = (path as NSString).deletingLastPathComponent
        if !directory.isEmpty {
            try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true,
                                                     attributes: [.posixPermissions: 0o700])
        }
        let russianExists = (noun: "реестр", remedy: "работайте с ним как есть или укажите другой --db")
        let remedyIfExists = "use it as it is, or give another --db"
        try LedgerFile.refuseExisting(path, naming: "a ledger", remedy: remedyIfExists, russian: russianExists)
        let temporary = try TemporarySibling.create(beside: path)
        do {
            let ledger = try LedgerDatabase(path: temporary, origin: .new)
            try ledger.enableWriteAheadLog()
            try ledger.write(audit) { db in
                try db.execute(
                    sql: "INSERT INTO ledger (id, currency, bucket_thresholds, created_on, timezone) VALUES (1, ?, ?, ?, ?)",
                    arguments: [currency.code, buckets.thresholds.map(String.init).joined(separator: ","),
                                today.description, timeZone])
            }
            try ledger.close()
        } catch {
            removeDatabaseFiles(temporary)
            throw error
        }
        try LedgerFile.publish(temporary, as: path, naming: "a ledger", remedyIfExists: remedyIfExists,
                               russian: russianExists)
        return try LedgerDatabase(path: path)
    }

    /// Closes the file: its write-ahead log is folded into it and removed.
    func close() throws(DolgError) {
        do { try queue.close() } catch { throw LedgerDatabase.translate(error) }
    }

    /// Removes a database file this command made, with its log and shared-memory files.
    static func removeDatabaseFiles(_ path: String) {
        for suffix in ["", "-wal", "-shm"] { unlink(path + suffix) }
    }

    /// Write-ahead logging lets readers go on while a writer works (an operator's query
    /// during the nightly run). It is a property of the file, set once.
    func enableWriteAheadLog() throws(DolgError) {
        do {
            try queue.writeWithoutTransaction { db in
                let mode = try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL")
                guard mode == "wal" else {
                    throw DolgError(.ledgerFailure, "the file system at \(path) does not support write-ahead logging",
                                    remedy: "put the ledger on a local disk")
                        .inRussian("файловая система \(path) не поддерживает журнал упреждающей записи (WAL)",
                                   remedy: "храните реестр на локальном диске")
                }
            }
        } catch {
            throw LedgerDatabase.translate(error)
        }
    }

    /// Opens an existing ledger.
    public static func openExisting(path: String,
                                    busyTimeout: TimeInterval = LedgerDatabase.busyTimeout) throws(DolgError) -> LedgerDatabase {
        try LedgerDatabase(path: path, busyTimeout: busyTimeout)
    }

    /// Runs `body` and appends the audit row in one immediate transaction:
    /// either all of it is written or none.
    func write<T>(_ audit: AuditContext, _ body: (Database) throws -> T) throws(DolgError) -> T {
        try writeUnlessUnchanged(audit) { db in .written(try body(db)) }
    }

    /// Like `write`, but `body` may find that there is nothing to do, and then
    /// the transaction is rolled back: not even an audit row is written.
    func writeUnlessUnchanged<T>(_ audit: AuditContext,
                                 _ body: (Database) throws -> WriteOutcome<T>) throws(DolgError) -> T {
        do {
            return try queue.writeWithoutTransaction { db in
                var outcome: WriteOutcome<T>?
                try db.inTransaction(.immediate) {
                    outcome = try body(db)
                    guard case .written = outcome else { return .rollback }
                    try db.execute(
                        sql: "INSERT INTO audit_log (at, os_user, claimed_login, command) VALUES (?, ?, ?, ?)",
                        arguments: [audit.timestamp, audit.osUser, audit.claimedLogin, audit.command])
                    return .commit
                }
                switch outcome! {
                case .written(let value), .unchanged(let value): return value
                }
            }
        } catch {
            throw LedgerDatabase.translate(error)
        }
    }

    /// Runs `body` in a read transaction, a consistent snapshot of the ledger.
    func read<T>(_ body: (Database) throws -> T) throws(DolgError) -> T {
        do {
            return try queue.read(body)
        } catch {
            throw LedgerDatabase.translate(error, reading: true)
        }
    }

    /// The ledger's currency and bucket thresholds.
    public func settings() throws(DolgError) -> LedgerSettings {
        try read { db in try settings(db) }
    }

    func settings(_ db: Database) throws -> LedgerSettings {
        // The playbook file, when it sets buckets, overrides those chosen at `dolg init`.
        guard let row = try Row.fetchOne(db, sql: """
            SELECT currency, timezone, coalesce((SELECT bucket_thresholds FROM playbooks WHERE bucket_thresholds IS NOT NULL
                                       ORDER BY version DESC LIMIT 1), bucket_thresholds) AS bucket_thresholds
            FROM ledger
            """) else {
            throw DolgError(.ledgerFailure, "the ledger at \(path) has no settings row",
                            remedy: "run `dolg init` on a new file")
                .inRussian("в реестре \(path) нет строки настроек", remedy: "выполните `dolg init` для нового файла")
        }
        let thresholds = (row["bucket_thresholds"] as String).split(separator: ",").compactMap { Int($0) }
        return LedgerSettings(currency: Currency(code: row["currency"]) ?? .rub,
                              buckets: BucketScheme(thresholds: thresholds) ?? .standard, timeZone: row["timezone"])
    }

    /// A database error as a `DolgError`; `reading` for a command that only reads (it changed
    /// nothing, and did not try to).
    static func translate(_ error: any Error, reading: Bool = false) -> DolgError {
        if let error = error as? DolgError { return error }
        if let error = error as? DatabaseError {
            switch error.resultCode {
            case .SQLITE_BUSY, .SQLITE_LOCKED:
                return DolgError(.ledgerBusy, "the ledger is busy with another command",
                                 remedy: "try again in a moment")
                    .inRussian("реестр занят другой командой", remedy: "повторите через минуту")
            case .SQLITE_NOTADB, .SQLITE_CORRUPT:
                return DolgError(.ledgerDamaged, "the ledger file is not a valid dolg ledger",
                                 remedy: "check --db, or restore it from a backup")
                    .inRussian("файл реестра повреждён или это не реестр dolg",
                               remedy: "проверьте --db или восстановите реестр из резервной копии")
            default:
                if reading {
                    return DolgError(.ledgerFailure, "cannot read the ledger: \(error.message ?? "\(error)")",
                                     remedy: "check that the file is readable; report this if it persists")
                        .inRussian("не удалось прочитать реестр: \(error.message ?? "\(error)")",
                                   remedy: "проверьте, что файл доступен для чтения; если ошибка повторяется, сообщите о ней")
                }
                return DolgError(.ledgerFailure, "the ledger refused the change: \(error.message ?? "\(error)")",
                                 remedy: "nothing was written; report this if it persists")
                    .inRussian("реестр не принял изменение: \(error.message ?? "\(error)")",
                               remedy: "ничего не записано; если ошибка повторяется, сообщите о ней")
            }
        }
        return DolgError(.ledgerFailure, "\(error)", remedy: "nothing was written; report this if it persists")
            .inRussian("\(error)", remedy: "ничего не записано; если ошибка повторяется, сообщите о ней")
    }
}

/// Whether a write changed the ledger.
enum WriteOutcome<T> {
    case written(T)
    case unchanged(T)
}

/// Settings chosen when the ledger was created.
public struct LedgerSettings: Sendable {
    public let currency: Currency
    public let buckets: BucketScheme
    /// The business's time zone (an IANA name), in which the clock is read and client offsets
    /// count; nil for a ledger made before ledgers had one (the machine's zone then).
    public let timeZone: String?
}
