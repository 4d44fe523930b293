import ArgumentParser
import DolgRules
import DolgStorage

/// `dolg letter CONTRACT`: the pre-trial claim letter (досудебная претензия).
struct LetterCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "letter", abstract: helpText("Render the pre-trial claim letter for a contract, as Markdown or HTML.",
                                                  "Составить досудебную претензию по договору в Markdown или HTML."),
        discussion: helpText("The overdue installments, the amount due, the contractual penalty to date and the deadline.",
                             "Просроченные платежи, сумма к оплате, пени по договору на сегодня и срок оплаты."))

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case markdown, html
    }

    @OptionGroup var global: GlobalOptions
    @OptionGroup var destination: OutputDestinationOptions
    @Argument(help: ArgumentHelp(helpText("The contract number.", "Номер договора.")), completion: .custom(Completions.contracts)) var contract: String
    @Option(name: .customLong("format"), help: ArgumentHelp(helpText(
        "markdown or html (for printing from a browser); else html for an -o file ending in .html, else markdown.",
        "markdown или html (для печати из браузера); иначе html для файла -o с расширением .html, иначе markdown.")))
    var chosenFormat: Format?

    var format: Format {
        chosenFormat ?? (destination.file.map { $0.lowercased().hasSuffix(".html") } == true ? .html : .markdown)
    }
    @Option(name: .customLong("deadline-days"), help: ArgumentHelp(helpText("Days the client has to pay.",
                                                                            "Сколько дней у клиента на оплату.")))
    var deadlineDays = 10
    @Option(help: ArgumentHelp(helpText("The creditor's name, as signed.", "Наименование кредитора, как в подписи.")))
    var creditor = "Кредитор"

    func run() throws {
        try checkCount(deadlineDays, option: "--deadline-days", within: InputLimits.deadlineDays)
        let (ledger, settings) = try global.openLedger()
        let today = try global.businessDate()
        let detail = try ledger.contractDetail(number: contract)
        let position = detail.position(asOf: today, buckets: settings.buckets)
        let overdue = position.allocation.overdueCoverages(asOf: today)
        guard !overdue.isEmpty else {
            throw DolgError(.invalidValue, "contract \(contract) has nothing overdue on \(today)",
                            remedy: "a claim letter is for a contract with overdue installments")
                .inRussian("по договору \(contract) на \(today) просрочки нет",
                           remedy: "претензию составляют только по договору с просрочкой")
        }
        let penalty = Penalty.amount(schedule: detail.schedule, entries: detail.payments.map(\.entry),
                                     dailyRate: detail.contract.dailyPenaltyRate, asOf: today)
        func money(_ amount: Money) -> String { amount.formatted(settings.currency, .russian) }
        let values: [String: Any] = [
            "creditor": creditor,
            "client": detail.contract.client.name,
            "contract": contract,
            "contract_date": detail.contract.terms.startDate.russianDescription,
            "today": today.russianDescription,
            "installments": overdue.map { coverage -> [String: String] in
                ["seq": String(coverage.installment.seq), "due_date": coverage.installment.dueDate.russianDescription,
                 "amount": money(coverage.installment.amount), "paid": money(coverage.paid),
                 "remaining": money(coverage.remaining), "days": RussianPlural.days(coverage.daysOverdue(asOf: today))]
            },
            "overdue_amount": money(position.overdueAmount),
            "outstanding": money(position.outstanding),
            "has_penalty": penalty.isPositive,
            "penalty": money(penalty),
            "penalty_rate": detail.contract.dailyPenaltyRate.description.replacing(".", with: ","),
            "deadline": today.adding(days: deadlineDays).russianDescription,
        ]
        let template = format == .markdown ? ClaimLetterTemplates.markdown : ClaimLetterTemplates.html
        write(try MessageText.render(template, values, step: "claim-letter", html: format == .html))
    }
}

/// The default texts of the claim letter.
enum ClaimLetterTemplates {
    static let markdown = """
        # Досудебная претензия

        {{today}}

        **Кому:** {{client}}
        **От:** {{creditor}}

        По договору №{{contract}} от {{contract_date}} вы обязались вносить платежи по графику. На {{today}} не оплачены:

        | № | Срок платежа | Сумма | Оплачено | Остаток | Просрочка |
        |---|---|---|---|---|---|
        {{#installments}}
        | {{seq}} | {{due_date}} | {{amount}} | {{paid}} | {{remaining}} | {{days}} |
        {{/installments}}

        Просроченная задолженность: **{{overdue_amount}}**. Весь остаток долга по договору: {{outstanding}}.
        {{#has_penalty}}

        По условиям договора на просроченную сумму начисляется неустойка {{penalty_rate}}% в день. На {{today}} она составляет {{penalty}}.
        {{/has_penalty}}

        Просим погасить просроченную задолженность до **{{deadline}}**. Если оплата не поступит, мы будем вынуждены обратиться в суд для взыскания долга{{#has_penalty}}, неустойки{{/has_penalty}} и судебных расходов.

        {{creditor}}

        """

    static let html = """
        <!DOCTYPE html>
        <html lang="ru"><head><meta charset="utf-8"><title>Досудебная претензия — договор №{{contract}}</title>
        <style>body{font-family:serif;max-width:42em;margin:2em auto;line-height:1.5}table{border-collapse:collapse}
        td,th{border:1px solid #999;padding:.2em .5em;text-align:right}th{background:#eee}</style></head><body>
        <h1>Досудебная претензия</h1>
        <p>{{today}}</p>
        <p><b>Кому:</b> {{client}}<br><b>От:</b> {{creditor}}</p>
        <p>По договору №{{contract}} от {{contract_date}} вы обязались вносить платежи по графику. На {{today}} не оплачены:</p>
        <table><tr><th>№</th><th>Срок платежа</th><th>Сумма</th><th>Оплачено</th><th>Остаток</th><th>Просрочка</th></tr>
        {{#installments}}<tr><td>{{seq}}</td><td>{{due_date}}</td><td>{{amount}}</td><td>{{paid}}</td><td>{{remaining}}</td><td>{{days}}</td></tr>
        {{/installments}}</table>
        <p>Просроченная задолженность: <b>{{overdue_amount}}</b>. Весь остаток долга по договору: {{outstanding}}.</p>
        {{#has_penalty}}<p>По условиям договора на просроченную сумму начисляется неустойка {{penalty_rate}}% в день. На {{today}} она составляет {{penalty}}.</p>{{/has_penalty}}
        <p>Просим погасить просроченную задолженность до <b>{{deadline}}</b>. Если оплата не поступит, мы будем вынуждены обратиться в суд для взыскания долга{{#has_penalty}}, неустойки{{/has_penalty}} и судебных расходов.</p>
        <p>{{creditor}}</p>
        </body></html>

        """
}
