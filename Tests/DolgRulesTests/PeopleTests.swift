import DolgRules
import Testing

@Suite("Phones and redaction")
struct PeopleTests {
    @Test("Russian numbers are normalised to +7", arguments: [
        "8 917 123-45-67", "+7 (917) 123-45-67", "79171234567", "917 123 45 67", "8-917-123-45-67",
    ])
    func normalises(text: String) throws {
        #expect(try PhoneNumber(parsing: text).e164 == "+79171234567")
    }

    @Test("phone numbers inside free text are masked; other numbers are left alone")
    func masksNumbersInText() {
        #expect(PhoneNumber.maskingNumbers(in: "rejected +7 900 123-45-67: blocked")
                == "rejected +7******4567: blocked")
        #expect(PhoneNumber.maskingNumbers(in: "to 8 (917) 123-45-67, order 12345, 2026-11-20")
                == "to 8******4567, order 12345, 2026-11-20")
        #expect(PhoneNumber.maskingNumbers(in: "id 1234567890123456789") == "id 1234567890123456789", "19 digits is no phone")
        #expect(PhoneNumber.maskingNumbers(in: "") == "")
    }

    @Test("rejects what is not a phone number")
    func rejects() {
        #expect(throws: PhoneNumber.ParseFailure.wrongLength(5)) { try PhoneNumber(parsing: "12345") }
        #expect(throws: PhoneNumber.ParseFailure.invalidCharacter("x")) { try PhoneNumber(parsing: "8917x234567") }
        #expect(throws: PhoneNumber.ParseFailure.invalidCharacter("4\u{0369}")) { try PhoneNumber(parsing: "89171234\u{0369}567") }
        #expect(throws: PhoneNumber.ParseFailure.wrongLength(12)) { try PhoneNumber(parsing: "+7 917 123 45 678") }
    }

    @Test("masks all but the country code and the last four digits")
    func masks() {
        #expect(PhoneNumber.masked("+79171234567") == "+7******4567")
        #expect(PhoneNumber.masked("+4930123456") == "+******3456")
    }

    @Test("the audit command line masks personal options")
    func redaction() {
        let line = CommandLineRedaction.redact(["dolg", "client", "add", "Иван Петров", "--phone", "+79171234567",
                                                "--passport=4510 123456"])
        #expect(line == "dolg client add 'Иван Петров' --phone +7******4567 --passport=********56")
        #expect(!line.contains("123456 "))
        #expect(CommandLineRedaction.redact(["--phone", "8 (917) 123-45-67"]) == "--phone 8******4567")  // 11 digits: 1 kept, 6 hidden, 4 kept
    }
}
