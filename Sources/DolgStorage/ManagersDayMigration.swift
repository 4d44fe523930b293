import GRDB

/// Migration v14: what a collection team's day needs of the ledger.
///
/// - `hold_ends`: a hold ended early (holds themselves are never updated).
/// - `touches.incoming`: a contact the client started, which no contact limit counts.
/// - `record_changes`: every change to a client, a contract's manager or segment, or a manager,
///   with the old and the new value; the card keeps its current value, this table its history.
/// - contracts: the manager and the segment may change; the terms stay as written.
/// - managers: `active`, so that a manager who left keeps their history but gets no work.
/// - payments: two more kinds of entry, `refund` (a credit paid back) and `transfer` (a credit
///   moved to another contract: a negative entry on one, a positive one on the other), and
///   one bank receipt may be split over several contracts.
/// - `receipt_dismissals`: a bank receipt that pays no contract, kept and never matched.
enum ManagersDayMigration {
    static func migrate(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE hold_ends (
                hold_id INTEGER PRIMARY KEY REFERENCES holds(id),
                ended_on TEXT NOT NULL,
                reason TEXT NOT NULL CHECK (reason <> ''),
                login TEXT NOT NULL,
                recorded_at TEXT NOT NULL
            );
            ALTER TABLE touches ADD COLUMN incoming INTEGER NOT NULL DEFAULT 0 CHECK (incoming IN (0, 1));
            CREATE TABLE record_changes (
                id INTEGER PRIMARY KEY,
                client_id INTEGER REFERENCES clients(id),
                subject TEXT NOT NULL CHECK (subject IN ('client', 'contract', 'manager')),
                subject_id INTEGER NOT NULL,
                field TEXT NOT NULL,
                old_value TEXT,
                new_value TEXT,
                business_date TEXT NOT NULL,
                login TEXT NOT NULL,
                recorded_at TEXT NOT NULL
            );
            CREATE INDEX record_changes_by_client ON record_changes(client_id);
            CREATE INDEX holds_by_contract ON holds(contract_id, id);
            ALTER TABLE managers ADD COLUMN active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1));
            CREATE TABLE receipt_dismissals (
                receipt_id INTEGER PRIMARY KEY REFERENCES bank_receipts(id),
                reason TEXT NOT NULL CHECK (reason <> ''),
                business_date TEXT NOT NULL,
                login TEXT NOT NULL,
                recorded_at TEXT NOT NULL
            );
            """)
        for table in ["hold_ends", "record_changes", "receipt_dismissals"] {
            try Schema.makeAppendOnly(table, db)
        }
        try allowReassigningContracts(db)
        try rebuildPayments(db)
    }

    /// A contract's terms are never updated; who works it and its segment may be.
    private static func allowReassigningContracts(_ db: Database) throws {
        try db.execute(sql: """
            DROP TRIGGER contracts_are_never_updated;
            CREATE TRIGGER contracts_are_never_updated
            BEFORE UPDATE OF id, number, client_id, amount, down_payment, installment_count, period, start_date,
                first_due, rate, custom_schedule, created_on, penalty_rate ON contracts
            BEGIN SELECT RAISE(ABORT, 'contracts are never updated: record a correction instead'); END;
            """)
    }

    /// SQLite cannot change a CHECK constraint in place: the table is rebuilt with its rows,
    /// indexes and triggers (foreign keys are checked once the migration ends).
    private static func rebuildPayments(_ db: Database) throws {
        try db.execute(sql: """
            DROP TRIGGER payments_are_never_updated;
            DROP TRIGGER payments_are_never_deleted;
            CREATE TABLE payments_v14 (
                id INTEGER PRIMARY KEY,
                contract_id INTEGER NOT NULL REFERENCES contracts(id),
                kind TEXT NOT NULL CHECK (kind IN ('payment', 'reversal', 'refund', 'transfer')),
                date TEXT NOT NULL,
                amount INTEGER NOT NULL,
                method TEXT CHECK (method IN ('cash', 'card', 'bank')),
                reference TEXT,
                reverses_id INTEGER UNIQUE REFERENCES payments(id),
                reason TEXT,
                recorded_at TEXT NOT NULL,
                natural_key TEXT,
                receipt_id INTEGER REFERENCES bank_receipts(id),
                transfer_of INTEGER UNIQUE REFERENCES payments(id),
                CHECK ((kind = 'payment' AND amount > 0 AND reverses_id IS NULL AND transfer_of IS NULL)
                    OR (kind = 'reversal' AND amount < 0 AND reverses_id IS NOT NULL AND transfer_of IS NULL)
                    OR (kind = 'refund' AND amount < 0 AND reverses_id IS NULL AND transfer_of IS NULL)
                    OR (kind = 'transfer' AND amount < 0 AND reverses_id IS NULL AND transfer_of IS NULL)
                    OR (kind = 'transfer' AND amount > 0 AND reverses_id IS NULL AND transfer_of IS NOT NULL))
            );
            INSERT INTO payments_v14 (id, contract_id, kind, date, amount, method, reference, reverses_id, reason,
                recorded_at, natural_key, receipt_id)
            SELECT id, contract_id, kind, date, amount, method, reference, reverses_id, reason,
                recorded_at, natural_key, receipt_id FROM payments;
            DROP TABLE payments;
            ALTER TABLE payments_v14 RENAME TO payments;
            CREATE UNIQUE INDEX payments_by_reference ON payments(reference) WHERE reference IS NOT NULL;
            CREATE INDEX payments_by_contract_date ON payments(contract_id, date, amount);
            CREATE UNIQUE INDEX payments_by_natural_key ON payments(natural_key) WHERE natural_key IS NOT NULL;
            CREATE INDEX payments_by_receipt ON payments(receipt_id) WHERE receipt_id IS NOT NULL;
            """)
        try Schema.makeAppendOnly("payments", db)
    }
}
