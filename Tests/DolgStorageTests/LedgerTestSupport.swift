import DolgRules
import GRDB
@testable import DolgStorage
import Foundation

/// A fresh ledger in its own temporary directory, removed when the test ends.
final class TemporaryLedger {
    let directory: URL
    let ledger: LedgerDatabase
    var path: String { ledger.path }

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("dolg-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        ledger = try LedgerDatabase.create(path: directory.appendingPathComponent("ledger.sqlite").path,
                                           currency: .rub, today: Self.today, audit: Self.audit)
    }

    deinit { try? FileManager.default.removeItem(at: directory) }

    static let today = CivilDate(year: 2026, month: 5, day: 20)!
    static let audit = AuditContext(timestamp: "2026-05-20T09:00:00Z", osUser: "tester", command: "dolg test",
                                    today: today)
    var today: CivilDate { Self.today }
    var audit: AuditContext { Self.audit }

    /// The bytes of the ledger file and its write-ahead log, to prove a refused write changed nothing.
    func snapshot() -> [Data] {
        ["", "-wal"].map { FileManager.default.contents(atPath: path + $0) ?? Data() }
    }

    /// A client with one contract of `count` monthly installments of 1 000 ₽ from `firstDue`.
    @discardableResult
    func addContract(_ number: String, count: Int = 3, firstDue: String = "2026-03-10",
                     manager: String? = nil) throws -> Int64 {
        let client = try ledger.addClient(name: "Клиент \(number)", phone: "+7917000\(number.suffix(4).padded)",
                                          managerName: manager, audit: audit)
        let first = try CivilDate.parse(firstDue)
        let terms = ScheduleTerms(totalAmount: Money(major: 1_000 * Int64(count)), installmentCount: count,
                                  startDate: first, firstDueDate: first)
        return try ledger.addContract(number: number, clientID: client.id, managerName: nil, terms: terms,
                                      installments: try ScheduleBuilder.installments(for: terms),
                                      customSchedule: false, audit: audit)
    }
}

extension Substring {
    var padded: String { String(repeating: "0", count: Swift.max(0, 4 - count)) + self }
}

/// A ledger file as an earlier release wrote it: the schema up to `migration`, holding `rows`
/// (one SQL script), for tests of what a later migration keeps. The file goes with the value.
final class EarlierLedgerFile {
    let directory: URL
    var path: String { directory.appendingPathComponent("ledger.sqlite").path }

    init(upTo migration: String, rows: String) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("dolg-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let queue = try DatabaseQueue(path: directory.appendingPathComponent("ledger.sqlite").path)
        try Schema.migrator.migrate(queue, upTo: migration)
        try queue.write { try $0.execute(sql: rows) }
        try queue.close()
    }

    deinit { try? FileManager.default.removeItem(at: directory) }
}
