import DolgRules

/// The man pages of `dolg` in roff: dolg(1) with the global options once, a section per command,
/// ENVIRONMENT, EXIT STATUS, FILES and EXAMPLES; and dolg-COMMAND(1) per command, with only
/// its own options.
struct ManualPages {
    let tool: CommandDescription
    let language: Language
    let date: String

    struct Page {
        let name: String
        let text: String
    }

    private var russian: Bool { language == .russian }
    private func say(_ english: String, _ russianText: String) -> String { russian ? russianText : english }

    /// The options every command takes, described once on dolg(1).
    static let globalOptions: Set<String> = ["db", "today", "lang", "now", "as"]
    /// The parser's own flags, described once too.
    static let builtIn: Set<String> = ["help", "version", "h"]

    func all() -> [Page] {
        [Page(name: "dolg", text: mainPage())] + commands().map { Page(name: pageName($0), text: commandPage($0)) }
    }

    /// Every command that does something, depth first, with the words that name it.
    func commands() -> [CommandDescription] {
        func walk(_ command: CommandDescription) -> [CommandDescription] {
            let children = (command.subcommands ?? []).filter { $0.isShown && $0.commandName != "help" }
            return children.flatMap { [$0] + walk($0) }
        }
        return walk(tool)
    }

    private func path(_ command: CommandDescription) -> String {
        ((command.superCommands ?? []) + [command.commandName]).joined(separator: " ")
    }

    private func pageName(_ command: CommandDescription) -> String {
        path(command).replacingOccurrences(of: " ", with: "-")
    }

    // MARK: dolg(1)

    private func mainPage() -> String {
        var roff = header("DOLG") + section(say("NAME", "ИМЯ")) + "dolg \\- " + escape(tool.abstract ?? "") + "\n"
        roff += section(say("SYNOPSIS", "ОБЗОР")) + ".B dolg\n" + say("[global options]", "[общие параметры]")
            + " " + say("command", "команда") + " [" + say("options", "параметры") + "]\n"
        roff += section(say("DESCRIPTION", "ОПИСАНИЕ")) + paragraph(say(
            "dolg keeps a ledger of installment and deferred-payment contracts in one SQLite file and says each morning who is late and what each manager must do today. Global options may stand before or after the command.",
            "dolg ведёт реестр договоров рассрочки и отсрочки в одном файле SQLite и каждое утро говорит, кто опоздал с платежом и что сегодня сделать каждому менеджеру. Общие параметры можно указывать до команды и после неё."))
        roff += section(say("GLOBAL OPTIONS", "ОБЩИЕ ПАРАМЕТРЫ"))
        let global = (commands().first { $0.commandName == "overdue" }?.arguments ?? [])
            .filter { Self.globalOptions.contains($0.preferredName?.name ?? "") }
        roff += global.map(option).joined()
        roff += section(say("COMMANDS", "КОМАНДЫ"))
        for command in commands() {
            roff += ".SS \"dolg \(path(command).dropFirst("dolg ".count))\"\n"
            roff += paragraph(command.abstract ?? "")
            let own = ownOptions(command)
            if !own.isEmpty { roff += own.map(option).joined() }
            roff += ".PP\n" + say("See ", "Подробнее: ") + "\\fB\(pageName(command))\\fR(1).\n"
        }
        roff += environment() + exitStatus() + files() + examples()
        roff += section(say("SEE ALSO", "СМ. ТАКЖЕ"))
            + commands().map { "\\fB\(pageName($0))\\fR(1)" }.joined(separator: ", ") + "\n"
        return roff
    }

    private func environment() -> String {
        let variables: [(String, String, String)] = [
            ("DOLG_DB", "The ledger file, when --db is not given.", "Файл реестра, если не указан --db."),
            ("DOLG_TODAY", "The business date, YYYY-MM-DD.", "Рабочая дата, YYYY-MM-DD."),
            ("DOLG_NOW", "The business moment, YYYY-MM-DDTHH:MM.", "Рабочий момент, YYYY-MM-DDTHH:MM."),
            ("DOLG_USER", "The login of who is working, when --as is not given.", "Логин того, кто работает, если не указан --as."),
            ("DOLG_LANG", "en or ru, before the locale.", "en или ru, прежде локали."),
            ("DOLG_PAGER", "The pager for long tables on a terminal, before PAGER; empty for none.",
             "Программа листания длинных таблиц на терминале, прежде PAGER; пусто — без неё."),
            ("DOLG_MESSAGE_ID", "Set for the send command of `dolg remind --send-cmd`: the delivery's id.",
             "Задаётся команде отправки `dolg remind --send-cmd`: id доставки."),
            ("XDG_DATA_HOME", "The default ledger is $XDG_DATA_HOME/dolg/ledger.sqlite (else ~/.local/share).",
             "Реестр по умолчанию — $XDG_DATA_HOME/dolg/ledger.sqlite (иначе ~/.local/share)."),
            ("LC_ALL, LC_MESSAGES, LANG", "A ru_* locale gives Russian.", "Локаль ru_* включает русский язык."),
            ("COLUMNS", "The width tables fit, when not the terminal's.", "Ширина, под которую подгоняются таблицы, если не ширина терминала."),
            ("NO_COLOR, FORCE_COLOR, TERM", "No colour with NO_COLOR or TERM=dumb; FORCE_COLOR asks for it.",
             "Без цвета при NO_COLOR или TERM=dumb; FORCE_COLOR включает цвет."),
        ]
        return section(say("ENVIRONMENT", "ОКРУЖЕНИЕ"))
            + variables.map { ".TP\n.B \($0.0)\n\(escape(russian ? $0.2 : $0.1))\n" }.joined()
    }

    private func exitStatus() -> String {
        var byStatus: [Int32: [String]] = [:]
        for code in DolgError.Code.allCases { byStatus[code.exitStatus.rawValue, default: []].append(code.rawValue) }
        let meanings: [Int32: (String, String)] = [
            0: ("Success.", "Успешно."), 64: ("The command line is wrong (usage).", "Неверная командная строка."),
            65: ("Bad data: the input or a value was refused; nothing was written.", "Неверные данные: ввод или значение отклонены; ничего не записано."),
            66: ("An input file or the ledger is missing.", "Нет входного файла или реестра."),
            67: ("The login is not a manager's.", "Логин не принадлежит менеджеру."),
            69: ("Some messages could not be sent.", "Часть сообщений не отправлена."),
            70: ("An internal error.", "Внутренняя ошибка."),
            73: ("A file that must be new exists, or is not a regular file.", "Файл, который должен быть новым, существует или не является обычным."),
            74: ("Reading or writing failed.", "Ошибка чтения или записи."),
            75: ("The ledger is busy, or another run is at work: try again.", "Реестр занят или уже идёт другой запуск: повторите."),
            77: ("Not permitted to the one working.", "Не разрешено тому, кто работает."),
            78: ("Something needs a person: an alarm, or a ledger too new for this version.", "Нужен человек: тревога или реестр новее этой версии."),
        ]
        var roff = section(say("EXIT STATUS", "КОД ВОЗВРАТА")) + paragraph(say(
            "The sysexits(3) codes. An error is one line on standard error, dolg: error[NAME]: …, whose NAME scripts may branch on.",
            "Коды sysexits(3). Ошибка — одна строка на стандартном выводе ошибок, dolg: ошибка[ИМЯ]: …; по ИМЕНИ могут ветвиться скрипты."))
        for status in meanings.keys.sorted() {
            let names = (byStatus[status] ?? []).sorted()
            roff += ".TP\n.B \(status)\n" + escape(russian ? meanings[status]!.1 : meanings[status]!.0)
                + (names.isEmpty ? "" : " " + names.joined(separator: ", ")) + "\n"
        }
        return roff
    }

    private func files() -> String {
        section(say("FILES", "ФАЙЛЫ"))
            + ".TP\n.I ~/.local/share/dolg/ledger.sqlite\n" + escape(say(
                "The ledger, readable by its owner only; its -wal and -shm files beside it.",
                "Реестр, доступный только владельцу; рядом его файлы -wal и -shm.")) + "\n"
            + ".TP\n.I ~/.local/share/dolg/ledger.sqlite.daily.lock\n"
            + escape(say("Held while `dolg daily` runs (beside any ledger).", "Занят, пока идёт `dolg daily` (рядом с любым реестром).")) + "\n"
    }

    private func examples() -> String {
        let examples: [(String, String, String)] = [
            ("dolg init", "Make a new ledger.", "Создать новый реестр."),
            ("dolg --today 2026-11-20 overdue", "Who is late, as of a date.", "Кто опоздал на дату."),
            ("dolg next --as petr", "What Пётр must do today.", "Что сегодня сделать Петру."),
            ("dolg pay 2026-001 5000 --ref KASSA-17", "Record a payment, safely retried.", "Записать платёж; повтор безопасен."),
            ("dolg import payments - < payments.csv", "Import payments from standard input.", "Загрузить платежи со стандартного ввода."),
            ("dolg report aging -o aging.xlsx", "The aging report as a workbook.", "Отчёт по срокам просрочки — книгой Excel."),
            ("dolg daily --send-cmd ./send-sms", "The nightly close, from cron.", "Ночное закрытие дня, из cron."),
        ]
        return section(say("EXAMPLES", "ПРИМЕРЫ"))
            + examples.map { ".TP\n.B \(escape($0.0))\n\(escape(russian ? $0.2 : $0.1))\n" }.joined()
    }

    // MARK: dolg-COMMAND(1)

    private func commandPage(_ command: CommandDescription) -> String {
        let name = pageName(command)
        var roff = header(name.uppercased()) + section(say("NAME", "ИМЯ")) + "\(name) \\- " + escape(command.abstract ?? "") + "\n"
        roff += section(say("SYNOPSIS", "ОБЗОР")) + ".B \(path(command))\n" + synopsis(command) + "\n"
        roff += section(say("DESCRIPTION", "ОПИСАНИЕ")) + paragraph(command.abstract ?? "")
        if let discussion = command.discussion, !discussion.isEmpty {
            roff += discussion.components(separatedBy: "\n\n").map(paragraph).joined()
        }
        let children = (command.subcommands ?? []).filter { $0.isShown && $0.commandName != "help" }
        if !children.isEmpty {
            roff += section(say("COMMANDS", "КОМАНДЫ"))
                + children.map { ".TP\n\\fB\(pageName($0))\\fR(1)\n\(escape($0.abstract ?? ""))\n" }.joined()
        }
        let arguments = (command.arguments ?? []).filter { $0.kind == .positional && $0.isShown }
        if !arguments.isEmpty { roff += section(say("ARGUMENTS", "АРГУМЕНТЫ")) + arguments.map(option).joined() }
        let own = ownOptions(command)
        if !own.isEmpty { roff += section(say("OPTIONS", "ПАРАМЕТРЫ")) + own.map(option).joined() }
        roff += paragraph(say("The global options (--db, --today, --now, --lang, --as) are described in dolg(1).",
                              "Общие параметры (--db, --today, --now, --lang, --as) описаны в dolg(1)."))
        roff += section(say("SEE ALSO", "СМ. ТАКЖЕ")) + "\\fBdolg\\fR(1)\n"
        return roff
    }

    private func ownOptions(_ command: CommandDescription) -> [ArgumentDescription] {
        (command.arguments ?? []).filter { argument in
            guard argument.kind != .positional, argument.isShown, let name = argument.preferredName?.name else { return false }
            return !Self.globalOptions.contains(name) && !Self.builtIn.contains(name)
        }
    }

    private func synopsis(_ command: CommandDescription) -> String {
        var words: [String] = []
        for argument in command.arguments ?? [] where argument.isShown {
            guard let name = argument.preferredName?.name ?? argument.valueName, !Self.builtIn.contains(name),
                  !Self.globalOptions.contains(name) else { continue }
            var word: String
            switch argument.kind {
            case .positional: word = "\\fI\(escape(valueName(argument) ?? name))\\fR"
            case .flag: word = "\\fB\(flagName(argument))\\fR"
            case .option: word = "\\fB\(flagName(argument))\\fR \\fI\(escape(valueName(argument) ?? name))\\fR"
            }
            if argument.isRepeating == true { word += " ..." }
            words.append(argument.isOptional == true ? "[\(word)]" : word)
        }
        return words.joined(separator: " ")
    }

    private func valueName(_ argument: ArgumentDescription) -> String? {
        argument.valueName.map { russian ? ParserMessages.russianValueName($0) : $0 }
    }

    private func flagName(_ argument: ArgumentDescription) -> String {
        escape(argument.preferredName?.spelled ?? "")
    }

    private func option(_ argument: ArgumentDescription) -> String {
        let names = (argument.names ?? []).map { escape($0.spelled) }
        var term: String
        if argument.kind == .positional {
            term = "\\fI\(escape(valueName(argument) ?? ""))\\fR"
        } else {
            term = names.map { "\\fB\($0)\\fR" }.joined(separator: ", ")
            if argument.kind == .option { term += " \\fI\(escape(valueName(argument) ?? ""))\\fR" }
        }
        var text = escape(argument.abstract ?? "")
        if let values = argument.allValues, !values.isEmpty {
            text += " " + say("Values: ", "Значения: ") + escape(values.joined(separator: ", ")) + "."
        }
        if let value = argument.defaultValue, !value.isEmpty {
            text += " " + say("Default: ", "По умолчанию: ") + escape(value) + "."
        }
        return ".TP\n\(term)\n\(text)\n"
    }

    // MARK: roff

    private func header(_ title: String) -> String {
        ".\\\" Written by `dolg manual` from the commands' definitions.\n"
            + ".TH \"\(title)\" \"1\" \"\(date)\" \"dolg 0.2.0\" \"\(say("dolg manual", "руководство dolg"))\"\n"
    }

    private func section(_ title: String) -> String { ".SH \"\(title)\"\n" }

    private func paragraph(_ text: String) -> String {
        text.isEmpty ? "" : ".PP\n" + escape(text.replacingOccurrences(of: "\n", with: " ")) + "\n"
    }

    /// Text as roff reads it: backslashes doubled, a leading dot or quote made literal, dashes
    /// as minus signs so that options can be searched for and copied.
    private func escape(_ text: String) -> String {
        var text = text.replacingOccurrences(of: "\\", with: "\\e").replacingOccurrences(of: "-", with: "\\-")
        if text.hasPrefix(".") || text.hasPrefix("'") { text = "\\&" + text }
        return text
    }
}
