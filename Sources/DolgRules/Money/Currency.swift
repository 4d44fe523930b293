/// The one currency of a ledger, chosen at `dolg init`.
public struct Currency: Hashable, Sendable {
    /// ISO 4217 code, e.g. `RUB`.
    public let code: String

    public init?(code: String) {
        let upper = code.uppercased()
        guard upper.count == 3, upper.allSatisfy({ $0.isASCII && $0.isLetter }) else { return nil }
        self.code = upper
    }

    public static let rub = Currency(code: "RUB")!

    /// The sign shown after an amount in Russian text.
    public var russianSymbol: String {
        switch code {
        case "RUB": return "₽"
        case "USD": return "$"
        case "EUR": return "€"
        default: return code
        }
    }
}
