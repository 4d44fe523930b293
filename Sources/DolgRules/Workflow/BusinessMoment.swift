/// A business date with a time of day, to the minute, in the business's local time.
///
/// `--now 2026-11-20T14:30` (or `DOLG_NOW`) sets it; with only a business date the time is
/// 12:00, so results stay reproducible.
public struct BusinessMoment: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let date: CivilDate
    /// Minutes since midnight, 0 to 1439.
    public let minuteOfDay: Int

    public init(date: CivilDate, minuteOfDay: Int) {
        self.date = date
        self.minuteOfDay = minuteOfDay
    }

    public init(date: CivilDate, hour: Int, minute: Int = 0) {
        self.init(date: date, minuteOfDay: hour * 60 + minute)
    }

    /// Noon of `date`: the time of day when only a date is known.
    public static func noon(_ date: CivilDate) -> BusinessMoment { BusinessMoment(date: date, hour: 12) }

    /// Parses `2026-11-20T14:30` (a space may stand for `T`).
    public static func parse(_ text: String) -> BusinessMoment? {
        if let moment = parseStored(text.utf8) { return moment }
        let trimmed = text.trimmingWhitespace()
        let parts = trimmed.split(whereSeparator: { $0 == "T" || $0 == " " })
        guard parts.count == 2, let date = try? CivilDate.parse(String(parts[0])) else { return nil }
        let clock = parts[1].split(separator: ":")
        // Two digits each: `Int` alone would take "+9".
        guard clock.count == 2, clock.allSatisfy({ $0.count == 2 && $0.allSatisfy(\.isASCIIDigit) }),
              let hour = Int(clock[0]), let minute = Int(clock[1]), (0..<24).contains(hour), (0..<60).contains(minute)
        else { return nil }
        return BusinessMoment(date: date, hour: hour, minute: minute)
    }

    /// The fast path for exactly `YYYY-MM-DD HH:MM` or `YYYY-MM-DDTHH:MM`, the form the ledger
    /// stores: a scan reads one per touch.
    static func parseStored(_ bytes: String.UTF8View) -> BusinessMoment? {
        guard bytes.count == 16 else { return nil }
        return bytes.withContiguousStorageIfAvailable { bytes -> BusinessMoment? in
            guard bytes[10] == UInt8(ascii: " ") || bytes[10] == UInt8(ascii: "T"), bytes[13] == UInt8(ascii: ":"),
                  let date = CivilDate.parseCompactISO(prefixOf: bytes),
                  let hour = CivilDate.decimal(bytes, 11..<13), let minute = CivilDate.decimal(bytes, 14..<16),
                  hour < 24, minute < 60 else { return nil }
            return BusinessMoment(date: date, hour: hour, minute: minute)
        } ?? nil
    }

    /// Minutes since 1970-01-01 00:00, for arithmetic.
    public var minuteNumber: Int { date.dayNumber * 1440 + minuteOfDay }

    public init(minuteNumber: Int) {
        let day = minuteNumber >= 0 ? minuteNumber / 1440 : (minuteNumber - 1439) / 1440
        self.init(date: CivilDate(dayNumber: day), minuteOfDay: minuteNumber - day * 1440)
    }

    public func adding(minutes: Int) -> BusinessMoment { BusinessMoment(minuteNumber: minuteNumber + minutes) }

    public static func < (a: BusinessMoment, b: BusinessMoment) -> Bool { a.minuteNumber < b.minuteNumber }

    /// `HH:MM`.
    public var timeDescription: String {
        let hour = minuteOfDay / 60
        let minute = minuteOfDay % 60
        return (hour < 10 ? "0" : "") + String(hour) + ":" + (minute < 10 ? "0" : "") + String(minute)
    }

    /// `2026-11-20T14:30`.
    public var description: String { "\(date)T\(timeDescription)" }
}

extension CivilDate {
    /// 1 for Monday … 7 for Sunday (ISO 8601).
    public var isoWeekday: Int {
        // 1970-01-01 was a Thursday (4).
        let weekday = (dayNumber % 7 + 7 + 3) % 7 + 1
        return weekday
    }

    /// The Monday of this date's ISO week.
    public var startOfWeek: CivilDate { adding(days: 1 - isoWeekday) }
}
