/// An amount of money in integer minor units (kopecks for RUB).
///
/// A ledger has exactly one currency, so the currency lives on the ledger
/// (`Currency`) and `Money` is only the count of minor units. There is no
/// floating point anywhere on a money path.
///
/// Amounts are computed in 128 bits: a sum over any portfolio the ledger can hold fits (10^21
/// maximal contracts would be needed to reach the limit), so no sum traps. The ledger stores
/// 64-bit integers: every amount accepted at entry is at most `maximum`, and a contract's
/// schedule and payments are bounded too (`ContractLimits`), so what is stored always fits.
public struct Money: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The amount in minor units; 100 minor units make one major unit.
    public let minorUnits: Int128

    public init(minorUnits: Int128) {
        self.minorUnits = minorUnits
    }

    /// An amount as the ledger stores it.
    public init(stored: Int64) {
        self.minorUnits = Int128(stored)
    }

    /// Whole major units (rubles), for literals in code and tests.
    public init(major: Int64, minor: Int64 = 0) {
        self.minorUnits = Int128(major) * 100 + Int128(minor)
    }

    public static let zero = Money(minorUnits: 0)

    /// The largest single amount the ledger accepts: 10^13 rubles (10^15 kopecks).
    public static let maximum = Money(minorUnits: 1_000_000_000_000_000)

    /// The amount as the ledger stores it, or nil past 64 bits (a sum, never an accepted entry).
    public var stored: Int64? { Int64(exactly: minorUnits) }

    public var isPositive: Bool { minorUnits > 0 }
    public var isNegative: Bool { minorUnits < 0 }

    // 128-bit sums of amounts bounded at entry cannot overflow.
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
