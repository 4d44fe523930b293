import DolgRules
import Foundation
import GRDB
import Testing
@testable import DolgStorage

@Suite("Deliveries in a ledger from before them")
struct DeliveryMigrationTests {
    @Test("sends and failures recorded before deliveries existed keep their status, text and count towards nothing twice")
    func migrated() throws {
        // A ledger as the previous release wrote it: schema up to v7, a sent, a failed and a cancelled message.
        let file = try EarlierLedgerFile(upTo: "v7-playbooks", rows: """
            INSERT INTO ledger (id, currency, created_on) VALUES (1, 'RUB', '2026-05-01');
            INSERT INTO clients (id, name, phone, created_on) VALUES (1, 'Иванов', '+79170000001', '2026-05-01');
            INSERT INTO contracts (id, number, client_id, amount, down_payment, installment_count, period, start_date,
                first_due, rate, custom_schedule, created_on)
                VALUES (1, '123', 1, 300000, 0, 3, 'month', '2026-05-01', '2026-05-10', 0, 0, '2026-05-01');
            INSERT INTO installments (contract_id, seq, due_date, principal, interest) VALUES
                (1, 1, '2026-05-10', 100000, 0), (1, 2, '2026-06-10', 100000, 0), (1, 3, '2026-07-10', 100000, 0);
            INSERT INTO outbox (id, contract_id, installment_seq, step, channel, phone, text, skipped, created_at) VALUES
                (1, 1, 1, 'sms-due', 'sms', '+79170000001', 'Сегодня день платежа', 0, '2026-05-10T02:15'),
                (2, 1, 1, 'sms-overdue', 'sms', '+79170000001', 'Просрочен', 0, '2026-05-11T02:15'),
                (3, 1, 2, 'sms-reminder', 'sms', '+79170000001', 'Напоминаем', 0, '2026-06-07T02:15');
            INSERT INTO outbox_attempts (message_id, at, result, detail) VALUES
                (1, '2026-05-10T02:15', 'sent', NULL),
                (2, '2026-05-11T02:15', 'failed', 'gateway down'),
                (3, '2026-06-07T02:15', 'cancelled', 'paid');
            """)
        let path = file.path
        let ledger = try LedgerDatabase.openExisting(path: path)
        let messages = try ledger.outbox()
        #expect(messages.map(\.status) == [.sent, .failed, .cancelled])
        #expect(messages[0].text == "Сегодня день платежа")
        #expect(messages[0].attempts == 1)
        #expect(messages[1].detail == "gateway down")
        #expect(messages[2].detail == "paid")
        #expect(try ledger.settings().timeZone == nil)
        #expect(try ledger.doctor().filter { $0.problemCount > 0 }.map(\.name) == [])
    }
}
