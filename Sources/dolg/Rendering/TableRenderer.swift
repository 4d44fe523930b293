import DolgRules

/// Aligned columns for people: numbers right, text left, money per language.
struct TableRenderer {
    let currency: Currency
    let language: Language

    func render(_ report: Report) -> String {
        var text = ""
        render(report) { text += $0 }
        return text
    }

    /// The table line by line, each with its newline, to `emit`: a long table is written as it
    /// is made instead of being joined into one string first.
    func render(_ report: Report, emit: (String) -> Void) {
        let body = report.rows + (report.footer.map { [$0] } ?? [])
        // Each cell's text with its width in characters, counted once: counting walks the string.
        let texts = body.map { row in row.map { cell in let text = format(cell); return (text: text, width: text.count) } }
        let headers = report.columns.map { column in let text = header(column); return (text: text, width: text.count) }
        var widths = headers.map(\.width)
        for row in texts {
            for (index, cell) in row.enumerated() { widths[index] = max(widths[index], cell.width) }
        }
        let rightAligned = report.columns.indices.map { index in
            body.contains { row in isNumeric(row[index]) }
        }
        func line(_ cells: [(text: String, width: Int)]) -> String {
            var line = ""
            for (index, cell) in cells.enumerated() {
                if index > 0 { line += "  " }
                let padding = String(repeating: " ", count: widths[index] - cell.width)
                line += rightAligned[index] ? padding + cell.text : cell.text + padding
            }
            return line.trimmingTrailingSpaces()
        }
        let rule = line(widths.map { (text: String(repeating: "-", count: $0), width: $0) }) + "\n"
        emit(line(headers) + "\n")
        emit(rule)
        for (index, row) in texts.enumerated() {
            if report.footer != nil && index == texts.count - 1 { emit(rule) }
            emit(line(row) + "\n")
        }
    }

    /// A single record as `label  value` lines, for summaries such as the portfolio.
    func renderRecord(_ report: Report) -> String {
        guard let row = report.rows.first else { return "" }
        let labels = report.columns.map(header)
        let width = labels.map(\.count).max() ?? 0
        return zip(labels, row).map { label, cell in
            (label + String(repeating: " ", count: width - label.count) + "  " + format(cell)).trimmingTrailingSpaces()
        }.joined(separator: "\n") + "\n"
    }

    /// The column's header in the reader's language.
    func header(_ column: Column) -> String {
        language == .russian ? RussianHeaders.header(for: column.key) ?? column.header : column.header
    }

    func format(_ cell: Cell) -> String {
        switch cell {
        case .text(let text): return TerminalText.visible(text)
        case .chart(let drawing): return drawing
        case .term(let word): return language == .russian ? RussianHeaders.terms[word] ?? word : word
        case .integer(let value): return String(value)
        case .money(let money): return money.formatted(currency, language)
        case .date(let date): return language == .russian ? date.russianDescription : date.description
        case .percentage(let percentage): return localised(percentage.description) + "%"
        case .tenths(let tenths): return localised(Cell.decimal(tenths: tenths))
        case .decimal(let text): return localised(text)
        case .signedInteger(let value): return (value >= 0 ? "+" : "") + String(value)
        case .signedTenths(let tenths): return (tenths >= 0 ? "+" : "") + localised(Cell.decimal(tenths: tenths))
        case .empty: return ""
        }
    }

    /// A decimal with the reader's mark: a comma for Russian readers.
    private func localised(_ decimal: String) -> String {
        language == .russian ? decimal.replacing(".", with: ",") : decimal
    }

    private func isNumeric(_ cell: Cell) -> Bool {
        switch cell {
        case .integer, .money, .percentage, .tenths, .decimal, .signedInteger, .signedTenths: return true
        case .text, .term, .date, .chart, .empty: return false
        }
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}
