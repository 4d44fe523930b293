/// The language of text meant for people.
public enum Language: String, Sendable, CaseIterable {
    case english = "en"
    case russian = "ru"
}

extension Money {
    /// The amount for people: `5 000,00 ₽` in Russian, `5,000.00 RUB` in English.
    public func formatted(_ currency: Currency, _ language: Language) -> String {
        switch language {
        case .russian: return grouped(separator: " ", decimalMark: ",") + " " + currency.russianSymbol
        case .english: return grouped(separator: ",", decimalMark: ".") + " " + currency.code
        }
    }

    /// The number alone with digit groups: `5 000,00` or `5,000.00`.
    public func grouped(separator: String, decimalMark: String) -> String {
        let magnitude = minorUnits.magnitude
        let digits = Array(String(magnitude / 100))
        var groupedInteger = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { groupedInteger += separator }
            groupedInteger.append(digit)
        }
        let fraction = magnitude % 100
        let sign = minorUnits < 0 ? "-" : ""
        return sign + groupedInteger + decimalMark + (fraction < 10 ? "0" : "") + String(fraction)
    }
}
