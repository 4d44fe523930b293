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
        case postponed(until: BusinessMoment, reason: String)
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
                return .postponed(until: opening(after: today, audience),
                                  reason: "\(sameDay) \(kind.rawValue)(s) today, the limit is \(perDay) a day")
            }
            let weekStart = today.startOfWeek
            let sameWeek = earlier.filter { $0.date >= weekStart && $0.date <= today }.count
            if let perWeek = limits.perWeek, sameWeek >= perWeek {
                return .postponed(until: opening(onOrAfter: weekStart.adding(days: 7), audience),
                                  reason: "\(sameWeek) \(kind.rawValue)(s) this week, the limit is \(perWeek) a week")
            }
            let monthStart = CivilDate(year: today.year, month: today.month, day: 1)!
            let sameMonth = earlier.filter { $0.date >= monthStart && $0.date <= today }.count
            if let perMonth = limits.perMonth, sameMonth >= perMonth {
                return .postponed(until: opening(onOrAfter: monthStart.adding(months: 1), audience),
                                  reason: "\(sameMonth) \(kind.rawValue)(s) this month, the limit is \(perMonth) a month")
            }
        }
        guard let hours = allowedHours(on: today, audience) else {
            return .postponed(until: opening(after: today, audience), reason: "a day off for a business")
        }
        if now.minuteOfDay < hours.lowerBound {
            let opening = BusinessMoment(date: today, minuteOfDay: hours.lowerBound)
            return .postponed(until: opening, reason: "before \(opening.timeDescription) in the client's time")
        }
        if now.minuteOfDay >= hours.upperBound {
            let closing = BusinessMoment(date: today, minuteOfDay: hours.upperBound)
            return .postponed(until: opening(after: today, audience),
                              reason: "after \(closing.timeDescription) in the client's time")
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
