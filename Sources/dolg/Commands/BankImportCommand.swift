import ArgumentParser
import DolgRules
import DolgStorage
import Foundation

extension ImportCommand {
    /// `dolg import bank FILE`: incoming payments from a bank statement, matched to contracts.
    struct Bank: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: helpText("Import a bank statement (1C kl_to_1c.txt, or a CSV export with --map).",
                               "Загрузить банковскую выписку (1C kl_to_1c.txt или CSV-выгрузку с --map)."),
            discussion: helpText("""
                Incoming payments to the statement's own accounts are matched to contracts: by a contract \
                number in the purpose, then by the payer's INN or phone, then by an amount equal to one \
                open installment. The rest wait in `dolg pay unmatched`. Each payment is recorded once \
                however many statements contain it. A statement with a broken incoming document is \
                refused whole, with every problem listed.
                """, """
                Поступления на счета владельца выписки сопоставляются с договорами: по номеру договора в \
                назначении платежа, затем по ИНН или телефону плательщика, затем по сумме, равной одному \
                неоплаченному платежу по графику. Остальные ждут в `dolg pay unmatched`. Каждый платёж \
                записывается один раз, в скольких бы выписках он ни встретился. Выписка с испорченным входящим \
                документом отклоняется целиком, со списком всех ошибок.
                """))

        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(helpText("The statement file.", "Файл выписки.")), completion: .file()) var file: String
        @Option(help: ArgumentHelp(helpText("For a CSV export: FIELD=COLUMN pairs for date, amount, number, purpose (required), payer, inn, account, bic.",
                                            "Для CSV-выгрузки: пары FIELD=COLUMN (поле=колонка) для date, amount, number, purpose (обязательные), payer, inn, account, bic.")))
        var map: String?
        @Flag(help: ArgumentHelp(helpText("Match and report, writing nothing.",
                                          "Пробный прогон: сопоставить и показать итог, ничего не записывая.")))
        var dryRun = false

        func run() throws {
            let (ledger, settings) = try global.openLedger()
            let today = try global.businessDate()
            let reading = try readStatement()
            for skipped in reading.skipped { note("\(file): note: \(skipped)") }
            guard reading.errors.isEmpty else {
                for error in reading.errors { note("\(file): \(error)") }
                throw DolgError(.invalidBankFile, "\(reading.errors.count) incoming document(s) in \(file) cannot be read; nothing imported",
                                remedy: "ask the bank for a corrected statement, or fix the documents listed above")
                    .inRussian("в \(file) не удалось прочитать входящих документов: \(reading.errors.count); ничего не импортировано",
                               remedy: "запросите у банка исправленную выписку или исправьте документы, перечисленные выше")
            }
            let summary = try ledger.importBank(reading.incoming, sourceFile: (file as NSString).lastPathComponent,
                                                asOf: today, dryRun: dryRun, audit: try global.auditContext())
            let table = TableRenderer(currency: settings.currency, language: try global.language())
            let say = Say(language: try global.language())
            let count = reading.incoming.count
            let outgoing = reading.outgoingCount > 0
                ? say(" (\(reading.outgoingCount) outgoing left out)", " (исходящих пропущено: \(reading.outgoingCount))") : ""
            var lines = [say("\(dryRun ? "Checked" : "Imported") \(file): \(counted(count, "incoming payment", "incoming payments"))\(outgoing).",
                             "\(dryRun ? "Проверена" : "Загружена") \(file): входящих платежей \(count)\(outgoing).")]
            let rules = PaymentMatcher.Rule.allCases.compactMap { rule in
                summary.recorded[rule].map { say("\($0) by \(rule.rawValue.replacing("_", with: " "))", "\($0) \(BankWords.rules[rule] ?? rule.rawValue)") }
            }
            let byRule = rules.isEmpty ? "" : " (\(rules.joined(separator: ", ")))"
            lines.append(say("  recorded       ", "  записано        ") + "\(summary.recordedCount)" + byRule)
            lines.append(say("  unmatched      ", "  не разнесено    ") + "\(summary.unmatched.count)"
                         + (summary.unmatched.isEmpty ? "" : say(" (see `dolg pay unmatched`)", " (см. `dolg pay unmatched`)")))
            lines.append(say("  already there  ", "  уже в реестре   ") + "\(summary.alreadyThere)")
            for (payment, reason) in summary.unmatched {
                let amount = table.format(.money(payment.amount))
                let payer = payment.payerName.isEmpty ? "?" : payment.payerName
                lines.append(say("  unmatched: \(payment.documentNumber) of \(payment.date), \(amount) from \(payer): \(reason)",
                                 "  не разнесён: № \(payment.documentNumber) от \(payment.date.russianDescription), \(amount) от \(payer): "
                                    + BankWords.russianReason(reason)))
            }
            if dryRun { lines.append(say("Nothing written.", "Ничего не записано.")) }
            write(lines.joined(separator: "\n") + "\n")
        }

        func readStatement() throws(DolgError) -> StatementReading {
            let input = try InputSource(file)
            defer { input.remove() }
            let bytes = [UInt8](try InputFile.bytes(input.path))
            let marker = Array("1CClientBankExchange".utf8)
            let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
            if body.starts(with: marker) {
                do {
                    return StatementReading(try BankStatement.parse(BankStatement.decode(bytes)))
                } catch .truncated {
                    throw DolgError(.invalidBankFile, "\(file) has a statement without КонецФайла: it may be cut short",
                                    remedy: "download the statement again; nothing was imported")
                        .inRussian("\(file): выписка без КонецФайла — возможно, файл обрезан",
                                   remedy: "скачайте выписку заново; ничего не импортировано")
                } catch .contentAfterEnd(let line) {
                    throw DolgError(.invalidBankFile, "\(file):\(line): text after КонецФайла that is not another statement",
                                    remedy: "check the file: nothing was imported, so no payment in it is lost")
                        .inRussian("\(file):\(line): после КонецФайла текст, который не является выпиской",
                                   remedy: "проверьте файл: ничего не импортировано, ни один платёж не потерян")
                } catch {
                    throw DolgError(.invalidBankFile, "\(file) is not a 1C exchange file", remedy: "check the file")
                        .inRussian("\(file) — не файл обмена с 1С", remedy: "проверьте файл")
                }
            }
            guard let map else {
                throw DolgError(.invalidBankFile, "\(file) is not a 1C exchange file (it does not start with 1CClientBankExchange)",
                                remedy: "for a CSV export give --map, e.g. --map 'date=Дата,amount=Сумма,number=Номер,purpose=Назначение'")
                    .inRussian("\(file) — не файл обмена с 1С (он не начинается с 1CClientBankExchange)",
                               remedy: "для CSV укажите --map, например --map 'date=Дата,amount=Сумма,number=Номер,purpose=Назначение'")
            }
            return try readCSV(mapping: try BankCSVMapping.parse(map))
        }

        func readCSV(mapping: BankCSVMapping) throws(DolgError) -> StatementReading {
            let table = try TabularFile(path: file)
            var reading = StatementReading()
            for column in mapping.columns.values where !table.columns.contains(column) {
                reading.errors.append("line 1: no column '\(column)' (columns: \(table.columns.joined(separator: ", ")))")
            }
            guard reading.errors.isEmpty else { return reading }
            while let fields = try table.next() {
                if TabularFile.isBlank(fields) { continue }
                var row = RowReader(line: table.line, fields: fields)
                if let payment = mapping.payment(&row) {
                    reading.incoming.append(payment)
                } else if row.errors.isEmpty {
                    reading.outgoingCount += 1
                }
                let russian = HelpLanguage.current == .russian
                reading.errors += row.errors.map { error in
                    (russian ? "строка " : "line ") + error.description(HelpLanguage.current)
                }
            }
            return reading
        }
    }
}
