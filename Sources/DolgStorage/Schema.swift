import DolgRules
import GRDB

/// The ledger's schema, built by one migrator run every time a ledger is opened.
///
/// Migrations are never edited once released: a change is a new migration.
/// SQLite enforces what the code also checks (CHECK, UNIQUE, foreign keys),
/// and triggers refuse UPDATE and DELETE on the money tables, so history can
/// only grow, even from a hand-typed `sqlite3` session.
enum Schema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-ledger") { db in
            try db.execute(sql: """
                CREATE TABLE ledger (
                    id INTEGER PRIMARY KEY CHECK (id = 1),
                    currency TEXT NOT NULL CHECK (length(currency) = 3),
                    bucket_thresholds TEXT NOT NULL DEFAULT '1,4,7,30',
                    created_on TEXT NOT NULL
                );
                CREATE TABLE managers (
                    id INTEGER PRIMARY KEY,
                    name TEXT NOT NULL UNIQUE CHECK (name <> ''),
                    role TEXT NOT NULL CHECK (role IN ('manager', 'head')),
                    login TEXT UNIQUE
                );
                CREATE TABLE clients (
                    id INTEGER PRIMARY KEY,
                    name TEXT NOT NULL CHECK (name <> ''),
                    phone TEXT NOT NULL,
                    email TEXT,
                    manager_id INTEGER REFERENCES managers(id),
                    note TEXT,
                    created_on TEXT NOT NULL
                );
                CREATE INDEX clients_by_phone ON clients(phone);
                CREATE INDEX clients_by_manager ON clients(manager_id);
                CREATE TABLE contracts (
                    id INTEGER PRIMARY KEY,
                    number TEXT NOT NULL UNIQUE CHECK (number <> ''),
                    client_id INTEGER NOT NULL REFERENCES clients(id),
                    manager_id INTEGER REFERENCES managers(id),
                    amount INTEGER NOT NULL CHECK (amount > 0),
                    down_payment INTEGER NOT NULL CHECK (down_payment >= 0 AND down_payment < amount),
                    installment_count INTEGER NOT NULL CHECK (installment_count BETWEEN 1 AND 1000),
                    period TEXT NOT NULL CHECK (period IN ('month', '2weeks', 'week')),
                    start_date TEXT NOT NULL,
                    first_due TEXT NOT NULL CHECK (first_due >= start_date),
                    rate INTEGER NOT NULL CHECK (rate >= 0),
                    custom_schedule INTEGER NOT NULL CHECK (custom_schedule IN (0, 1)),
                    created_on TEXT NOT NULL
                );
                CREATE INDEX contracts_by_client ON contracts(client_id);
                CREATE INDEX contracts_by_manager ON contracts(manager_id);
                CREATE TABLE installments (
                    contract_id INTEGER NOT NULL REFERENCES contracts(id),
                    seq INTEGER NOT NULL CHECK (seq >= 0),
                    due_date TEXT NOT NULL,
                    principal INTEGER NOT NULL CHECK (principal >= 0),
                    interest INTEGER NOT NULL CHECK (interest >= 0),
                    PRIMARY KEY (contract_id, seq)
                ) WITHOUT ROWID;
                CREATE TABLE payments (
                    id INTEGER PRIMARY KEY,
                    contract_id INTEGER NOT NULL REFERENCES contracts(id),
                    kind TEXT NOT NULL CHECK (kind IN ('payment', 'reversal')),
                    date TEXT NOT NULL,
                    amount INTEGER NOT NULL,
                    method TEXT CHECK (method IN ('cash', 'card', 'bank')),
                    reference TEXT,
                    reverses_id INTEGER UNIQUE REFERENCES payments(id),
                    reason TEXT,
                    recorded_at TEXT NOT NULL,
                    CHECK ((kind = 'payment' AND amount > 0 AND reverses_id IS NULL)
                        OR (kind = 'reversal' AND amount < 0 AND reverses_id IS NOT NULL))
                );
                CREATE UNIQUE INDEX payments_by_reference ON payments(reference) WHERE reference IS NOT NULL;
                CREATE INDEX payments_by_contract_date ON payments(contract_id, date, amount);
                CREATE TABLE terminations (
                    contract_id INTEGER PRIMARY KEY REFERENCES contracts(id),
                    date TEXT NOT NULL,
                    reason TEXT NOT NULL CHECK (reason <> ''),
                    recorded_at TEXT NOT NULL
                );
                CREATE TABLE audit_log (
                    id INTEGER PRIMARY KEY,
                    at TEXT NOT NULL,
                    os_user TEXT NOT NULL,
                    command TEXT NOT NULL
                );
                """)
            for table in ["contracts", "installments", "payments", "terminations", "audit_log"] {
                try makeAppendOnly(table, db)
            }
        }
        migrator.registerMigration("v2-imports") { db in
            try db.execute(sql: """
                ALTER TABLE clients ADD COLUMN inn TEXT;
                CREATE INDEX clients_by_inn ON clients(inn) WHERE inn IS NOT NULL;
                ALTER TABLE contracts ADD COLUMN segment TEXT;
                CREATE TABLE bank_receipts (
                    id INTEGER PRIMARY KEY,
                    natural_key TEXT NOT NULL UNIQUE,
                    document_number TEXT NOT NULL,
                    date TEXT NOT NULL,
                    amount INTEGER NOT NULL CHECK (amount > 0),
                    payer_name TEXT NOT NULL,
                    payer_inn TEXT,
                    payer_account TEXT NOT NULL,
                    payer_bic TEXT NOT NULL,
                    purpose TEXT NOT NULL,
                    unmatched_reason TEXT,
                    source_file TEXT NOT NULL,
                    imported_at TEXT NOT NULL
                );
                ALTER TABLE payments ADD COLUMN natural_key TEXT;
                ALTER TABLE payments ADD COLUMN receipt_id INTEGER REFERENCES bank_receipts(id);
                CREATE UNIQUE INDEX payments_by_natural_key ON payments(natural_key) WHERE natural_key IS NOT NULL;
                CREATE UNIQUE INDEX payments_by_receipt ON payments(receipt_id) WHERE receipt_id IS NOT NULL;
                """)
            try makeAppendOnly("bank_receipts", db)
        }
        migrator.registerMigration("v3-workflow") { db in
            try db.execute(sql: """
                ALTER TABLE clients ADD COLUMN kind TEXT NOT NULL DEFAULT 'person' CHECK (kind IN ('person', 'business'));
                ALTER TABLE clients ADD COLUMN time_offset_minutes INTEGER NOT NULL DEFAULT 0;
                CREATE TABLE touches (
                    id INTEGER PRIMARY KEY,
                    contract_id INTEGER NOT NULL REFERENCES contracts(id),
                    at TEXT NOT NULL,
                    channel TEXT NOT NULL CHECK (channel IN ('sms', 'whatsapp', 'email', 'call', 'letter', 'visit', 'legal')),
                    outcome TEXT NOT NULL
                        CHECK (outcome IN ('reached', 'no-answer', 'promise', 'refused', 'wrong-number', 'callback')),
                    step TEXT,
                    anchor_date TEXT,
                    promise_date TEXT,
                    promise_amount INTEGER CHECK (promise_amount > 0),
                    callback_at TEXT,
                    note TEXT,
                    manager_id INTEGER REFERENCES managers(id),
                    recorded_at TEXT NOT NULL,
                    CHECK ((outcome = 'promise') = (promise_date IS NOT NULL AND promise_amount IS NOT NULL))
                );
                CREATE INDEX touches_by_contract ON touches(contract_id, at);
                CREATE INDEX touches_by_promise_date ON touches(promise_date) WHERE promise_date IS NOT NULL;
                CREATE TABLE holds (
                    id INTEGER PRIMARY KEY,
                    contract_id INTEGER NOT NULL REFERENCES contracts(id),
                    from_date TEXT NOT NULL,
                    until_date TEXT NOT NULL CHECK (until_date >= from_date),
                    reason TEXT NOT NULL CHECK (reason <> ''),
                    recorded_at TEXT NOT NULL
                );
                CREATE INDEX holds_by_until ON holds(until_date, contract_id);
                CREATE TABLE outbox (
                    id INTEGER PRIMARY KEY,
                    contract_id INTEGER NOT NULL REFERENCES contracts(id),
                    installment_seq INTEGER NOT NULL,
                    step TEXT NOT NULL,
                    channel TEXT NOT NULL,
                    phone TEXT NOT NULL,
                    text TEXT NOT NULL,
                    skipped INTEGER NOT NULL CHECK (skipped IN (0, 1)),
                    created_at TEXT NOT NULL,
                    UNIQUE (contract_id, installment_seq, step)
                );
                CREATE INDEX outbox_by_created ON outbox(created_at);
                CREATE TABLE outbox_attempts (
                    id INTEGER PRIMARY KEY,
                    message_id INTEGER NOT NULL REFERENCES outbox(id),
                    at TEXT NOT NULL,
                    result TEXT NOT NULL CHECK (result IN ('sent', 'failed', 'cancelled')),
                    detail TEXT
                );
                CREATE INDEX outbox_attempts_by_message ON outbox_attempts(message_id);
                """)
            for table in ["touches", "holds", "outbox", "outbox_attempts"] {
                try makeAppendOnly(table, db)
            }
        }
        migrator.registerMigration("v4-snapshots") { db in
            try db.execute(sql: """
                CREATE TABLE portfolio_snapshots (
                    as_of TEXT PRIMARY KEY,
                    contracts INTEGER NOT NULL,
                    active INTEGER NOT NULL,
                    overdue INTEGER NOT NULL,
                    closed INTEGER NOT NULL,
                    terminated INTEGER NOT NULL,
                    outstanding INTEGER NOT NULL,
                    overdue_amount INTEGER NOT NULL,
                    terminated_outstanding INTEGER NOT NULL,
                    buckets TEXT NOT NULL,
                    recorded_at TEXT NOT NULL
                ) WITHOUT ROWID;
                """)
            try makeAppendOnly("portfolio_snapshots", db)
        }
        migrator.registerMigration("v5-penalties-restructuring") { db in
            try db.execute(sql: """
                ALTER TABLE contracts ADD COLUMN penalty_rate INTEGER NOT NULL DEFAULT 0 CHECK (penalty_rate >= 0);
                CREATE TABLE restructurings (
                    id INTEGER PRIMARY KEY,
                    contract_id INTEGER NOT NULL REFERENCES contracts(id),
                    as_of TEXT NOT NULL,
                    proposed_by TEXT NOT NULL,
                    proposed_at TEXT NOT NULL
                );
                CREATE TABLE restructured_installments (
                    restructuring_id INTEGER NOT NULL REFERENCES restructurings(id),
                    seq INTEGER NOT NULL CHECK (seq >= 0),
                    due_date TEXT NOT NULL,
                    principal INTEGER NOT NULL CHECK (principal >= 0),
                    interest INTEGER NOT NULL CHECK (interest >= 0),
                    PRIMARY KEY (restructuring_id, seq)
                ) WITHOUT ROWID;
                CREATE TABLE approvals (
                    restructuring_id INTEGER PRIMARY KEY REFERENCES restructurings(id),
                    approved_by TEXT NOT NULL,
                    approved_at TEXT NOT NULL
                );
                CREATE INDEX restructurings_by_contract ON restructurings(contract_id);
                """)
            for table in ["restructurings", "restructured_installments", "approvals"] {
                try makeAppendOnly(table, db)
            }
        }
        migrator.registerMigration("v6-client-card") { db in
            try db.execute(sql: """
                ALTER TABLE clients ADD COLUMN passport TEXT;
                ALTER TABLE clients ADD COLUMN address TEXT;
                CREATE TABLE client_notes (
                    id INTEGER PRIMARY KEY,
                    client_id INTEGER NOT NULL REFERENCES clients(id),
                    at TEXT NOT NULL,
                    author TEXT NOT NULL,
                    text TEXT NOT NULL CHECK (text <> '')
                );
                CREATE INDEX client_notes_by_client ON client_notes(client_id);
                """)
            try makeAppendOnly("client_notes", db)
        }
        migrator.registerMigration("v7-playbooks") { db in
            try db.execute(sql: """
                CREATE TABLE playbooks (
                    version INTEGER PRIMARY KEY,
                    text TEXT NOT NULL,
                    bucket_thresholds TEXT,
                    imported_at TEXT NOT NULL,
                    imported_by TEXT NOT NULL
                );
                """)
            try makeAppendOnly("playbooks", db)
        }
        migrator.registerMigration("v8-delivery") { db in
            // Delivery apart from planning: a message (an outbox row) is handed to the gateway by a
            // delivery, one per client and step, whose id the gateway sees and which keeps it across
            // an operator's retry; every hand-over is an attempt, recorded before the gateway runs,
            // with the text exactly as sent; its result comes after. An attempt with no result is
            // one whose outcome is unknown (the run died): it is never handed over again by itself.
            try db.execute(sql: """
                ALTER TABLE ledger ADD COLUMN timezone TEXT;
                CREATE TABLE deliveries (
                    id INTEGER PRIMARY KEY,
                    client_id INTEGER NOT NULL REFERENCES clients(id),
                    step TEXT NOT NULL,
                    channel TEXT NOT NULL,
                    created_at TEXT NOT NULL
                );
                CREATE TABLE delivery_attempts (
                    id INTEGER PRIMARY KEY,
                    delivery_id INTEGER NOT NULL REFERENCES deliveries(id),
                    at TEXT NOT NULL,
                    address TEXT NOT NULL,
                    text TEXT NOT NULL,
                    recorded_at TEXT NOT NULL
                );
                CREATE INDEX delivery_attempts_by_delivery ON delivery_attempts(delivery_id);
                CREATE INDEX delivery_attempts_by_at ON delivery_attempts(at);
                CREATE TABLE attempt_messages (
                    attempt_id INTEGER NOT NULL REFERENCES delivery_attempts(id),
                    message_id INTEGER NOT NULL REFERENCES outbox(id),
                    PRIMARY KEY (attempt_id, message_id)
                ) WITHOUT ROWID;
                CREATE INDEX attempt_messages_by_message ON attempt_messages(message_id, attempt_id);
                CREATE TABLE attempt_results (
                    attempt_id INTEGER PRIMARY KEY REFERENCES delivery_attempts(id),
                    at TEXT NOT NULL,
                    result TEXT NOT NULL CHECK (result IN ('sent', 'failed', 'retry')),
                    detail TEXT,
                    source TEXT NOT NULL
                );
                CREATE INDEX outbox_attempts_by_result ON outbox_attempts(message_id, result);
                """)
            // Sends and failures recorded before deliveries existed become deliveries of one message.
            try db.execute(sql: """
                INSERT INTO deliveries (id, client_id, step, channel, created_at)
                    SELECT outbox_attempts.id, contracts.client_id, outbox.step, outbox.channel, outbox_attempts.at
                    FROM outbox_attempts JOIN outbox ON outbox.id = outbox_attempts.message_id
                    JOIN contracts ON contracts.id = outbox.contract_id
                    WHERE outbox_attempts.result IN ('sent', 'failed');
                INSERT INTO delivery_attempts (id, delivery_id, at, address, text, recorded_at)
                    SELECT outbox_attempts.id, outbox_attempts.id, outbox_attempts.at, outbox.phone, outbox.text,
                        outbox_attempts.at
                    FROM outbox_attempts JOIN outbox ON outbox.id = outbox_attempts.message_id
                    WHERE outbox_attempts.result IN ('sent', 'failed');
                INSERT INTO attempt_messages (attempt_id, message_id)
                    SELECT id, message_id FROM outbox_attempts WHERE result IN ('sent', 'failed');
                INSERT INTO attempt_results (attempt_id, at, result, detail, source)
                    SELECT id, at, result, detail, 'gateway' FROM outbox_attempts WHERE result IN ('sent', 'failed');
                """)
            for table in ["deliveries", "delivery_attempts", "attempt_messages", "attempt_results"] {
                try makeAppendOnly(table, db)
            }
        }
        migrator.registerMigration("v9-effective-schedules") { db in
            // The business date a restructuring took effect: a head's at once, a manager's when a head
            // approved it. Figures for the days before keep the schedule then in force.
            try db.execute(sql: "ALTER TABLE approvals ADD COLUMN effective_on TEXT")
        }
        migrator.registerMigration("v10-closed-days") { db in
            // A snapshot now closes a day that has ended. Those taken before (during the day they
            // were dated, before its payments) stay as they were and are not compared with the ledger.
            try db.execute(sql: "ALTER TABLE portfolio_snapshots ADD COLUMN closes_day INTEGER NOT NULL DEFAULT 0")
        }
        migrator.registerMigration("v11-ledger-mark") { db in
            // The mark that tells a ledger from any other SQLite file (see `LedgerFile`).
            try db.execute(sql: "PRAGMA application_id = \(LedgerFile.applicationID)")
        }
        migrator.registerMigration("v12-claimed-logins") { db in
            // `--as` and DOLG_USER are claims nothing checks yet: the audit keeps them beside the OS user.
            try db.execute(sql: "ALTER TABLE audit_log ADD COLUMN claimed_login TEXT")
        }
        migrator.registerMigration("v13-lookalike-numbers") { db in
            // A contract number's look-alike key (`IdentifierText.lookalikeKey`): `С-1` in Cyrillic
            // and `C-1` in Latin have the same, and a second such number is refused.
            // Kept beside the contract (contracts are never updated).
            try db.execute(sql: """
                CREATE TABLE contract_number_keys (
                    contract_id INTEGER PRIMARY KEY REFERENCES contracts(id),
                    number_key TEXT NOT NULL
                );
                CREATE INDEX contract_number_keys_by_key ON contract_number_keys (number_key);
                """)
            let insert = try db.makeStatement(sql: "INSERT INTO contract_number_keys (contract_id, number_key) VALUES (?, ?)")
            for row in try Row.fetchAll(db, sql: "SELECT id, number FROM contracts") {
                try insert.execute(arguments: [row["id"] as Int64, IdentifierText.lookalikeKey(row["number"])])
            }
            try makeAppendOnly("contract_number_keys", db)
        }
        migrator.registerMigration("v14-the-managers-day") { db in
            try ManagersDayMigration.migrate(db)
        }
        return migrator
    }

    /// Triggers that refuse UPDATE and DELETE: the table's history can only grow.
    static func makeAppendOnly(_ table: String, _ db: Database) throws {
        try db.execute(sql: """
            CREATE TRIGGER \(table)_are_never_updated BEFORE UPDATE ON \(table)
            BEGIN SELECT RAISE(ABORT, '\(table) are never updated: record a correction instead'); END;
            CREATE TRIGGER \(table)_are_never_deleted BEFORE DELETE ON \(table)
            BEGIN SELECT RAISE(ABORT, '\(table) are never deleted: record a correction instead'); END;
            """)
    }
}
