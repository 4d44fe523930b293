/// `dolg --today 2026-03-01 overdue` as well as `dolg overdue --today 2026-03-01`: the options
/// every command takes may also stand before the subcommand, as in git or kubectl. The argument
/// parser reads a subcommand's options only after its name, so those given first are moved after
/// the subcommand's own arguments (before a `--`, which ends the options).
enum LeadingGlobalOptions {
    /// The options of `GlobalOptions` that take a value.
    static let names: Set<String> = ["--db", "--today", "--lang", "--now", "--as"]

    static func reordered(_ arguments: [String]) -> [String] {
        var leading: [String] = []
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            let name = argument.split(separator: "=", maxSplits: 1).first.map(String.init) ?? argument
            guard names.contains(name) else { break }
            if argument.contains("=") {
                leading.append(argument)
                index += 1
            } else {
                guard index + 1 < arguments.count else { break }
                leading += [argument, arguments[index + 1]]
                index += 2
            }
        }
        var rest = Array(arguments[index...])
        // Nothing after the options (`dolg --db x`): leave it to the parser to say what is missing.
        guard !leading.isEmpty, !rest.isEmpty else { return arguments }
        let end = rest.firstIndex(of: "--") ?? rest.endIndex
        rest.insert(contentsOf: leading, at: end)
        return rest
    }
}
