import ArgumentParser
import DolgRules
import DolgStorage

/// `dolg doctor`: checks the file and every invariant the ledger promises.
struct DoctorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "doctor", abstract: helpText("Check the ledger file and its invariants.", "Проверить файл реестра и согласованность его данных."),
        discussion: helpText("""
            Runs SQLite's integrity and foreign-key checks and the ledger's own invariants \
            (docs/architecture.md). Prints one line per check; exits 65 when any check fails.
            """, """
            Выполняет проверки SQLite (целостность и внешние ключи) и собственные правила реестра \
            (docs/architecture.md). Выводит по строке на каждую проверку; если хоть одна не пройдена, код выхода 65.
            """))

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let ledger = try LedgerDatabase.openExisting(path: global.ledgerPath)
        let findings = try ledger.doctor()
        write(DoctorReport.render(findings, Say(language: try global.language())))
        if findings.contains(where: { !$0.passed }) { throw ExitCode(ExitStatus.dataError.rawValue) }
    }
}

/// `dolg backup FILE`: a consistent copy of the ledger, taken while others may write.
struct BackupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup", abstract: helpText("Copy the ledger to a new file, consistently, even while others write.", "Скопировать реестр в новый файл в согласованном виде, даже пока другие в него пишут."))

    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp(helpText("The new file; an existing file is never overwritten.", "Новый файл; существующий файл никогда не перезаписывается.")), completion: .file()) var file: String

    func run() throws {
        let ledger = try LedgerDatabase.openExisting(path: global.ledgerPath)
        try ledger.backup(to: file)
        write(Say(language: try global.language())("Backed up \(global.ledgerPath) to \(file).\n",
                                                   "Копия реестра \(global.ledgerPath) сохранена в \(file).\n"))
    }
}

/// `dolg restore FILE`: a new ledger from a backup, kept only if it passes `doctor`.
struct RestoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore", abstract: helpText("Make the ledger from a backup that passes every doctor check.", "Восстановить реестр из резервной копии, прошедшей все проверки doctor."),
        discussion: helpText("""
            The ledger named by --db or DOLG_DB must not exist yet: move the current one aside first. \
            A backup that fails a check is not restored; the findings are printed and the exit status is 65.
            """, """
            Реестра, указанного в --db или DOLG_DB, ещё не должно быть: сначала переместите текущий в другое место. \
            Копия, не прошедшая проверку, не восстанавливается; выводятся найденные проблемы, код выхода 65.
            """))

    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp(helpText("The backup file made by `dolg backup`.", "Файл резервной копии, сделанный командой `dolg backup`.")), completion: .file()) var file: String

    func run() throws {
        let say = Say(language: try global.language())
        let findings = try LedgerDatabase.restore(from: file, to: global.ledgerPath)
        guard findings.allSatisfy(\.passed) else {
            write(DoctorReport.render(findings, say))
            throw DolgError(.ledgerDamaged, "the backup \(file) fails the doctor's checks; nothing was restored",
                            remedy: "restore an older backup")
                .inRussian("резервная копия \(file) не прошла проверки doctor; ничего не восстановлено",
                           remedy: "восстановите более старую резервную копию")
        }
        write(say("Restored \(global.ledgerPath) from \(file); every check passed.\n",
                  "Реестр \(global.ledgerPath) восстановлен из \(file); все проверки пройдены.\n"))
    }
}

/// The doctor's findings as lines: one per check, with the first offending rows under a failed one.
enum DoctorReport {
    /// Each check's rule for Russian readers, by the check's stable name.
    static let russianRules = [
        "integrity": "SQLite находит страницы, индексы и ограничения файла целыми.",
        "foreign_keys": "Каждая ссылка указывает на существующую строку.",
        "ledger_mark": "Файл несёт метку dolg и строку настроек.",
        "schedule_sums": "Платежи по графику каждого договора в сумме равны его сумме, с первым взносом.",
        "installment_counts": "В договоре с регулярным графиком столько платежей, сколько в нём указано.",
        "reversals": "Отмена отменяет ровно один платёж своего договора, в его дату или позже.",
        "payment_dates": "Нет денег, датированных раньше начала договора.",
        "reminders_sent_once": "Ни одно напоминание не передано шлюзу дважды.",
        "payments_from_two_sources": "Ни у одного договора нет платежей одной даты и суммы, внесённых двумя путями (для проверки).",
        "append_only": "Таблицы истории не дают выполнить UPDATE и DELETE, даже вручную.",
    ]

    static func render(_ findings: [LedgerCheckResult], _ say: Say) -> String {
        let width = findings.map(\.name.count).max() ?? 0
        var text = ""
        for finding in findings {
            let name = finding.name.padding(toLength: width, withPad: " ", startingAt: 0)
            let rule = say(finding.rule, russianRules[finding.name] ?? finding.rule)
            if finding.warns {
                text += say("warn    ", "внимание ") + "\(name)  \(rule) "
                    + say("(\(finding.problemCount) to look at)", "(проверьте: \(finding.problemCount))") + "\n"
                for example in finding.examples { text += "        - \(example)\n" }
            } else if finding.passed {
                text += say("ok      ", "в норме  ") + "\(name)  \(rule)\n"
            } else {
                text += say("FAILED  ", "ОШИБКА   ") + "\(name)  \(rule) "
                    + say("(\(finding.problemCount) found)", "(найдено: \(finding.problemCount))") + "\n"
                for example in finding.examples { text += "        - \(example)\n" }
            }
        }
        let failed = findings.filter { !$0.passed }.count
        let warned = findings.filter(\.warns).count
        if warned > 0 {
            text += say("\(warned) finding(s) to look at, which do not fail the ledger.\n",
                        "Замечаний к проверке: \(warned); на исправность реестра они не влияют.\n")
        }
        text += failed == 0 ? say("All \(findings.count) checks passed.\n", "Все проверки пройдены (\(findings.count)).\n")
                            : say("\(failed) of \(findings.count) checks failed.\n",
                                  "Не пройдено проверок: \(failed) из \(findings.count).\n")
        return text
    }
}
