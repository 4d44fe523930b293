import DolgRules
import DolgStorage

/// The figures behind the reports, computed once for the report commands and the dashboard alike.
enum Analytics {
    static func portfolio(_ ledger: LedgerDatabase, _ settings: LedgerSettings, asOf: CivilDate,
                          scope: ContractScope = .all) throws -> (PortfolioSummary, AgingReport) {
        var summary = PortfolioSummary()
        var aging = AgingReport(scheme: settings.buckets)
        try ledger.scanPositions(asOf: asOf, scope: scope, buckets: settings.buckets) { row in
            summary.add(row.position)
            aging.add(row.position)
        }
        return (summary, aging)
    }

    /// The portfolio on each date: the nightly snapshot where there is one, else recomputed from
    /// the ledger's history in one scan for all the dates missing.
    static func dynamics(_ ledger: LedgerDatabase, _ settings: LedgerSettings, _ dates: [CivilDate],
                         scope: ContractScope = .all) throws -> [DynamicsPoint] {
        // Snapshots hold the whole portfolio: a scoped report is always recomputed.
        let recorded = scope.managerName == nil && scope.segment == nil ? try ledger.snapshots(on: dates) : [:]
        let missing = dates.filter { recorded[$0] == nil }
        var summaries = missing.map { _ in PortfolioSummary() }
        var agings = missing.map { _ in AgingReport(scheme: settings.buckets) }
        if let last = missing.max() {
            let progress = Progress("contracts")
            defer { progress.finish() }
            try ledger.scanHistories(asOf: last, scope: scope) { history in
                progress.tick()
                for (index, date) in missing.enumerated() where history.startDate <= date {
                    let position = history.position(asOf: date, buckets: settings.buckets)
                    summaries[index].add(position)
                    agings[index].add(position)
                }
            }
        }
        return dates.map { date in
            if let point = recorded[date] { return point }
            let index = missing.firstIndex(of: date)!
            return DynamicsPoint(date: date, summary: summaries[index], aging: agings[index])
        }
    }

    /// Collection metrics per manager name ("" for contracts without one), and their clients.
    static func managers(_ ledger: LedgerDatabase, _ settings: LedgerSettings, from: CivilDate, to: CivilDate,
                         scope: ContractScope = .all) throws -> ([String: CollectionMetrics], [String: Set<Int64>]) {
        var byManager: [String: CollectionMetrics] = [:]
        var clients: [String: Set<Int64>] = [:]
        let progress = Progress("contracts")
        defer { progress.finish() }
        try ledger.scanHistories(asOf: to, scope: scope) { history in
            progress.tick()
            let name = history.managerName ?? ""
            byManager[name, default: CollectionMetrics(from: from, to: to)].add(
                schedule: history.schedule, entries: history.entries, touches: history.touches,
                terminatedOn: history.terminatedOn, start: history.startDate, buckets: settings.buckets)
            clients[name, default: []].insert(history.clientID)
        }
        return (byManager, clients)
    }

    static func forecast(_ ledger: LedgerDatabase, _ settings: LedgerSettings, today: CivilDate, periods: Int,
                         by granularity: Forecast.Granularity, scope: ContractScope = .all) throws -> Forecast {
        var forecast = Forecast(today: today, periods: max(1, periods), granularity: granularity)
        let progress = Progress("contracts")
        defer { progress.finish() }
        try ledger.scanHistories(asOf: today, scope: scope) { history in
            progress.tick()
            let position = history.position(asOf: today, buckets: settings.buckets)
            var discipline = PaymentDiscipline()
            discipline.add(installments: history.schedule.current, entries: history.entries, asOf: today, closed: false)
            let risk = Forecast.risk(position: position, promises: history.touches.compactMap(\.promise),
                                     lateInstallments: discipline.lateInstallments, today: today)
            forecast.add(position: position, contract: history.number, client: history.clientName, risk: risk)
        }
        return forecast
    }
}
