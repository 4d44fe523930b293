import DolgRules
import Foundation

/// Stdout, checked: every write's result is looked at, and the first failure (a full disk,
/// `/dev/full`, a closed descriptor) is kept, stops further writes, and fails the command with
/// `output_failure` (exit 74) when it ends. A report that was not written never exits 0.
enum StandardOutput {
    /// The error of the first write that failed, if one did.
    nonisolated(unsafe) private static var failure: Int32?

    /// Writes text as it is (no newline of its own).
    static func write(_ text: String) {
        var text = text
        text.withUTF8 { write(UnsafeRawBufferPointer($0)) }
    }

    /// Writes bytes as they are (a workbook).
    static func write(_ bytes: Data) {
        bytes.withUnsafeBytes { write($0) }
    }

    /// Straight to the descriptor, no stdio buffer in between: callers write in chunks already,
    /// and a failure is known at the write that met it.
    private static func write(_ bytes: UnsafeRawBufferPointer) {
        guard failure == nil, !readerLeft else { return }
        failure = writeAll(STDOUT_FILENO, bytes)
        // A reader that stopped reading (`| head`) chose to: the rest is not written, and that is
        // no failure of this command.
        if failure == EPIPE {
            failure = nil
            readerLeft = true
        }
    }

    nonisolated(unsafe) private static var readerLeft = false

    /// Throws if any write failed: called once, as the command ends.
    static func finish() throws(DolgError) {
        guard let failure else { return }
        let reason = String(cString: strerror(failure))
        throw DolgError(.outputFailure, "cannot write the output: \(reason)",
                        remedy: "check the disk or the file the output is redirected to; the output is incomplete")
            .inRussian("не удалось записать вывод: \(reason)",
                       remedy: "проверьте диск или файл, куда перенаправлен вывод; вывод неполный")
    }

    /// Whether stdout is a terminal, where a person reads.
    static let isTerminal = isatty(STDOUT_FILENO) == 1
}
