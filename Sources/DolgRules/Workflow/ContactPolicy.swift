/// Limits on contacting a debtor about an overdue debt, by default those Russian law sets for
/// individuals: calls at most 1 a day, 2 a week, 8 a month; messages 2 a day, 4 a week, 16 a
/// month; visits 1 a week; on working days only 08:00–22:00, on weekends and holidays
/// 09:00–20:00, in the debtor's local time. Days, weeks (Monday to Sunday) and months are
/// calendar ones. Business clients are not limited.
public struct ContactPolicy: Hashable, Sendable {
    public enum Kind: String, Sendable {
        case call, message, visit
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
    /// Allowed hours as minutes since midnight, [start, end).
    public var workdayHours: ClosedRange<Int>
    public var weekendHours: ClosedRange<Int>
    /// Public holidays, treated like weekends.
    public var holidays: Set<CivilDate>

    public init(calls: Limits, messages: Limits, visits: Limits, workdayHours: ClosedRange<Int>,
                weekendHours: ClosedRange<Int>, holidays: Set<CivilDate> = []) {
        self.calls = calls
        self.messages = messages
        self.visits = visits
        self.workdayHours = workdayHours
        self.weekendHours = weekendHours
        self.holidays = holidays
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
        /// Not now: the earliest moment it would be allowed, and why.
        case postponed(until: BusinessMoment, reason: String)
    }

    /// Whether a contact of `kind` is allowed at `now` (the debtor's local time), given the
    /// moments of earlier contacts of the same kind with the same debtor.
    public func decide(_ kind: Kind, at now: BusinessMoment, earlier: [BusinessMoment]) -> Decision {
        let limits: Limits
        switch kind {
        case .call: limits = calls
        case .message: limits = messages
        case .visit: limits = visits
        }
        let today = now.date
        let sameDay = earlier.filter { $0.date == today }.count
        if let perDay = limits.perDay, sameDay >= perDay {
            return .postponed(until: opening(of: today.adding(days: 1)),
                              reason: "\(sameDay) \(kind.rawValue)(s) today, the limit is \(perDay) a day")
        }
        let weekStart = today.startOfWeek
        let sameWeek = earlier.filter { $0.date >= weekStart && $0.date <= today }.count
        if let perWeek = limits.perWeek, sameWeek >= perWeek {
            return .postponed(until: opening(of: weekStart.adding(days: 7)),
                              reason: "\(sameWeek) \(kind.rawValue)(s) this week, the limit is \(perWeek) a week")
        }
        let monthStart = CivilDate(year: today.year, month: today.month, day: 1)!
        let sameMonth = earlier.filter { $0.date >= monthStart && $0.date <= today }.count
        if let perMonth = limits.perMonth, sameMonth >= perMonth {
            return .postponed(until: opening(of: monthStart.adding(months: 1)),
                              reason: "\(sameMonth) \(kind.rawValue)(s) this month, the limit is \(perMonth) a month")
        }
        let hours = allowedHours(on: today)
        if now.minuteOfDay < hours.lowerBound {
            return .postponed(until: BusinessMoment(date: today, minuteOfDay: hours.lowerBound),
                              reason: "before \(BusinessMoment(date: today, minuteOfDay: hours.lowerBound).timeDescription) in the client's time")
        }
        if now.minuteOfDay >= hours.upperBound {
            return .postponed(until: opening(of: today.adding(days: 1)),
                              reason: "after \(BusinessMoment(date: today, minuteOfDay: hours.upperBound).timeDescription) in the client's time")
        }
        return .allowed
    }

    func allowedHours(on date: CivilDate) -> ClosedRange<Int> {
        date.isoWeekday >= 6 || holidays.contains(date) ? weekendHours : workdayHours
    }

    /// The first allowed minute of a day.
    func opening(of date: CivilDate) -> BusinessMoment {
        BusinessMoment(date: date, minuteOfDay: allowedHours(on: date).lowerBound)
    }
}
