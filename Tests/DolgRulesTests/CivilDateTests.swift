import DolgRules
import Testing

@Suite("Civil dates")
struct CivilDateTests {
    func date(_ text: String) throws -> CivilDate { try CivilDate.parse(text) }

    @Test("day numbers match known dates")
    func dayNumbers() throws {
        #expect(try date("1970-01-01").dayNumber == 0)
        #expect(try date("2000-03-01").dayNumber == 11_017)  // 30 years of 365 days + 7 leap days + 59 days
        #expect(try date("2026-11-20").dayNumber == 20_777)
        #expect(CivilDate(dayNumber: 20_777) == (try date("2026-11-20")))
        #expect(CivilDate(dayNumber: -1) == (try date("1969-12-31")))
    }

    @Test("day numbers and dates agree both ways over four centuries")
    func roundTripOverEras() {
        var expected = CivilDate(year: 1900, month: 1, day: 1)!
        for dayNumber in expected.dayNumber..<(expected.dayNumber + 146_097) {
            let date = CivilDate(dayNumber: dayNumber)
            #expect(date == expected)
            #expect(date.dayNumber == dayNumber)
            // Step the expected date by the calendar rules alone.
            if expected.day < CivilDate.daysIn(month: expected.month, year: expected.year) {
                expected = CivilDate(year: expected.year, month: expected.month, day: expected.day + 1)!
            } else if expected.month < 12 {
                expected = CivilDate(year: expected.year, month: expected.month + 1, day: 1)!
            } else {
                expected = CivilDate(year: expected.year + 1, month: 1, day: 1)!
            }
        }
    }

    @Test("leap years follow the Gregorian rule")
    func leapYears() {
        #expect(CivilDate.isLeap(2024))
        #expect(!CivilDate.isLeap(2026))
        #expect(!CivilDate.isLeap(1900))
        #expect(CivilDate.isLeap(2000))
        #expect(CivilDate(year: 2028, month: 2, day: 29) != nil)
        #expect(CivilDate(year: 2026, month: 2, day: 29) == nil)
    }

    @Test("months keep their anchor day and clamp to the month's end")
    func monthEndClamping() throws {
        let first = try date("2026-01-31")
        let dues = (0..<4).map { first.adding(months: $0, anchorDay: 31).description }
        #expect(dues == ["2026-01-31", "2026-02-28", "2026-03-31", "2026-04-30"])
        let leap = try date("2028-01-30")
        #expect(leap.adding(months: 1).description == "2028-02-29")
        #expect(leap.adding(months: 2).description == "2028-03-30")
        #expect(try date("2026-12-15").adding(months: 1).description == "2027-01-15")
    }

    @Test("parses ISO and Russian forms, rejects days that do not exist")
    func parsing() throws {
        #expect(try date("15.12.2026") == (try date("2026-12-15")))
        #expect(throws: CivilDate.ParseFailure.noSuchDay) { try CivilDate.parse("2026-02-30") }
        #expect(throws: CivilDate.ParseFailure.noSuchDay) { try CivilDate.parse("2026-13-01") }
        #expect(throws: CivilDate.ParseFailure.malformed) { try CivilDate.parse("2026/12/15") }
        #expect(throws: CivilDate.ParseFailure.malformed) { try CivilDate.parse("2026-1-5") }
        #expect(throws: CivilDate.ParseFailure.malformed) { try CivilDate.parse("") }
        #expect(throws: CivilDate.ParseFailure.malformed) { try CivilDate.parse("20a6-12-15") }
    }

    @Test("stored moments are read exactly, and malformed ones refused")
    func moments() throws {
        let moment = try #require(BusinessMoment.parse("2026-11-20 09:05"))
        #expect(moment.date == (try date("2026-11-20")) && moment.minuteOfDay == 9 * 60 + 5)
        #expect(BusinessMoment.parse("2026-11-20T23:59")?.minuteOfDay == 23 * 60 + 59)
        #expect(BusinessMoment.parse(" 2026-11-20 09:05 ") == moment)
        for bad in ["2026-11-20 24:00", "2026-11-20 12:60", "2026-11-20X12:00", "2026-02-30 12:00", "2026-11-20 1:05",
                    "2026-11-20 12-00", "2026-11-2012:00", "2026-11-20 +9:05"] {
            #expect(BusinessMoment.parse(bad) == nil, "\(bad)")
        }
    }

    @Test("days between dates")
    func daysBetween() throws {
        #expect(try date("2026-03-01").days(since: try date("2026-02-28")) == 1)
        #expect(try date("2028-03-01").days(since: try date("2028-02-28")) == 2)
        #expect(try date("2027-01-01").days(since: try date("2026-01-01")) == 365)
    }
}
