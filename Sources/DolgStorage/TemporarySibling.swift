import DolgRules
import Foundation

/// A new empty file beside a target, readable by its owner only, to build a ledger, a copy or a
/// report in before it takes the target's name. Its name (`.NAME.incomplete-XXXXXX`) says what it
/// is, should a kill leave it behind.
public enum TemporarySibling {
    public static func create(beside path: String) throws(DolgError) -> String {
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent().path
        var template = Array("\(directory)/.\(url.lastPathComponent).incomplete-XXXXXX".utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else {
            let reason = String(cString: strerror(errno))
            throw DolgError(.ledgerFailure, "cannot create a file in \(directory): \(reason)",
                            remedy: "check that the directory exists and is writable")
                .inRussian("не удалось создать файл в \(directory): \(reason)",
                           remedy: "проверьте, что каталог существует и доступен для записи")
        }
        fchmod(descriptor, 0o600)
        close(descriptor)
        return template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
    }
}
