import DolgRules

/// Amounts, rates and phone numbers as people type them: parsing never traps, and an amount
/// that parses formats back to itself.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMoney(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let text = String(decoding: UnsafeRawBufferPointer(start: start, count: count), as: UTF8.self)
    _ = try? InterestRate.parse(text)
    _ = try? PhoneNumber(parsing: text)
    guard let money = try? MoneyParser.parse(text) else { return 0 }
    guard let again = try? MoneyParser.parse(money.decimalString), again == money else {
        fatalError("'\(text)' parsed as \(money.decimalString), which does not parse back to it")
    }
    return 0
}
