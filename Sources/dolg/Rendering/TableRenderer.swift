import DolgRules

/// Aligned columns for people: numbers right, text left, money per language.
struct TableRenderer {
    let currency: Currency
    let language: Language

    func render(_ report: Report, fit: TableFit = TableFit()) -> String {
        var text = ""
        render(report, fit: fit) { text += $0 }
        return text
    }

    /// The table line by line, each with its newline, to `emit`: a long table is written as it
    /// is made instead of being joined into one string first. With a width to fit (a terminal),
    /// the report's compact columns are shown, then columns are dropped in its order and the
    /// widest text cut with `…` until the table fits; widths are counted in terminal cells.
    func render(_ report: Report, fit: TableFit = TableFit(), emit: (String) -> Void) {
        if report.rows.isEmpty, let message = report.emptyMessage {
            emit((language == .russian ? message.russian : message.english) + "\n")
            return
        }
        var shown = fit.columns(of: report)
        let body = report.rows + (report.footer.map { [$0] } ?? [])
        // Each cell's text with its width in cells, counted once: counting walks the string.
        let allTexts = body.map { row in row.map { cell in let text = format(cell); return (text: text, width: TerminalWidth.cells(text)) } }
        let allHeaders = report.columns.map { column in let text = header(column); return (text: text, width: TerminalWidth.cells(text)) }
        let allRight = report.columns.indices.map { index in body.contains { row in isNumeric(row[index]) } }
        let shortHeaderWidths = report.columns.map { column in
            shortHeader(column).map { min(TerminalWidth.cells($0), TerminalWidth.cells(header(column))) }
        }
        // The widest value of each column, found once: the fitting below asks for it often.
        let widestCell = report.columns.indices.map { index in allTexts.reduce(0) { max($0, $1[index].width) } }
        var widths = shown.map { max(allHeaders[$0].width, widestCell[$0]) }
        func total() -> Int { widths.reduce(0, +) + 2 * max(0, widths.count - 1) }
        // How narrow a column may be cut: text to 12 cells, but short text (a date and time, a
        // step, a status: at most 16 cells) not at all, since half of it says nothing; a number
        // to its widest value, its header to 8 cells (a shorter header is no longer a word).
        // Columns are dropped only while even that is too wide.
        func floor(_ index: Int) -> Int {
            let column = shown[index]
            // A column with a short header may come down to it; another keeps 8 cells of its own.
            let header = shortHeaderWidths[column] ?? min(allHeaders[column].width, 8)
            let keepsHeader = max(widestCell[column], header)
            guard allRight[column] else { return widestCell[column] <= 16 ? keepsHeader : min(widths[index], 12) }
            return keepsHeader
        }
        func narrowest() -> Int {
            widths.indices.reduce(2 * max(0, widths.count - 1)) { $0 + floor($1) }
        }
        if let limit = fit.width, fit.chosen == nil, !fit.wide {
            // A column with nothing in it says nothing: on a narrow screen it goes first.
            if total() > limit {
                let empty = shown.enumerated().filter { widestCell[$0.element] == 0 }
                for column in empty.reversed() where shown.count > 1 {
                    shown.remove(at: column.offset)
                    widths.remove(at: column.offset)
                }
            }
            for key in report.dropOrder where narrowest() > limit {
                guard shown.count > 1, let position = shown.firstIndex(where: { report.columns[$0].key == key }) else { continue }
                shown.remove(at: position)
                widths.remove(at: position)
            }
        }
        if let limit = fit.width, !fit.wide {
            // Room a column holds only for its header goes first: its values lose nothing, the
            // header shows short.
            for index in widths.indices where total() > limit {
                let bound = max(widestCell[shown[index]], floor(index))
                if widths[index] > bound { widths[index] -= min(widths[index] - bound, total() - limit) }
            }
        }
        if let limit = fit.width, !fit.wide, total() > limit {
            // Columns give up what is too much in proportion to what they have beyond their floor,
            // so that a long name and a long instruction both stay readable.
            let excess = total() - limit
            let floors = widths.indices.map(floor)
            let spare = widths.indices.map { ($0, max(0, widths[$0] - floors[$0])) }
            let spareTotal = spare.reduce(0) { $0 + $1.1 }
            if spareTotal > 0 {
                var taken = 0
                for (index, extra) in spare where extra > 0 {
                    let share = min(extra, (excess * extra + spareTotal - 1) / spareTotal)
                    widths[index] -= share
                    taken += share
                }
                // Rounding may leave a cell or two: the widest text column gives them.
                while taken < excess, let widest = spare.map(\.0).filter({ widths[$0] > floors[$0] }).max(by: { widths[$0] < widths[$1] }) {
                    widths[widest] -= 1
                    taken += 1
                }
            }
        }
        // A column that shows its short header needs no more room than that and its values.
        for index in widths.indices {
            let column = shown[index]
            if widths[index] < allHeaders[column].width, let short = shortHeaderWidths[column] {
                widths[index] = min(widths[index], max(widestCell[column], short))
            }
        }
        func fitted(_ cell: (text: String, width: Int), _ width: Int) -> (text: String, width: Int) {
            guard cell.width > width else { return cell }
            let text = TerminalWidth.cut(cell.text, to: width)
            return (text, TerminalWidth.cells(text))
        }
        let texts = allTexts.map { row in shown.enumerated().map { fitted(row[$0.element], widths[$0.offset]) } }
        let headers = shown.enumerated().map { offset, column in
            let whole = allHeaders[column]
            guard whole.width > widths[offset], let short = shortHeader(report.columns[column]) else {
                return fitted(whole, widths[offset])
            }
            return fitted((short, TerminalWidth.cells(short)), widths[offset])
        }
        let rightAligned = shown.map { allRight[$0] }
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

    /// The column's short header in the reader's language, for a column too narrow for its own.
    func shortHeader(_ column: Column) -> String? {
        RussianHeaders.short[column.key].map { language == .russian ? $0.russian : $0.english }
    }

    /// The column's header in the reader's language.
    func header(_ column: Column) -> String {
        language == .russian ? RussianHeaders.header(for: column.key) ?? column.header : column.header
    }

    func format(_ cell: Cell) -> String {
        switch cell {
        case .text(let text): return TerminalText.visible(text)
        case .words(let english, let russian): return TerminalText.visible(language == .russian ? russian : english)
        case .chart(let drawing): return drawing
        case .term(let word): return language == .russian ? RussianHeaders.term(word) : word
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
        case .text, .term, .date, .chart, .words, .empty: return false
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

/// What a table must fit, and which columns it shows.
struct TableFit {
    /// The terminal's width in cells; nil for a file or a pipe.
    var width: Int?
    /// `--wide`: every column, whole.
    var wide = false
    /// `--columns`: these, in this order.
    var chosen: [String]?

    /// The indices of the columns to show.
    func columns(of report: Report) -> [Int] {
        if let chosen { return chosen.compactMap { key in report.columns.firstIndex { $0.key == key } } }
        if wide || width == nil { return Array(report.columns.indices) }
        guard let compact = report.compactColumns else { return Array(report.columns.indices) }
        return report.columns.indices.filter { compact.contains(report.columns[$0].key) }
    }
}
