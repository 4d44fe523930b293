import DolgRules

/// The dashboard for a head: one self-contained HTML file (no scripts, no network) with the
/// portfolio tiles, the aging chart, the overdue-rate trend, the managers and the forecast as
/// inline SVG. Figures also stand in `data-` attributes, so a test can read them back.
struct Dashboard {
    let asOf: CivilDate
    let summary: PortfolioSummary
    let aging: AgingReport
    let trend: [DynamicsPoint]
    let managers: [(name: String, metrics: CollectionMetrics)]
    let forecast: Forecast
    /// The largest and the oldest overdue debts, each list most urgent first.
    let largestDebts: [DashboardDebt]
    let oldestDebts: [DashboardDebt]
    /// What the figures cover when not the whole ledger: a manager's, a segment's contracts.
    let scopeNote: String?
    let currency: Currency
    let language: Language

    func html() -> String {
        let t = DashboardText(language)
        return """
            <!DOCTYPE html>
            <html lang="\(language.rawValue)"><head><meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>dolg — \(t.portfolio) \(date(asOf))</title>
            <style>
            body{font-family:"DejaVu Sans",Arial,sans-serif;margin:24px auto;padding:0 16px;color:#222;max-width:1100px}
            h1{font-size:22px;margin:0 0 6px}h2{font-size:16px;margin:28px 0 8px}.scope{color:#555;margin:0 0 14px}
            .tiles{display:flex;flex-wrap:wrap;gap:12px}.tile{border:1px solid #ddd;border-radius:6px;padding:10px 14px;min-width:150px;flex:1 1 150px}
            .tile .label{font-size:12px;color:#666}.tile .value{font-size:20px;font-weight:bold}
            .bad{color:#b00020}.scroll{overflow-x:auto;max-width:100%}
            table{border-collapse:collapse;font-size:13px}td,th{border-bottom:1px solid #eee;padding:4px 10px;text-align:right;white-space:nowrap}
            th:first-child,td:first-child{text-align:left}td.text,th.text{text-align:left}
            svg{display:block;width:100%;height:auto}svg text{font-size:12px;fill:#333}
            .lists{display:flex;flex-wrap:wrap;gap:24px}.lists section{flex:1 1 420px;min-width:0}
            section{break-inside:avoid}
            @media (max-width:600px){body{margin:12px auto;padding:0 10px}h1{font-size:18px}.tile{min-width:120px}.tile .value{font-size:17px}}
            @media print{@page{size:A4;margin:12mm}body{margin:0;padding:0;max-width:none;font-size:11px}
            .scroll{overflow:visible}table{font-size:10px}td,th{padding:2px 5px}h2{break-after:avoid}}
            </style></head><body>
            <h1>dolg — \(t.portfolio) \(date(asOf))</h1>
            \(scopeNote.map { "<p class=\"scope\">\(escape($0))</p>" } ?? "")
            <div class="tiles">
            \(tile("contracts", t.contracts, String(summary.totalContracts), summary.totalContracts))
            \(tile("active", t.active, String(summary.activeContracts), summary.activeContracts))
            \(tile("overdue", t.overdue, "\(summary.overdueContracts) (\(percent(summary.overdueRate)))", summary.overdueContracts,
                   bad: summary.overdueRate.tenths > 300))
            \(tile("outstanding", t.outstanding, money(summary.outstanding), summary.outstanding))
            \(tile("overdue_amount", t.overdueAmount, money(summary.overdueAmount), summary.overdueAmount, bad: summary.overdueAmount.isPositive))
            \(tile("terminated_outstanding", t.terminated, money(summary.terminatedOutstanding), summary.terminatedOutstanding))
            </div>
            <section><h2>\(t.aging)</h2>
            \(agingChart())</section>
            <section><h2>\(t.trend)</h2>
            \(trendChart())</section>
            <div class="lists">
            <section><h2>\(t.largest)</h2>
            \(debtsTable(largestDebts, list: "largest", t))</section>
            <section><h2>\(t.oldest)</h2>
            \(debtsTable(oldestDebts, list: "oldest", t))</section>
            </div>
            <section><h2>\(t.managers)</h2>
            \(managersTable(t))</section>
            <section><h2>\(t.forecast)</h2>
            \(forecastChart(t))</section>
            </body></html>

            """
    }

    private func tile(_ key: String, _ label: String, _ shown: String, _ value: Int, bad: Bool = false) -> String {
        "<div class=\"tile\" data-key=\"\(key)\" data-value=\"\(value)\"><div class=\"label\">\(escape(label))</div>"
            + "<div class=\"value\(bad ? " bad" : "")\">\(escape(shown))</div></div>"
    }

    private func tile(_ key: String, _ label: String, _ shown: String, _ value: Money, bad: Bool = false) -> String {
        "<div class=\"tile\" data-key=\"\(key)\" data-value=\"\(value.decimalString)\"><div class=\"label\">\(escape(label))</div>"
            + "<div class=\"value\(bad ? " bad" : "")\">\(escape(shown))</div></div>"
    }

    /// Horizontal bars, one per aging row, scaled to the largest.
    private func agingChart() -> String {
        let rows = aging.rows
        let largest = max(rows.map(\.amount.minorUnits).max() ?? 1, 1)
        let colours = ["#4caf50", "#ffc107", "#ff9800", "#f44336", "#8b0000", "#5d0000", "#300000"]
        var svg = "<svg viewBox=\"0 0 760 \(rows.count * 30 + 10)\" style=\"max-width:760px\" role=\"img\">"
        for (index, row) in rows.enumerated() {
            let width = Int(Int128(row.amount.minorUnits) * 460 / Int128(largest))
            let y = index * 30 + 5
            svg += "<g data-bucket=\"\(row.label)\" data-contracts=\"\(row.contracts)\" data-amount=\"\(row.amount.decimalString)\">"
                + "<text x=\"0\" y=\"\(y + 16)\">\(escape(row.label == "current" ? DashboardText(language).notDue : row.label))</text>"
                + "<rect x=\"90\" y=\"\(y)\" width=\"\(max(width, 1))\" height=\"22\" fill=\"\(colours[min(index, colours.count - 1)])\"/>"
                + "<text x=\"\(100 + width)\" y=\"\(y + 16)\">\(escape(money(row.amount))) · \(row.contracts)</text></g>"
        }
        return svg + "</svg>"
    }

    /// The overdue rate at each month end, as a line from 0 to 100 %. Month labels are short
    /// (`11.26`) and, when months stand closer than a label is wide (a year or two), only every
    /// second or third is written, so that no two labels overlap.
    private func trendChart() -> String {
        guard !trend.isEmpty else { return "<p>—</p>" }
        let width = 760, height = 200, left = 40, bottom = 170
        let step = trend.count > 1 ? (width - left - 60) / (trend.count - 1) : 0
        let labelWidth = 44
        let every = step == 0 ? 1 : (labelWidth + step - 1) / step
        var svg = "<svg viewBox=\"0 0 \(width) \(height)\" style=\"max-width:\(width)px\" role=\"img\">"
            + "<line x1=\"\(left)\" y1=\"\(bottom)\" x2=\"\(width - 20)\" y2=\"\(bottom)\" stroke=\"#999\"/>"
            + "<text x=\"0\" y=\"\(bottom)\">0%</text><text x=\"0\" y=\"24\">100%</text>"
        var points: [String] = []
        for (index, point) in trend.enumerated() {
            let x = left + index * step
            let y = bottom - point.overdueRate.tenths * (bottom - 20) / 1000
            points.append("\(x),\(y)")
            svg += "<circle cx=\"\(x)\" cy=\"\(y)\" r=\"3\" fill=\"#c62828\" data-date=\"\(point.date)\" data-rate=\"\(point.overdueRate)\"/>"
            // The last month is always labelled; the others by the stride, counted back from it.
            guard (trend.count - 1 - index) % every == 0 else { continue }
            let month = String(format: "%02d.%02d", point.date.month, point.date.year % 100)
            svg += "<text class=\"rate\" x=\"\(x)\" y=\"\(y - 8)\" text-anchor=\"middle\">\(percent(point.overdueRate))</text>"
                + "<text class=\"axis\" x=\"\(x)\" y=\"\(bottom + 18)\" text-anchor=\"middle\">\(month)</text>"
        }
        svg += "<polyline fill=\"none\" stroke=\"#c62828\" stroke-width=\"2\" points=\"\(points.joined(separator: " "))\"/>"
        return svg + "</svg>"
    }

    /// A list of debts: contract, client, manager, days overdue, overdue amount.
    private func debtsTable(_ debts: [DashboardDebt], list: String, _ t: DashboardText) -> String {
        guard !debts.isEmpty else { return "<p>—</p>" }
        var html = "<div class=\"scroll\"><table data-list=\"\(list)\"><tr><th>\(t.contract)</th><th class=\"text\">\(t.client)</th>"
            + "<th class=\"text\">\(t.manager)</th><th>\(t.days)</th><th>\(t.overdueAmount)</th></tr>"
        for debt in debts {
            html += "<tr data-contract=\"\(escape(debt.contract))\" data-days=\"\(debt.daysOverdue)\" data-amount=\"\(debt.overdueAmount.decimalString)\">"
                + "<td>\(escape(debt.contract))</td><td class=\"text\">\(escape(debt.client))</td>"
                + "<td class=\"text\">\(escape(debt.manager ?? "—"))</td><td>\(debt.daysOverdue)</td>"
                + "<td>\(escape(money(debt.overdueAmount)))</td></tr>"
        }
        return html + "</table></div>"
    }

    private func managersTable(_ t: DashboardText) -> String {
        var html = "<div class=\"scroll\"><table><tr><th>\(t.manager)</th><th>\(t.contracts)</th><th>\(t.overdue)</th><th>\(t.overdueAmount)</th>"
            + "<th>\(t.rate)</th><th>\(t.recovered)</th><th>\(t.touches)</th><th>\(t.reaction)</th></tr>"
        for (name, metrics) in managers {
            html += "<tr data-manager=\"\(escape(name))\"><td>\(escape(name.isEmpty ? "—" : name))</td>"
                + "<td>\(metrics.portfolio.totalContracts)</td><td>\(metrics.portfolio.overdueContracts)</td>"
                + "<td>\(escape(money(metrics.portfolio.overdueAmount)))</td><td>\(percent(metrics.portfolio.overdueRate))</td>"
                + "<td>\(metrics.recovered)</td><td>\(metrics.touchesInPeriod)</td>"
                + "<td>\(metrics.medianReactionDays.map(String.init) ?? "—")</td></tr>"
        }
        return html + "</table></div>"
    }

    /// Stacked bars per period: likely below, at risk above.
    private func forecastChart(_ t: DashboardText) -> String {
        let rows = forecast.rows
        let largest = max(rows.map(\.total.minorUnits).max() ?? 1, 1)
        let barHeight = 150
        var svg = "<svg viewBox=\"0 0 760 \(barHeight + 60)\" style=\"max-width:760px\" role=\"img\">"
        for (index, row) in rows.enumerated() {
            let x = 20 + index * 150
            let likely = Int(Int128(row.likely.minorUnits) * Int128(barHeight) / Int128(largest))
            let risk = Int(Int128(row.atRisk.minorUnits) * Int128(barHeight) / Int128(largest))
            let label = row.label == "overdue" ? t.overdueNow : String(row.label.prefix(7))
            svg += "<g data-period=\"\(row.label)\" data-likely=\"\(row.likely.decimalString)\" data-at-risk=\"\(row.atRisk.decimalString)\">"
                + "<rect x=\"\(x)\" y=\"\(10 + barHeight - likely)\" width=\"60\" height=\"\(likely)\" fill=\"#43a047\"/>"
                + "<rect x=\"\(x)\" y=\"\(10 + barHeight - likely - risk)\" width=\"60\" height=\"\(risk)\" fill=\"#e53935\"/>"
                + "<text x=\"\(x)\" y=\"\(barHeight + 28)\">\(escape(label))</text>"
                + "<text x=\"\(x)\" y=\"\(barHeight + 44)\">\(escape(money(row.total)))</text></g>"
        }
        svg += "<text x=\"620\" y=\"20\" style=\"fill:#43a047\">■ \(t.likely)</text>"
            + "<text x=\"620\" y=\"38\" style=\"fill:#e53935\">■ \(t.atRisk)</text>"
        return svg + "</svg>"
    }

    private func money(_ amount: Money) -> String { amount.formatted(currency, language) }
    private func percent(_ value: Percentage) -> String {
        (language == .russian ? value.description.replacing(".", with: ",") : value.description) + "%"
    }
    private func date(_ value: CivilDate) -> String { language == .russian ? value.russianDescription : value.description }

    private func escape(_ text: String) -> String {
        text.replacing("&", with: "&amp;").replacing("<", with: "&lt;").replacing(">", with: "&gt;")
            .replacing("\"", with: "&quot;")
    }
}

/// The dashboard's words in both languages.
struct DashboardText {
    let portfolio, contracts, active, overdue, outstanding, overdueAmount, terminated, aging, trend, managers: String
    let forecast, manager, rate, recovered, touches, reaction, likely, atRisk, overdueNow, notDue: String
    let largest, oldest, contract, client, days: String

    init(_ language: Language) {
        let ru = language == .russian
        portfolio = ru ? "портфель на" : "portfolio as of"
        contracts = ru ? "Договоры" : "Contracts"
        active = ru ? "В работе" : "Active"
        overdue = ru ? "Просрочено" : "Overdue"
        outstanding = ru ? "Остаток долга" : "Outstanding"
        overdueAmount = ru ? "Просроченная сумма" : "Overdue amount"
        terminated = ru ? "Долг по расторгнутым" : "Owed by terminated"
        aging = ru ? "Структура долга по срокам просрочки" : "Aging"
        trend = ru ? "Доля просроченных договоров по месяцам" : "Overdue rate by month"
        managers = ru ? "Менеджеры" : "Managers"
        forecast = ru ? "Прогноз поступлений" : "Expected inflows"
        manager = ru ? "Менеджер" : "Manager"
        rate = ru ? "Доля" : "Rate"
        recovered = ru ? "Вернулись" : "Recovered"
        touches = ru ? "Контакты" : "Touches"
        reaction = ru ? "Реакция, дней" : "Reaction, days"
        likely = ru ? "вероятно" : "likely"
        atRisk = ru ? "под риском" : "at risk"
        overdueNow = ru ? "просрочено" : "overdue"
        notDue = ru ? "в срок" : "not yet due"
        largest = ru ? "Крупнейшие просроченные долги" : "Largest overdue debts"
        oldest = ru ? "Самые давние просрочки" : "Oldest overdue debts"
        contract = ru ? "Договор" : "Contract"
        client = ru ? "Клиент" : "Client"
        days = ru ? "Дней" : "Days"
    }
}

/// An overdue debt as the dashboard lists it.
struct DashboardDebt {
    let contract: String
    let client: String
    let manager: String?
    let daysOverdue: Int
    let overdueAmount: Money
}
