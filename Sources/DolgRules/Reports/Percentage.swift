/// An exact ratio shown as a percentage with one decimal, e.g. `23.3`.
public struct Percentage: Hashable, Sendable, CustomStringConvertible {
    public let numerator: Int
    public let denominator: Int

    public init(_ numerator: Int, of denominator: Int) {
        self.numerator = numerator
        self.denominator = denominator
    }

    /// Tenths of a percent, rounded half up; 0 when the denominator is 0.
    public var tenths: Int {
        guard denominator > 0 else { return 0 }
        return (numerator * 2000 + denominator) / (2 * denominator)
    }

    /// `23.3` — one decimal, dot as separator (CSV, JSON, English).
    public var description: String { "\(tenths / 10).\(tenths % 10)" }
}
