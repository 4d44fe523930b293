import DolgRules

/// The bank import's words for Russian readers. Why a receipt found no contract is stored in
/// English with the receipt (the matcher's words); it is told in Russian by its shape.
enum BankWords {
    static let rules: [PaymentMatcher.Rule: String] = [
        .contractNumber: "по номеру договора", .payer: "по плательщику", .payerAndAmount: "по плательщику и сумме",
        .amount: "по сумме",
    ]

    private static let reasonShapes: [(String, String)] = [
        (#"^the purpose names several contracts: (.+)$"#, "в назначении платежа несколько договоров: $1"),
        (#"^the payer is a known client with no open contract$"#, "плательщик — известный клиент без открытых договоров"),
        (#"^the payer has (\d+) open contracts and (\d+) with an installment of exactly (.+)$"#,
         "у плательщика открытых договоров: $1, из них с платежом ровно $3: $2"),
        (#"^no contract number, unknown payer, and no open installment of exactly (.+)$"#,
         "нет номера договора, плательщик неизвестен, открытых платежей ровно на $1 нет"),
        (#"^no contract number, unknown payer, and (\d+) contracts with an installment of (.+)$"#,
         "нет номера договора, плательщик неизвестен, договоров с платежом $2: $1"),
        (#"^contract (.+) started on (.+), after the payment$"#, "договор $1 начался $2, позже платежа"),
    ]

    static func reason(_ english: String) -> Cell {
        .words(english, russian: russianReason(english))
    }

    static func russianReason(_ english: String) -> String {
        for (pattern, template) in reasonShapes {
            if let range = english.range(of: pattern, options: .regularExpression) {
                return english.replacingCharacters(in: range, with: english[range].replacingOccurrences(
                    of: pattern, with: template, options: .regularExpression))
            }
        }
        return english
    }
}
