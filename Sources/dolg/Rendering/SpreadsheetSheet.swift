import DolgRules

/// One worksheet of an Office Open XML workbook (`xl/worksheets/sheet1.xml`), written from a
/// report: identifiers and names stay text (inline strings, never numbers or formulas), amounts
/// are numbers in the ledger's currency format, dates are dates, the header row is frozen.
struct SpreadsheetSheet {
    /// The cell styles of `SpreadsheetStyles`, by their index in `cellXfs`.
    enum Style: Int {
        case plain = 0, header, money, date, tenths, integer, signedInteger, signedTenths
    }

    let report: Report
    let currency: Currency
    let language: Language

    var xml: String {
        let table = TableRenderer(currency: currency, language: language)
        let headers = report.columns.map(table.header)
        var widths = headers.map { $0.count }
        var rows = "<row r=\"1\">" + headers.enumerated().map { index, header in
            inlineString(header, reference: reference(column: index, row: 1), style: .header)
        }.joined() + "</row>"
        for (rowIndex, cells) in report.rows.enumerated() {
            let number = rowIndex + 2
            rows += "<row r=\"\(number)\">"
            for (index, cell) in cells.enumerated() {
                let (xml, width) = self.cell(cell, reference: reference(column: index, row: number))
                rows += xml
                widths[index] = max(widths[index], width)
            }
            rows += "</row>"
        }
        let columns = widths.enumerated().map { index, width in
            "<col min=\"\(index + 1)\" max=\"\(index + 1)\" width=\"\(min(width, 60) + 2)\" customWidth=\"1\"/>"
        }.joined()
        let last = reference(column: max(report.columns.count - 1, 0), row: report.rows.count + 1)
        return """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
            <dimension ref="A1:\(last)"/>\
            <sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" \
            state="frozen"/></sheetView></sheetViews>\
            <sheetFormatPr defaultRowHeight="15"/><cols>\(columns)</cols>\
            <sheetData>\(rows)</sheetData><autoFilter ref="A1:\(last)"/></worksheet>
            """
    }

    /// A cell's XML and the width its shown value takes, in characters.
    private func cell(_ cell: Cell, reference: String) -> (String, Int) {
        switch cell {
        case .text(let text), .chart(let text): return (inlineString(text, reference: reference), text.count)
        case .words(let english, let russian):
            let shown = language == .russian ? russian : english
            return (inlineString(shown, reference: reference), shown.count)
        case .term(let word):
            let shown = language == .russian ? RussianHeaders.term(word) : word
            return (inlineString(shown, reference: reference), shown.count)
        case .integer(let value): return (number(String(value), reference, .integer), String(value).count + 1)
        case .money(let money): return (number(money.decimalString, reference, .money), money.decimalString.count + 6)
        case .date(let date): return (number(String(date.days(since: Self.epoch)), reference, .date), 10)
        case .percentage(let percentage): return (number(percentage.description, reference, .tenths), 7)
        case .tenths(let tenths): return (number(Cell.decimal(tenths: tenths), reference, .tenths), 7)
        case .signedTenths(let tenths): return (number(Cell.decimal(tenths: tenths), reference, .signedTenths), 7)
        case .decimal(let text): return (number(text, reference, .plain), text.count + 1)
        case .signedInteger(let value): return (number(String(value), reference, .signedInteger), String(value).count + 2)
        case .empty: return ("", 0)
        }
    }

    /// Day 0 of spreadsheet dates (serial 1 is 1900-01-01 in the 1900 date system, counting
    /// Lotus's phantom 29 February 1900, so every date from March 1900 on is days since this).
    static let epoch = CivilDate(year: 1899, month: 12, day: 30)!

    private func number(_ value: String, _ reference: String, _ style: Style) -> String {
        "<c r=\"\(reference)\" s=\"\(style.rawValue)\"><v>\(value)</v></c>"
    }

    private func inlineString(_ text: String, reference: String, style: Style = .plain) -> String {
        "<c r=\"\(reference)\" s=\"\(style.rawValue)\" t=\"inlineStr\"><is><t xml:space=\"preserve\">"
            + Self.escaped(text) + "</t></is></c>"
    }

    /// `A1`, `AB12`: a cell's reference from a zero-based column and a one-based row.
    private func reference(column: Int, row: Int) -> String {
        Self.columnName(column) + String(row)
    }

    /// `A`, `Z`, `AA`: a column's name from its zero-based index.
    static func columnName(_ column: Int) -> String {
        var name = ""
        var index = column + 1
        while index > 0 {
            name = String(UnicodeScalar(UInt8(65 + (index - 1) % 26))) + name
            index = (index - 1) / 26
        }
        return name
    }

    /// Text as XML character data: markup escaped, and characters XML 1.0 cannot hold (control
    /// characters other than tab and line breaks) replaced, so that no stored name breaks the file.
    static func escaped(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "\t", "\n", "\r": result.unicodeScalars.append(scalar)
            case _ where scalar.value < 0x20 || (0xFFFE...0xFFFF).contains(scalar.value): result += "\u{FFFD}"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
