/// Parses amounts as people and spreadsheets write them.
///
/// Accepted: `5000`, `5000.5`, `5000,50`, `5 000,50` (spaces, no-break
/// spaces or apostrophes as group separators), `1,234.56` and `1.234,56`
/// (when both separators appear, the last one is the decimal separator).
/// A single `,` or `.` is always the decimal separator, so `5,000` is
/// rejected for having three fraction digits instead of being guessed.
public enum MoneyParser {
    public enum Failure: Error, Equatable, Sendable {
        case empty
        case invalidCharacter(Character)
        case tooManyFractionDigits
        case tooLarge
    }

    public static func parse(_ text: String) throws(Failure) -> Money {
        var body = Substring(text.trimmingWhitespace())
        guard !body.isEmpty else { throw .empty }
        var negative = false
        if body.first == "-" || body.first == "−" {
            negative = true
            body = body.dropFirst()
        } else if body.first == "+" {
            body = body.dropFirst()
        }
        let groupMarks: Set<Character> = [" ", "\u{00A0}", "\u{202F}", "'", "’"]
        let digitsAndSeparators = body.filter { !groupMarks.contains($0) }
        let decimalIndex = digitsAndSeparators.lastIndex(where: { $0 == "," || $0 == "." })
        var integerPart = Substring(digitsAndSeparators)
        var fractionPart: Substring = ""
        if let decimalIndex {
            let decimalMark = digitsAndSeparators[decimalIndex]
            integerPart = digitsAndSeparators[..<decimalIndex]
            fractionPart = digitsAndSeparators[digitsAndSeparators.index(after: decimalIndex)...]
            // The other mark may only appear as a group separator before the decimal mark.
            let groupMark: Character = decimalMark == "," ? "." : ","
            if integerPart.contains(decimalMark) { throw .invalidCharacter(decimalMark) }
            integerPart = integerPart.filter { $0 != groupMark }[...]
        }
        guard !integerPart.isEmpty || !fractionPart.isEmpty else { throw .empty }
        if let bad = (integerPart + fractionPart).first(where: { !$0.isASCIIDigit }) {
            throw .invalidCharacter(bad)
        }
        guard fractionPart.count <= 2 else { throw .tooManyFractionDigits }
        let significant = integerPart.drop(while: { $0 == "0" })
        guard significant.count <= 13 else { throw .tooLarge }
        var minor: Int64 = 0
        for digit in significant { minor = minor * 10 + Int64(digit.wholeNumberValue!) }
        minor *= 100
        let paddedFraction = fractionPart + String(repeating: "0", count: 2 - fractionPart.count)
        for (index, digit) in paddedFraction.enumerated() {
            minor += Int64(digit.wholeNumberValue!) * (index == 0 ? 10 : 1)
        }
        let amount = Money(stored: negative ? -minor : minor)
        guard amount.minorUnits.magnitude <= Money.maximum.minorUnits.magnitude else { throw .tooLarge }
        return amount
    }
}

extension MoneyParser.Failure: CustomStringConvertible {
    public var description: String {
        switch self {
        case .empty: return "empty amount"
        case .invalidCharacter(let c): return "unexpected character '\(c)'"
        case .tooManyFractionDigits: return "more than two digits after the decimal separator"
        case .tooLarge: return "amount too large"
        }
    }
}

extension String {
    /// The string without leading and trailing spaces, tabs and line breaks.
    func trimmingWhitespace() -> Substring {
        let isSpace: (Character) -> Bool = { $0.isWhitespace }
        guard let start = firstIndex(where: { !isSpace($0) }) else { return "" }
        let end = lastIndex(where: { !isSpace($0) })!
        return self[start...end]
    }
}

extension Character {
    /// `0` to `9` and nothing else. (`("0"..."9").contains(c)` is not this: a digit with a
    /// combining mark, "2\u{0369}", is one Character that sorts between them and has no value.)
    var isASCIIDigit: Bool { asciiValue.map { (48...57).contains($0) } ?? false }
}
