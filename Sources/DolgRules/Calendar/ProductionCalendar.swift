/// Which days are working days: Monday to Friday, except public non-working days, plus the
/// weekend days a decree made working. The contact hours of a day depend on it.
public struct ProductionCalendar: Hashable, Sendable {
    /// Weekdays that are not worked (holidays and days off moved onto them).
    public private(set) var nonWorkingDays: Set<CivilDate>
    /// Saturdays and Sundays that are worked.
    public private(set) var workingDays: Set<CivilDate>

    public init(nonWorkingDays: Set<CivilDate> = [], workingDays: Set<CivilDate> = []) {
        self.nonWorkingDays = nonWorkingDays
        self.workingDays = workingDays
    }

    /// The official Russian calendar for 2025–2027 (see `RussianCalendarData` for its sources).
    public static let russia: ProductionCalendar = {
        var calendar = ProductionCalendar()
        for line in RussianCalendarData.text.split(separator: "\n") {
            let words = line.split(separator: " ")
            guard words.count == 2, !words[0].hasPrefix("#"), let date = try? CivilDate.parse(String(words[0])) else {
                continue
            }
            if words[1] == "off" { calendar.markNonWorking(date) } else { calendar.markWorking(date) }
        }
        return calendar
    }()

    public func isWorkingDay(_ date: CivilDate) -> Bool {
        if nonWorkingDays.contains(date) { return false }
        if workingDays.contains(date) { return true }
        return date.isoWeekday <= 5
    }

    /// Makes a day a non-working one (a holiday the business keeps, a day the decree moved).
    public mutating func markNonWorking(_ date: CivilDate) {
        workingDays.remove(date)
        nonWorkingDays.insert(date)
    }

    /// Makes a day a working one.
    public mutating func markWorking(_ date: CivilDate) {
        nonWorkingDays.remove(date)
        workingDays.insert(date)
    }
}
