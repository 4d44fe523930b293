import DolgRules
import DolgStorage
import Foundation

/// A file of client data the command writes (the dashboard): only over a regular file or at a
/// new path, never through a link or into a device, readable by its owner only, and whole or not
/// at all (written beside the target, then renamed over it).
enum OutputFile {
    static func write(_ bytes: Data, to path: String) throws(DolgError) {
        let temporary = try begin(path)
        let descriptor = open(temporary, O_WRONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            let error = errno
            unlink(temporary)
            throw failure(path, error)
        }
        let error = bytes.withUnsafeBytes { writeAll(descriptor, $0) } ?? (fsync(descriptor) == 0 ? nil : errno)
        close(descriptor)
        if let error {
            unlink(temporary)
            throw failure(path, error)
        }
        try complete(temporary, as: path)
    }

    /// Checks that `path` may be written and creates the sibling the output goes to first.
    static func begin(_ path: String) throws(DolgError) -> String {
        var status = stat()
        if lstat(path, &status) == 0, status.st_mode & S_IFMT != S_IFREG {
            throw DolgError(.outputNotAFile, "\(path) is not a regular file: refusing to write into it",
                            remedy: "give the path of a new or a regular file")
                .inRussian("\(path) — не обычный файл: запись в него отклонена",
                           remedy: "укажите путь к новому или обычному файлу")
        }
        return try TemporarySibling.create(beside: path)
    }

    /// Puts the finished sibling in the place of `path`.
    static func complete(_ temporary: String, as path: String) throws(DolgError) {
        guard rename(temporary, path) == 0 else {
            let error = errno
            unlink(temporary)
            throw failure(path, error)
        }
    }

    static func failure(_ path: String, _ error: Int32) -> DolgError {
        let reason = String(cString: strerror(error))
        return DolgError(.outputFailure, "cannot write \(path): \(reason)",
                         remedy: "check the directory, its permissions and the free space; nothing was written")
            .inRussian("не удалось записать \(path): \(reason)",
                       remedy: "проверьте каталог, права и свободное место; ничего не записано")
    }
}
