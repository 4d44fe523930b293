import DolgRules

/// Refuses a count option outside its documented range (`InputLimits`), naming the option.
func checkCount(_ value: Int, option: String, within range: ClosedRange<Int>) throws(DolgError) {
    guard range.contains(value) else {
        throw DolgError(.invalidValue, "\(option) \(value) is outside \(range.lowerBound)…\(range.upperBound)",
                        remedy: "give a value from \(range.lowerBound) to \(range.upperBound)")
            .inRussian("\(option) \(value): вне допустимого диапазона \(range.lowerBound)…\(range.upperBound)",
                       remedy: "укажите значение от \(range.lowerBound) до \(range.upperBound)")
    }
}
