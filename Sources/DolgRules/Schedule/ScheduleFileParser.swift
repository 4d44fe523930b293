/// Reads a custom schedule file: a header `due_date,amount`, then one installment a line.
///
/// `;` may separate the columns instead of `,` (as Russian spreadsheets write),
/// which lets amounts use a decimal comma: `2026-12-15;5 000,50`.
public enum ScheduleFileParser {
    public static func parse(_ text: String, fileName: String) throws(DolgError) -> [CustomSchedule.Line] {
        var lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
            .map { $0.hasSuffix("\r") ? $0.dropLast() : $0 }
        if let first = lines.first, first.hasPrefix("\u{FEFF}") { lines[0] = first.dropFirst() }
        guard let header = lines.first else { throw failure(fileName, 1, "the file is empty", "файл пуст") }
        let separator: Character = header.contains(";") ? ";" : ","
        let columns = header.split(separator: separator).map { String($0).trimmingWhitespace().lowercased() }
        guard columns == ["due_date", "amount"] else {
            throw failure(fileName, 1, "the header is '\(header)', expected 'due_date\(separator)amount'",
                          "заголовок '\(header)', а нужен 'due_date\(separator)amount'")
        }
        var result: [CustomSchedule.Line] = []
        for (index, line) in lines.enumerated().dropFirst() where !line.allSatisfy(\.isWhitespace) {
            let lineNumber = index + 1
            let fields = line.split(separator: separator, omittingEmptySubsequences: false).map {
                String($0).trimmingWhitespace().trimmingQuotes()
            }
            guard fields.count == 2 else {
                throw failure(fileName, lineNumber, "\(fields.count) fields instead of 2", "полей \(fields.count) вместо 2")
            }
            let dueDate: CivilDate
            do { dueDate = try CivilDate.parse(fields[0]) } catch {
                throw failure(fileName, lineNumber, "due_date '\(fields[0])' is not a date", "due_date '\(fields[0])': это не дата")
            }
            let amount: Money
            do { amount = try MoneyParser.parse(fields[1]) } catch {
                throw failure(fileName, lineNumber, "amount '\(fields[1])' is not an amount: \(error)",
                              "amount '\(fields[1])': это не сумма: \(error)")
            }
            result.append(CustomSchedule.Line(lineNumber: lineNumber, dueDate: dueDate, amount: amount))
        }
        guard !result.isEmpty else { throw failure(fileName, 2, "the file has no installments", "в файле нет платежей по графику") }
        return result
    }

    static func failure(_ fileName: String, _ line: Int, _ problem: String, _ russianProblem: String) -> DolgError {
        DolgError(.invalidSchedule, "\(fileName):\(line): \(problem)",
                  remedy: "fix the schedule file (columns due_date,amount)")
            .inRussian("\(fileName):\(line): \(russianProblem)", remedy: "исправьте файл графика (колонки due_date,amount)")
    }
}

extension Substring {
    func trimmingQuotes() -> String {
        count >= 2 && first == "\"" && last == "\"" ? String(dropFirst().dropLast()) : String(self)
    }
}
