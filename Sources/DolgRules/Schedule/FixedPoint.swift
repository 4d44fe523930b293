/// Exact-enough fixed-point arithmetic for the annuity formula, in Int128.
///
/// Values are scaled by 10^18. Only numbers in [0, 1] are multiplied, so
/// every product stays below 10^36 and fits in Int128 (about 1.7 × 10^38).
struct FixedPoint {
    static let one: Int128 = 1_000_000_000_000_000_000

    /// `numerator / denominator` rounded half away from zero, for non-negative operands.
    static func divideRounded(_ numerator: Int128, _ denominator: Int128) -> Int128 {
        (numerator + denominator / 2) / denominator
    }

    /// `a × b` for fixed-point values in [0, 1].
    static func multiply(_ a: Int128, _ b: Int128) -> Int128 {
        divideRounded(a * b, one)
    }

    /// `base ^ exponent` for a fixed-point base in [0, 1], by repeated squaring.
    static func power(_ base: Int128, _ exponent: Int) -> Int128 {
        var result = one
        var square = base
        var remaining = exponent
        while remaining > 0 {
            if remaining & 1 == 1 { result = multiply(result, square) }
            square = multiply(square, square)
            remaining >>= 1
        }
        return result
    }
}
