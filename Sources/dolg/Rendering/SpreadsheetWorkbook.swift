import DolgRules
import Foundation
import ZIPFoundation

/// A report as an Office Open XML workbook (`.xlsx`) of one sheet: the package parts around
/// `SpreadsheetSheet`, zipped by ZIPFoundation.
struct SpreadsheetWorkbook {
    let report: Report
    let currency: Currency
    let language: Language
    /// The sheet's name, as the tab shows it (at most 31 characters).
    var sheetName = "dolg"

    /// Writes the workbook to stdout; refused on a terminal, where its bytes would mean nothing.
    func writeToStandardOutput() throws {
        guard isatty(STDOUT_FILENO) != 1 else {
            throw DolgError(.invalidValue, "--format xlsx writes a binary workbook, not for a terminal",
                            remedy: "redirect it to a file: > report.xlsx")
                .inRussian("--format xlsx выводит двоичную книгу, не для терминала",
                           remedy: "перенаправьте вывод в файл: > report.xlsx")
        }
        StandardOutput.write(try data())
    }

    /// The workbook's bytes.
    func data() throws -> Data {
        let archive = try Archive(accessMode: .create)
        let sheet = SpreadsheetSheet(report: report, currency: currency, language: language)
        for (path, text) in [("[Content_Types].xml", Self.contentTypes), ("_rels/.rels", Self.packageRelationships),
                             ("xl/workbook.xml", workbook), ("xl/_rels/workbook.xml.rels", Self.workbookRelationships),
                             ("xl/styles.xml", styles), ("xl/worksheets/sheet1.xml", sheet.xml)] {
            let bytes = Data(text.utf8)
            // A fixed date: the same report gives the same bytes.
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(bytes.count),
                                 modificationDate: Date(timeIntervalSince1970: 1_767_225_600),
                                 compressionMethod: .deflate) { position, size in
                bytes.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        guard let data = archive.data else {
            throw DolgError(.ledgerFailure, "the workbook could not be made", remedy: "try --format csv")
                .inRussian("не удалось собрать файл xlsx", remedy: "попробуйте --format csv")
        }
        return data
    }

    private var workbook: String {
        """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
        xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">\
        <sheets><sheet name="\(SpreadsheetSheet.escaped(String(sheetName.prefix(31))))" sheetId="1" r:id="rId1"/></sheets>\
        <definedNames><definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">\
        '\(SpreadsheetSheet.escaped(String(sheetName.prefix(31))))'!$A$1:$\(SpreadsheetSheet.columnName(max(report.columns.count - 1, 0)))$\(report.rows.count + 1)\
        </definedName></definedNames></workbook>
        """
    }

    /// Number formats in the order of `SpreadsheetSheet.Style`: money in the ledger's currency,
    /// dates as the reader writes them, one decimal, integers, and signed changes.
    private var styles: String {
        let symbol = language == .russian && currency.code == "RUB" ? "₽" : currency.code
        let formats = [(164, "#,##0.00\\ \"\(symbol)\""), (165, language == .russian ? "dd.mm.yyyy" : "yyyy-mm-dd"),
                       (166, "0.0"), (167, "+0;-0;0"), (168, "+0.0;-0.0;0.0")]
        let numberFormats = formats.map { "<numFmt numFmtId=\"\($0.0)\" formatCode=\"\(SpreadsheetSheet.escaped($0.1))\"/>" }
            .joined()
        // plain, header (bold), money, date, tenths, integer, signed integer, signed tenths
        let styleFormats: [(format: Int, font: Int)] = [(0, 0), (0, 1), (164, 0), (165, 0), (166, 0), (1, 0), (167, 0), (168, 0)]
        let cellFormats = styleFormats.map { style -> String in
            let number = style.format == 0 ? "" : " applyNumberFormat=\"1\""
            let font = style.font == 0 ? "" : " applyFont=\"1\""
            return "<xf numFmtId=\"\(style.format)\" fontId=\"\(style.font)\" fillId=\"0\" borderId=\"0\" xfId=\"0\"\(number)\(font)/>"
        }.joined()
        return """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
            <numFmts count="\(formats.count)">\(numberFormats)</numFmts>\
            <fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>\
            <fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>\
            <borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>\
            <cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>\
            <cellXfs count="8">\(cellFormats)</cellXfs>\
            <cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>
            """
    }

    private static let contentTypes = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
        <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
        <Default Extension="xml" ContentType="application/xml"/>\
        <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
        <Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>\
        <Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>\
        </Types>
        """

    private static let packageRelationships = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
        <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" \
        Target="xl/workbook.xml"/></Relationships>
        """

    private static let workbookRelationships = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
        <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" \
        Target="worksheets/sheet1.xml"/>\
        <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" \
        Target="styles.xml"/></Relationships>
        """
}
