import DolgRules
import Foundation
import GRDB
import Testing
@testable import DolgStorage

@Suite("A ledger from before the manager's day")
struct ManagersDayMigrationTests {
    @Test("payments are rebuilt whole: every entry, reversal and receipt kept, history still append-only")
    func paymentsRebuilt() throws {
        // A ledger as the previous release wrote it: a payment, its reversal, a bank payment.
        let file = try EarlierLedgerFile(upTo: "v13-lookalike-numbers", rows: """
            INSERT INTO ledger (id, currency, created_on) VALUES (1, 'RUB', '2026-05-01');
            INSERT INTO clients (id, name, phone, created_on) VALUES (1, 'Иванов', '+79170000001', '2026-05-01');
            INSERT INTO contracts (id, number, client_id, amount, down_payment, installment_count, period, start_date,
                first_due, rate, custom_schedule, created_on)
                VALUES (1, '123', 1, 300000, 0, 3, 'month', '2026-05-01', '2026-05-10', 0, 0, '2026-05-01');
            INSERT INTO contract_number_keys (contract_id, number_key) VALUES (1, '123');
            INSERT INTO installments (contract_id, seq, due_date, principal, interest) VALUES
                (1, 1, '2026-05-10', 100000, 0), (1, 2, '2026-06-10', 100000, 0), (1, 3, '2026-07-10', 100000, 0);
            INSERT INTO bank_receipts (id, natural_key, document_number, date, amount, payer_name, payer_account,
                payer_bic, purpose, source_file, imported_at)
                VALUES (1, 'k1', '7', '2026-05-10', 100000, 'Иванов', '4081', '0445', 'по договору 123', 'f', 'now');
            INSERT INTO payments (id, contract_id, kind, date, amount, method, reference, recorded_at) VALUES
                (1, 1, 'payment', '2026-05-09', 50000, 'cash', 'К-1', 'now');
            INSERT INTO payments (id, contract_id, kind, date, amount, reverses_id, reason, recorded_at) VALUES
                (2, 1, 'reversal', '2026-05-09', -50000, 1, 'ошибка', 'now');
            INSERT INTO payments (id, contract_id, kind, date, amount, method, natural_key, receipt_id, recorded_at) VALUES
                (3, 1, 'payment', '2026-05-10', 100000, 'bank', 'k1', 1, 'now');
            """)
        let path = file.path
        let ledger = try LedgerDatabase.openExisting(path: path)
        let payments = try ledger.contractDetail(number: "123").payments
        #expect(payments.map(\.id) == [1, 2, 3])
        #expect(payments.map(\.entry.signedAmount) == [Money(major: 500), Money(major: -500), Money(major: 1_000)])
        #expect(payments[1].reversesID == 1 && payments[0].reference == "К-1")
        // 1 000 paid on 2026-05-10: the first installment is covered, the contract current on 2026-05-20.
        #expect(try ledger.contractDetail(number: "123").position(asOf: day("2026-05-20"), buckets: .standard).status == .active)
        let failing = try ledger.doctor().filter { !$0.passed }.map(\.name)
        #expect(failing.isEmpty, "\(failing)")
        let updated = try DatabaseQueue(path: path)
        #expect(throws: (any Error).self) { try updated.write { try $0.execute(sql: "UPDATE payments SET amount = 1 WHERE id = 3") } }
        #expect(throws: (any Error).self) { try updated.write { try $0.execute(sql: "UPDATE contracts SET amount = 1") } }
        try updated.write { try $0.execute(sql: "UPDATE contracts SET segment = 'vip'") }
    }
}
