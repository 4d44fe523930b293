import DolgRules
import GRDB

extension LedgerDatabase {
    /// Records a new contract and its installments.
    ///
    /// `installments` come from the rules (`ScheduleBuilder` or `CustomSchedule`);
    /// they are stored so that a custom or later restructured schedule is kept as given.
    @discardableResult
    public func addContract(number: String, clientID: Int64, managerName: String?, terms: ScheduleTerms,
                            installments: [Installment], customSchedule: Bool, dailyPenaltyRate: InterestRate = .zero,
                            segment: String? = nil, audit: AuditContext) throws(DolgError) -> Int64 {
        try Self.checkIdentifier(number, "--number", russian: "номер договора")
        if let segment { try Self.checkIdentifier(segment, "--segment", russian: "сегмент") }
        return try write(audit) { db in
            _ = try clientWithID(clientID, db)
            let managerID = try managerNamed(managerName, db)
            if try Bool.fetchOne(db, sql: "SELECT 1 FROM contracts WHERE number = ?", arguments: [number]) == true {
                throw DolgError(.duplicateContractNumber, "contract number '\(number)' is already in the ledger",
                                remedy: "give a new --number; see it with `dolg contract show \(number)`")
                    .inRussian("договор с номером '\(number)' уже есть в реестре",
                               remedy: "укажите другой --number; посмотреть: `dolg contract show \(number)`")
            }
            return try insertContract(db, number: number, clientID: clientID, managerID: managerID, terms: terms,
                                      segment: segment, installments: installments, customSchedule: customSchedule,
                                      dailyPenaltyRate: dailyPenaltyRate, audit: audit)
        }
    }

    /// Inserts a contract and its installments; the caller has checked the number is new.
    func insertContract(_ db: Database, number: String, clientID: Int64, managerID: Int64?, terms: ScheduleTerms,
                        segment: String?, installments: [Installment], customSchedule: Bool,
                        dailyPenaltyRate: InterestRate = .zero, audit: AuditContext) throws -> Int64 {
        // Cached statements: an import calls this once per row, and compiling SQL each time
        // cost more than the inserts.
        let key = IdentifierText.lookalikeKey(number)
        if let lookalike = try String.fetchOne(db.cachedStatement(sql: """
            SELECT contracts.number FROM contract_number_keys JOIN contracts ON contracts.id = contract_id
            WHERE number_key = ? AND contracts.number <> ? LIMIT 1
            """), arguments: [key, number]) {
            throw DolgError(.duplicateContractNumber,
                            "contract number '\(number)' looks the same as '\(lookalike)', already in the ledger (letters of another script)",
                            remedy: "type the number in one alphabet; if it is that contract, use its number")
                .inRussian("номер договора '\(number)' выглядит так же, как '\(lookalike)', уже внесённый (буквы другого алфавита)",
                           remedy: "наберите номер в одной раскладке; если это тот же договор, используйте его номер")
        }
        try db.cachedStatement(sql: """
            INSERT INTO contracts (number, client_id, manager_id, amount, down_payment, installment_count,
                period, start_date, first_due, rate, custom_schedule, segment, penalty_rate, created_on)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [number, clientID, managerID, try terms.totalAmount.storedMinorUnits,
                             try terms.downPayment.storedMinorUnits, terms.installmentCount, terms.period.rawValue,
                             terms.startDate.description, terms.firstDueDate.description,
                             terms.annualRate.tenThousandthsOfPercent, customSchedule, segment,
                             dailyPenaltyRate.tenThousandthsOfPercent, audit.today.description])
        let contractID = db.lastInsertedRowID
        try db.cachedStatement(sql: "INSERT INTO contract_number_keys (contract_id, number_key) VALUES (?, ?)")
            .execute(arguments: [contractID, key])
        try insertInstallments(installments, into: "installments", owner: "contract_id", id: contractID, db)
        return contractID
    }

    /// Inserts a schedule's rows into `table`, keyed by `owner` = `id` (a contract or a restructuring).
    func insertInstallments(_ installments: [Installment], into table: String, owner: String, id: Int64,
                            _ db: Database) throws {
        let insert = try db.cachedStatement(sql: """
            INSERT INTO \(table) (\(owner), seq, due_date, principal, interest) VALUES (?, ?, ?, ?, ?)
            """)
        for installment in installments {
            try insert.execute(arguments: [id, installment.seq, installment.dueDate.description,
                                           try installment.principal.storedMinorUnits, try installment.interest.storedMinorUnits])
        }
    }

    /// Ends a contract early. Its debt stays visible and payments are still accepted.
    public func terminateContract(number: String, reason: String, on date: CivilDate,
                                  audit: AuditContext) throws(DolgError) {
        try write(audit) { db in
            let contract = try contractNumbered(number, db)
            if let termination = contract.termination {
                throw DolgError(.alreadyTerminated,
                                "contract \(number) was already terminated on \(termination.date)",
                                remedy: "nothing to do; see `dolg contract show \(number)`")
                    .inRussian("договор \(number) уже расторгнут \(termination.date)",
                               remedy: "делать ничего не нужно; см. `dolg contract show \(number)`")
            }
            guard date >= contract.terms.startDate else {
                throw DolgError(.invalidDate, "contract \(number) starts on \(contract.terms.startDate), after \(date)",
                                remedy: "terminate it on or after its start date")
                    .inRussian("договор \(number) начинается \(contract.terms.startDate.russianDescription), позже \(date.russianDescription)",
                               remedy: "расторгните его не раньше даты начала")
            }
            try db.execute(sql: "INSERT INTO terminations (contract_id, date, reason, recorded_at) VALUES (?, ?, ?, ?)",
                           arguments: [contract.id, date.description, reason, audit.timestamp])
        }
    }
}
