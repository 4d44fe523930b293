import Foundation
import DolgRules

/// One value of a report cell, typed so each renderer formats it its own way.
enum Cell {
    case text(String)
    /// A word of the tool's vocabulary (`active`, `current`, `paid`…): English in CSV and JSON,
    /// translated in tables for Russian readers.
    case term(String)
    case integer(Int)
    case money(Money)
    case date(CivilDate)
    case percentage(Percentage)
    /// A number with one decimal, in tenths (average days overdue: 247 is 24.7).
    case tenths(Int)
    /// An exact decimal number written with a dot (a rate, `19.9`): the dialect's mark in CSV,
    /// a number in JSON.
    case decimal(String)
    /// A change in a count: `+6` for people, the number 6 for scripts.
    case signedInteger(Int)
    /// A change in tenths (percentage points): `+13.1` for people, the number 13.1 for scripts.
    case signedTenths(Int)
    /// A drawing of dolg's own (a bar, a sparkline), in tables at a terminal only: the one cell
    /// whose escape sequences (colour) reach the terminal. Everything in `.text` is shown with its
    /// control characters made visible.
    case chart(String)
    /// Words for people in both languages: the Russian in a Russian table, the English in CSV,
    /// JSON and English tables (scripts read one stable language).
    case words(String, russian: String)
    case empty

    static func optionalText(_ value: String?) -> Cell { value.map(Cell.text) ?? .empty }
    static func optionalTerm(_ value: String?) -> Cell { value.flatMap { $0.isEmpty ? nil : Cell.term($0) } ?? .empty }

    /// Tenths as a decimal with a dot: 247 is "24.7", -5 is "-0.5".
    static func decimal(tenths: Int) -> String {
        (tenths < 0 ? "-" : "") + "\(abs(tenths) / 10).\(abs(tenths) % 10)"
    }
    static func optionalDate(_ value: CivilDate?) -> Cell { value.map(Cell.date) ?? .empty }
}

/// A column: a stable snake_case key for CSV and JSON, and a header for people.
struct Column {
    let key: String
    let header: String

    init(_ key: String, _ header: String? = nil) {
        self.key = key
        self.header = header ?? key.replacing("_", with: " ")
    }
}

/// What a read command produces: columns and rows, rendered as a table, CSV or JSON.
///
/// The command computes the figures once; adding an output format never touches them.
struct Report {
    let columns: [Column]
    var rows: [[Cell]]
    /// A closing row shown to people only (e.g. totals); CSV and JSON leave it out so
    /// that a spreadsheet summing a column does not count it twice.
    var footer: [Cell]?
    /// The columns a table shows on a terminal too narrow for all of them, chosen for the
    /// reader (nil: all); `--wide` shows every one. CSV and JSON always have every column.
    var compactColumns: [String]?
    /// Columns a table leaves out first, in order, when it still does not fit.
    var dropOrder: [String] = []
    /// What a table says instead of an empty one, for people.
    var emptyMessage: (english: String, russian: String)?

    init(columns: [Column], rows: [[Cell]] = [], footer: [Cell]? = nil) {
        self.columns = columns
        self.rows = rows
        self.footer = footer
    }
}

/// How a read command prints its report.
enum OutputFormat: String, CaseIterable {
    case table, csv, json, xlsx

    /// The format a file's name says: `debts.csv`, `report.xlsx`; nil for any other.
    init?(fileExtensionOf path: String) {
        let name = (path as NSString).pathExtension.lowercased()
        guard name != "table", let format = OutputFormat(rawValue: name) else { return nil }
        self = format
    }
}

extension Report {
    /// The report with one more column, for people (a chart), its cells in row order.
    func adding(_ column: Column, cells: [Cell], footer footerCell: Cell) -> Report {
        Report(columns: columns + [column], rows: zip(rows, cells).map { $0 + [$1] },
               footer: footer.map { $0 + [footerCell] })
    }
}
