/// The command line as the audit log keeps it: personal data masked.
public enum CommandLineRedaction {
    /// Options whose values are personal data and never stored in the clear.
    public static let personalOptions: Set<String> = ["--passport", "--phone", "--address"]

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
    /// clients apart; passports their last two characters; addresses the town.
    static func mask(_ value: String, option: String) -> String {
        switch option {
        case "--phone": return PhoneNumber.masked(value.filter { $0.isNumber || $0 == "+" })
        case "--address": return Masking.address(value)
        default: return Masking.passport(value)
        }
    }

    static func quote(_ argument: String) -> String {
        let plain = !argument.isEmpty && argument.allSatisfy {
            $0.isLetter || $0.isNumber || "-_./:=,+@%".contains($0)
        }
        return plain ? argument : "'" + argument.replacing("'", with: "'\\''") + "'"
    }
}
