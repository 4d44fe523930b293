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
struct GatewayCommand {
    let command: String

    struct Result {
        let sent: Bool
        /// The command's error output, or its exit status, when it failed.
        let detail: String?
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
        var environment = ProcessInfo.processInfo.environment
        environment["DOLG_MESSAGE_ID"] = String(messageID)
        let arguments = ["/bin/sh", "-c", command]
        let environmentLines = environment.map { "\($0.key)=\($0.value)" }
        var pid: pid_t = 0
        let status = Self.withCStrings(arguments) { argv in
            Self.withCStrings(environmentLines) { envp in
                posix_spawn(&pid, "/bin/sh", &actions, nil, argv, envp)
            }
        }
        guard status == 0 else {
            return Result(sent: false, detail: "cannot run the send command: \(String(cString: strerror(status)))")
        }
        var exit: Int32 = 0
        while waitpid(pid, &exit, 0) == -1 && errno == EINTR {}
        let stderr = Self.contents(of: errors).trimmingCharacters(in: .whitespacesAndNewlines)
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
        let bytes = Array(contents.utf8)
        var written = 0
        while written < bytes.count {
            let count = bytes[written...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else {
                close(descriptor)
                return nil
            }
            written += count
        }
        lseek(descriptor, 0, SEEK_SET)
        return descriptor
    }

    private static func contents(of descriptor: Int32) -> String {
        lseek(descriptor, 0, SEEK_SET)
        var data = [UInt8]()
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { break }
            data += buffer[0..<count]
            // The gateway's last words are kept, not a novel.
            if data.count > 64 * 1024 { break }
        }
        return String(decoding: data, as: UTF8.self)
    }

    private static func withCStrings<T>(_ strings: [String],
                                        _ body: (UnsafePointer<UnsafeMutablePointer<CChar>?>) -> T) -> T {
        var pointers: [UnsafeMutablePointer<CChar>?] = strings.map { strdup($0) }
        pointers.append(nil)
        defer { pointers.forEach { free($0) } }
        return body(&pointers)
    }
}
