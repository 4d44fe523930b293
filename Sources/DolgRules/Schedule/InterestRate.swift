/// An annual interest rate in percent, exact to four decimal places.
///
/// `19.9` is stored as 199 000 ten-thousandths of a percent.
public struct InterestRate: Hashable, Comparable, Sendable, CustomStringConvertible {
    public static let scale: Int64 = 10_000

    /// The rate in ten-thousandths of a percent.
    public let tenThousandthsOfPercent: Int64

    public init(tenThousandthsOfPercent: Int64) {
        self.tenThousandthsOfPercent = tenThousandthsOfPercent
    }

    public static let zero = InterestRate(tenThousandthsOfPercent: 0)

    public enum ParseFailure: Error, Equatable, Sendable {
        case malformed
        case outOfRange
    }

    /// Parses `24`, `19.9` or `19,9` (percent per year), from 0 to 1000.
    public static func parse(_ text: String) throws(ParseFailure) -> InterestRate {
        let parts = text.trimmingWhitespace().replacing(",", with: ".").split(
            separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), !parts[0].isEmpty,
              parts.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }) else { throw .malformed }
        let fraction = parts.count == 2 ? parts[1] : ""
        guard fraction.count <= 4, parts[0].count <= 4, let whole = Int64(parts[0]) else {
            throw parts[0].count > 4 ? .outOfRange : .malformed
        }
        let paddedFraction = fraction + String(repeating: "0", count: 4 - fraction.count)
        let value = whole * scale + Int64(paddedFraction)!
        guard value <= 1000 * scale else { throw .outOfRange }
        return InterestRate(tenThousandthsOfPercent: value)
    }

    public var isZero: Bool { tenThousandthsOfPercent == 0 }

    public static func < (a: InterestRate, b: InterestRate) -> Bool {
        a.tenThousandthsOfPercent < b.tenThousandthsOfPercent
    }

    /// `19.9`, `24`, `0.0125`: the shortest exact form.
    public var description: String {
        let whole = tenThousandthsOfPercent / InterestRate.scale
        var fraction = String(tenThousandthsOfPercent % InterestRate.scale)
        fraction = String(repeating: "0", count: 4 - fraction.count) + fraction
        while fraction.last == "0" { fraction.removeLast() }
        return fraction.isEmpty ? String(whole) : "\(whole).\(fraction)"
    }
}
