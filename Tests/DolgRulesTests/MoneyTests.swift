import DolgRules
import Testing

@Suite("Money")
struct MoneyTests {
    @Test("parses the ways people and spreadsheets write amounts", arguments: [
        ("5000", 500_000), ("5000.5", 500_050), ("5000,50", 500_050), ("5 000,50", 500_050),
        ("5\u{00A0}000,50", 500_050), ("1,234.56", 123_456), ("1.234,56", 123_456), ("0.01", 1),
        (",5", 50), ("  42 ", 4_200), ("-12.5", -1_250), ("1 000 000", 100_000_000),
    ] as [(String, Int64)])
    func parses(text: String, minorUnits: Int64) throws {
        #expect(try MoneyParser.parse(text) == Money(stored: minorUnits))
    }

    @Test("rejects what it cannot read exactly", arguments: [
        ("", MoneyParser.Failure.empty), ("abc", .invalidCharacter("a")), ("5,000", .tooManyFractionDigits),
        ("1.5e3", .invalidCharacter("e")), ("12.345", .tooManyFractionDigits), ("1,2,3", .invalidCharacter(",")),
        ("99999999999999", .tooLarge), ("5000$", .invalidCharacter("$")),
        // Found by the fuzzer: a digit with a combining mark is one Character between "0" and "9".
        ("9,2\u{0369}", .invalidCharacter("2\u{0369}")), ("１０", .invalidCharacter("１")),
    ])
    func rejects(text: String, failure: MoneyParser.Failure) {
        #expect(throws: failure) { try MoneyParser.parse(text) }
    }

    @Test("formats for people in Russian and English")
    func formatsForPeople() {
        let amount = Money(minorUnits: 500_050)
        #expect(amount.formatted(.rub, .russian) == "5 000,50 ₽")
        #expect(amount.formatted(.rub, .english) == "5,000.50 RUB")
        #expect(Money(minorUnits: 123_456_789).formatted(.rub, .english) == "1,234,567.89 RUB")
        #expect(Money(minorUnits: 5).formatted(.rub, .russian) == "0,05 ₽")
        #expect(Money(minorUnits: -100_000).formatted(.rub, .russian) == "-1 000,00 ₽")
    }

    @Test("writes an exact decimal for CSV and JSON")
    func decimalString() {
        #expect(Money(minorUnits: 500_000).decimalString == "5000.00")
        #expect(Money(minorUnits: 7).decimalString == "0.07")
        #expect(Money(minorUnits: -1_250).decimalString == "-12.50")
    }

    @Test("round-trips through its decimal string", arguments: [0, 1, 99, 100, 123_456_789, -5, -100_001] as [Int64])
    func roundTrip(minorUnits: Int64) throws {
        let amount = Money(stored: minorUnits)
        #expect(try MoneyParser.parse(amount.decimalString) == amount)
    }
}
