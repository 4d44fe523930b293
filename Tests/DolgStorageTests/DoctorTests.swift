import DolgRules
@testable import DolgStorage
import Foundation
import GRDB
import Testing

@Suite("Doctor, backup and restore")
struct DoctorTests {
    /// A ledger with a contract T-1 (3 × 1 000 ₽ from 2026-03-10), a 100 ₽ payment (entry 1)
    /// and a 50 ₽ payment (entry 2) that was reversed (entry 3).
    func healthyLedger() throws -> TemporaryLedger {
        let fixture = try TemporaryLedger()
        try fixture.addContract("T-1")
        for amount in [100, 50] {
            _ = try fixture.ledger.recordPayment(contractNumber: "T-1", amount: Money(major: Int64(amount)),
                                                 date: fixture.today, method: "cash", reference: nil,
                                                 audit: fixture.audit)
        }
        _ = try fixture.ledger.reversePayment(id: 2, reason: "bounced", date: fixture.today, audit: fixture.audit)
        return fixture
    }

    /// Edits the file behind the ledger's back, as a hand-typed `sqlite3` session would.
    func tamper(_ fixture: TemporaryLedger, _ sql: String) throws {
        try fixture.ledger.queue.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA foreign_keys = OFF")
            try db.execute(sql: sql)
            try db.execute(sql: "PRAGMA foreign_keys = ON")
        }
    }

    func failedChecks(_ ledger: LedgerDatabase) throws -> Set<String> {
        Set(try ledger.doctor().filter { !$0.passed }.map(\.name))
    }

    @Test("a ledger written only through dolg passes every check")
    func healthy() throws {
        let fixture = try healthyLedger()
        let findings = try fixture.ledger.doctor()
        #expect(findings.count == 10)
        #expect(findings.allSatisfy { $0.passed })
    }

    @Test("each kind of damage is named by its check", arguments: [
        ("DROP TRIGGER installments_are_never_updated;"
            + " UPDATE installments SET principal = principal + 1 WHERE contract_id = 1 AND seq = 2",
         ["schedule_sums", "append_only"]),
        ("DROP TRIGGER installments_are_never_deleted; DELETE FROM installments WHERE contract_id = 1 AND seq = 3",
         ["schedule_sums", "installment_counts", "append_only"]),
        ("INSERT INTO payments (contract_id, kind, date, amount, reverses_id, recorded_at)"
            + " VALUES (1, 'reversal', '2026-05-20', -1, 1, 'x')",
         ["reversals"]),
        ("INSERT INTO payments (contract_id, kind, date, amount, recorded_at)"
            + " VALUES (1, 'payment', '2026-01-01', 500, 'x')",
         ["payment_dates"]),
        ("INSERT INTO payments (contract_id, kind, date, amount, recorded_at)"
            + " VALUES (999, 'payment', '2026-05-20', 500, 'x')",
         ["foreign_keys"]),
        ("INSERT INTO outbox (contract_id, installment_seq, step, channel, phone, text, skipped, created_at)"
            + " VALUES (1, 1, 'reminder', 'sms', '+79170000001', 'hi', 0, 'x');"
            + " INSERT INTO deliveries (id, client_id, step, channel, created_at) VALUES (1, 1, 'reminder', 'sms', 'x');"
            + " INSERT INTO delivery_attempts (id, delivery_id, at, address, text, recorded_at)"
            + " VALUES (1, 1, 'x', '+79170000001', 'hi', 'x'), (2, 1, 'y', '+79170000001', 'hi', 'y');"
            + " INSERT INTO attempt_messages (attempt_id, message_id) VALUES (1, 1), (2, 1);"
            + " INSERT INTO attempt_results (attempt_id, at, result, source) VALUES (1, 'x', 'sent', 'gateway'),"
            + " (2, 'y', 'sent', 'gateway')",
         ["reminders_sent_once"]),
    ])
    func damage(sql: String, expected: [String]) throws {
        let fixture = try healthyLedger()
        try tamper(fixture, sql)
        #expect(try failedChecks(fixture.ledger) == Set(expected))
    }

    @Test("a failed check counts every offending row and describes the first ones")
    func examples() throws {
        let fixture = try healthyLedger()
        try tamper(fixture, """
            DROP TRIGGER installments_are_never_updated;
            UPDATE installments SET principal = principal + 1 WHERE contract_id = 1 AND seq = 2
            """)
        let sums = try #require(try fixture.ledger.doctor().first { $0.name == "schedule_sums" })
        #expect(sums.problemCount == 1)
        // 3 × 1 000 ₽ = 300 000 kopecks, one kopeck added by hand.
        #expect(sums.examples == ["contract T-1: installments sum to 300001 kopecks, the amount is 300000"])
    }

    @Test("a backup is owner-only, holds the same entries, and cannot overwrite a file")
    func backup() throws {
        let fixture = try healthyLedger()
        let copyPath = fixture.directory.appendingPathComponent("backup.sqlite").path
        try fixture.ledger.backup(to: copyPath)
        let attributes = try FileManager.default.attributesOfItem(atPath: copyPath)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        let copy = try LedgerDatabase.openExisting(path: copyPath)
        let entries = "SELECT count(*), sum(amount) FROM payments"
        // Entries 100 ₽, 50 ₽ and −50 ₽: three rows, 10 000 kopecks in all.
        let copied = try copy.queue.read { db in try Row.fetchOne(db, sql: entries)! }
        #expect(copied[0] as Int == 3)
        #expect(copied[1] as Int64 == 10_000)
        #expect(throws: DolgError.self) { try fixture.ledger.backup(to: copyPath) }
    }

    @Test("restore makes a new ledger from a sound backup, never over an existing one")
    func restore() throws {
        let fixture = try healthyLedger()
        let copyPath = fixture.directory.appendingPathComponent("backup.sqlite").path
        let restoredPath = fixture.directory.appendingPathComponent("restored.sqlite").path
        try fixture.ledger.backup(to: copyPath)
        let findings = try LedgerDatabase.restore(from: copyPath, to: restoredPath)
        #expect(findings.allSatisfy { $0.passed })
        let attributes = try FileManager.default.attributesOfItem(atPath: restoredPath)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        let before = fixture.snapshot()
        #expect(throws: DolgError.self) { _ = try LedgerDatabase.restore(from: copyPath, to: fixture.path) }
        #expect(fixture.snapshot() == before)
    }

    @Test("a backup that fails a check is not restored")
    func restoreRefusesDamage() throws {
        let fixture = try healthyLedger()
        try tamper(fixture, """
            DROP TRIGGER payments_are_never_deleted; DELETE FROM payments WHERE id = 2
            """)
        let copyPath = fixture.directory.appendingPathComponent("backup.sqlite").path
        let restoredPath = fixture.directory.appendingPathComponent("restored.sqlite").path
        try fixture.ledger.backup(to: copyPath)
        let findings = try LedgerDatabase.restore(from: copyPath, to: restoredPath)
        // Entry 3 now reverses a payment that is gone (its reference dangles too),
        // and the delete guard is missing.
        #expect(Set(findings.filter { !$0.passed }.map(\.name)) == ["reversals", "foreign_keys", "append_only"])
        #expect(!FileManager.default.fileExists(atPath: restoredPath))
    }
}
