/// The column headers and values Russian users write in the spreadsheets they import: «Номер
/// договора», «ФИО», «Телефон», «Сумма»…, «наличные», «месяц». A header is matched lowercased
/// and trimmed, `ё` as `е`; each import kind has its own (a «Договор» is the number of a
/// contract being added, and the contract a payment pays).
public enum RussianColumns {
    public static let contracts: [String: String] = aliases([
        "number": ["номер договора", "№ договора", "номер", "договор", "№"],
        "client": ["фио", "клиент", "покупатель", "фио клиента", "заемщик"],
        "phone": ["телефон", "тел", "тел.", "мобильный", "номер телефона"],
        "email": ["почта", "эл. почта", "электронная почта", "e-mail"],
        "manager": ["менеджер", "ответственный"],
        "segment": ["сегмент"],
        "start_date": ["дата договора", "дата начала", "дата заключения", "дата"],
        "amount": ["сумма", "сумма договора", "стоимость"],
        "down_payment": ["первый взнос", "первоначальный взнос", "аванс"],
        "installments": ["платежей", "количество платежей", "число платежей", "срок"],
        "period": ["период", "периодичность"],
        "first_due": ["первый платеж", "дата первого платежа"],
        "rate": ["ставка", "ставка, %", "процент"],
        "inn": ["инн"],
        "penalty": ["пени", "неустойка"],
    ])

    public static let payments: [String: String] = aliases([
        "contract": ["договор", "номер договора", "№ договора"],
        "date": ["дата", "дата платежа", "дата оплаты"],
        "amount": ["сумма", "сумма платежа"],
        "reference": ["номер документа", "документ", "основание", "№ документа"],
        "method": ["способ", "способ оплаты", "вид оплаты"],
    ])

    public static let clients: [String: String] = aliases([
        "name": ["фио", "клиент", "имя", "наименование"],
        "phone": ["телефон", "тел", "тел.", "мобильный"],
        "email": ["почта", "эл. почта", "электронная почта", "e-mail"],
        "inn": ["инн"],
        "kind": ["тип", "вид"],
        "manager": ["менеджер", "ответственный"],
        "passport": ["паспорт"],
        "address": ["адрес"],
        "time_offset": ["часовой пояс", "смещение"],
    ])

    /// `наличные` → `cash` and the other words for values; anything else as it was.
    public static func value(_ text: String, of column: String) -> String {
        values[column]?[key(text)] ?? text
    }

    static let values: [String: [String: String]] = [
        "method": ["наличные": "cash", "нал": "cash", "наличными": "cash", "карта": "card", "картой": "card",
                   "банк": "bank", "безнал": "bank", "безналичные": "bank", "перевод": "bank"],
        "period": ["месяц": "month", "ежемесячно": "month", "неделя": "week", "еженедельно": "week",
                   "2 недели": "2weeks", "две недели": "2weeks", "график": "custom"],
        "kind": ["физлицо": "person", "физическое лицо": "person", "организация": "business", "юрлицо": "business",
                 "юридическое лицо": "business", "ип": "business"],
    ]

    public static func key(_ header: String) -> String {
        header.trimmingWhitespace().lowercased().replacing("ё", with: "е")
    }

    private static func aliases(_ table: [String: [String]]) -> [String: String] {
        var result: [String: String] = [:]
        for (column, names) in table {
            for name in names { result[key(name)] = column }
        }
        return result
    }
}
