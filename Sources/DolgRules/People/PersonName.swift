/// How names of people and companies are compared when files are imported: a name typed with
/// extra spaces, in other letter case or with other quotation marks (`ООО «Мебель»`, `ООО "Мебель"`)
/// is the same name; `ё` is `е`, as Russian lists often write it.
public enum PersonName {
    /// The name with spaces trimmed and runs of white space made one space.
    public static func tidy(_ name: String) -> String {
        name.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// What two spellings of one name share.
    public static func key(_ name: String) -> String {
        tidy(String(name.filter { !quotationMarks.contains($0) })).lowercased().replacing("ё", with: "е")
    }

    static let quotationMarks: Set<Character> = ["\"", "'", "«", "»", "“", "”", "„", "‘", "’"]

    public static func same(_ a: String, _ b: String) -> Bool { key(a) == key(b) }
}
