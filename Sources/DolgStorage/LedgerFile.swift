import DolgRules
import Foundation
import GRDB

/// What makes a file a dolg ledger, and how one is made without ever leaving half of one.
///
/// A ledger carries SQLite's `application_id` mark and a settings row. Anything else given as a
/// ledger (an empty file, another program's database, a device) is refused before SQLite writes a
/// byte, so it stays exactly as it was. New ledgers, backups and restores are built in a temporary
/// file beside the target and only then given the target's name: a kill leaves the target as it
/// was, never empty or half-copied.
enum LedgerFile {
    /// `dolg` in ASCII, at byte 68 of every ledger's header.
    static let applicationID: Int32 = 0x646F_6C67

    /// Refuses, before SQLite opens it, a path that is not a regular file holding a SQLite database.
    static func checkBeforeOpening(_ path: String) throws(DolgError) {
        var status = stat()
        guard stat(path, &status) == 0 else {
            throw DolgError(.ledgerMissing, "no ledger at \(path)",
                            remedy: "create one with `dolg init`, or point --db or DOLG_DB at yours")
                .inRussian("реестра нет: \(path)",
                           remedy: "создайте его командой `dolg init` или укажите свой в --db или DOLG_DB")
        }
        guard status.st_mode & S_IFMT == S_IFREG else {
            throw notALedger(path, because: "it is not a regular file", "это не обычный файл")
        }
        guard status.st_size > 0 else {
            throw notALedger(path, because: "the file is empty", "файл пуст")
        }
        guard let header = FileHandle(forReadingAtPath: path).flatMap({ try? $0.read(upToCount: 16) }) else {
            throw DolgError(.ledgerFailure, "cannot read \(path)", remedy: "check the file's permissions")
                .inRussian("не удалось прочитать \(path)", remedy: "проверьте права на файл")
        }
        guard header == Data("SQLite format 3\0".utf8) else {
            throw notALedger(path, because: "it is not a SQLite database", "это не база SQLite")
        }
    }

    /// Refuses an open database that is not a dolg ledger, or one written by a newer dolg, before
    /// the migrator touches it. A ledger made before the mark existed is known by its own tables.
    static func checkIdentity(_ db: Database, path: String, migrator: DatabaseMigrator) throws {
        let mark = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
        let tables = Set(try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'"))
        let markedBefore = mark == 0 && tables.isSuperset(of: ["grdb_migrations", "ledger", "contracts"])
        guard mark == applicationID || markedBefore else {
            throw notALedger(path, because: mark == 0 ? "it is another program's SQLite database"
                                                     : "it is another program's SQLite database (application id \(mark))",
                             "это база SQLite другой программы")
        }
        if try migrator.hasBeenSuperseded(db) {
            throw DolgError(.ledgerTooNew, "this ledger was written by a newer dolg: \(path)",
                            remedy: "use the dolg that wrote it, or upgrade this one; the ledger was not touched")
                .inRussian("этот реестр записан более новой версией dolg: \(path)",
                           remedy: "работайте с ним той версией, что его записала, или обновите dolg; реестр не изменён")
        }
        guard try Int.fetchOne(db, sql: "SELECT count(*) FROM ledger WHERE id = 1") == 1 else {
            throw notALedger(path, because: "its settings row is missing", "в нём нет строки настроек")
        }
    }

    static func notALedger(_ path: String, because reason: String, _ russianReason: String) -> DolgError {
        DolgError(.ledgerDamaged, "\(path) is not a dolg ledger: \(reason)",
                  remedy: "check --db or DOLG_DB; the file was left as it was")
            .inRussian("\(path) — не реестр dolg: \(russianReason)",
                       remedy: "проверьте --db или DOLG_DB; файл не изменён")
    }

    /// Refuses at once a target name already taken (the final link would refuse it too, after the work).
    static func refuseExisting(_ path: String, naming noun: String, remedy: String,
                                       russian: (noun: String, remedy: String)) throws(DolgError) {
        var status = stat()
        guard lstat(path, &status) != 0 else {
            throw DolgError(.ledgerExists, "\(noun) already exists at \(path)", remedy: remedy)
                .inRussian("\(russian.noun) уже есть: \(path)", remedy: russian.remedy)
        }
    }

    /// Gives the finished file at `temporary` the name `path`, unless something is there already
    /// (a hard link never replaces a file), then removes the temporary name. The file's bytes are on
    /// the disk first, and the directory entry after.
    static func publish(_ temporary: String, as path: String, naming noun: String,
                        remedyIfExists: String, russian: (noun: String, remedy: String)) throws(DolgError) {
        defer { LedgerDatabase.removeDatabaseFiles(temporary) }
        let descriptor = open(temporary, O_RDONLY)
        if descriptor >= 0 {
            fsync(descriptor)
            close(descriptor)
        }
        guard link(temporary, path) == 0 else {
            if errno == EEXIST {
                throw DolgError(.ledgerExists, "\(noun) already exists at \(path)", remedy: remedyIfExists)
                    .inRussian("\(russian.noun) уже есть: \(path)", remedy: russian.remedy)
            }
            let reason = String(cString: strerror(errno))
            throw DolgError(.ledgerFailure, "cannot create \(path): \(reason)",
                            remedy: "check that the directory exists and is writable")
                .inRussian("не удалось создать \(path): \(reason)",
                           remedy: "проверьте, что каталог существует и доступен для записи")
        }
        let directory = open(URL(fileURLWithPath: path).deletingLastPathComponent().path, O_RDONLY)
        if directory >= 0 {
            fsync(directory)
            close(directory)
        }
    }
}
