import DolgPlaybookReader
import DolgRules
import DolgStorage
import Foundation
import Testing

/// Replays every input the fuzzers were seeded with or found a crash on (Fuzz/seeds, Fuzz/regressions)
/// through the same parsers and the same properties as the fuzz targets (Fuzz/Targets): a crash
/// found once stays a failing test until it is fixed.
@Suite("Fuzz regressions")
struct FuzzRegressionTests {
    static let fuzzDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fuzz")

    /// The kept inputs of one target, with their names.
    static func inputs(_ target: String) -> [(name: String, bytes: Data)] {
        ["seeds", "regressions"].flatMap { kind -> [(name: String, bytes: Data)] in
            let directory = fuzzDirectory.appendingPathComponent(kind).appendingPathComponent(target)
            let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
            return names.filter { !$0.hasPrefix(".") }.sorted().compactMap { name in
                FileManager.default.contents(atPath: directory.appendingPathComponent(name).path).map { ("\(kind)/\(name)", $0) }
            }
        }
    }

    @Test("every target has seeds to start from")
    func seedsExist() {
        for target in ["money", "dates", "bank", "csv", "playbook"] {
            #expect(!Self.inputs(target).isEmpty, "\(target)")
        }
    }

    @Test("amounts, rates and phones: parsing never traps; an amount that parses formats back to itself")
    func money() {
        for input in Self.inputs("money") {
            let text = String(decoding: input.bytes, as: UTF8.self)
            _ = try? InterestRate.parse(text)
            _ = try? PhoneNumber(parsing: text)
            guard let money = try? MoneyParser.parse(text) else { continue }
            #expect((try? MoneyParser.parse(money.decimalString)) == money, "\(input.name)")
        }
    }

    @Test("dates and moments: what parses prints back to itself")
    func dates() {
        for input in Self.inputs("dates") {
            let text = String(decoding: input.bytes, as: UTF8.self)
            if let date = try? CivilDate.parse(text) {
                #expect((try? CivilDate.parse(date.description)) == date, "\(input.name)")
            }
            if let moment = BusinessMoment.parse(text) {
                #expect(BusinessMoment.parse(moment.description) == moment, "\(input.name)")
            }
        }
    }

    @Test("bank statements: every payment read has a positive amount")
    func bank() {
        for input in Self.inputs("bank") {
            let text = BankStatement.decode([UInt8](input.bytes))
            if let statement = try? BankStatement.parse(text) {
                #expect(StatementReading(statement).incoming.allSatisfy { $0.amount.isPositive }, "\(input.name)")
            }
            _ = try? BankCSVMapping.parse(text)
            _ = try? ScheduleFileParser.parse(text, fileName: "fuzz.csv")
        }
    }

    @Test("playbooks: one that reads has steps in every ladder and no problem left unreported")
    func playbook() {
        for input in Self.inputs("playbook") {
            guard let set = try? PlaybookReader.decode(String(decoding: input.bytes, as: UTF8.self)) else {
                #expect(!input.name.hasPrefix("seeds/"), "\(input.name): the exported playbook reads back")
                continue
            }
            #expect(set.problems().isEmpty && !set.standard.ladder.steps.isEmpty, "\(input.name)")
            #expect(set.segments.values.allSatisfy { !$0.ladder.steps.isEmpty }, "\(input.name)")
        }
    }

    @Test("CSV: every file is read to its end or refused with an error naming it")
    func csv() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("dolg-fuzz-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        for input in Self.inputs("csv") {
            let path = directory.appendingPathComponent("input.csv").path
            _ = FileManager.default.createFile(atPath: path, contents: input.bytes)
            do {
                let file = try TabularFile(path: path)
                while try file.next() != nil {}
            } catch {
                // The seeds are the project's own good CSV files: reading them must not fail.
                #expect(!input.name.hasPrefix("seeds/"), "\(input.name) refused: \(error)")
                #expect("\(error)".contains(path) || "\(error)".contains("empty"), "\(input.name): \(error)")
            }
        }
    }
}
