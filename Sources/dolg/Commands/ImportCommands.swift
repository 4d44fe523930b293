import ArgumentParser
import DolgRules
import DolgStorage
import Foundation

/// `dolg import contracts|payments|bank`: bring data in from spreadsheets and the bank.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: helpText("Import clients, contracts and payments from CSV, and bank statements.", "Загрузить клиентов, договоры и платежи из CSV, а также банковские выписки."),
        subcommands: [Clients.self, Contracts.self, Payments.self, Bank.self])

    struct Clients: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: helpText("Import clients with every field (the columns of `export clients`).", "Загрузить клиентов со всеми полями (столбцы как в `export clients`)."),
            discussion: helpText("""
                All or nothing. A client with the same name and phone is skipped, so a second import changes \
                nothing; a phone that belongs to a client of another name is an error naming both. Managers \
                are found by name or created. Masked phones, passports and addresses are refused: export with \
                --reveal to move personal data. Import clients before the contracts that name them.
                """, """
                Всё или ничего. Клиент с тем же именем и телефоном пропускается, поэтому повторная загрузка \
                ничего не меняет; телефон клиента с другим именем — ошибка, в которой названы оба. Менеджеры \
                находятся по имени или создаются. Скрытые телефоны, паспорта и адреса не принимаются: для переноса \
                персональных данных делайте выгрузку с --reveal. Загружайте клиентов раньше договоров, где они указаны.
                """))

        @OptionGroup var global: GlobalOptions
        @OptionGroup var importOptions: ImportOptions

        func run() throws {
            try importOptions.run(global, kinds: ["managers", "clients"]) { ledger, file, audit, progress throws(DolgError) in
                try ledger.importClients(from: file, dryRun: importOptions.dryRun, audit: audit, progress: progress)
            }
        }
    }

    struct Contracts: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: helpText("Import contracts from a spreadsheet (the columns of `export contracts`).", "Загрузить договоры из таблицы (столбцы как в `export contracts`)."),
            usage: "dolg import contracts FILE.csv [--schedule SCHEDULE.csv] [--dry-run]",
            discussion: helpText("""
                All or nothing: one bad row and nothing is written, with every bad row reported. \
                Clients are found by phone or created, managers by name or created; a contract \
                already in the ledger with the same terms is skipped, so a second import changes nothing.
                """, """
                Всё или ничего: при одной ошибочной строке ничего не записывается, а все ошибочные строки перечисляются. \
                Клиенты находятся по телефону или создаются, менеджеры — по имени или создаются; договор, \
                который уже есть в реестре с теми же условиями, пропускается, поэтому повторная загрузка ничего не меняет.
                """))

        @OptionGroup var global: GlobalOptions
        @OptionGroup var importOptions: ImportOptions
        @Option(help: ArgumentHelp(helpText("Installments (contract,due_date,amount) of the contracts whose period is custom.", "Платежи по графику (contract,due_date,amount) для договоров с нестандартной периодичностью.")), completion: .file())
        var schedule: String?

        func run() throws {
            let scheduleInput = try schedule.map { path throws(DolgError) in try InputSource(path) }
            defer { scheduleInput?.remove() }
            let scheduleFile = try scheduleInput.map { input throws(DolgError) in try TabularFile(path: input.path, name: input.name) }
            try importOptions.run(global, kinds: ["managers", "clients", "contracts"]) {
                ledger, file, audit, progress throws(DolgError) in
                try ledger.importContracts(from: file, schedule: scheduleFile, dryRun: importOptions.dryRun,
                                           knownSegments: try global.playbooks(ledger).knownSegments,
                                           audit: audit, progress: progress)
            }
        }
    }

    struct Payments: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: helpText("Import payments from a CSV file: contract,date,amount,reference,method.", "Загрузить платежи из CSV-файла: contract,date,amount,reference,method."),
            discussion: helpText("""
                All or nothing, and exactly once: a payment already in the ledger (by its reference, or \
                by contract, date, amount and place among identical rows) is counted, not recorded again.
                """, """
                Всё или ничего, и ровно один раз: платёж, который уже есть в реестре (по номеру документа или \
                по договору, дате, сумме и месту среди одинаковых строк), учитывается, но повторно не записывается.
                """))

        @OptionGroup var global: GlobalOptions
        @OptionGroup var importOptions: ImportOptions

        func run() throws {
            try importOptions.run(global, kinds: ["payments"]) { ledger, file, audit, progress throws(DolgError) in
                try ledger.importPayments(from: file, dryRun: importOptions.dryRun, audit: audit, progress: progress)
            }
        }
    }
}

/// The file and `--dry-run` shared by the imports, and how their outcome is told.
struct ImportOptions: ParsableArguments {
    @Argument(help: ArgumentHelp(helpText("The CSV file: UTF-8 or Windows-1251, separated by , or ;.", "CSV-файл: UTF-8 или Windows-1251, разделитель , или ;.")), completion: .file()) var file: String
    @Flag(help: ArgumentHelp(helpText("Check the file and say what would be imported, writing nothing.", "Пробный прогон: проверить файл и показать, что будет загружено, ничего не записывая."))) var dryRun = false

    /// Opens the ledger and the file, imports with `body`, and tells the outcome counting `kinds`.
    func run(_ global: GlobalOptions, kinds: [String],
             _ body: (LedgerDatabase, TabularFile, AuditContext, @escaping (Int) -> Void) throws(DolgError) -> ImportSummary) throws {
        let (ledger, _) = try global.openLedger()
        let input = try InputSource(self.file)
        defer { input.remove() }
        let file = try TabularFile(path: input.path, name: input.name)
        let audit = try global.auditContext()
        let say = Say(language: try global.language())
        let summary = try withProgress(file, say) { progress throws(DolgError) in try body(ledger, file, audit, progress) }
        try report(summary, kinds: kinds, name: input.name, say: say)
    }

    /// Runs `body`, showing a row count on stderr while it works when stderr is a terminal.
    private func withProgress<T>(_ file: TabularFile, _ say: Say,
                                 _ body: (@escaping (Int) -> Void) throws(DolgError) -> T) throws(DolgError) -> T {
        let terminal = isatty(STDERR_FILENO) == 1
        let result = try body { rows in
            guard terminal else { return }
            let share = file.percentRead.map { " (\($0)%)" } ?? ""
            FileHandle.standardError.write(say("\r\(rows) rows\(share)…", "\rстрок: \(rows)\(share)…").data(using: .utf8)!)
        }
        if terminal { FileHandle.standardError.write("\r\u{1B}[K".data(using: .utf8)!) }
        return result
    }

    /// Prints what was imported, or every bad row and the error that ends the command.
    func report(_ summary: ImportSummary, kinds: [String], name file: String, say: Say) throws(DolgError) {
        guard summary.errorCount == 0 else {
            for error in summary.errors { note("\(error.file ?? file):" + error.description(say.language)) }
            if summary.errorCount > summary.errors.count {
                let more = summary.errorCount - summary.errors.count
                note(say("… and \(more) more", "… и ещё \(more)"))
            }
            let rows = counted(summary.errorCount, "problem", "problems")
            throw DolgError(.invalidImport, "\(rows) in \(file); nothing imported",
                            remedy: "fix the rows listed above and import again")
                .inRussian("ошибок в \(file): \(summary.errorCount); ничего не загружено",
                           remedy: "исправьте строки, перечисленные выше, и загрузите снова")
        }
        let created = kinds.map { counted(summary.created($0), String($0.dropLast()), $0) }.joined(separator: ", ")
        let rows = counted(summary.rows, "row", "rows")
        let russianKinds = ["managers": "менеджеров", "clients": "клиентов", "contracts": "договоров", "payments": "платежей"]
        let createdRu = kinds.map { "\(russianKinds[$0] ?? $0): \(summary.created($0))" }.joined(separator: ", ")
        if dryRun {
            for kind in ["managers", "clients"] where kinds.contains(kind) {
                guard let names = summary.createdNames[kind], !names.isEmpty else { continue }
                write(say("New \(kind): \(names.joined(separator: "; ")).\n",
                          "Новые \(kind == "managers" ? "менеджеры" : "клиенты"): \(names.joined(separator: "; ")).\n"))
            }
            write(say("Checked \(file): \(rows), no problems. Would create \(created); \(summary.alreadyThere) already in the ledger. Nothing written.\n",
                      "Проверен \(file): строк \(summary.rows), ошибок нет. Будет создано — \(createdRu); уже в реестре: \(summary.alreadyThere). Ничего не записано.\n"))
        } else {
            write(say("Imported \(file): \(rows); created \(created); \(summary.alreadyThere) already in the ledger.\n",
                      "Загружен \(file): строк \(summary.rows); создано — \(createdRu); уже в реестре: \(summary.alreadyThere).\n"))
        }
    }
}
