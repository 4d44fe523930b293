import DolgRules
import DolgStorage
import Foundation

/// A file argument as the readers need it: a regular file is read where it is; `-` (standard
/// input) and a pipe (`<(…)`, a FIFO) are copied once into a private temporary file (0600),
/// removed when the command ends, since imports read their file more than once (its encoding,
/// then its rows) and report row numbers in it.
struct InputSource {
    /// The path the readers open.
    let path: String
    /// How messages name it: the argument, or "stdin".
    let name: String
    private let temporary: Bool

    /// How long a named pipe may keep its first bytes before it counts as written by nobody.
    static let writerWaitMilliseconds: Int32 = 2_000

    /// At most this much is taken from a stream: a `< /dev/zero` ends with an error, not a full disk.
    static let streamLimit = 2 << 30

    init(_ argument: String) throws(DolgError) {
        var status = stat()
        let isStream: Bool
        if argument == "-" {
            guard isatty(STDIN_FILENO) == 0 else {
                throw DolgError(.invalidImport, "'-' reads standard input, and it is a terminal",
                                remedy: "give a file's path, or pipe the data in: dolg import payments - < payments.csv")
                    .inRussian("'-' читает стандартный ввод, а это терминал",
                               remedy: "укажите путь к файлу или подайте данные через канал: dolg import payments - < payments.csv")
            }
            isStream = true
        } else {
            isStream = stat(argument, &status) == 0 && status.st_mode & S_IFMT == S_IFIFO
        }
        guard isStream else {
            (path, name, temporary) = (argument, argument, false)
            return
        }
        // A named pipe is opened without waiting for a writer, then given a moment for its first
        // bytes: a pipe nobody writes into is refused rather than waited on for ever.
        let descriptor = argument == "-" ? STDIN_FILENO : open(argument, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        if descriptor >= 0, descriptor != STDIN_FILENO {
            var ready = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            guard poll(&ready, 1, Self.writerWaitMilliseconds) > 0 else {
                close(descriptor)
                throw DolgError(.invalidImport, "'\(argument)' is a pipe nobody writes into (not a regular file)",
                                remedy: "write the data into it, or save it to a file and give its path")
                    .inRussian("'\(argument)' — канал, в который никто не пишет (не обычный файл)",
                               remedy: "подайте в него данные или сохраните их в файл и укажите путь")
            }
            _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) & ~O_NONBLOCK)
        }
        guard descriptor >= 0 else {
            throw DolgError(.inputFileMissing, "cannot read '\(argument)'", remedy: "check the path and its permissions")
                .inRussian("не удалось прочитать '\(argument)'", remedy: "проверьте путь и права доступа")
        }
        defer { if descriptor != STDIN_FILENO { close(descriptor) } }
        name = argument == "-" ? "stdin" : argument
        path = try Self.copy(descriptor, name: name)
        temporary = true
    }

    /// Removes the copy of a stream.
    func remove() {
        if temporary { unlink(path) }
    }

    private static func copy(_ source: Int32, name: String) throws(DolgError) -> String {
        let directory = ProcessInfo.processInfo.environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        let copy = try TemporarySibling.create(beside: (directory as NSString).appendingPathComponent("dolg-input"))
        let target = open(copy, O_WRONLY | O_TRUNC | O_CLOEXEC)
        guard target >= 0 else {
            unlink(copy)
            throw DolgError(.inputFileMissing, "cannot copy \(name) to \(directory)", remedy: "check TMPDIR and the free space")
                .inRussian("не удалось скопировать \(name) в \(directory)", remedy: "проверьте TMPDIR и свободное место")
        }
        defer { close(target) }
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        var total = 0
        while true {
            let count = buffer.withUnsafeMutableBytes { read(source, $0.baseAddress, $0.count) }
            if count == 0 { break }
            if count < 0 {
                if errno == EINTR { continue }
                unlink(copy)
                throw DolgError(.inputFileMissing, "cannot read \(name): \(String(cString: strerror(errno)))",
                                remedy: "check what feeds it; nothing was imported")
                    .inRussian("не удалось прочитать \(name): \(String(cString: strerror(errno)))",
                               remedy: "проверьте источник данных; ничего не загружено")
            }
            total += count
            guard total <= streamLimit,
                  buffer.withUnsafeBytes({ writeAll(target, UnsafeRawBufferPointer(rebasing: $0[0..<count])) }) == nil else {
                unlink(copy)
                throw DolgError(.invalidImport, "\(name) is larger than 2 GiB, or could not be copied",
                                remedy: "split the data into smaller files")
                    .inRussian("\(name) больше 2 ГиБ или не копируется", remedy: "разделите данные на файлы поменьше")
            }
        }
        return copy
    }
}
