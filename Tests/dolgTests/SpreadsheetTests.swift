import Foundation
import Testing

/// `--format xlsx` opened by a real spreadsheet program: LibreOffice converts the workbooks to flat
/// OpenDocument XML, and the cells are read back with the types Calc gave them.
@Suite("Spreadsheets")
struct SpreadsheetTests {
    /// A cell as Calc read it: its type (`string`, `float`, `date`, or empty), its value, its text.
    struct SheetCell: Equatable, CustomStringConvertible {
        let type: String
        let value: String
        let text: String
        var description: String { "\(type) \(value) '\(text)'" }
    }

    @Test("identifiers stay text, amounts are numbers, dates are dates, headers speak the reader's language")
    func typedCells() throws {
        let soffice = ["/usr/bin/soffice", "/usr/local/bin/soffice"].first { FileManager.default.isExecutableFile(atPath: $0) }
        guard let soffice else {
            Issue.record("LibreOffice (soffice) is needed to check workbooks: `make deps` installs it")
            return
        }
        let sandbox = try Sandbox()
        for arguments in [["init"],
                          ["client", "add", "=SUM(A1) Иванов", "--phone", "+7 917 000-00-01", "--inn", "0274123452"],
                          ["contract", "add", "--number", "000123", "--client", "1", "--amount", "60000.50",
                           "--installments", "6", "--first-due", "2026-06-15", "--start", "2026-05-15", "--rate", "19.9"],
                          ["pay", "000123", "1000"]] {
            let result = try sandbox.run(arguments)
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
        }
        let books: [(name: String, arguments: [String], environment: [String: String])] = [
            ("contracts", ["export", "contracts", "--reveal", "--format", "xlsx"], [:]),
            ("overdue", ["overdue", "--format", "xlsx"], ["DOLG_LANG": "ru"]),
            ("portfolio", ["report", "portfolio", "--vs", "2026-05-01", "--format", "xlsx"], [:]),
        ]
        for book in books {
            let result = try sandbox.run(book.arguments, environment: book.environment)
            #expect(result.status == 0, "\(book.arguments): \(result.stderr)")
            // The binary is read back byte for byte from the file the run wrote.
            try FileManager.default.copyItem(at: sandbox.directory.appendingPathComponent("stdout"),
                                             to: sandbox.directory.appendingPathComponent("\(book.name).xlsx"))
        }
        let converter = Process()
        converter.executableURL = URL(fileURLWithPath: soffice)
        converter.arguments = ["-env:UserInstallation=file://\(sandbox.directory.path)/office", "--headless",
                               "--convert-to", "fods", "--outdir", sandbox.directory.appendingPathComponent("out").path]
            + books.map { sandbox.directory.appendingPathComponent("\($0.name).xlsx").path }
        converter.standardOutput = FileHandle.nullDevice
        converter.standardError = FileHandle.nullDevice
        try converter.run()
        converter.waitUntilExit()
        func sheet(_ name: String) throws -> [[SheetCell]] {
            let url = sandbox.directory.appendingPathComponent("out/\(name).fods")
            return Self.rows(try String(contentsOf: url, encoding: .utf8))
        }

        let contracts = try sheet("contracts")
        #expect(contracts.count == 2, "a header and one contract")
        let header = contracts[0].map(\.text)
        func cell(_ key: String) -> SheetCell? {
            guard let index = header.firstIndex(of: key), contracts.count > 1 else { return nil }
            return contracts[1][index]
        }
        #expect(cell("number") == SheetCell(type: "string", value: "", text: "000123"))
        #expect(cell("inn") == SheetCell(type: "string", value: "", text: "0274123452"))
        #expect(cell("phone") == SheetCell(type: "string", value: "", text: "+79170000001"))
        #expect(cell("client") == SheetCell(type: "string", value: "", text: "=SUM(A1) Иванов"), "text, not a formula")
        #expect(cell("amount")?.type == "float" && cell("amount")?.value == "60000.5")
        #expect(cell("start date")?.type == "date" && cell("start date")?.value == "2026-05-15")
        #expect(cell("rate")?.type == "float" && cell("rate")?.value == "19.9")

        // Russian headers and money in rubles for a Russian reader; the day count a number.
        let overdue = try sheet("overdue")
        #expect(overdue.first?.first?.text == "договор")
        let row = try #require(overdue.dropFirst().first)
        #expect(row[0] == SheetCell(type: "string", value: "", text: "000123"))
        #expect(row.contains { $0.type == "float" && $0.text.hasSuffix("₽") }, "\(row)")
        #expect(row.contains { $0.type == "date" && $0.text.contains(".") }, "dd.mm.yyyy: \(row)")

        // The record with --vs: the change in a count is a number, shown signed.
        let portfolio = try sheet("portfolio")
        let keys = portfolio[0].map(\.text)
        let change = try #require(keys.firstIndex(of: "change contracts"))
        #expect(portfolio[1][change].type == "float" && portfolio[1][change].text == "+1", "\(portfolio[1][change])")
    }

    @Test("a workbook written into a file is a zip archive")
    func workbookIsAZip() throws {
        let sandbox = try Sandbox()
        #expect(try sandbox.run(["init"]).status == 0)
        let result = try sandbox.run(["report", "aging", "--format", "xlsx"])
        #expect(result.status == 0)
        let bytes = try Data(contentsOf: sandbox.directory.appendingPathComponent("stdout"))
        #expect(bytes.prefix(4) == Data([0x50, 0x4B, 0x03, 0x04]), "a zip's local file header")
    }

    /// The rows of the first table of a flat OpenDocument spreadsheet, repeated cells expanded
    /// (the long run of empty cells at the end of each row is left out).
    static func rows(_ xml: String) -> [[SheetCell]] {
        let rowPattern = /<table:table-row[^>]*>(.*?)<\/table:table-row>/.dotMatchesNewlines()
        let cellPattern = /<table:table-cell([^>]*?)(?:\/>|>(.*?)<\/table:table-cell>)/.dotMatchesNewlines()
        var rows: [[SheetCell]] = []
        for row in xml.matches(of: rowPattern) {
            var cells: [SheetCell] = []
            for match in String(row.1).matches(of: cellPattern) {
                let attributes = String(match.1)
                func attribute(_ name: String) -> String {
                    guard let range = attributes.range(of: name + "=\"") else { return "" }
                    return String(attributes[range.upperBound...].prefix { $0 != "\"" })
                }
                let text = match.2.map { body in
                    String(body).matches(of: /<text:p>(.*?)<\/text:p>/.dotMatchesNewlines()).map { String($0.1) }
                        .joined(separator: "\n")
                } ?? ""
                let repeated = Int(attribute("table:number-columns-repeated")) ?? 1
                guard repeated < 100 else { continue }
                let value = attribute("office:date-value").isEmpty ? attribute("office:value") : attribute("office:date-value")
                let cell = SheetCell(type: attribute("office:value-type"), value: value,
                                     text: text.replacing("&amp;", with: "&").replacing("&lt;", with: "<")
                                        .replacing("&gt;", with: ">"))
                cells += Array(repeating: cell, count: repeated)
            }
            if cells.contains(where: { !$0.type.isEmpty }) { rows.append(cells) }
        }
        return rows
    }
}
