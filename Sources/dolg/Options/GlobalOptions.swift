import ArgumentParser
import DolgPlaybookReader
import DolgRules
import DolgStorage
import Foundation

/// Options every command takes: which ledger, and as of which business date.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        helpText("The ledger file (else $DOLG_DB, else $XDG_DATA_HOME/dolg/ledger.sqlite).",
                 "Файл реестра (иначе $DOLG_DB, иначе $XDG_DATA_HOME/dolg/ledger.sqlite)."),
        valueName: helpText("path", "путь")), completion: .file(extensions: ["sqlite", "db"]))
    var db: String?

    @Option(name: .long, help: ArgumentHelp(
        helpText("The business date every figure is computed as of (else the date of --now or $DOLG_NOW, else $DOLG_TODAY, else the local date).",
                 "Рабочая дата, на которую считаются все цифры (иначе дата --now или $DOLG_NOW, иначе $DOLG_TODAY, иначе сегодняшняя)."),
        valueName: "YYYY-MM-DD"))
    var today: String?

    @Option(name: .long, help: ArgumentHelp(
        helpText("Language of everything shown: en or ru (else $DOLG_LANG, else LC_ALL, LC_MESSAGES or LANG).",
                 "Язык всего, что показывается: en или ru (иначе $DOLG_LANG, иначе LC_ALL, LC_MESSAGES или LANG)."),
        valueName: helpText("lang", "язык")), completion: .list(["en", "ru"]))
    var lang: String?

    @Option(name: .long, help: ArgumentHelp(
        helpText("The business moment for time-of-day rules (else $DOLG_NOW, else 12:00 of --today, else the clock).",
                 "Рабочий момент для правил о времени суток (иначе $DOLG_NOW, иначе 12:00 даты --today, иначе часы)."),
        valueName: "YYYY-MM-DDTHH:MM"))
    var now: String?

    @Option(name: .customLong("as"), help: ArgumentHelp(
        helpText("Who is working: a manager's login (else $DOLG_USER, else the OS user).",
                 "Кто работает: логин менеджера (иначе $DOLG_USER, иначе пользователь ОС)."),
        valueName: helpText("login", "логин")), completion: .custom(Completions.logins))
    var user: String?

    private var environment: [String: String] { ProcessInfo.processInfo.environment }

    /// The ledger path from --db, DOLG_DB, or the XDG data directory.
    var ledgerPath: String { Self.ledgerPath(db: db, environment: environment) }

    static func ledgerPath(db: String?, environment: [String: String]) -> String {
        if let db { return db }
        if let path = environment["DOLG_DB"], !path.isEmpty { return path }
        let dataHome = environment["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? ((environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()) as NSString)
                .appendingPathComponent(".local/share")
        return (dataHome as NSString).appendingPathComponent("dolg/ledger.sqlite")
    }

    /// The business date: --today, else the date of --now, else of DOLG_NOW, else DOLG_TODAY, else
    /// the local calendar date (in the ledger's time zone). A moment given beside a date never
    /// contradicts it: `--now 2026-11-21T10:00` alone is a business date of 21 November, for
    /// payments and positions as for the hours.
    func businessDate() throws(DolgError) -> CivilDate {
        if let today {
            let date = try parseDate(today, option: "--today")
            if let now, let moment = BusinessMoment.parse(now), moment.date != date {
                throw DolgError(.invalidDate, "--today \(today) and --now \(now) are different days",
                                remedy: "give one of them, or the same day in both")
                    .inRussian("--today \(today) и --now \(now) — разные дни", remedy: "укажите что-то одно или один и тот же день в обоих")
            }
            return date
        }
        if now != nil { return try businessMoment().date }
        if environmentMoment != nil { return try parsedEnvironmentMoment()!.date }
        if let text = environment["DOLG_TODAY"].flatMap({ $0.isEmpty ? nil : $0 }) {
            return try parseDate(text, option: "DOLG_TODAY")
        }
        let parts = LedgerClock.calendar.dateComponents([.year, .month, .day], from: Date())
        return CivilDate(year: parts.year!, month: parts.month!, day: parts.day!)!
    }

    /// The business moment: --now; else DOLG_NOW when it falls on the business date; else noon of
    /// an explicit business date; else the clock.
    func businessMoment() throws(DolgError) -> BusinessMoment {
        if let now {
            guard let moment = BusinessMoment.parse(now) else { throw Self.notAMoment(now, "--now") }
            if today != nil { _ = try businessDate() }  // refuses a --today of another day
            return moment
        }
        if let moment = try parsedEnvironmentMoment(), today.map({ (try? parseDate($0, option: "--today")) == moment.date }) ?? true {
            return moment
        }
        if today != nil || environment["DOLG_TODAY"].map({ !$0.isEmpty }) == true { return .noon(try businessDate()) }
        let date = try businessDate()
        let parts = LedgerClock.calendar.dateComponents([.hour, .minute], from: Date())
        return BusinessMoment(date: date, hour: parts.hour ?? 12, minute: parts.minute ?? 0)
    }

    private var environmentMoment: String? { environment["DOLG_NOW"].flatMap { $0.isEmpty ? nil : $0 } }

    private func parsedEnvironmentMoment() throws(DolgError) -> BusinessMoment? {
        guard let text = environmentMoment else { return nil }
        guard let moment = BusinessMoment.parse(text) else { throw Self.notAMoment(text, "DOLG_NOW") }
        return moment
    }

    private static func notAMoment(_ text: String, _ source: String) -> DolgError {
        DolgError(.invalidDate, "\(source) '\(text)' is not a date and time",
                  remedy: "write it as YYYY-MM-DDTHH:MM, e.g. 2026-11-20T14:30")
            .inRussian("\(source) '\(text)': это не дата и время", remedy: "пишите в виде YYYY-MM-DDTHH:MM, например 2026-11-20T14:30")
    }

    /// The login of whoever runs the command: --as, DOLG_USER, or the OS user.
    var login: String { claimedLogin ?? Self.osUser }

    /// The login given with --as or DOLG_USER, if any.
    var claimedLogin: String? { user ?? environment["DOLG_USER"].flatMap { $0.isEmpty ? nil : $0 } }

    /// Who is working, in a ledger whose managers have logins: the manager whose login is --as,
    /// DOLG_USER or the OS user, else `unknown_login` listing the logins (a mistyped login
    /// would otherwise see everyone's work and sign touches with no name). A ledger without
    /// logins is a one-person ledger: nil. This names a person; it does not prove who they are
    /// (docs/reliability.md).
    func workingManager(_ ledger: LedgerDatabase) throws(DolgError) -> StoredManager? {
        let managers = try ledger.managers()
        let logins = managers.filter { $0.active }.compactMap(\.login).sorted()
        guard !logins.isEmpty else { return nil }
        let source = user != nil ? "--as" : claimedLogin != nil ? "DOLG_USER" : "the OS user"
        guard let me = managers.first(where: { $0.login == login }) else {
            throw DolgError(.unknownLogin, "\(source) '\(login)' is not a manager's login",
                            remedy: "give --as with one of: \(logins.joined(separator: ", "))")
                .inRussian("\(source == "the OS user" ? "пользователь ОС" : source) '\(login)' — не логин менеджера",
                           remedy: "укажите --as и один из логинов: \(logins.joined(separator: ", "))")
        }
        guard me.active else {
            throw DolgError(.unknownLogin, "\(source) '\(login)' belongs to \(me.name), who no longer works here",
                            remedy: "give --as with one of: \(logins.joined(separator: ", "))")
                .inRussian("логин '\(login)' принадлежит \(me.name), этот менеджер отключён",
                           remedy: "укажите --as и один из логинов: \(logins.joined(separator: ", "))")
        }
        return me
    }

    /// Which contracts a list shows: `--manager`'s, everyone's with `--all`, and otherwise the
    /// current user's own when they are a manager (a head sees everyone). This is a working
    /// filter for a shared ledger file, not a security boundary.
    func scope(_ ledger: LedgerDatabase, manager: String?, all: Bool = false) throws(DolgError) -> ContractScope {
        scope(workingAs: try workingManager(ledger), manager: manager, all: all)
    }

    /// The same, for a command that has already asked who is working.
    func scope(workingAs me: StoredManager?, manager: String?, all: Bool = false) -> ContractScope {
        if let manager { return ContractScope(managerName: manager) }
        if all { return .all }
        if let me, me.role == .manager { return ContractScope(managerName: me.name) }
        return .all
    }

    /// The language for people: --lang, DOLG_LANG, then LC_ALL, LC_MESSAGES, LANG (ru_* is Russian).
    func language() throws(DolgError) -> Language {
        try Self.language(flag: lang, environment: environment)
    }

    static func language(flag: String?, environment: [String: String]) throws(DolgError) -> Language {
        if let code = flag ?? environment["DOLG_LANG"].flatMap({ $0.isEmpty ? nil : $0 }) {
            guard let language = Language(rawValue: code.lowercased()) else {
                throw DolgError(.invalidValue, "language '\(code)' is not supported", remedy: "use en or ru")
                    .inRussian("язык '\(code)' не поддерживается", remedy: "укажите en или ru")
            }
            return language
        }
        // The first of the locale variables that is set decides, as for every POSIX program.
        let locale = ["LC_ALL", "LC_MESSAGES", "LANG"].lazy.compactMap { environment[$0] }.first { !$0.isEmpty } ?? ""
        return locale.hasPrefix("ru") ? .russian : .english
    }

    /// Opens the ledger and reads its settings; from then on the clock is read in the ledger's
    /// time zone (the playbook's, else the one chosen at `dolg init`).
    func openLedger() throws(DolgError) -> (LedgerDatabase, LedgerSettings) {
        let ledger = try LedgerDatabase.openExisting(path: ledgerPath)
        let settings = try ledger.settings()
        let zone = try playbooks(ledger).timeZone ?? settings.timeZone
        if let zone, let timeZone = TimeZone(identifier: zone) { LedgerClock.calendar.timeZone = timeZone }
        return (ledger, settings)
    }

    /// The playbooks in force: the ledger's latest imported file, else the defaults.
    func playbooks(_ ledger: LedgerDatabase) throws(DolgError) -> PlaybookSet {
        guard let stored = try ledger.currentPlaybook() else { return .defaults }
        return try PlaybookReader.decode(stored.text, strict: false)
    }

    /// Who is writing and with what command, for the audit log.
    func auditContext() throws(DolgError) -> AuditContext {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        return AuditContext(timestamp: formatter.string(from: Date()), osUser: Self.osUser, claimedLogin: claimedLogin,
                            command: CommandLineRedaction.redact(["dolg"] + CommandLine.arguments.dropFirst()),
                            today: try businessDate())
    }

    static var osUser: String {
        if let entry = getpwuid(getuid()), let name = entry.pointee.pw_name { return String(cString: name) }
        return ProcessInfo.processInfo.environment["USER"] ?? "uid \(getuid())"
    }
}

/// Parses a date option, naming it in the error.
func parseDate(_ text: String, option: String) throws(DolgError) -> CivilDate {
    do {
        return try CivilDate.parse(text)
    } catch .noSuchDay {
        throw DolgError(.invalidDate, "\(option) '\(text)' is not a day of the calendar",
                        remedy: "give a real date as YYYY-MM-DD")
            .inRussian("\(option) '\(text)': такого дня нет в календаре", remedy: "укажите настоящую дату: ГГГГ-ММ-ДД")
    } catch .outOfRange {
        throw DolgError(.invalidDate, "\(option) '\(text)' is outside the dates dolg keeps (\(CivilDate.supportedDescription))",
                        remedy: "check the year")
            .inRussian("\(option) '\(text)': вне дат, которые ведёт dolg (\(CivilDate.supportedDescription))",
                       remedy: "проверьте год")
    } catch {
        throw DolgError(.invalidDate, "\(option) '\(text)' is not a date",
                        remedy: "write it as YYYY-MM-DD, e.g. 2026-12-15")
            .inRussian("\(option) '\(text)': это не дата", remedy: "пишите так: 2026-12-15 или 15.12.2026")
    }
}

/// Parses a phone option (`+7 917 123-45-67`, `89171234567`…), naming it in the error.
func parsePhone(_ text: String, option: String) throws(DolgError) -> PhoneNumber {
    do {
        return try PhoneNumber(parsing: text)
    } catch {
        throw DolgError(.invalidPhone, "\(option) '\(text)' is not a phone number: \(error)",
                        remedy: "write it like +7 917 123-45-67 or 89171234567")
            .inRussian("\(option) '\(text)': это не номер телефона", remedy: "пишите так: +7 917 123-45-67 или 89171234567")
    }
}

/// A `--time-offset` in hours, as minutes, or why it is not one.
func timeOffsetMinutes(_ hours: Int) throws(DolgError) -> Int {
    guard (-12...14).contains(hours) else {
        throw DolgError(.invalidValue, "--time-offset \(hours) is not an offset in hours", remedy: "give -12 to 14")
            .inRussian("--time-offset \(hours): это не сдвиг в часах", remedy: "укажите число от -12 до 14")
    }
    return hours * 60
}

/// Parses an amount option, naming it in the error.
func parseMoney(_ text: String, option: String) throws(DolgError) -> Money {
    do {
        return try MoneyParser.parse(text)
    } catch {
        throw DolgError(.invalidAmount, "\(option) '\(text)' is not an amount: \(error)",
                        remedy: "write it like 5000, 5000.50 or '5 000,50'")
            .inRussian("\(option) '\(text)': это не сумма", remedy: "пишите так: 5000, 5000,50 или '5 000,50'")
    }
}

/// Parses a percentage option (a rate), naming it in the error.
func parseRate(_ text: String, option: String) throws(DolgError) -> InterestRate {
    do {
        return try InterestRate.parse(text)
    } catch {
        throw DolgError(.invalidRate, "\(option) '\(text)' is not a percentage from 0 to 1000",
                        remedy: "give it in percent, e.g. \(option) 24 or \(option) 19.9")
            .inRussian("\(option) '\(text)': это не процент от 0 до 1000",
                       remedy: "укажите в процентах, например \(option) 24 или \(option) 19.9")
    }
}

/// The calendar the clock is read in when no business date or moment is given: the ledger's
/// time zone once the ledger is open, the system's before.
enum LedgerClock {
    nonisolated(unsafe) static var calendar = Calendar(identifier: .gregorian)
}
