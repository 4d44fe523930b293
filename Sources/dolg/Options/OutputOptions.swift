import ArgumentParser
import DolgRules
import DolgStorage
import Foundation

extension OutputFormat: ExpressibleByArgument {}

/// The output format of a read command.
struct OutputOptions: ParsableArguments {
    @Option(name: .customLong("format"), help: ArgumentHelp(helpText(
        "table for people, csv or json for scripts, xlsx for a spreadsheet (default: from the --output file's extension, else table).",
        "table — таблица для людей, csv или json — для скриптов, xlsx — книга Excel (по умолчанию по расширению файла --output, иначе table).")))
    var chosenFormat: OutputFormat?

    @OptionGroup var destination: OutputDestinationOptions

    @Flag(help: ArgumentHelp(helpText("CSV as Russian Excel opens it: BOM, ';', decimal comma (implies --format csv).",
                                      "CSV, какой открывает русский Excel: BOM, ';', десятичная запятая (значит --format csv).")))
    var excel = false

    @Flag(help: ArgumentHelp(helpText("A table with every column, whole (on a terminal a table shows what fits its width).",
                                      "Таблица со всеми столбцами целиком (на терминале показывается то, что входит по ширине).")))
    var wide = false

    @Option(help: ArgumentHelp(helpText("The table's columns, by their CSV names: contract,client,phone.",
                                        "Столбцы таблицы по их именам в CSV: contract,client,phone."), valueName: "a,b,c"))
    var columns: String?

    @Option(name: .customLong("color"), help: ArgumentHelp(helpText(
        "Colour in tables: auto (on a terminal, unless NO_COLOR or TERM=dumb), always or never.",
        "Цвет в таблицах: auto (на терминале, если нет NO_COLOR и TERM=dumb), always или never.")))
    var colour: ColourChoice = .auto

    /// The format asked for with --format, else the one the --output file's extension names, else a table.
    var format: OutputFormat {
        if let chosenFormat { return chosenFormat }
        return destination.file.flatMap(OutputFormat.init(fileExtensionOf:)) ?? .table
    }

    /// How a table fits: the terminal's width, `--wide`, `--columns` (checked against the report).
    func tableFit(_ report: Report) throws(DolgError) -> TableFit {
        var fit = TableFit(width: TerminalWidth.available, wide: wide)
        if let columns {
            let keys = columns.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            let known = report.columns.map(\.key)
            if let unknown = keys.first(where: { !known.contains($0) }) {
                throw DolgError(.invalidValue, "--columns: '\(unknown)' is not a column of this table",
                                remedy: "choose from \(known.joined(separator: ","))")
                    .inRussian("--columns: столбца '\(unknown)' в этой таблице нет", remedy: "есть: \(known.joined(separator: ","))")
            }
            fit.chosen = keys
        }
        return fit
    }

    private var csv: CSVRenderer { excel ? .excel : CSVRenderer() }

    /// Whether people read the output (a table) rather than scripts (CSV, JSON).
    var isTable: Bool { effectiveFormat == .table }

    /// Charts are for people at a terminal, in tables only.
    var showsCharts: Bool { effectiveFormat == .table && StandardOutput.isTerminal }
    private var effectiveFormat: OutputFormat { excel ? .csv : format }

    /// Prints a report of many rows in the chosen format.
    func print(_ report: Report, _ settings: LedgerSettings, _ language: Language) throws {
        switch effectiveFormat {
        case .table:
            // Cells are made safe one by one (`TerminalText`), keeping the charts' colours.
            var output = ChunkedOutput(cellsAreSafe: true)
            let fit = try tableFit(report)
            TableRenderer(currency: settings.currency, language: language).render(report, fit: fit) { output.append($0) }
            output.flush()
        case .xlsx:
            try SpreadsheetWorkbook(report: report, currency: settings.currency, language: language).writeToStandardOutput()
        case .csv, .json:
            writeMachineRows(report.columns, count: report.rows.count) { report.rows[$0] }
        }
    }

    /// Prints `count` rows made one at a time by `cells`: CSV and JSON are written as they are
    /// made, so a long list never exists twice in memory; a table needs every row first, for its
    /// column widths.
    func printRows(_ columns: [Column], count: Int, _ settings: LedgerSettings, _ language: Language,
                   layout: (compact: [String]?, dropOrder: [String], empty: (english: String, russian: String)?)? = nil,
                   cells: (Int) -> [Cell]) throws {
        if effectiveFormat == .table || effectiveFormat == .xlsx {
            var report = Report(columns: columns, rows: (0..<count).map(cells))
            if let layout, effectiveFormat == .table {
                report.compactColumns = layout.compact
                report.dropOrder = layout.dropOrder
                report.emptyMessage = layout.empty
            }
            try print(report, settings, language)
        } else {
            writeMachineRows(columns, count: count, cells: cells)
        }
    }

    /// CSV or JSON rows, written in chunks as they are made.
    private func writeMachineRows(_ columns: [Column], count: Int, cells: (Int) -> [Cell]) {
        var output = ChunkedOutput()
        if effectiveFormat == .csv {
            output.append(csv.header(columns))
            for index in 0..<count { output.append(csv.line(cells(index))) }
        } else {
            let json = JSONRenderer()
            guard count > 0 else { return write("[]\n") }
            output.append("[\n")
            for index in 0..<count {
                output.append(json.object(columns, cells(index), indent: "  ") + (index + 1 < count ? ",\n" : "\n"))
            }
            output.append("]\n")
        }
        output.flush()
    }

    /// Prints a one-record report: label/value lines for people, one object in JSON. `nested`
    /// records become members of the object in JSON, and columns prefixed with their key in CSV.
    func printRecord(_ report: Report, _ settings: LedgerSettings, _ language: Language,
                     nested: [(key: String, report: Report)] = []) throws {
        var flat = report
        for member in nested {
            flat = Report(columns: flat.columns + member.report.columns.map { Column(member.key + "_" + $0.key) },
                          rows: [(flat.rows.first ?? []) + (member.report.rows.first ?? [])])
        }
        switch effectiveFormat {
        case .table: write(TableRenderer(currency: settings.currency, language: language).renderRecord(report))
        case .xlsx: try SpreadsheetWorkbook(report: flat, currency: settings.currency, language: language).writeToStandardOutput()
        case .csv: write(csv.render(flat))
        case .json: write(JSONRenderer().renderRecord(report, objects: nested))
        }
    }
}

/// Stdout gathered into chunks of about 64 KB: one write per chunk rather than per line, and a
/// long output never held whole.
struct ChunkedOutput {
    /// A table whose cells were made safe for a terminal already; other output is made safe as
    /// it is written (see `write`).
    let cellsAreSafe: Bool
    private var buffer = ""

    init(cellsAreSafe: Bool = false) {
        self.cellsAreSafe = cellsAreSafe
    }

    mutating func append(_ text: String) {
        buffer += text
        if buffer.utf8.count > 64 * 1024 { flush() }
    }

    mutating func flush() {
        guard !buffer.isEmpty else { return }
        if cellsAreSafe { StandardOutput.write(buffer) } else { write(buffer) }
        buffer = ""
    }
}

/// Writes to stdout without a trailing newline of its own (checked: see `StandardOutput`). At a
/// terminal, control characters of the text (a name, a payer, a purpose) are shown, not obeyed.
func write(_ text: String) {
    StandardOutput.write(StandardOutput.isTerminal ? TerminalText.visibleLines(text) : text)
}

/// Writes a line to stderr, with control characters made visible and echoed values cut short.
func note(_ text: String) {
    FileHandle.standardError.write((TerminalText.line(text) + "\n").data(using: .utf8)!)
}

/// `1 row`, `2 rows`: a count with its noun in English.
func counted(_ count: Int, _ singular: String, _ plural: String) -> String {
    "\(count) \(count == 1 ? singular : plural)"
}

/// `--manager` and `--segment`: which contracts a report covers.
struct ReportScope: ParsableArguments {
    @Option(help: ArgumentHelp(helpText("Only the contracts of this manager.", "Только договоры этого менеджера.")), completion: .custom(Completions.managers)) var manager: String?
    @Option(help: ArgumentHelp(helpText("Only the contracts of this segment.", "Только договоры этого сегмента."))) var segment: String?

    var contracts: ContractScope { ContractScope(managerName: manager, segment: segment) }
}

/// A message for people in their language: `say("Added client 1.", "Клиент 1 добавлен.")`.
struct Say {
    let language: Language

    func callAsFunction(_ english: String, _ russian: String) -> String {
        language == .russian ? russian : english
    }
}
