/// Which columns of a bank's CSV export hold what, e.g.
/// `date=Дата,amount=Сумма,number=Номер,payer=Плательщик,inn=ИНН,account=Счёт,purpose=Назначение`.
///
/// Every row of such an export is taken as an incoming payment; rows with a zero or negative
/// amount (money that left the account) are left out.
public struct BankCSVMapping: Sendable, Equatable {
    public static let fields = ["date", "amount", "number", "purpose", "payer", "inn", "account", "bic"]
    public static let requiredFields = ["date", "amount", "number", "purpose"]

    /// Our field → the export's column name, lowercased.
    public let columns: [String: String]

    public static func parse(_ text: String) throws(DolgError) -> BankCSVMapping {
        var columns: [String: String] = [:]
        for pair in text.split(separator: ",") {
            let parts = pair.split(separator: "=", maxSplits: 1).map { String($0).trimmingWhitespace().description }
            guard parts.count == 2, fields.contains(parts[0]), !parts[1].isEmpty else {
                throw DolgError(.invalidValue, "--map '\(pair)' is not FIELD=COLUMN with a field of \(fields.joined(separator: ", "))",
                                remedy: "e.g. --map 'date=Дата,amount=Сумма,number=Номер,purpose=Назначение платежа'")
                    .inRussian("--map '\(pair)': нужно FIELD=COLUMN, где FIELD — одно из: \(fields.joined(separator: ", "))",
                               remedy: "например: --map 'date=Дата,amount=Сумма,number=Номер,purpose=Назначение платежа'")
            }
            columns[parts[0]] = parts[1].lowercased()
        }
        let missing = requiredFields.filter { columns[$0] == nil }
        guard missing.isEmpty else {
            throw DolgError(.invalidValue, "--map has no column for \(missing.joined(separator: ", "))",
                            remedy: "map at least date, amount, number and purpose")
                .inRussian("в --map нет колонки для \(missing.joined(separator: ", "))",
                           remedy: "укажите колонки хотя бы для date, amount, number и purpose")
        }
        return BankCSVMapping(columns: columns)
    }

    /// The payment of one row; nil (and no error) for money that left the account.
    public func payment(_ reader: inout RowReader) -> IncomingPayment? {
        func column(_ field: String) -> String { columns[field] ?? field }
        let date = reader.date(column("date"))
        let amount = reader.money(column("amount"))
        let number = reader.text(column("number"))
        guard reader.errors.isEmpty, let date, let amount, amount.isPositive else { return nil }
        return IncomingPayment(
            source: "line \(reader.line)", documentNumber: number, date: date, amount: amount,
            payerName: columns["payer"].flatMap { reader.optionalText($0) } ?? "",
            payerINN: columns["inn"].flatMap { reader.optionalText($0) },
            payerAccount: columns["account"].flatMap { reader.optionalText($0) } ?? "",
            payerBIC: columns["bic"].flatMap { reader.optionalText($0) } ?? "",
            purpose: reader.optionalText(column("purpose")) ?? "")
    }
}
