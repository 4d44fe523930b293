/// What the argument parser prints for `--experimental-dump-help`: every command with its
/// arguments, as JSON. Only the fields the man pages use are read.
struct ToolDescription: Decodable {
    let command: CommandDescription
}

struct CommandDescription: Decodable {
    let superCommands: [String]?
    let shouldDisplay: Bool?
    let commandName: String
    let abstract: String?
    let discussion: String?
    let subcommands: [CommandDescription]?
    let arguments: [ArgumentDescription]?

    var isShown: Bool { shouldDisplay ?? true }
}

struct ArgumentDescription: Decodable {
    enum Kind: String, Decodable {
        case positional, option, flag
    }

    struct Name: Decodable {
        /// `long`, `short` or `longWithSingleDash`.
        let kind: String
        let name: String

        var spelled: String { (kind == "short" || kind == "longWithSingleDash" ? "-" : "--") + name }
    }

    let kind: Kind
    let shouldDisplay: Bool?
    let isOptional: Bool?
    let isRepeating: Bool?
    let names: [Name]?
    let preferredName: Name?
    let valueName: String?
    let defaultValue: String?
    let allValues: [String]?
    let abstract: String?

    var isShown: Bool { shouldDisplay ?? true }
}
