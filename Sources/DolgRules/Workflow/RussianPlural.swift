/// Russian plural forms: 1 день, 2 дня, 5 дней, 11 дней, 21 день.
public enum RussianPlural {
    /// The form of a noun after `count`: `one` for 1, 21, 31…; `few` for 2–4, 22–24…; `many` otherwise
    /// (including 11–14).
    public static func form(_ count: Int, one: String, few: String, many: String) -> String {
        let lastTwo = abs(count) % 100
        let last = abs(count) % 10
        if (11...14).contains(lastTwo) { return many }
        if last == 1 { return one }
        if (2...4).contains(last) { return few }
        return many
    }

    /// `5 дней`.
    public static func days(_ count: Int) -> String {
        "\(count) " + form(count, one: "день", few: "дня", many: "дней")
    }
}
