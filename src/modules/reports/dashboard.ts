import type { Db } from '../../db/database';
import { formatVietnamTime } from '../calendar/rules';
import { notFound } from '../../shared/errors';
import type { Principal } from '../identity/rules';
import { checkPublicPeriod, daysLate, monthsOf } from './dashboard-rules';
import type { OverdueQuery, PublicStatisticsQuery } from './dashboard-schema';
import { ZERO, addCounts, periodOf, summaryOf, type Summary } from './rules';
import type { ReportFilters } from './schema';
import { countGroups, namedRows, resolveScope } from './service';
import * as store from './store';
import type { SummaryRow } from './views';
import { pageLimits } from '../../shared/paging';

/**
 * The manager dashboard's reads beside the summary: the month-by-month trend, the overdue list and
 * the public on-time statistics. All count with the summary's own queries and rules.
 */

/** `GET /api/reports/trend`: the summary of each calendar month of the period (clipped to it). */
export async function trend(db: Db, principal: Principal, q: ReportFilters) {
  periodOf(q.from, q.to); // the period's own errors first (from after to)
  const slices = monthsOf(q.from, q.to);
  return db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (tx) => {
      const { scope } = await resolveScope(tx, principal, q);
      // A month's end is the next month's start: each backlog is counted once.
      const backlogs = new Map<number, Promise<store.OpenRow[]>>();
      const backlogAt = (at: Date) => {
        let rows = backlogs.get(at.getTime());
        if (!rows) backlogs.set(at.getTime(), (rows = store.openCounts(tx, scope, at, null)));
        return rows;
      };
      const months = [];
      for (const slice of slices) {
        const groups = await countGroups(tx, scope, periodOf(slice.from, slice.to), null, backlogAt);
        months.push({ ...slice, ...summaryOf([...groups.values()].reduce(addCounts, ZERO)) });
      }
      return { months };
    });
}

/** `GET /api/reports/overdue`: the dossiers `inProgress.overdue` counts, longest overdue first. */
export async function overdue(db: Db, principal: Principal, q: OverdueQuery) {
  const period = periodOf(q.from, q.to);
  return db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (tx) => {
      const { scope } = await resolveScope(tx, principal, q);
      const page = pageLimits(q);
      const backlog = await store.openCounts(tx, scope, period.end, null);
      const total = backlog.reduce((sum, g) => sum + g.overdue, 0);
      const rows = await store.listOverdue(tx, scope, period, page);
      const items = rows.map((r) => ({
        code: r.code,
        procedure: { code: r.procedure_code, name: r.procedure_name },
        agency: { code: r.agency_code, name: r.agency_name },
        channel: r.channel,
        status: r.status,
        receivedAt: formatVietnamTime(r.received_at),
        dueAt: formatVietnamTime(r.original_due_at),
        daysLate: daysLate(r.original_due_at, period.end),
        holder: {
          unit: r.unit_code !== null && r.unit_name !== null ? { code: r.unit_code, name: r.unit_name } : null,
          officer:
            r.officer_username !== null && r.officer_name !== null
              ? { username: r.officer_username, fullName: r.officer_name }
              : null,
        },
      }));
      return { items, total };
    });
}

/** What the public sees of a summary: volumes and timeliness, nothing about who handled what. */
function publicNumbers(s: Summary) {
  return {
    received: s.received.total,
    resolved: s.resolved,
    inProgress: { total: s.inProgress.total, overdue: s.inProgress.overdue },
    onTimeRate: s.onTimeRate,
  };
}

const publicRow = (r: SummaryRow) => ({ code: r.group.code, name: r.group.name, ...publicNumbers(r) });

/**
 * `GET /api/public/statistics`: on-time statistics per agency and per procedure for a period, for
 * the whole province or one agency's subtree (Decree 61/2018, art. 30: results are made public).
 */
export async function publicStatistics(db: Db, q: PublicStatisticsQuery) {
  const period = periodOf(q.from, q.to);
  checkPublicPeriod(q.from, q.to);
  return db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (tx) => {
      let agency: store.AgencyRef | null = null;
      if (q.agency) {
        agency = (await store.findAgency(tx, q.agency)) ?? null;
        if (!agency) throw notFound('Agency', 'cơ quan', 'agency');
      }
      const scope: store.Scope = {
        agencyIds: await store.agencyIdsUnder(tx, agency ? [agency.path] : await store.rootPaths(tx)),
        fieldCode: null,
        procedureCode: null,
        channel: null,
        unitIds: null,
        officerId: null,
      };
      const byAgency = await countGroups(tx, scope, period, 'agency');
      const byProcedure = await countGroups(tx, scope, period, 'procedure');
      const total = summaryOf([...byAgency.values()].reduce(addCounts, ZERO));
      return {
        from: q.from,
        to: q.to,
        agency: agency ? { code: agency.code, name: agency.name } : null,
        total: publicNumbers(total),
        agencies: (await namedRows(tx, 'agency', byAgency)).map(publicRow),
        procedures: (await namedRows(tx, 'procedure', byProcedure)).map(publicRow),
      };
    });
}
