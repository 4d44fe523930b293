import DolgRules
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The operator's command that hands one message to their SMS, WhatsApp or email gateway:
/// `sh -c COMMAND`, the message as one JSON object on its standard input, `DOLG_MESSAGE_ID` in its
/// environment. Exit status 0 means sent.
///
/// The input is written to a file before the command starts, so a command never reads a half
/// message, whatever happens to this process; the command's error output goes to a file too,
/// read after it exits. The wait is a plain `waitpid`: the moment the gateway is done, the result
/// can be recorded (a polling wait left tens of milliseconds in which a kill meant a re-send).
///
/// The command runs in a process group of its own and inherits no descriptor of dolg's but its
/// three standard ones (not the run lock, not the ledger). One that runs past `timeout` is killed
/// with its whole group — a hung gateway never holds the nightly run — and its outcome is
/// unknown: it may have sent.
struct GatewayCommand {
    let command: String
    /// How long one hand-over may take.
    var timeout: Int = GatewayCommand.defaultTimeout

    static let defaultTimeout = 30
    /// `--send-timeout`: from a second to an hour.
    static let timeoutRange = 1...3_600
    /// The most of a failing gateway's error output kept in the ledger (its last words).
    static let keptDetailBytes = 2_048

    struct Result {
        let sent: Bool
        /// The command's error output (its end, phone numbers masked), or its exit status, when it failed.
        let detail: String?
        /// Killed at the timeout: it may or may not have sent.
        var timedOut = false
    }

    func deliver(json: String, messageID: Int64) -> Result {
        guard let input = Self.temporaryFile(contents: json), let errors = Self.temporaryFile(contents: "") else {
            return Result(sent: false, detail: "cannot write the message for the send command: \(String(cString: strerror(errno)))")
        }
        defer {
            close(input)
            close(errors)
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, input, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, errors, 2)
        Self.closeDescriptorsOnExec()
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP))
        posix_spawnattr_setpgroup(&attributes, 0)
        var environment = ProcessInfo.processInfo.environment
        environment["DOLG_MESSAGE_ID"] = String(messageID)
        let arguments = ["/bin/sh", "-c", command]
        let environmentLines = environment.map { "\($0.key)=\($0.value)" }
        var pid: pid_t = 0
        let status = Self.withCStrings(arguments) { argv in
            Self.withCStrings(environmentLines) { envp in
                posix_spawn(&pid, "/bin/sh", &actions, &attributes, argv, envp)
            }
        }
        guard status == 0 else {
            return Result(sent: false, detail: "cannot run the send command: \(String(cString: strerror(status)))")
        }
        let deadline = Deadline(group: pid)
        DispatchQueue.global().asyncAfter(deadline: .now() + .seconds(timeout)) { deadline.expire() }
        var exit: Int32 = 0
        while waitpid(pid, &exit, 0) == -1 && errno == EINTR {}
        let timedOut = deadline.finish()
        let stderr = PhoneNumber.maskingNumbers(in: Self.lastWords(of: errors))
        if timedOut {
            return Result(sent: false, detail: "no answer in \(timeout) s: the send command was stopped", timedOut: true)
        }
        // WIFEXITED and WEXITSTATUS by hand: the macros do not come through to Swift.
        let exited = exit & 0x7f == 0
        let code = (exit >> 8) & 0xff
        if exited && code == 0 { return Result(sent: true, detail: nil) }
        let why = exited ? "exit status \(code)" : "killed by signal \(exit & 0x7f)"
        return Result(sent: false, detail: stderr.isEmpty ? why : stderr)
    }

    /// An unlinked temporary file holding `contents`, positioned at its start.
    private static func temporaryFile(contents: String) -> Int32? {
        let directory = ProcessInfo.processInfo.environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        var template = Array("\(directory)/dolg-message-XXXXXX".utf8CString)
        let descriptor = mkstemp(&template)
        guard descriptor >= 0 else { return nil }
        // Not inherited by the command: it gets the file as its stdin or stderr, not this descriptor.
        _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC)
        unlink(String(cString: template))
        var text = contents
        guard text.withUTF8({ writeAll(descriptor, UnsafeRawBufferPointer($0)) }) == nil else {
            close(descriptor)
            return nil
        }
        lseek(descriptor, 0, SEEK_SET)
        return descriptor
    }

    /// The end of what the command wrote to its error output, at most `keptDetailBytes`, as one
    /// line of text without control characters: its last words, not a novel.
    private static func lastWords(of descriptor: Int32) -> String {
        let size = lseek(descriptor, 0, SEEK_END)
        lseek(descriptor, max(0, size - off_t(keptDetailBytes)), SEEK_SET)
        var data = [UInt8](repeating: 0, count: keptDetailBytes)
        var filled = 0
        while filled < data.count {
            let count = data[filled...].withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { break }
            filled += count
        }
        // Cut where it may: a character split at the start is dropped by the decoder's repair.
        let text = String(decoding: data[0..<filled], as: UTF8.self)
        let clean = String(String.UnicodeScalarView(text.unicodeScalars.map {
            IdentifierText.isControl($0) || IdentifierText.isInvisible($0) ? " " : $0
        }))
        return (size > off_t(keptDetailBytes) ? "…" : "") + clean.trimmingCharacters(in: .whitespaces)
    }

    /// Marks every descriptor above the standard three close-on-exec (the ledger's, the run lock's,
    /// whatever a library opened): a gateway's background child holding the run lock would hold
    /// every later run for its life.
    private static func closeDescriptorsOnExec() {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd") else { return }
        for descriptor in names.compactMap(Int32.init) where descriptor > 2 {
            let flags = fcntl(descriptor, F_GETFD)
            if flags >= 0 { _ = fcntl(descriptor, F_SETFD, flags | FD_CLOEXEC) }
        }
    }

    /// Kills the command's process group once, if it is still running when time is up.
    private final class Deadline: @unchecked Sendable {
        private let group: pid_t
        private let lock = NSLock()
        private var finished = false
        private var expired = false

        init(group: pid_t) { self.group = group }

        func expire() {
            lock.withLock {
                guard !finished else { return }
                expired = true
                kill(-group, SIGKILL)
            }
        }

        /// Called once the command has exited; whether it was killed at the deadline.
        func finish() -> Bool {
            lock.withLock {
                finished = true
                return expired
            }
        }
    }

    private static func withCStrings<T>(_ strings: [String],
                                        _ body: (UnsafePointer<UnsafeMutablePointer<CChar>?>) -> T) -> T {
        var pointers: [UnsafeMutablePointer<CChar>?] = strings.map { strdup($0) }
        pointers.append(nil)
        defer { pointers.forEach { free($0) } }
        return body(&pointers)
    }
}
