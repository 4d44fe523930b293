import ArgumentParser
import DolgRules
import DolgStorage

extension ScheduleCommand {
    /// `dolg schedule restructure CONTRACT --from DATE --installments K`.
    struct Restructure: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: helpText("Spread what remains unpaid over a new schedule; a manager's request waits for a head.", "Разложить неоплаченный остаток по новому графику; запрос менеджера ждёт одобрения руководителя."),
            discussion: helpText("""
                What payments covered stays; the rest becomes K equal installments from --from. Money is \
                conserved to the kopeck and the old schedule is kept as history (`dolg schedule N --history`). \
                Run by a head (or in a ledger without a head) it takes effect at once; otherwise a head \
                approves it with `dolg approve ID`.
                """, """
                Уже оплаченное остаётся как есть; остаток делится на K равных платежей начиная с --from. Сумма \
                сохраняется до копейки, а старый график остаётся в истории (`dolg schedule N --history`). \
                Если команду выполняет руководитель (или в реестре нет руководителя), новый график действует сразу; \
                иначе его одобряет руководитель командой `dolg approve ID`.
                """))

        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(helpText("The contract number.", "Номер договора.")), completion: .custom(Completions.contracts)) var contract: String
        @Option(help: ArgumentHelp(helpText("The first new installment's due date.", "Срок первого нового платежа по графику."))) var from: String
        @Option(help: ArgumentHelp(helpText("How many new installments.", "Количество новых платежей по графику."))) var installments: Int
        @Option(help: ArgumentHelp(helpText("month, 2weeks or week.", "month (месяц), 2weeks (две недели) или week (неделя)."))) var period: Period = .month

        func run() throws {
            let today = try global.businessDate()
            let from = try parseDate(from, option: "--from")
            guard from >= today else {
                throw DolgError(.invalidDate, "--from \(from) is before today \(today)", remedy: "start the new schedule today or later")
                    .inRussian("--from \(from) раньше сегодняшней даты \(today)", remedy: "начните новый график сегодня или позже")
            }
            let (ledger, settings) = try global.openLedger()
            let detail = try ledger.contractDetail(number: contract)
            let schedule = try Restructuring.schedule(
                current: detail.schedule.inForce(on: today), netPaid: detail.payments.map(\.entry).netPaid(asOf: today), from: from,
                count: installments, period: period)
            let table = TableRenderer(currency: settings.currency, language: try global.language())
            let remaining = detail.position(asOf: today, buckets: settings.buckets).outstanding
            let say = Say(language: try global.language())
            switch try ledger.restructure(contractNumber: contract, schedule: schedule, asOf: today, login: global.login,
                                          audit: try global.auditContext()) {
            case .applied(let id):
                write(say("Restructured contract \(contract) (request \(id)): \(table.format(.money(remaining))) in \(installments) installments from \(from).\n",
                          "График договора \(contract) изменен (запрос \(id)): \(table.format(.money(remaining))) в \(installments) платежах с \(from.russianDescription).\n"))
            case .proposed(let id):
                write(say("Request \(id) to restructure contract \(contract) waits for a head: `dolg approve \(id)`.\n",
                          "Запрос \(id) на новый график договора \(contract) ждет руководителя: `dolg approve \(id)`.\n"))
            }
        }
    }

    /// `dolg schedule requests`: restructurings waiting for approval.
    struct Requests: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: helpText("Restructuring requests waiting for a head.", "Запросы на реструктуризацию, которые ждут руководителя."))

        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            let (ledger, settings) = try global.openLedger()
            let report = Report(
                columns: [Column("id"), Column("contract"), Column("as_of"), Column("requested_by")],
                rows: try ledger.pendingRestructurings().map { [.integer(Int($0.id)), .text($0.contract), .date($0.asOf), .text($0.by)] })
            try output.print(report, settings, try global.language())
        }
    }
}

/// `dolg approve ID`: a head puts a restructuring in force.
struct ApproveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "approve", abstract: helpText("Approve a restructuring request (heads only).", "Одобрить запрос на реструктуризацию (только для руководителей)."))

    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp(helpText("The request id from `dolg schedule requests`.", "Номер (id) запроса из `dolg schedule requests`."))) var id: Int64

    func run() throws {
        let (ledger, _) = try global.openLedger()
        let contract = try ledger.approve(restructuringID: id, on: try global.businessDate(), login: global.login,
                                          audit: try global.auditContext())
        write(Say(language: try global.language())("Approved request \(id): contract \(contract) follows its new schedule.\n",
                                                   "Запрос \(id) одобрен: договор \(contract) идет по новому графику.\n"))
    }
}
