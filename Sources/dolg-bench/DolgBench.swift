import ArgumentParser
import DolgRules
import DolgStorage
import Foundation
import GRDB

/// `dolg-bench generate`: a synthetic portfolio for the benchmark, deterministic from a seed,
/// written as CSV files for `dolg import` or directly into a new ledger.
@main
struct DolgBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dolg-bench", abstract: "Generate a synthetic portfolio for the benchmark.")

    @Option(help: "How many contracts.") var contracts = 1_000
    @Option(help: "The random seed.") var seed: UInt64 = 20_261_120
    @Option(help: "The business date the portfolio is built around.") var today = "2026-11-20"
    @Option(help: "Write contracts.csv and payments.csv into this directory.") var csv: String?
    @Option(help: "Write a new ledger at this path directly (no import).") var ledger: String?

    func run() throws {
        guard let date = try? CivilDate.parse(today) else { throw ValidationError("--today is not a date") }
        guard csv != nil || ledger != nil else { throw ValidationError("give --csv DIR or --ledger PATH") }
        if let csv { try writeCSV(directory: csv, today: date) }
        if let ledger { try writeLedger(path: ledger, today: date) }
    }

    func writeCSV(directory: String, today: CivilDate) throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: directory + "/contracts.csv", contents: nil)
        _ = FileManager.default.createFile(atPath: directory + "/payments.csv", contents: nil)
        let contractsFile = try FileHandle(forWritingTo: URL(fileURLWithPath: directory + "/contracts.csv"))
        let paymentsFile = try FileHandle(forWritingTo: URL(fileURLWithPath: directory + "/payments.csv"))
        defer {
            try? contractsFile.close()
            try? paymentsFile.close()
        }
        var contractsText = "number,client,phone,manager,start_date,amount,down_payment,installments,period,first_due\n"
        var paymentsText = "contract,date,amount,reference,method\n"
        var generator = PortfolioGenerator(seed: seed, today: today)
        for index in 0..<contracts {
            let contract = generator.contract(index)
            let terms = contract.terms
            contractsText += "\(contract.number),\(contract.clientName),\(contract.phone),\(contract.manager),"
                + "\(terms.startDate),\(terms.totalAmount.decimalString),\(terms.downPayment.decimalString),"
                + "\(terms.installmentCount),\(terms.period.rawValue),\(terms.firstDueDate)\n"
            for payment in contract.payments {
                paymentsText += "\(contract.number),\(payment.date),\(payment.amount.decimalString),,cash\n"
            }
            if contractsText.utf8.count > 1 << 20 {
                contractsFile.write(Data(contractsText.utf8))
                contractsText = ""
            }
            if paymentsText.utf8.count > 1 << 20 {
                paymentsFile.write(Data(paymentsText.utf8))
                paymentsText = ""
            }
        }
        contractsFile.write(Data(contractsText.utf8))
        paymentsFile.write(Data(paymentsText.utf8))
    }

    /// The same portfolio written straight into the tables, in one transaction: the fast path
    /// for building large ledgers (imports are measured on their own).
    func writeLedger(path: String, today: CivilDate) throws {
        let audit = AuditContext(timestamp: "2026-11-20T00:00:00Z", osUser: "bench", command: "dolg-bench", today: today)
        _ = try LedgerDatabase.create(path: path, currency: .rub, today: today, audit: audit)
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in
            for (index, name) in PortfolioGenerator.managers.enumerated() {
                try db.execute(sql: "INSERT INTO managers (id, name, role, login) VALUES (?, ?, ?, ?)",
                               arguments: [index + 1, name, index == 0 ? "head" : "manager", "m\(index + 1)"])
            }
            let client = try db.makeStatement(sql: """
                INSERT INTO clients (id, name, phone, manager_id, created_on) VALUES (?, ?, ?, ?, ?)
                """)
            let contract = try db.makeStatement(sql: """
                INSERT INTO contracts (id, number, client_id, manager_id, amount, down_payment, installment_count, period,
                    start_date, first_due, rate, custom_schedule, created_on)
                VALUES (?, ?, ?, NULL, ?, ?, ?, ?, ?, ?, 0, 0, ?)
                """)
            let installment = try db.makeStatement(sql: """
                INSERT INTO installments (contract_id, seq, due_date, principal, interest) VALUES (?, ?, ?, ?, 0)
                """)
            let payment = try db.makeStatement(sql: """
                INSERT INTO payments (contract_id, kind, date, amount, method, recorded_at) VALUES (?, 'payment', ?, ?, 'cash', ?)
                """)
            let touch = try db.makeStatement(sql: """
                INSERT INTO touches (contract_id, at, channel, outcome, manager_id, recorded_at) VALUES (?, ?, 'call', ?, ?, ?)
                """)
            var generator = PortfolioGenerator(seed: seed, today: today)
            for index in 0..<contracts {
                let synthetic = generator.contract(index)
                let id = index + 1
                let terms = synthetic.terms
                let manager = index % 5 + 1
                try client.execute(arguments: [id, synthetic.clientName, synthetic.phone, manager, today.description])
                try contract.execute(arguments: [id, synthetic.number, id, Int64(terms.totalAmount.minorUnits),
                                                 Int64(terms.downPayment.minorUnits), terms.installmentCount, terms.period.rawValue,
                                                 terms.startDate.description, terms.firstDueDate.description,
                                                 today.description])
                for item in synthetic.installments {
                    try installment.execute(arguments: [id, item.seq, item.dueDate.description, Int64(item.principal.minorUnits)])
                }
                for item in synthetic.payments {
                    try payment.execute(arguments: [id, item.date.description, Int64(item.amount.minorUnits), audit.timestamp])
                }
                for item in synthetic.touches {
                    try touch.execute(arguments: [id, item.at.description, item.outcome.rawValue, manager, audit.timestamp])
                }
            }
        }
    }
}
