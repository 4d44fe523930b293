import DolgRules
import Foundation

/// CSV files as spreadsheets write them: the streaming reader never traps, whatever the bytes,
/// and reads every row or stops with an error naming the file.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSV(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("dolg-fuzz-\(getpid()).csv").path
    _ = FileManager.default.createFile(atPath: path, contents: Data(bytes: start, count: count))
    defer { try? FileManager.default.removeItem(atPath: path) }
    do {
        let file = try TabularFile(path: path)
        while let row = try file.next() {
            _ = row.count
        }
    } catch {
        guard "\(error)".contains(path) || "\(error)".contains("empty") else { fatalError("an error without the file: \(error)") }
    }
    return 0
}
