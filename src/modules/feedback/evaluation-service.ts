import type { Db } from '../../db/database';
import type { Principal } from '../identity/rules';
import { periodOf } from '../reports/rules';
import { groupNames } from '../reports/store';
import * as store from './evaluation-store';
import { ratingCounts } from './rating-store';
import {
  QUALITY_COMPONENTS,
  disclosureComplete,
  evaluationOf,
  levelCounts,
  qualityIndex,
  rankByIndex,
  rate,
  satisfactionOf,
  type EvaluationFacts,
  type QualityScores,
} from './rules';
import { RESULT_ROLES, scopeOf } from './scope';
import { loadSettings } from './settings';

type PeriodQuery = { from: string; to: string; agency?: string };

const EMPTY: EvaluationFacts = {
  early: 0,
  onTime: 0,
  late: 0,
  lateCaused: 0,
  verySatisfied: 0,
  satisfied: 0,
  notSatisfied: 0,
};

/**
 * Officers or units evaluated over a period (docs/quality-index.md): steps of the internal process
 * they completed and how many in time, the late dossiers they caused (apologies naming their unit at
 * fault), and the satisfaction of the ratings of dossiers they returned (rating-store.ts `ratedOfficer`).
 */
export async function evaluation(db: Db, principal: Principal, q: PeriodQuery & { groupBy: 'officer' | 'unit' }) {
  const period = periodOf(q.from, q.to);
  const paths = await scopeOf(db, principal, RESULT_ROLES, q.agency);
  const facts = new Map<string, EvaluationFacts>();
  const add = (key: string | null, f: Partial<EvaluationFacts>) => {
    if (key === null) return;
    const sum = { ...(facts.get(key) ?? EMPTY) };
    for (const [k, v] of Object.entries(f) as [keyof EvaluationFacts, number][]) sum[k] += v;
    facts.set(key, sum);
  };
  for (const s of await store.stepCounts(db, paths, period, q.groupBy)) {
    add(s.key, { [s.timeliness === 'early' ? 'early' : s.timeliness === 'on_time' ? 'onTime' : 'late']: s.n });
  }
  for (const l of await store.lateCaused(db, paths, period, q.groupBy)) add(l.key, { lateCaused: l.n });
  for (const r of await ratingCounts(db, paths, period, q.groupBy)) add(r.key, levelCounts([r]));
  const names = new Map((await groupNames(db, q.groupBy, [...facts.keys()])).map((n) => [n.key, n]));
  const rows = [...facts.entries()].map(([key, f]) => {
    const n = names.get(key);
    const group = { code: n?.code ?? null, name: n?.name ?? '—', ...(n?.agency ? { agency: n.agency } : {}) };
    return { group, ...evaluationOf(f) };
  });
  rows.sort((a, b) => b.handled - a.handled || String(a.group.code).localeCompare(String(b.group.code)));
  return { rows };
}

/**
 * The service-quality index of every agency in scope, ranked (Decision 766/QĐ-TTg, docs/quality-index.md):
 * each component from the agency's own dossiers, procedures and ratings of the period, weighted by the settings.
 */
export async function qualityRanking(db: Db, principal: Principal, q: PeriodQuery) {
  const period = periodOf(q.from, q.to);
  const paths = await scopeOf(db, principal, RESULT_ROLES, q.agency);
  const { qualityWeights: weights } = await loadSettings(db);
  const versions = await store.versionsInForce(db, period.to);
  const complete = versions.filter(disclosureComplete).map((v) => v.id);
  const byAgency = <T extends { agency_id: number }>(rows: T[]) => new Map(rows.map((r) => [r.agency_id, r]));
  const disclosure = byAgency(
    await store.disclosureCounts(
      db,
      paths,
      versions.map((v) => v.id),
      complete,
    ),
  );
  const flows = byAgency(await store.flowCounts(db, paths, period));
  const digitised = byAgency(await store.digitisedCounts(db, paths, period));
  const ratings = new Map<string | null, { level: string; n: number }[]>();
  for (const r of await ratingCounts(db, paths, period, 'agency'))
    ratings.set(r.key, [...(ratings.get(r.key) ?? []), r]);

  const rows = (await store.agenciesIn(db, paths)).map((a) => {
    const d = disclosure.get(a.id);
    const f = flows.get(a.id);
    const g = digitised.get(a.id);
    const components: QualityScores = {
      disclosure: d ? rate(d.complete, d.total) : null,
      progress: f ? rate(f.in_time, f.resolved) : null,
      onlineUse: f ? rate(f.online, f.received) : null,
      digitisation: g ? rate(g.digitised, g.total) : null,
      satisfaction: satisfactionOf(levelCounts(ratings.get(String(a.id)) ?? [])).satisfactionRate,
    };
    const round = (x: number | null) => (x === null ? null : Math.round(x * 10000) / 10000);
    const rounded = Object.fromEntries(QUALITY_COMPONENTS.map((k) => [k, round(components[k])])) as QualityScores;
    return {
      code: a.code,
      agency: { code: a.code, name: a.name },
      components: rounded,
      ...qualityIndex(components, weights),
    };
  });
  const items = rankByIndex(rows).map(({ rank, agency, components, index, coverage }) => ({
    rank,
    agency,
    components,
    index,
    coverage: Math.round(coverage * 10000) / 10000,
  }));
  return { weights, items };
}
