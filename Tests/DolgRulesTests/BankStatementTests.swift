import DolgRules
import Foundation
import Testing

@Suite("1C client-bank statements")
struct BankStatementTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures/bank")

    func read(_ name: String) throws -> BankStatement {
        let bytes = [UInt8](try Data(contentsOf: Self.fixtures.appendingPathComponent(name)))
        return try BankStatement.parse(BankStatement.decode(bytes))
    }

    @Test("Windows-1251 with CRLF and UTF-8 with a BOM read the same")
    func encodings() throws {
        let windows = try read("kl_to_1c_windows.txt")
        let utf8 = try read("kl_to_1c_utf8.txt")
        #expect(windows.documents == utf8.documents)
        #expect(windows.documents.count == 4)
        #expect(windows.ownAccounts == ["40702810900000012345"])
        #expect(windows.header["Кодировка"] == "Windows")
        #expect(windows.documents[1].payerName == "ИНН 1655123456 ООО «Мебель-Опт»")
    }

    @Test("incoming payments are taken, outgoing ones counted and left out")
    func direction() throws {
        let reading = StatementReading(try read("kl_to_1c_windows.txt"))
        #expect(reading.incoming.map(\.documentNumber) == ["101", "7", "33"])
        #expect(reading.outgoingCount == 1)
        #expect(reading.errors.isEmpty)
        let first = reading.incoming[0]
        #expect(first.amount == Money(major: 9_000))
        #expect(first.date == (try CivilDate.parse("2026-11-19")))
        #expect(first.purpose == "Оплата по договору №123 от 15.08.2026. Без НДС")
        #expect(first.naturalKey == "bank|044525225|101|2026-11-19|9000.00|40817810000000000001")
        #expect(reading.incoming[1].amount == Money(major: 125_000))  // written "125000" without decimals
    }

    @Test("a DOS (CP866) statement is decoded by its header")
    func dos() throws {
        let statement = try read("kl_to_1c_dos.txt")
        #expect(statement.header["Кодировка"] == "DOS")
        #expect(StatementReading(statement).incoming.first?.purpose == "Платёж N123, Иванов")
    }

    @Test("a missing field is reported with its line; a missing КонецДокумента is tolerated")
    func badDocuments() throws {
        let statement = try read("kl_to_1c_bad_documents.txt")
        let reading = StatementReading(statement)
        #expect(reading.incoming.map(\.documentNumber) == ["302"])
        #expect(reading.incoming.first?.payerINN == "165500000001")  // "ПлательщикИНН= 1655…": the space is dropped
        #expect(reading.errors.count == 2)
        #expect(reading.errors[0].hasPrefix("line 12: document 301: Сумма is missing"))  // 11 header lines, then the document
        #expect(reading.errors[1].contains("document 303: Сумма 'abc' is not a positive amount"))
        #expect(reading.skipped.contains { $0.contains("no КонецДокумента") })
    }

    @Test("a file cut short, or not a 1C file, is refused")
    func refused() throws {
        #expect(throws: BankStatement.ParseFailure.truncated) { try read("kl_to_1c_truncated.txt") }
        #expect(throws: BankStatement.ParseFailure.notAnExchangeFile) { try BankStatement.parse("date,amount\n") }
    }

    @Test("the payer's INN is found inside the name when its field is empty")
    func innInName() {
        let document = BankDocument(line: 1, kind: "Платежное поручение",
                                    fields: ["Плательщик": "ИНН 7719617469 ООО «Ромашка»", "ПлательщикИНН": ""])
        #expect(document.payerINN == "7719617469")
    }

    @Test("code pages decode Cyrillic both ways")
    func codePages() {
        // "Оплата" in Windows-1251 and in CP866, byte values from the code page charts.
        #expect(CyrillicCodePage.windows1251.decode([0xCE, 0xEF, 0xEB, 0xE0, 0xF2, 0xE0]) == "Оплата")
        #expect(CyrillicCodePage.cp866.decode([0x8E, 0xAF, 0xAB, 0xA0, 0xE2, 0xA0]) == "Оплата")
        #expect(TextEncodingDetector.detect([0xCE, 0xEF]) == .codePage(.windows1251))
        #expect(TextEncodingDetector.detect(Array("Оплата".utf8)) == .utf8)
    }
}

@Suite("Payment matching")
struct PaymentMatcherTests {
    func payment(_ purpose: String, amount: Int64 = 1_000, payer: String = "Плательщик", inn: String? = nil)
        -> IncomingPayment {
        IncomingPayment(source: "test", documentNumber: "1", date: CivilDate(year: 2026, month: 11, day: 19)!,
                        amount: Money(major: amount), payerName: payer, payerINN: inn, payerAccount: "4081",
                        payerBIC: "044525225", purpose: purpose)
    }

    @Test("contract numbers are read in the forms payers write them", arguments: [
        ("Оплата по договору №123 от 01.02.2026", ["123"]),
        ("дог. 123 от 01.02.2026", ["123"]),
        ("N123", ["123"]),
        ("платёж по дог.№INV-7, без НДС", ["INV-7"]),
        ("Договор № 2026/001. Иванов", ["2026/001"]),
        ("оплата по договору поставки", []),
        ("Перевод по номеру телефона", []),
    ])
    func candidates(text: String, expected: [String]) {
        #expect(PaymentText.contractNumberCandidates(in: text) == expected)
    }

    /// A ledger that numbers its contracts like invoices.
    let invoiceMatcher = PaymentMatcher(knownNumbers: ["СЧ-103", "СЧ-106", "2026/17", "Д-001"])

    @Test("contract numbers in the spellings payers use", arguments: [
        ("Оплата по сч-106 за мебель", "СЧ-106"),
        ("Оплата СЧ106, без НДС", "СЧ-106"),
        ("Оплата по сч. 106", "СЧ-106"),
        ("по дог. 106 от 01.11.2026", "СЧ-106"),
        ("Оплата по счету СЧ 106 от 02.11.2026", "СЧ-106"),
        ("Аванс по договору Д-001 от 15.08.2026, НДС не облагается", "Д-001"),
        ("Оплата по счёту № 2026/17", "2026/17"),
    ])
    func spellings(purpose: String, contract: String) {
        #expect(invoiceMatcher.match(payment(purpose)) == .matched(contractNumber: contract, rule: .contractNumber))
    }

    @Test("a purpose naming two contracts goes to a person, with or without №")
    func twoContractsWithoutMarker() {
        for purpose in ["по счетам СЧ-103 и 2026/17", "Оплата СЧ-103, СЧ-106 за ноябрь", "сч-103 и сч-106"] {
            guard case .unmatched(let reason) = invoiceMatcher.match(payment(purpose, amount: 150_000)) else {
                Issue.record("'\(purpose)' was matched to one contract"); continue
            }
            #expect(reason.contains("several contracts"), "\(purpose): \(reason)")
        }
    }

    @Test("dates, amounts and INNs are not taken for contract numbers")
    func noFalseNumbers() {
        let matcher = PaymentMatcher(knownNumbers: ["2026", "15000", "1655123456"])
        for purpose in ["Оплата от 15.11.2026 на сумму 15000.00", "ИНН 1655123456 оплата"] {
            #expect(matcher.contractsNamed(in: purpose).isEmpty, "\(purpose)")
        }
    }

    @Test("phone numbers are read from free text")
    func phones() {
        #expect(PaymentText.phoneNumbers(in: "за телефон 8 (917) 123-45-67 Иванов") == ["+79171234567"])
        #expect(PaymentText.phoneNumbers(in: "+7 917 123 45 67") == ["+79171234567"])
        #expect(PaymentText.phoneNumbers(in: "ИНН 7719617469") == [])
    }

    let matcher = PaymentMatcher(
        knownNumbers: ["123", "124"],
        clientsByINN: ["1655123456": [1]],
        clientsByPhone: ["+79171234567": [2]],
        openContractsByClient: [
            1: [.init(contractNumber: "B-1", unpaidAmounts: [Money(major: 500), Money(major: 1_000)])],
            2: [.init(contractNumber: "P-1", unpaidAmounts: [Money(major: 700)]),
                .init(contractNumber: "P-2", unpaidAmounts: [Money(major: 900)])],
        ],
        contractsByUnpaidAmount: [Money(major: 500): ["B-1"], Money(major: 700): ["P-1"],
                                  Money(major: 900): ["P-2", "X-9"]])

    @Test("each rule, in order")
    func rules() {
        #expect(matcher.match(payment("по договору №123")) == .matched(contractNumber: "123", rule: .contractNumber))
        #expect(matcher.match(payment("счёт 45", inn: "1655123456")) == .matched(contractNumber: "B-1", rule: .payer))
        #expect(matcher.match(payment("за телефон 89171234567", amount: 900))
                == .matched(contractNumber: "P-2", rule: .payerAndAmount))
        #expect(matcher.match(payment("перевод", amount: 700)) == .matched(contractNumber: "P-1", rule: .amount))
    }

    @Test("ambiguity is left to a person")
    func ambiguous() {
        guard case .unmatched(let twoNumbers) = matcher.match(payment("дог. 123 и дог. 124")) else {
            Issue.record("two contract numbers matched"); return
        }
        #expect(twoNumbers.contains("123, 124"))
        #expect(matcher.match(payment("за телефон 89171234567", amount: 1)) != .matched(contractNumber: "P-1", rule: .payerAndAmount))
        guard case .unmatched = matcher.match(payment("перевод", amount: 900)) else {
            Issue.record("two contracts with the amount matched"); return
        }
        guard case .unmatched = matcher.match(payment("договор №999")) else {
            Issue.record("an unknown number matched"); return
        }
    }
}
