import DolgRules
@testable import DolgStorage
import Foundation
import GRDB
import Testing

@Suite("Ledger database")
struct LedgerDatabaseTests {
    @Test("a new ledger is readable by its owner only, in WAL mode, with foreign keys on")
    func creation() throws {
        let fixture = try TemporaryLedger()
        let attributes = try FileManager.default.attributesOfItem(atPath: fixture.path)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        let (journalMode, foreignKeys) = try fixture.ledger.queue.read { db in
            (try String.fetchOne(db, sql: "PRAGMA journal_mode"), try Int.fetchOne(db, sql: "PRAGMA foreign_keys"))
        }
        #expect(journalMode == "wal")
        #expect(foreignKeys == 1)
        #expect(try fixture.ledger.settings().currency == .rub)
    }

    @Test("creating over an existing ledger is refused")
    func noOverwrite() throws {
        let fixture = try TemporaryLedger()
        #expect(throws: DolgError.self) {
            try LedgerDatabase.create(path: fixture.path, currency: .rub, today: fixture.today, audit: fixture.audit)
        }
        do {
            _ = try LedgerDatabase.openExisting(path: fixture.directory.appendingPathComponent("none.sqlite").path)
            Issue.record("a missing ledger was opened")
        } catch {
            #expect(error.code == .ledgerMissing)
            #expect(error.exitCode == 66)
        }
    }

    @Test("every write leaves one audit row; a refused write leaves none and changes no byte")
    func auditAndAtomicity() throws {
        let fixture = try TemporaryLedger()
        try fixture.addContract("A-1")
        let auditRows = try fixture.ledger.queue.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM audit_log") }
        #expect(auditRows == 3)  // init, client, contract
        let before = fixture.snapshot()
        // The contract row would be written before its installments clash; one transaction keeps neither.
        let terms = ScheduleTerms(totalAmount: Money(major: 100), installmentCount: 2, startDate: fixture.today,
                                  firstDueDate: fixture.today)
        let clashing = [Installment(seq: 1, dueDate: fixture.today, principal: Money(major: 50)),
                        Installment(seq: 1, dueDate: fixture.today, principal: Money(major: 50))]
        #expect(throws: DolgError.self) {
            try fixture.ledger.addContract(number: "A-2", clientID: 1, managerName: nil, terms: terms,
                                           installments: clashing, customSchedule: false, audit: fixture.audit)
        }
        #expect(throws: DolgError.self) {
            try fixture.ledger.addContract(number: "A-1", clientID: 1, managerName: nil, terms: terms,
                                           installments: [], customSchedule: false, audit: fixture.audit)
        }
        #expect(fixture.snapshot() == before)
        let counts = try fixture.ledger.queue.read { db in
            try Int.fetchAll(db, sql: "SELECT (SELECT count(*) FROM contracts) UNION ALL SELECT count(*) FROM audit_log")
        }
        #expect(counts == [1, 3])
    }

    @Test("the database itself refuses to rewrite history")
    func triggers() throws {
        let fixture = try TemporaryLedger()
        try fixture.addContract("T-1")
        _ = try fixture.ledger.recordPayment(contractNumber: "T-1", amount: Money(major: 100),
                                             date: fixture.today, method: "cash", reference: nil, audit: fixture.audit)
        for statement in ["UPDATE payments SET amount = 1", "DELETE FROM payments", "UPDATE installments SET principal = 0",
                          "DELETE FROM installments", "DELETE FROM audit_log", "UPDATE contracts SET amount = 1"] {
            #expect(throws: DatabaseError.self, "\(statement)") {
                try fixture.ledger.queue.write { db in try db.execute(sql: statement) }
            }
        }
        #expect(throws: DatabaseError.self) {
            try fixture.ledger.queue.write { db in
                try db.execute(sql: """
                    INSERT INTO payments (contract_id, kind, date, amount, recorded_at) VALUES (1, 'payment', '2026-05-20', -5, 'x')
                    """)
            }
        }
    }

    @Test("a writer that cannot get the lock in time gets ledger_busy")
    func busy() throws {
        let fixture = try TemporaryLedger()
        let other = try DatabaseQueue(path: fixture.path)
        let impatient = try LedgerDatabase.openExisting(path: fixture.path, busyTimeout: 0.2)
        try other.inDatabase { db in
            try db.execute(sql: "BEGIN IMMEDIATE")
            do {
                try impatient.addManager(name: "Х", role: .manager, login: nil, audit: fixture.audit)
                Issue.record("the write went through a held lock")
            } catch let error as DolgError {
                #expect(error.code == .ledgerBusy)
                #expect(error.exitCode == 75)
            }
            try db.execute(sql: "ROLLBACK")
        }
    }
}

@Suite("Errors of a ledger that only reads")
struct ReadErrorTests {
    @Test("a read that fails does not say a change was refused")
    func readingSaysReading() {
        let failure = DatabaseError(resultCode: .SQLITE_IOERR, message: "disk I/O error")
        let read = LedgerDatabase.translate(failure, reading: true)
        #expect(read.problem == "cannot read the ledger: disk I/O error")
        #expect(!read.remedy.contains("nothing was written"))
        let write = LedgerDatabase.translate(failure)
        #expect(write.problem.hasPrefix("the ledger refused the change"))
    }
}
