import DolgRules

/// Bank statements as banks send them, in any encoding: decoding and parsing never trap, and
/// every document read has a positive amount.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzBank(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let bytes = [UInt8](UnsafeRawBufferPointer(start: start, count: count))
    let text = BankStatement.decode(bytes)
    if let statement = try? BankStatement.parse(text) {
        for payment in StatementReading(statement).incoming where !payment.amount.isPositive {
            fatalError("document \(payment.documentNumber) read with the amount \(payment.amount)")
        }
    }
    _ = try? BankCSVMapping.parse(text)
    _ = try? ScheduleFileParser.parse(text, fileName: "fuzz.csv")
    return 0
}
