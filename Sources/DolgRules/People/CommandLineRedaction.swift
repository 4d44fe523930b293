/// The command line as the audit log keeps it: personal data masked.
public enum CommandLineRedaction {
    /// Options whose values are personal data and never stored in the clear.
    public static let personalOptions: Set<String> = ["--passport", "--phone"]

    /// The arguments joined with spaces, quoted where needed, with personal values masked.
    public static func redact(_ arguments: [String]) -> String {
        var result: [String] = []
        var maskNext = false
        for argument in arguments {
            if maskNext {
                result.append(mask(argument, option: result.last ?? ""))
                maskNext = false
                continue
            }
            if let equals = argument.firstIndex(of: "="),
               personalOptions.contains(String(argument[..<equals])) {
                let option = String(argument[..<equals])
                result.append(option + "=" + mask(String(argument[argument.index(after: equals)...]), option: option))
                continue
            }
            maskNext = personalOptions.contains(argument)
            result.append(quote(argument))
        }
        return result.joined(separator: " ")
    }

    /// Phones keep their country code and last four digits so a log reader can tell
    /// clients apart; passports keep only their last two characters.
    static func mask(_ value: String, option: String) -> String {
        if option == "--phone" { return PhoneNumber.masked(value.filter { $0.isNumber || $0 == "+" }) }
        let compact = value.filter { !$0.isWhitespace }
        return String(repeating: "*", count: max(0, compact.count - 2)) + compact.suffix(2)
    }

    static func quote(_ argument: String) -> String {
        let plain = !argument.isEmpty && argument.allSatisfy {
            $0.isLetter || $0.isNumber || "-_./:=,+@%".contains($0)
        }
        return plain ? argument : "'" + argument.replacing("'", with: "'\\''") + "'"
    }
}
