/// A calendar date with no time of day and no time zone: the business date.
///
/// Stored and printed as ISO `YYYY-MM-DD`. Arithmetic goes through the day
/// number (days since 1970-01-01 in the proleptic Gregorian calendar).
public struct CivilDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// A valid date, or nil for something like 2026-02-30.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              (1...CivilDate.daysIn(month: month, year: year)).contains(day) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// The date `dayNumber` days after 1970-01-01.
    public init(dayNumber: Int) {
        // Civil-from-days over 400-year eras of 146 097 days, with years starting in March
        // so that the leap day is the last day of the computational year.
        let shifted = dayNumber + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let marchMonth = (5 * dayOfYear + 2) / 153
        day = dayOfYear - (153 * marchMonth + 2) / 5 + 1
        month = marchMonth < 10 ? marchMonth + 3 : marchMonth - 9
        year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
    }

    /// Days since 1970-01-01 (negative before).
    public var dayNumber: Int {
        let marchYear = month <= 2 ? year - 1 : year
        let era = (marchYear >= 0 ? marchYear : marchYear - 399) / 400
        let yearOfEra = marchYear - era * 400
        let marchMonth = month > 2 ? month - 3 : month + 9
        let dayOfYear = (153 * marchMonth + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    public static func isLeap(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    public func adding(days: Int) -> CivilDate { CivilDate(dayNumber: dayNumber + days) }

    /// The date `months` months later on `anchorDay`, clamped to the month's last day.
    ///
    /// Schedules always count from their first due date with its own day as the
    /// anchor, so 31 Jan → 28/29 Feb → 31 Mar rather than sticking to the 28th.
    public func adding(months: Int, anchorDay: Int? = nil) -> CivilDate {
        let monthIndex = year * 12 + (month - 1) + months
        let newYear = monthIndex / 12
        let newMonth = monthIndex % 12 + 1
        let wantedDay = anchorDay ?? day
        let clampedDay = min(wantedDay, CivilDate.daysIn(month: newMonth, year: newYear))
        return CivilDate(year: newYear, month: newMonth, day: clampedDay)!
    }

    /// Whole days from `earlier` to this date (positive when this date is later).
    public func days(since earlier: CivilDate) -> Int { dayNumber - earlier.dayNumber }

    public static func < (a: CivilDate, b: CivilDate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }

    /// ISO 8601 `YYYY-MM-DD`.
    public var description: String {
        func pad(_ value: Int, _ width: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    /// `15.02.2026`, as Russian documents write dates.
    public var russianDescription: String {
        func pad2(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }
        return "\(pad2(day)).\(pad2(month)).\(year)"
    }
}

extension CivilDate {
    public enum ParseFailure: Error, Equatable, Sendable {
        case malformed
        case noSuchDay
        /// A real day outside `CivilDate.supported`.
        case outOfRange
    }

    /// The dates dolg accepts from anyone: business dates, contracts, payments, schedules. Wide
    /// enough for any contract alive, narrow enough that no arithmetic on them can overflow.
    public static let supported = CivilDate(year: 1900, month: 1, day: 1)!...CivilDate(year: 2200, month: 12, day: 31)!

    /// Parses ISO `2026-12-15` or Russian `15.12.2026`; rejects days that do not exist and days
    /// outside `supported`.
    public static func parse(_ text: String) throws(ParseFailure) -> CivilDate {
        let date = try parseAnyYear(text)
        guard supported.contains(date) else { throw .outOfRange }
        return date
    }

    /// Like `parse`, for any year 1–9999: a date the ledger already holds is read as it was written.
    public static func parseAnyYear(_ text: String) throws(ParseFailure) -> CivilDate {
        if let date = parseCompactISO(text.utf8) { return date }
        let trimmed = text.trimmingWhitespace()
        let isoParts = trimmed.split(separator: "-", omittingEmptySubsequences: false)
        let dottedParts = trimmed.split(separator: ".", omittingEmptySubsequences: false)
        let fields: (year: Substring, month: Substring, day: Substring)
        if isoParts.count == 3, isoParts[0].count == 4, isoParts[1].count == 2, isoParts[2].count == 2 {
            fields = (isoParts[0], isoParts[1], isoParts[2])
        } else if dottedParts.count == 3, dottedParts[0].count == 2, dottedParts[1].count == 2,
                  dottedParts[2].count == 4 {
            fields = (dottedParts[2], dottedParts[1], dottedParts[0])
        } else {
            throw .malformed
        }
        func number(_ digits: Substring) throws(ParseFailure) -> Int {
            guard digits.allSatisfy(\.isASCIIDigit), let value = Int(digits) else {
                throw .malformed
            }
            return value
        }
        guard let date = CivilDate(year: try number(fields.year), month: try number(fields.month),
                                   day: try number(fields.day)) else { throw .noSuchDay }
        return date
    }

    /// The fast path for exactly `YYYY-MM-DD`, the form the ledger stores: reading a
    /// million stored dates must not go through general string splitting.
    static func parseCompactISO(_ bytes: String.UTF8View) -> CivilDate? {
        guard bytes.count == 10 else { return nil }
        return bytes.withContiguousStorageIfAvailable { parseCompactISO(prefixOf: $0) } ?? nil
    }

    /// `YYYY-MM-DD` at the start of `bytes`, read digit by digit.
    static func parseCompactISO(prefixOf bytes: UnsafeBufferPointer<UInt8>) -> CivilDate? {
        guard bytes.count >= 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
              let year = decimal(bytes, 0..<4), let month = decimal(bytes, 5..<7), let day = decimal(bytes, 8..<10)
        else { return nil }
        return CivilDate(year: year, month: month, day: day)
    }

    /// The decimal number spelled by `bytes[range]`, nil unless every byte is a digit.
    static func decimal(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int? {
        var value = 0
        for index in range {
            let byte = bytes[index]
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return value
    }
}

extension CivilDate {
    /// `1900-01-01 to 2200-12-31`, for errors.
    public static var supportedDescription: String {
        "\(supported.lowerBound)…\(supported.upperBound)"
    }
}
