import DolgRules

/// Dates and moments as typed and stored: parsing never traps, and what parses prints back to itself.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDates(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let text = String(decoding: UnsafeRawBufferPointer(start: start, count: count), as: UTF8.self)
    if let date = try? CivilDate.parse(text) {
        guard (try? CivilDate.parse(date.description)) == date, CivilDate(dayNumber: date.dayNumber) == date else {
            fatalError("'\(text)' parsed as \(date), which does not read back")
        }
    }
    if let moment = BusinessMoment.parse(text) {
        guard BusinessMoment.parse(moment.description) == moment, (0..<1440).contains(moment.minuteOfDay) else {
            fatalError("'\(text)' parsed as \(moment), which does not read back")
        }
    }
    return 0
}
