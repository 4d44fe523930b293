/// How personal data is masked in output, exports and logs unless a person asks to see it.
public enum Masking {
    /// All but the last two characters hidden: `4510 123456` → `*********56`.
    public static func passport(_ passport: String) -> String {
        let compact = passport.filter { !$0.isWhitespace }
        return String(repeating: "*", count: max(0, compact.count - 2)) + compact.suffix(2)
    }

    /// The first part of the address only (the town): `Казань, ул. Баумана, 1` → `Казань, …`.
    public static func address(_ address: String) -> String {
        address.split(separator: ",").first.map { "\(String($0).trimmingWhitespace()), …" } ?? "…"
    }
}
