import DolgRules

/// RFC 4180 CSV with stable snake_case headers; money as `5000.00`, dates as ISO.
///
/// A cell that a spreadsheet would run as a formula (starting with `=`, `+`, `-`,
/// `@`, tab or carriage return) is prefixed with `'` so it stays text. A cell of
/// only digits and phone punctuation (`+79171234567`, masked `+7******4567`) cannot run anything and is
/// left as it is, so phone numbers survive the round trip.
///
/// The Excel dialect (`--excel`) is what a Russian-locale spreadsheet opens right by double
/// click: a UTF-8 byte-order mark, `;` between cells, and a decimal comma in amounts.
struct CSVRenderer {
    var separator = ","
    var decimalComma = false
    var byteOrderMark = false

    static let excel = CSVRenderer(separator: ";", decimalComma: true, byteOrderMark: true)

    func render(_ report: Report) -> String {
        header(report.columns) + report.rows.map(line).joined()
    }

    /// The header line, after the byte-order mark when the dialect has one.
    func header(_ columns: [Column]) -> String {
        (byteOrderMark ? "\u{FEFF}" : "") + columns.map(\.key).joined(separator: separator) + "\r\n"
    }

    func line(_ row: [Cell]) -> String {
        row.map(field).joined(separator: separator) + "\r\n"
    }

    func field(_ cell: Cell) -> String {
        switch cell {
        case .text(let text), .term(let text), .chart(let text), .words(let text, _): return quoted(neutralised(text))
        case .integer(let value): return String(value)
        case .money(let money): return decimal(money.decimalString)
        case .date(let date): return date.description
        case .percentage(let percentage): return decimal(percentage.description)
        case .tenths(let tenths), .signedTenths(let tenths): return decimal(Cell.decimal(tenths: tenths))
        case .decimal(let text): return decimal(text)
        case .signedInteger(let value): return String(value)
        case .empty: return ""
        }
    }

    /// Every decimal with the dialect's mark.
    private func decimal(_ text: String) -> String {
        decimalComma ? text.replacing(".", with: ",") : text
    }

    func neutralised(_ text: String) -> String {
        guard let first = text.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) else { return text }
        let inert = text.count > 1 && text.dropFirst().allSatisfy { $0.isASCII && ($0.isNumber || " ()-.*".contains($0)) }
            && (first == "+" || first == "-")
        return inert ? text : "'" + text
    }

    func quoted(_ text: String) -> String {
        // Bytes, not characters: this runs for every cell of a million-row export. The separator is ASCII.
        let separatorByte = separator.utf8.first
        guard text.utf8.contains(where: {
            $0 == separatorByte || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r")
        }) else { return text }
        return "\"" + text.replacing("\"", with: "\"\"") + "\""
    }
}

/// JSON: an array of objects with the columns' keys in column order; money as
/// exact decimal strings (`"5000.00"`) so no reader turns it into a float.
struct JSONRenderer {
    /// One object, for single-record reports such as the portfolio; `lists` adds
    /// members that are arrays of objects (a client's contracts), `objects` members that are
    /// objects of one record each (the earlier portfolio of `--vs`).
    func renderRecord(_ report: Report, lists: [(key: String, report: Report)] = [],
                      objects: [(key: String, report: Report)] = []) -> String {
        var members = zip(report.columns, report.rows.first ?? []).map { column, cell in
            "  \(JSONRenderer.string(column.key)): \(value(cell))"
        }
        for member in objects {
            let object = object(member.report.columns, member.report.rows.first ?? [], indent: "  ")
            members.append("  \(JSONRenderer.string(member.key)): " + object.dropFirst(2))
        }
        for list in lists {
            let items = list.report.rows.map { object(list.report.columns, $0, indent: "    ") }
            let array = items.isEmpty ? "[]" : "[\n" + items.joined(separator: ",\n") + "\n  ]"
            members.append("  \(JSONRenderer.string(list.key)): \(array)")
        }
        return "{\n" + members.joined(separator: ",\n") + "\n}\n"
    }

    func object(_ columns: [Column], _ row: [Cell], indent: String) -> String {
        let members = zip(columns, row).map { column, cell in
            "\(indent)  \(JSONRenderer.string(column.key)): \(value(cell))"
        }
        return "\(indent){\n" + members.joined(separator: ",\n") + "\n\(indent)}"
    }

    func value(_ cell: Cell) -> String {
        switch cell {
        case .text(let text), .term(let text), .chart(let text), .words(let text, _): return JSONRenderer.string(text)
        case .integer(let value): return String(value)
        case .money(let money): return JSONRenderer.string(money.decimalString)
        case .date(let date): return JSONRenderer.string(date.description)
        case .percentage(let percentage): return percentage.description
        case .tenths(let tenths), .signedTenths(let tenths): return Cell.decimal(tenths: tenths)
        case .decimal(let text): return text
        case .signedInteger(let value): return String(value)
        case .empty: return "null"
        }
    }

    static func string(_ text: String) -> String {
        var escaped = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": escaped += "\\\""
            case "\\": escaped += "\\\\"
            case "\n": escaped += "\\n"
            case "\r": escaped += "\\r"
            case "\t": escaped += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                escaped += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped + "\""
    }
}
