/// When and how often a client may be contacted.
///
/// Individuals (the default limits are those Russian law, 230-FZ, sets for debts of individuals):
/// calls at most 1 a day, 2 a week, 8 a month; messages 2 a day, 4 a week, 16 a month; visits 1
/// a week; on working days only 08:00–22:00, on weekends and holidays 09:00–20:00. Businesses
/// have no count limits but are contacted in business hours: 09:00–18:00 on working days. Hours
/// are the client's local time; days, weeks (Monday to Sunday) and months are the client's
/// calendar ones, and the production calendar says which days are working days.
public struct ContactPolicy: Hashable, Sendable {
    public enum Kind: String, Sendable {
        case call, message, visit

        /// The kind in Russian, for a refusal a Russian reader sees.
        public var russian: String {
            switch self {
            case .call: return "звонок"
            case .message: return "сообщение"
            case .visit: return "визит"
            }
        }
    }

    /// Whom a contact is with: the limits protect individuals.
    public enum Audience: String, Sendable {
        case person, business
    }

    public struct Limits: Hashable, Sendable {
        public var perDay: Int?
        public var perWeek: Int?
        public var perMonth: Int?

        public init(perDay: Int?, perWeek: Int?, perMonth: Int?) {
            self.perDay = perDay
            self.perWeek = perWeek
            self.perMonth = perMonth
        }
    }

    public var calls: Limits
    public var messages: Limits
    public var visits: Limits
    /// Allowed hours for individuals as minutes since midnight, from `lowerBound` up to but not
    /// including `upperBound`.
    public var workdayHours: ClosedRange<Int>
    public var weekendHours: ClosedRange<Int>
    /// Allowed hours for businesses on working days; on days off, none.
    public var businessHours: ClosedRange<Int>
    public var calendar: ProductionCalendar

    public init(calls: Limits, messages: Limits, visits: Limits, workdayHours: ClosedRange<Int>,
                weekendHours: ClosedRange<Int>, businessHours: ClosedRange<Int> = (9 * 60)...(18 * 60),
                calendar: ProductionCalendar = .russia) {
        self.calls = calls
        self.messages = messages
        self.visits = visits
        self.workdayHours = workdayHours
        self.weekendHours = weekendHours
        self.businessHours = businessHours
        self.calendar = calendar
    }

    public static let russianIndividuals = ContactPolicy(
        calls: Limits(perDay: 1, perWeek: 2, perMonth: 8),
        messages: Limits(perDay: 2, perWeek: 4, perMonth: 16),
        visits: Limits(perDay: nil, perWeek: 1, perMonth: nil),
        workdayHours: (8 * 60)...(22 * 60), weekendHours: (9 * 60)...(20 * 60))

    /// The kind of contact a channel is, for the limits; nil for channels with no limit (letters, legal).
    public static func kind(of channel: Channel) -> Kind? {
        switch channel {
        case .call: return .call
        case .sms, .whatsapp, .email: return .message
        case .visit: return .visit
        case .letter, .legal: return nil
        }
    }

    public enum Decision: Equatable, Sendable {
        case allowed
        /// Not now: the earliest moment it would be allowed (in the business's clock), and why.
        case postponed(until: BusinessMoment, reason: Reason)
    }

    /// Why a contact must wait, in both languages; compared and printed by its English text.
    public struct Reason: Hashable, Sendable, CustomStringConvertible, ExpressibleByStringLiteral {
        public let english: String
        public let russian: String

        public init(_ english: String, russian: String) {
            self.english = english
            self.russian = russian
        }

        public init(stringLiteral value: String) { self.init(value, russian: value) }

        public var description: String { english }

        public static func == (a: Reason, b: Reason) -> Bool { a.english == b.english }
        public func hash(into hasher: inout Hasher) { hasher.combine(english) }

        static func limit(_ count: Int, _ kind: Kind, _ period: String, _ limit: Int) -> Reason {
            let english = "\(count) \(kind.rawValue)(s) this \(period), the limit is \(limit) a \(period)"
            let noun: String
            switch kind {
            case .call: noun = RussianPlural.form(count, one: "звонок", few: "звонка", many: "звонков")
            case .message: noun = RussianPlural.form(count, one: "сообщение", few: "сообщения", many: "сообщений")
            case .visit: noun = RussianPlural.form(count, one: "визит", few: "визита", many: "визитов")
            }
            let (this, per) = period == "day" ? ("сегодня", "в день") : period == "week" ? ("на этой неделе", "в неделю")
                : ("в этом месяце", "в месяц")
            return Reason(english.replacing("this day", with: "today"), russian: "\(this) уже \(count) \(noun), можно не больше \(limit) \(per)")
        }
    }

    /// Whether a contact of `kind` with a client is allowed at the business moment `now`.
    ///
    /// `offsetMinutes` is the client's clock minus the business's; `earlier` are the moments (in
    /// the business's clock) of earlier contacts of the same kind with the client that count
    /// towards the limits. With `countLimits` false only the hours apply (a thank-you is not a
    /// contact about a debt). The answer's moment is in the business's clock.
    public func decide(_ kind: Kind, audience: Audience, offsetMinutes: Int, at now: BusinessMoment,
                       earlier: [BusinessMoment], countLimits: Bool = true) -> Decision {
        let local = now.adding(minutes: offsetMinutes)
        let localEarlier = earlier.map { $0.adding(minutes: offsetMinutes) }
        let decision = decideLocally(kind, audience: audience, at: local, earlier: localEarlier,
                                     countLimits: countLimits && audience == .person)
        guard case .postponed(let until, let reason) = decision else { return .allowed }
        return .postponed(until: until.adding(minutes: -offsetMinutes), reason: reason)
    }

    /// The same question with every moment in the client's clock.
    func decideLocally(_ kind: Kind, audience: Audience, at now: BusinessMoment, earlier: [BusinessMoment],
                       countLimits: Bool) -> Decision {
        let today = now.date
        if countLimits {
            let limits: Limits
            switch kind {
            case .call: limits = calls
            case .message: limits = messages
            case .visit: limits = visits
            }
            let sameDay = earlier.filter { $0.date == today }.count
            if let perDay = limits.perDay, sameDay >= perDay {
                return .postponed(until: opening(after: today, audience), reason: .limit(sameDay, kind, "day", perDay))
            }
            let weekStart = today.startOfWeek
            let sameWeek = earlier.filter { $0.date >= weekStart && $0.date <= today }.count
            if let perWeek = limits.perWeek, sameWeek >= perWeek {
                return .postponed(until: opening(onOrAfter: weekStart.adding(days: 7), audience),
                                  reason: .limit(sameWeek, kind, "week", perWeek))
            }
            let monthStart = CivilDate(year: today.year, month: today.month, day: 1)!
            let sameMonth = earlier.filter { $0.date >= monthStart && $0.date <= today }.count
            if let perMonth = limits.perMonth, sameMonth >= perMonth {
                return .postponed(until: opening(onOrAfter: monthStart.adding(months: 1), audience),
                                  reason: .limit(sameMonth, kind, "month", perMonth))
            }
        }
        guard let hours = allowedHours(on: today, audience) else {
            return .postponed(until: opening(after: today, audience), reason: Reason("a day off for a business", russian: "у организации выходной"))
        }
        if now.minuteOfDay < hours.lowerBound {
            let opening = BusinessMoment(date: today, minuteOfDay: hours.lowerBound)
            return .postponed(until: opening, reason: Reason("before \(opening.timeDescription) in the client's time",
                                                             russian: "раньше \(opening.timeDescription) по времени клиента"))
        }
        if now.minuteOfDay >= hours.upperBound {
            let closing = BusinessMoment(date: today, minuteOfDay: hours.upperBound)
            return .postponed(until: opening(after: today, audience),
                              reason: Reason("after \(closing.timeDescription) in the client's time",
                                             russian: "позже \(closing.timeDescription) по времени клиента"))
        }
        return .allowed
    }

    /// The hours a client may be contacted on a day of their calendar; nil for none.
    public func allowedHours(on date: CivilDate, _ audience: Audience) -> ClosedRange<Int>? {
        let working = calendar.isWorkingDay(date)
        switch audience {
        case .person: return working ? workdayHours : weekendHours
        case .business: return working ? businessHours : nil
        }
    }

    /// The first allowed minute on or after a day (a business may wait over a long holiday).
    func opening(onOrAfter date: CivilDate, _ audience: Audience) -> BusinessMoment {
        var day = date
        // The longest run of days off in a year is under three weeks; a year bounds the search.
        for _ in 0..<366 {
            if let hours = allowedHours(on: day, audience) { return BusinessMoment(date: day, minuteOfDay: hours.lowerBound) }
            day = day.adding(days: 1)
        }
        return BusinessMoment(date: day, minuteOfDay: 0)
    }

    func opening(after date: CivilDate, _ audience: Audience) -> BusinessMoment {
        opening(onOrAfter: date.adding(days: 1), audience)
    }
}
