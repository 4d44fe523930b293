import DolgRules
import Foundation

/// A file given to an import: the one place that tells a missing file (66) from one that is
/// there but cannot be what was asked for (65), so every importer says the same.
public enum InputFile {
    /// Refuses a path that does not exist or is not a regular file.
    public static func checkReadable(_ path: String) throws(DolgError) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw DolgError(.inputFileMissing, "cannot read '\(path)': no such file", remedy: "check the file's path")
        }
        guard !isDirectory.boolValue else {
            throw DolgError(.invalidImport, "'\(path)' is a directory, not a file", remedy: "give the file inside it")
        }
        guard FileManager.default.isReadableFile(atPath: path) else {
            throw DolgError(.inputFileMissing, "cannot read '\(path)'", remedy: "check the file's permissions")
        }
    }

    /// The whole file, for the small files read at once (bank statements, playbooks, schedules).
    public static func bytes(_ path: String) throws(DolgError) -> Data {
        try checkReadable(path)
        guard let data = FileManager.default.contents(atPath: path) else {
            throw DolgError(.inputFileMissing, "cannot read '\(path)'", remedy: "check the file's permissions")
        }
        return data
    }

    /// The file as UTF-8 text; anything else is refused with `code` (65).
    public static func text(_ path: String, refusedAs code: DolgError.Code,
                            remedy: String) throws(DolgError) -> String {
        guard let text = String(data: try bytes(path), encoding: .utf8) else {
            throw DolgError(code, "'\(path)' is not UTF-8 text", remedy: remedy)
        }
        return text
    }
}
