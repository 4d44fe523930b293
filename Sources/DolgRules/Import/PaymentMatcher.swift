/// Decides which contract a bank payment pays, by rules tried in order:
///
/// 1. a known contract number written in the purpose (`по договору №123`, `дог. 123 от 01.02.2026`, `N123`,
///    `сч-106`, `СЧ106` for the contract `СЧ-106`), even without a marker when it has letters or a
///    `-` or `/` beside its digits (`по счетам СЧ-103 и 2026/17` names two contracts);
/// 2. the payer's INN, or a phone number in the purpose or the payer's name, known for a client:
///    that client's only open contract, or among its open contracts the one with an unpaid
///    installment of exactly the amount;
/// 3. with no payer known, the one open contract in the ledger with an unpaid installment of
///    exactly the amount.
///
/// Anything else (two contract numbers, two candidates, nothing at all) is left unmatched, with
/// the reason, for a person to decide: guessing would put money on the wrong debt.
public struct PaymentMatcher: Sendable {
    /// An open contract as the matcher sees it.
    public struct Candidate: Hashable, Sendable {
        public let contractNumber: String
        /// What remains on each unpaid installment.
        public let unpaidAmounts: Set<Money>

        public init(contractNumber: String, unpaidAmounts: Set<Money>) {
            self.contractNumber = contractNumber
            self.unpaidAmounts = unpaidAmounts
        }
    }

    public enum Rule: String, Sendable, CaseIterable {
        case contractNumber = "contract_number"
        case payer
        case payerAndAmount = "payer_and_amount"
        case amount
    }

    public enum Outcome: Equatable, Sendable {
        case matched(contractNumber: String, rule: Rule)
        case unmatched(reason: String)
    }

    /// Every contract number in the ledger that the statement mentions (assign the whole set:
    /// each assignment re-indexes it).
    public var knownNumbers: Set<String> { didSet { numberIndex = NumberIndex(knownNumbers) } }
    private var numberIndex: NumberIndex

    /// The known numbers by spelling key, and by their digits when they are letters then digits.
    private struct NumberIndex: Sendable {
        var byKey: [String: Set<String>] = [:]
        var byDigits: [String: Set<String>] = [:]

        init(_ numbers: Set<String>) {
            for number in numbers {
                let key = PaymentText.spellingKey(number)
                byKey[key, default: []].insert(number)
                if let digits = PaymentText.digitsAfterLetters(key) { byDigits[digits, default: []].insert(number) }
            }
        }
    }
    /// Client ids by INN and by phone (`+7…`).
    public var clientsByINN: [String: Set<Int64>]
    public var clientsByPhone: [String: Set<Int64>]
    /// Open contracts by client.
    public var openContractsByClient: [Int64: [Candidate]]
    /// For the last rule: open contracts by the exact remaining amount of an unpaid installment.
    public var contractsByUnpaidAmount: [Money: Set<String>]

    public init(knownNumbers: Set<String> = [], clientsByINN: [String: Set<Int64>] = [:],
                clientsByPhone: [String: Set<Int64>] = [:], openContractsByClient: [Int64: [Candidate]] = [:],
                contractsByUnpaidAmount: [Money: Set<String>] = [:]) {
        self.knownNumbers = knownNumbers
        self.numberIndex = NumberIndex(knownNumbers)
        self.clientsByINN = clientsByINN
        self.clientsByPhone = clientsByPhone
        self.openContractsByClient = openContractsByClient
        self.contractsByUnpaidAmount = contractsByUnpaidAmount
    }

    /// The ledger's contracts a purpose names, in any of the spellings `PaymentText` reads.
    public func contractsNamed(in purpose: String) -> Set<String> {
        var named = Set<String>()
        for mention in PaymentText.contractMentions(in: purpose) {
            if knownNumbers.contains(mention.token) {
                named.insert(mention.token)
            } else if let numbers = numberIndex.byKey[PaymentText.spellingKey(mention.token)] {
                named.formUnion(numbers)
            } else if mention.afterMarker, let numbers = numberIndex.byDigits[mention.token], numbers.count == 1 {
                named.formUnion(numbers)
            }
        }
        return named
    }

    public func match(_ payment: IncomingPayment) -> Outcome {
        let numbers = contractsNamed(in: payment.purpose)
        if numbers.count == 1 { return .matched(contractNumber: numbers.first!, rule: .contractNumber) }
        if numbers.count > 1 {
            return .unmatched(reason: "the purpose names several contracts: \(numbers.sorted().joined(separator: ", "))")
        }
        var clients = Set<Int64>()
        if let inn = payment.payerINN { clients.formUnion(clientsByINN[inn] ?? []) }
        for phone in PaymentText.phoneNumbers(in: payment.purpose + " " + payment.payerName) {
            clients.formUnion(clientsByPhone[phone] ?? [])
        }
        if !clients.isEmpty {
            let open = clients.flatMap { openContractsByClient[$0] ?? [] }
            if open.count == 1 { return .matched(contractNumber: open[0].contractNumber, rule: .payer) }
            let exact = open.filter { $0.unpaidAmounts.contains(payment.amount) }
            if exact.count == 1 { return .matched(contractNumber: exact[0].contractNumber, rule: .payerAndAmount) }
            return .unmatched(reason: open.isEmpty
                ? "the payer is a known client with no open contract"
                : "the payer has \(open.count) open contracts and \(exact.count) with an installment of exactly \(payment.amount)")
        }
        let byAmount = contractsByUnpaidAmount[payment.amount] ?? []
        if byAmount.count == 1 { return .matched(contractNumber: byAmount.first!, rule: .amount) }
        return .unmatched(reason: byAmount.isEmpty
            ? "no contract number, unknown payer, and no open installment of exactly \(payment.amount)"
            : "no contract number, unknown payer, and \(byAmount.count) contracts with an installment of \(payment.amount)")
    }
}

/// What can be read out of a payment's free text.
public enum PaymentText {
    /// Words that may stand before a contract number, lowercased. `сч` is the invoice prefix
    /// written apart (`сч 106`, `СЧ-106`); a whole word such as `счёт 45` is not: invoice numbers
    /// are not contract numbers, and taking them for one would put money on the wrong debt.
    static let markers = ["договору", "договора", "договор", "дог.", "дог", "сч.", "сч", "№", "n", "no"]

    /// A contract number as it may be written in a purpose: the token, and whether a marker
    /// (`договор`, `№`, `сч.`…) stood before it.
    public struct Mention: Hashable, Sendable {
        public let token: String
        public let afterMarker: Bool
    }

    /// Every token that may be a contract number: those after a marker, and, anywhere, those
    /// with digits and a letter, `-` or `/` (`СЧ-103`, `2026/17`); bare digits elsewhere are
    /// dates, amounts and INNs, never taken for a number.
    public static func contractMentions(in text: String) -> [Mention] {
        var mentions = contractNumberCandidates(in: text).map { Mention(token: $0, afterMarker: true) }
        var token = ""
        func flush() {
            while let last = token.last, "/-".contains(last) { token.removeLast() }
            while let first = token.first, "/-".contains(first) { token.removeFirst() }
            if token.contains(where: \.isNumber), token.contains(where: { $0.isLetter || $0 == "-" || $0 == "/" }) {
                let mention = Mention(token: token, afterMarker: false)
                if !mentions.contains(where: { $0.token == token }) { mentions.append(mention) }
            }
            token = ""
        }
        for character in text {
            if isTokenCharacter(character) || character == "-" || character == "/" {
                token.append(character)
            } else {
                flush()
            }
        }
        flush()
        return mentions
    }

    /// What the spellings of one number share: upper case, without `-`, `.`, spaces.
    public static func spellingKey(_ number: String) -> String {
        String(number.uppercased().filter { !"-. _".contains($0) })
    }

    /// `106` for `СЧ106`: the digits of a key that is letters then digits, for a number written
    /// without its letters after a marker (`дог. 106`).
    static func digitsAfterLetters(_ key: String) -> String? {
        let letters = key.prefix { $0.isLetter }
        let digits = key.dropFirst(letters.count)
        guard !letters.isEmpty, !digits.isEmpty, digits.allSatisfy(\.isNumber) else { return nil }
        return String(digits)
    }

    /// Tokens that follow a contract marker: `по договору №123` → `123`, `дог. 12/3 от …` → `12/3`,
    /// `N123` → `123`, `Оплата по дог.№INV-7` → `INV-7`.
    public static func contractNumberCandidates(in text: String) -> [String] {
        var candidates: [String] = []
        let characters = Array(text)
        let lowered = Array(text.lowercased())
        guard lowered.count == characters.count else { return [] }
        var index = 0
        while index < characters.count {
            var matchedMarker: Int?
            let atWordStart = index == 0 || !isTokenCharacter(characters[index - 1])
            for marker in markers where atWordStart || marker == "№" {
                let markerCharacters = Array(marker)
                if index + markerCharacters.count <= lowered.count,
                   Array(lowered[index..<(index + markerCharacters.count)]) == markerCharacters {
                    matchedMarker = markerCharacters.count
                    break
                }
            }
            guard let length = matchedMarker else {
                index += 1
                continue
            }
            var cursor = index + length
            // Skip what may sit between the marker and the number: spaces, dots, another № or N.
            while cursor < characters.count, characters[cursor] == " " || characters[cursor] == "." || characters[cursor] == "№"
                    || characters[cursor] == ":" || characters[cursor] == "-" {
                cursor += 1
            }
            if cursor < characters.count, (characters[cursor] == "N" || characters[cursor] == "n"),
               cursor + 1 < characters.count, characters[cursor + 1].isNumber || characters[cursor + 1] == " " {
                cursor += 1
                while cursor < characters.count, characters[cursor] == " " { cursor += 1 }
            }
            var token = ""
            while cursor < characters.count, isTokenCharacter(characters[cursor]) || "/-".contains(characters[cursor]) {
                token.append(characters[cursor])
                cursor += 1
            }
            while let last = token.last, "/-".contains(last) { token.removeLast() }
            // A number has a digit; this keeps words like "договор поставки" from counting.
            if token.contains(where: \.isNumber) {
                candidates.append(token)
                index = max(cursor, index + 1)
            } else {
                // Not a number (`по счету СЧ 106`): what followed the marker may be a marker itself.
                index += length
            }
        }
        return candidates
    }

    /// Russian phone numbers written anywhere in the text, as `+7XXXXXXXXXX`.
    public static func phoneNumbers(in text: String) -> [String] {
        var found: [String] = []
        var digits = ""
        var startsWithPlus = false
        func flush() {
            if digits.count == 11, digits.hasPrefix("7") || digits.hasPrefix("8") {
                found.append("+7" + digits.dropFirst())
            } else if digits.count == 10, digits.hasPrefix("9"), !startsWithPlus {
                found.append("+7" + digits)
            }
            digits = ""
            startsWithPlus = false
        }
        for character in text {
            if character.isASCII, character.isNumber {
                digits.append(character)
            } else if character == "+" && digits.isEmpty {
                startsWithPlus = true
            } else if !digits.isEmpty && (character == " " || character == "-" || character == "(" || character == ")") {
                continue
            } else if character == "(" && digits.isEmpty {
                continue
            } else {
                flush()
            }
            if digits.count > 11 { digits = "" }
        }
        flush()
        return found
    }

    static func isTokenCharacter(_ character: Character) -> Bool {
        character.isLetter || character.isNumber
    }
}
