/// An amount of money in integer minor units (kopecks for RUB).
///
/// A ledger has exactly one currency, so the currency lives on the ledger
/// (`Currency`) and `Money` is only the count of minor units. There is no
/// floating point anywhere on a money path.
public struct Money: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The amount in minor units; 100 minor units make one major unit.
    public let minorUnits: Int64

    public init(minorUnits: Int64) {
        self.minorUnits = minorUnits
    }

    /// Whole major units (rubles), for literals in code and tests.
    public init(major: Int64, minor: Int64 = 0) {
        self.minorUnits = major * 100 + minor
    }

    public static let zero = Money(minorUnits: 0)

    /// The largest amount the ledger accepts: 10^13 rubles. Sums of many
    /// such amounts still fit in Int64 (9.2 × 10^18 minor units).
    public static let maximum = Money(minorUnits: 1_000_000_000_000_000)

    public var isPositive: Bool { minorUnits > 0 }
    public var isNegative: Bool { minorUnits < 0 }

    public static func + (a: Money, b: Money) -> Money { Money(minorUnits: a.minorUnits + b.minorUnits) }
    public static func - (a: Money, b: Money) -> Money { Money(minorUnits: a.minorUnits - b.minorUnits) }
    public static prefix func - (a: Money) -> Money { Money(minorUnits: -a.minorUnits) }
    public static func += (a: inout Money, b: Money) { a = a + b }
    public static func -= (a: inout Money, b: Money) { a = a - b }
    public static func < (a: Money, b: Money) -> Bool { a.minorUnits < b.minorUnits }

    /// The exact decimal form used in CSV and JSON: `5000.00`, `-12.50`.
    public var decimalString: String {
        let sign = minorUnits < 0 ? "-" : ""
        let magnitude = minorUnits.magnitude
        let fraction = magnitude % 100
        return "\(sign)\(magnitude / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }

    public var description: String { decimalString }
}

extension Sequence where Element == Money {
    /// The exact sum of the amounts.
    public func sum() -> Money { reduce(.zero, +) }
}
