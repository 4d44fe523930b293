import ArgumentParser
import DolgRules
import DolgStorage

/// `dolg audit`: who wrote what, and who saw personal data in full, without sqlite3.
struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit", abstract: helpText("Read the audit log: every write, and every reveal of personal data.",
                                                 "Просмотр журнала аудита: все изменения и все раскрытия персональных данных."),
        discussion: helpText("""
            Each row is one command that wrote to the ledger or showed personal data in full (--reveal): \
            when (UTC), the OS user, the login claimed with --as or DOLG_USER, and the command line with \
            personal data redacted. In a ledger with logins only a head reads it.
            """, """
            Каждая строка — одна команда, которая изменила реестр или показала персональные данные \
            полностью (--reveal): когда (UTC), пользователь ОС, логин, указанный через --as или DOLG_USER, \
            и командная строка со скрытыми персональными данными. В реестре с логинами журнал читает только \
            руководитель.
            """))

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions
    @Option(help: ArgumentHelp(helpText("From this date (UTC).", "Начиная с этой даты (UTC)."))) var since: String?
    @Option(help: ArgumentHelp(helpText("Only what this OS user or login did.",
                                        "Только действия этого пользователя ОС или логина.")))
    var who: String?
    @Flag(help: ArgumentHelp(helpText("Only reveals of personal data.", "Только раскрытия персональных данных.")))
    var reveals = false

    func run() throws {
        let since = try since.map { text throws(DolgError) in try parseDate(text, option: "--since") }
        let (ledger, settings) = try global.openLedger()
        if let me = try global.workingManager(ledger), me.role != .head {
            throw DolgError(.notPermitted, "'\(global.login)' is not a head and cannot read the audit log",
                            remedy: "ask a head")
                .inRussian("'\(global.login)' — не руководитель, журнал аудита ему недоступен", remedy: "обратитесь к руководителю")
        }
        let entries = try ledger.auditEntries(since: since, who: who, revealsOnly: reveals)
        var report = Report(
            columns: [Column("at"), Column("os_user"), Column("login"), Column("command")],
            rows: entries.map { [.text($0.at), .text($0.osUser), .optionalText($0.claimedLogin), .text($0.command)] })
        report.emptyMessage = ("Nothing in the audit log matches.", "В журнале аудита ничего не найдено.")
        try output.print(report, settings, try global.language())
    }
}
