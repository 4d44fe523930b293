/// A phone number in international form, e.g. `+79171234567`.
///
/// Russian numbers written as `8 917 123-45-67`, `7 (917) 123 45 67` or
/// `917 123 45 67` all become `+79171234567`, so the same client is found
/// however the number was typed.
public struct PhoneNumber: Hashable, Sendable, CustomStringConvertible {
    public let e164: String

    public enum ParseFailure: Error, Equatable, Sendable {
        case invalidCharacter(Character)
        case wrongLength(Int)
    }

    public init(parsing text: String) throws(ParseFailure) {
        let separators: Set<Character> = [" ", "-", "(", ")", ".", "\u{00A0}"]
        let trimmed = text.trimmingWhitespace()
        let international = trimmed.hasPrefix("+")
        var digits = ""
        for character in trimmed.dropFirst(international ? 1 : 0) where !separators.contains(character) {
            guard character.isASCIIDigit else { throw .invalidCharacter(character) }
            digits.append(character)
        }
        if !international {
            if digits.count == 11 && (digits.hasPrefix("8") || digits.hasPrefix("7")) {
                digits = "7" + digits.dropFirst()
            } else if digits.count == 10 {
                digits = "7" + digits
            }
        }
        guard (10...15).contains(digits.count) else { throw .wrongLength(digits.count) }
        if digits.hasPrefix("7"), digits.count != 11 { throw .wrongLength(digits.count) }
        e164 = "+" + digits
    }

    public var description: String { e164 }

    /// The number with all but the country code and the last four digits hidden:
    /// `+7*******4567`. Personal data is masked in output unless asked for.
    public static func masked(_ text: String) -> String {
        let characters = Array(text)
        guard characters.count > 6 else { return String(repeating: "*", count: characters.count) }
        let keepStart = text.hasPrefix("+7") ? 2 : 1
        let hidden = characters.count - keepStart - 4
        return String(characters.prefix(keepStart)) + String(repeating: "*", count: hidden)
            + String(characters.suffix(4))
    }
}

extension PhoneNumber.ParseFailure: CustomStringConvertible {
    public var description: String {
        switch self {
        case .invalidCharacter(let c): return "unexpected character '\(c)'"
        case .wrongLength(let n): return "\(n) digits is not a phone number"
        }
    }
}

extension PhoneNumber {
    /// Free text (a gateway's error output) with every run of 10 to 15 digits that may be a phone
    /// number — written with `+`, spaces, dashes, dots or brackets between them — masked like a
    /// phone: `+7*******4567`.
    public static func maskingNumbers(in text: String) -> String {
        let characters = Array(text)
        var result = ""
        var index = 0
        while index < characters.count {
            guard characters[index].isASCIIDigit || (characters[index] == "+" && index + 1 < characters.count
                                                      && characters[index + 1].isASCIIDigit) else {
                result.append(characters[index])
                index += 1
                continue
            }
            // The longest stretch of digits and separators from here, ending on a digit.
            var end = index
            var last = index
            var digits = 0
            while end < characters.count, characters[end].isASCIIDigit || " -.()+".contains(characters[end]) {
                if characters[end].isASCIIDigit {
                    digits += 1
                    last = end
                }
                end += 1
            }
            let run = String(characters[index...last])
            result += (10...15).contains(digits) ? masked(run.filter { $0.isASCIIDigit || $0 == "+" }) : run
            index = last + 1
        }
        return result
    }
}
