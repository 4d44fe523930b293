import ArgumentParser
import DolgRules
import Foundation

/// `-o FILE` and `--no-pager`: where a command's standard output goes.
struct OutputDestinationOptions: ParsableArguments {
    @Option(name: [.customShort("o"), .customLong("output")], help: ArgumentHelp(helpText(
        "Write to this file instead of standard output (readable by its owner only; written whole or not at all).",
        "Записать в этот файл, а не на стандартный вывод (доступен только владельцу; записывается целиком или никак)."),
        valueName: helpText("file", "файл")), completion: .file())
    var path: String?

    @Flag(name: .customLong("no-pager"), help: ArgumentHelp(helpText(
        "Never page long output on a terminal (else through $DOLG_PAGER, $PAGER or less -FRX).",
        "Не листать длинный вывод на терминале (иначе через $DOLG_PAGER, $PAGER или less -FRX).")))
    var noPager = false

    /// The file, unless `-o -` (standard output, as for any Unix tool).
    var file: String? { path == "-" ? nil : path }
}

/// Sets standard output up once, after the command line is parsed and before the command runs:
/// to the file of `-o` (a 0600 sibling renamed over it when the command has done its work, so a
/// failed run leaves the old file as it was), or, for a table on a terminal, through a pager.
/// Everything the command writes goes to descriptor 1 as before; nothing else needs to know.
enum OutputDestination {
    nonisolated(unsafe) private static var pending: (temporary: String, path: String)?
    nonisolated(unsafe) private static var pager: pid_t?

    static func prepare(_ command: ParsableCommand) throws(DolgError) {
        let destination = OptionGroups.first(OutputDestinationOptions.self, in: command)
        let output = OptionGroups.first(OutputOptions.self, in: command)
        if let output { TerminalColour.choice = output.colour }
        if let path = destination?.file {
            let temporary = try OutputFile.begin(path)
            let descriptor = open(temporary, O_WRONLY | O_TRUNC | O_CLOEXEC)
            guard descriptor >= 0 else {
                let error = errno
                unlink(temporary)
                throw OutputFile.failure(path, error)
            }
            dup2(descriptor, STDOUT_FILENO)
            close(descriptor)
            pending = (temporary, path)
        }
        // What a terminal is like is read before a pager stands between it and the command.
        TerminalWidth.captureTerminal()
        guard let output, destination?.noPager != true, output.isTable, StandardOutput.isTerminal else { return }
        startPager()
    }

    /// The command did its work: the file takes its place, the pager shows the rest.
    static func finish() throws(DolgError) {
        if let (temporary, path) = pending {
            pending = nil
            guard fsync(STDOUT_FILENO) == 0 else {
                let error = errno
                unlink(temporary)
                throw OutputFile.failure(path, error)
            }
            try OutputFile.complete(temporary, as: path)
        }
        waitForPager()
    }

    /// The command failed: a half-written file is removed, the pager closed.
    static func abandon() {
        if let (temporary, _) = pending { unlink(temporary) }
        pending = nil
        waitForPager()
    }

    /// The pager: $DOLG_PAGER, else $PAGER, else `less`; an empty one or `cat` means none. `less`
    /// gets `FRX` unless LESS says otherwise: it quits when the output fits one screen, shows
    /// colour, and leaves the text on the screen.
    private static func startPager() {
        let environment = ProcessInfo.processInfo.environment
        let command = environment["DOLG_PAGER"] ?? environment["PAGER"] ?? "less"
        guard !command.trimmingCharacters(in: .whitespaces).isEmpty, command != "cat" else { return }
        var pipeEnds: [Int32] = [0, 0]
        guard pipe(&pipeEnds) == 0 else { return }
        var actions: posix_spawn_file_actions_t = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, pipeEnds[0], STDIN_FILENO)
        posix_spawn_file_actions_addclose(&actions, pipeEnds[1])
        var variables = environment
        if variables["LESS"] == nil { variables["LESS"] = "FRX" }
        if variables["LV"] == nil { variables["LV"] = "-c" }
        let arguments = ["/bin/sh", "-c", command]
        let argv = arguments.map { strdup($0) } + [nil]
        let envp = variables.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var child: pid_t = 0
        let spawned = posix_spawn(&child, "/bin/sh", &actions, nil, argv, envp)
        close(pipeEnds[0])
        guard spawned == 0 else {
            close(pipeEnds[1])
            return
        }
        dup2(pipeEnds[1], STDOUT_FILENO)
        close(pipeEnds[1])
        pager = child
    }

    /// Closes the pager's input and waits until the reader quits it.
    private static func waitForPager() {
        guard let child = pager else { return }
        pager = nil
        close(STDOUT_FILENO)
        var status: Int32 = 0
        while waitpid(child, &status, 0) == -1 && errno == EINTR {}
    }
}

/// The option groups a parsed command holds, found by their type (a command declares them as
/// `@OptionGroup var output: OutputOptions`, perhaps one inside another).
enum OptionGroups {
    static func first<Group: ParsableArguments>(_ type: Group.Type, in value: Any, depth: Int = 0) -> Group? {
        for child in Mirror(reflecting: value).children {
            if let group = child.value as? OptionGroup<Group> { return group.wrappedValue }
            if depth < 2, let nested = child.value as? any ParsableArgumentsGroup,
               let found = first(type, in: nested.groupValue, depth: depth + 1) {
                return found
            }
        }
        return nil
    }
}

/// An `OptionGroup` of any type, to look inside it.
protocol ParsableArgumentsGroup {
    var groupValue: Any { get }
}

extension OptionGroup: ParsableArgumentsGroup {
    var groupValue: Any { wrappedValue }
}
