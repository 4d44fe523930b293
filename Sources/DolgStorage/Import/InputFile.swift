import DolgRules
import Foundation

/// A file given to an import: the one place that tells a missing file (66) from one that is
/// there but cannot be what was asked for (65), so every importer says the same.
public enum InputFile {
    /// Refuses a path that does not exist or is not a regular file: a directory, a device that
    /// never ends (`/dev/zero`), a FIFO nobody writes.
    public static func checkReadable(_ path: String) throws(DolgError) {
        var status = stat()
        guard stat(path, &status) == 0 else {
            throw DolgError(.inputFileMissing, "cannot read '\(path)': no such file", remedy: "check the file's path")
                .inRussian("не удалось прочитать '\(path)': файла нет", remedy: "проверьте путь к файлу")
        }
        if status.st_mode & S_IFMT == S_IFDIR {
            throw DolgError(.invalidImport, "'\(path)' is a directory, not a file", remedy: "give the file inside it")
                .inRussian("'\(path)' — каталог, а не файл", remedy: "укажите файл в нём")
        }
        guard status.st_mode & S_IFMT == S_IFREG else {
            throw DolgError(.invalidImport, "'\(path)' is not a regular file (a device or a pipe)",
                            remedy: "save the data to a file and give its path")
                .inRussian("'\(path)' — не обычный файл (устройство или канал)",
                           remedy: "сохраните данные в файл и укажите его путь")
        }
        guard FileManager.default.isReadableFile(atPath: path) else {
            throw DolgError(.inputFileMissing, "cannot read '\(path)'", remedy: "check the file's permissions")
                .inRussian("не удалось прочитать '\(path)'", remedy: "проверьте права на файл")
        }
    }

    /// The whole file, for the small files read at once (bank statements, playbooks, schedules).
    public static func bytes(_ path: String) throws(DolgError) -> Data {
        try checkReadable(path)
        guard let data = FileManager.default.contents(atPath: path) else {
            throw DolgError(.inputFileMissing, "cannot read '\(path)'", remedy: "check the file's permissions")
                .inRussian("не удалось прочитать '\(path)'", remedy: "проверьте права на файл")
        }
        return data
    }

    /// The file as UTF-8 text; anything else is refused with `code` (65).
    public static func text(_ path: String, refusedAs code: DolgError.Code,
                            remedy: String, russianRemedy: String) throws(DolgError) -> String {
        guard let text = String(data: try bytes(path), encoding: .utf8) else {
            throw DolgError(code, "'\(path)' is not UTF-8 text", remedy: remedy)
                .inRussian("'\(path)' — не текст в UTF-8", remedy: russianRemedy)
        }
        return text
    }
}
