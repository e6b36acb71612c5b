import { CompiledQuery, sql, type Insertable, type Selectable } from 'kysely';
import { prepared, type Executor, type Tx } from '../../db/database';
import { insertRows, rowsInsert, type RowsInsert } from '../../db/insert-rows';
import type { AuditLogTable } from '../identity/tables';
import type { NotificationTable, OutboxMessageTable } from '../notifications/tables';
import type { DossierStepTable } from '../workflow/tables';
import type { Role } from '../identity/roles';
import { resolutionTimeliness } from '../reports/rules';
import type { DossierStatisticsColumns } from '../reports/tables';
import type { DossierEvent, DossierState, DossierStatus, Outcome } from './lifecycle';
import type { ComponentCount, ComponentRequirement } from './rules';
import type { DossierComponentTable, DossierEventRow, DossierEventTable, DossierRow, DossierTable } from './tables';

export type AgencyRef = { id: number; code: string; name: string; path: string };

export async function findAgencyByCode(
  db: Executor,
  code: string,
): Promise<(AgencyRef & { address: string | null }) | undefined> {
  return db
    .selectFrom('agencies')
    .select(['id', 'code', 'name', 'path', 'address'])
    .where('code', '=', code)
    .executeTakeFirst();
}

export async function findAgencyById(db: Executor, id: number): Promise<AgencyRef> {
  return db
    .selectFrom('agencies')
    .select(['id', 'code', 'name', 'path'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
}

/** The agency's one-stop desk unit (Bộ phận Một cửa), where dossiers wait for the desk check. */
export async function deskUnitOf(db: Executor, agencyId: number): Promise<number | null> {
  const row = await db
    .selectFrom('units')
    .select('id')
    .where('agency_id', '=', agencyId)
    .where('kind', '=', 'desk')
    .where('active', '=', true)
    .orderBy('id')
    .executeTakeFirst();
  return row?.id ?? null;
}

export type KeyClaim = { userId: number; key: string; hash: string; agencyId: number; day: string };

/**
 * Claims idempotency keys and, for each key that was free, takes its agency's next daily number, all in
 * one statement (group commit: one batch of intakes). On a key conflict PostgreSQL waits for the other
 * transaction holding the key, so a concurrent request with the same key sees the winner's committed
 * row, never a half-made dossier. Keys, then counters, are locked in one order, so two batches never
 * deadlock; the counters' row locks serialise an agency's intakes until the commit. The claims' keys
 * must differ. Returns, in order, each claim's number and the id its dossier will have (taken from the
 * dossiers' sequence now, so that one statement can write the dossier and the rows that refer to it);
 * null: the key was already taken.
 */
export async function claimKeysAndNumbers(
  tx: Tx,
  claims: readonly KeyClaim[],
): Promise<({ seq: number; dossierId: number } | null)[]> {
  if (claims.length === 0) return [];
  const column = <T>(f: (c: KeyClaim) => T) => claims.map(f);
  const query = sql<{ i: number; seq: number; dossier_id: number }>`
    WITH input AS (
      SELECT * FROM unnest(${column((c) => c.userId)}::int[], ${column((c) => c.key)}::text[],
        ${column((c) => c.hash)}::text[], ${column((c) => c.agencyId)}::int[], ${column((c) => c.day)}::text[])
        WITH ORDINALITY AS t(user_id, key, hash, agency_id, day, i)
    ), claim AS (
      INSERT INTO idempotency_keys (user_id, key, request_hash)
      SELECT user_id, key, hash FROM input ORDER BY user_id, key
      ON CONFLICT (user_id, key) DO NOTHING
      RETURNING user_id, key
    ), claimed AS (
      SELECT input.* FROM input JOIN claim USING (user_id, key)
    ), wanted AS (
      SELECT agency_id, day, count(*)::int AS n FROM claimed GROUP BY agency_id, day
    ), counter AS (
      INSERT INTO dossier_counters (agency_id, day, last_seq)
      SELECT agency_id, day, n FROM wanted ORDER BY agency_id, day
      ON CONFLICT (agency_id, day) DO UPDATE SET last_seq = dossier_counters.last_seq + excluded.last_seq
      RETURNING agency_id, day, last_seq
    )
    SELECT c.i::int AS i,
      (k.last_seq - w.n + row_number() OVER (PARTITION BY c.agency_id, c.day ORDER BY c.i))::int AS seq,
      nextval(pg_get_serial_sequence('dossiers', 'id'))::int AS dossier_id
    FROM claimed c JOIN counter k USING (agency_id, day) JOIN wanted w USING (agency_id, day)`;
  prepared(query.compile(tx).sql); // one text for every batch: planned once per connection
  const { rows } = await query.execute(tx);
  const claimed: ({ seq: number; dossierId: number } | null)[] = claims.map(() => null);
  for (const r of rows) claimed[r.i - 1] = { seq: r.seq, dossierId: r.dossier_id };
  return claimed;
}

/** The stored keys among these, with the request each was first used for and its dossier. */
export async function findIdempotencyKeys(db: Executor, keys: readonly { userId: number; key: string }[]) {
  if (keys.length === 0) return [];
  return db
    .selectFrom('idempotency_keys')
    .select(['user_id', 'key', 'request_hash', 'dossier_id'])
    .where((eb) => eb.or(keys.map((k) => eb.and([eb('user_id', '=', k.userId), eb('key', '=', k.key)]))))
    .execute();
}

/** The lifecycle columns of a state (the rest of a dossier never changes with a transition). */
export function stateColumns(s: DossierState) {
  return {
    status: s.status,
    version: s.version,
    accepted_at: s.acceptedAt,
    due_at: s.dueAt,
    original_due_at: s.originalDueAt,
    resolved_at: s.resolvedAt,
    returned_at: s.returnedAt,
    withdrawn_at: s.withdrawnAt,
    refused_at: s.refusedAt,
    outcome: s.outcome,
    current_step_seq: s.currentStepSeq,
    holder_agency_id: s.holderAgencyId,
    holder_unit_id: s.holderUnitId,
    holder_user_id: s.holderUserId,
  };
}

export function stateOf(d: DossierRow): DossierState {
  return {
    status: d.status as DossierStatus,
    version: d.version,
    acceptedAt: d.accepted_at,
    dueAt: d.due_at,
    originalDueAt: d.original_due_at,
    resolvedAt: d.resolved_at,
    returnedAt: d.returned_at,
    withdrawnAt: d.withdrawn_at,
    refusedAt: d.refused_at,
    outcome: d.outcome as Outcome | null,
    currentStepSeq: d.current_step_seq,
    holderAgencyId: d.holder_agency_id,
    holderUnitId: d.holder_unit_id,
    holderUserId: d.holder_user_id,
  };
}

/** What a batch of intakes writes (group commit): each table's rows for all of its dossiers. */
export type NewDossiers = {
  /** With ids taken from the dossiers' sequence beforehand; the rows below refer to them. */
  dossiers: Insertable<DossierTable>[];
  components: Insertable<DossierComponentTable>[];
  events: Insertable<DossierEventTable>[];
  steps: Insertable<DossierStepTable>[];
  audit: Insertable<AuditLogTable>[];
  messages: Insertable<OutboxMessageTable>[];
  notifications: Insertable<NotificationTable>[];
  keys: { userId: number; key: string; hash: string; dossierId: number }[];
};

/** Daily numbers a batch took itself: the agency's counter for `day` stood at `last`, and `taken` more follow it. */
export type CounterAdvance = { agencyId: number; day: string; last: number; taken: number };

/**
 * Writes new dossiers and everything that comes with them — components, first events, steps, audit
 * records, the applicants' messages, and the idempotency keys pointed at them — in ONE statement of
 * data-modifying CTEs: a batch of intakes costs one round trip however many tables it fills.
 *
 * Two ways to number them (docs/performance.md, "One statement per batch"):
 * - claimed first (`claimKeysAndNumbers`, in the same transaction): the keys are there already and get
 *   their dossiers; the counters, locked since the claim, are held for this statement and the commit.
 * - with `counters`, as one statement with no transaction around it: the keys are inserted here and
 *   the counters moved from `last` to `last + taken`; if a key or a counter was taken meanwhile (a
 *   replay, another app process), `intake_claims_hold` fails the statement with serialization_failure
 *   and nothing is written.
 * The foreign keys are checked at the end of the statement, when the dossiers are there. Returns the
 * dossiers as stored, in order, each with its event's id.
 */
export async function insertNewDossiers(
  db: Executor,
  w: NewDossiers,
  counters?: readonly CounterAdvance[],
): Promise<{ dossier: DossierRow; eventId: number }[]> {
  const values: string[] = [];
  const param = (payload: string) => {
    values.push(payload);
    return `$${values.length}::json`;
  };
  const part = (insert: RowsInsert) => {
    values.push(insert.payload);
    return insert.sql;
  };
  const ctes: string[] = [];
  if (w.components.length > 0) {
    ctes.push(`c AS (${part(rowsInsert('dossier_components', w.components, 1))})`);
  }
  ctes.push(
    `e AS (${part(rowsInsert('dossier_events', w.events, values.length + 1, ['data']))} RETURNING id, dossier_id)`,
  );
  if (w.steps.length > 0) ctes.push(`s AS (${part(rowsInsert('dossier_steps', w.steps, values.length + 1))})`);
  if (w.audit.length > 0) ctes.push(`a AS (${part(rowsInsert('audit_log', w.audit, values.length + 1, ['data']))})`);
  if (w.messages.length > 0) ctes.push(`o AS (${part(rowsInsert('outbox_messages', w.messages, values.length + 1))})`);
  if (w.notifications.length > 0) {
    ctes.push(`n AS (${part(rowsInsert('notifications', w.notifications, values.length + 1))})`);
  }
  const keys = param(
    JSON.stringify(w.keys.map((k) => ({ user_id: k.userId, key: k.key, hash: k.hash, dossier_id: k.dossierId }))),
  );
  const keyRows = `json_to_recordset(${keys}) AS b(user_id int, key text, hash text, dossier_id int)`;
  let check = '';
  if (counters) {
    const moves = param(
      JSON.stringify(counters.map((c) => ({ agency_id: c.agencyId, day: c.day, last: c.last, taken: c.taken }))),
    );
    ctes.push(`new_keys AS (INSERT INTO idempotency_keys (user_id, key, request_hash, dossier_id)
      SELECT user_id, key, hash, dossier_id FROM ${keyRows} ORDER BY user_id, key
      ON CONFLICT (user_id, key) DO NOTHING RETURNING 1)`);
    ctes.push(`moved AS (UPDATE dossier_counters t SET last_seq = b.last + b.taken
      FROM intake_counter_moves(${moves}) AS b
      WHERE t.agency_id = b.agency_id AND t.day = b.day AND t.last_seq = b.last RETURNING 1)`);
    ctes.push(`held AS (SELECT intake_claims_hold((SELECT count(*) FROM new_keys) = json_array_length(${keys})
      AND (SELECT count(*) FROM moved) = json_array_length(${moves})))`);
    check = ', held';
  } else {
    ctes.push(`k AS (UPDATE idempotency_keys k SET dossier_id = b.dossier_id FROM ${keyRows}
      WHERE k.user_id = b.user_id AND k.key = b.key)`);
  }
  ctes.push(`d AS (${part(rowsInsert('dossiers', w.dossiers, values.length + 1, ['fees']))} RETURNING *)`);
  const text = prepared(
    `WITH ${ctes.join(',\n')}
    SELECT d.*, (SELECT e.id FROM e WHERE e.dossier_id = d.id) AS event_id_ FROM d${check}`,
  );
  const { rows } = await db.executeQuery<DossierRow & { event_id_: number }>(CompiledQuery.raw(text, values));
  const byId = new Map(rows.map(({ event_id_, ...dossier }) => [dossier.id, { dossier, eventId: event_id_ }]));
  return w.dossiers.map((d) => byId.get(d.id as number)!);
}

/** `n` new ids from the dossiers' sequence, outside any transaction (a rolled-back batch leaves a gap in ids only). */
export async function takeDossierIds(db: Executor, n: number): Promise<number[]> {
  const { rows } = await sql<{ id: number }>`
    SELECT nextval(pg_get_serial_sequence('dossiers', 'id'))::int AS id FROM generate_series(1, ${n})`.execute(db);
  return rows.map((r) => r.id);
}

/** A dossier with where it came from: a live one or one imported from an earlier system. */
export type SourcedDossierRow = DossierRow & Selectable<DossierStatisticsColumns>;

export async function findDossier(db: Executor, code: string, lock = false): Promise<SourcedDossierRow | undefined> {
  const q = db
    .withTables<{ dossiers: DossierStatisticsColumns }>()
    .selectFrom('dossiers')
    .selectAll()
    .where('code', '=', code);
  return (lock ? q.forUpdate() : q).executeTakeFirst();
}

export async function findDossierById(db: Executor, id: number): Promise<DossierRow> {
  return db.selectFrom('dossiers').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

/**
 * Writes a new state if the stored version is still `expectedVersion`; false when it moved on. The
 * result's classification (docs/statistics.md) is written with `resolved_at`, against the original appointment.
 */
export async function updateState(tx: Tx, id: number, expectedVersion: number, s: DossierState): Promise<boolean> {
  const timeliness = s.resolvedAt && s.originalDueAt ? resolutionTimeliness(s.resolvedAt, s.originalDueAt) : null;
  const r = await tx
    .withTables<{ dossiers: DossierStatisticsColumns }>()
    .updateTable('dossiers')
    .set({ ...stateColumns(s), resolution_timeliness: timeliness })
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return r.numUpdatedRows === 1n;
}

/** One row per component of the version, with the counts received (absent ones count 0). */
export function componentRows(
  dossierId: number,
  requirements: readonly ComponentRequirement[],
  counts: readonly ComponentCount[],
): Insertable<DossierComponentTable>[] {
  return requirements.map((r, i) => {
    const got = counts.find((c) => c.componentId === r.componentId);
    return {
      dossier_id: dossierId,
      component_id: r.componentId,
      seq: i + 1,
      name: r.name,
      required: r.required,
      required_originals: r.originals,
      required_copies: r.copies,
      originals: got?.originals ?? 0,
      copies: got?.copies ?? 0,
    };
  });
}

export async function setComponentCounts(tx: Tx, dossierId: number, counts: readonly ComponentCount[]): Promise<void> {
  for (const c of counts) {
    await tx
      .updateTable('dossier_components')
      .set({ originals: c.originals, copies: c.copies })
      .where('dossier_id', '=', dossierId)
      .where('component_id', '=', c.componentId)
      .execute();
  }
}

/** The version's components with what the dossier received, in the version's order. */
export async function loadComponents(
  db: Executor,
  dossierId: number,
): Promise<{ requirements: ComponentRequirement[]; counts: ComponentCount[] }> {
  const rows = await db
    .selectFrom('dossier_components')
    .selectAll()
    .where('dossier_id', '=', dossierId)
    .orderBy('seq')
    .execute();
  return {
    requirements: rows.map((r) => ({
      componentId: r.component_id,
      name: r.name,
      required: r.required,
      originals: r.required_originals,
      copies: r.required_copies,
    })),
    counts: rows.map((r) => ({ componentId: r.component_id, originals: r.originals, copies: r.copies })),
  };
}

export type EventExtras = { comment: string | null; data: Record<string, unknown> };

/** The row of the event that led from `before` to `after`; what replay needs beyond the columns goes in `data`. */
export function eventRow(
  dossierId: number,
  before: DossierStatus | null,
  after: DossierState,
  e: DossierEvent,
  extras: EventExtras,
): Insertable<DossierEventTable> {
  // Whatever the event carries besides the columns (an appointment, a step) is kept for replay.
  const {
    action: _action,
    at: _at,
    actor: _actor,
    holder: _holder,
    ...replayData
  } = e as DossierEvent & {
    holder?: unknown;
  };
  return {
    dossier_id: dossierId,
    seq: after.version,
    action: e.action,
    from_status: before,
    to_status: after.status,
    at: e.at,
    actor_user_id: e.actor.userId,
    actor_role: e.actor.role,
    actor_unit_id: e.actor.unitId,
    actor_agency_id: e.actor.agencyId,
    holder_agency_id: after.holderAgencyId,
    holder_unit_id: after.holderUnitId,
    holder_user_id: after.holderUserId,
    comment: extras.comment,
    data: JSON.stringify({ ...extras.data, ...replayData }),
  };
}

/** Appends events; their rows as stored, in the order given. */
export async function insertEvents(tx: Tx, rows: readonly Insertable<DossierEventTable>[]): Promise<DossierEventRow[]> {
  const stored = await insertRows(tx, 'dossier_events', rows, ['data']);
  const key = (r: { dossier_id: number; seq: number }) => `${r.dossier_id}/${r.seq}`;
  const byKey = new Map(stored.map((r) => [key(r), r]));
  return rows.map((r) => byKey.get(key(r))!);
}

/** The event a stored row records, as `applyTransition` takes it. */
export function eventOf(r: DossierEventRow): DossierEvent {
  const base = {
    at: r.at,
    actor: {
      userId: r.actor_user_id,
      role: r.actor_role as Role,
      unitId: r.actor_unit_id,
      agencyId: r.actor_agency_id,
    },
  };
  const holder = { agencyId: r.holder_agency_id, unitId: r.holder_unit_id, userId: r.holder_user_id };
  const data = r.data as { dueAt?: string; originalDueAt?: string; stepSeq?: number | null };
  switch (r.action) {
    case 'submit':
      return { ...base, action: r.action, holder };
    case 'receive':
    case 'accept':
      return { ...base, action: r.action, holder, dueAt: new Date(data.dueAt!), stepSeq: data.stepSeq ?? null };
    case 'assign':
    case 'forward':
    case 'approve':
    case 'send_back':
    case 'propose_rejection':
      return { ...base, action: r.action, holder, stepSeq: data.stepSeq! };
    case 'resume':
      return { ...base, action: r.action, dueAt: new Date(data.dueAt!), originalDueAt: new Date(data.originalDueAt!) };
    case 'apologize':
      return { ...base, action: r.action, dueAt: new Date(data.dueAt!) };
    case 'request_supplement':
    case 'resubmit':
    case 'refuse':
    case 'withdraw':
    case 'pause':
    case 'approve_rejection':
    case 'result_ready':
    case 'return':
      return { ...base, action: r.action };
    default:
      throw new Error(`Unknown dossier event action "${r.action}" (event ${r.id})`);
  }
}

export async function loadEventRows(db: Executor, dossierId: number): Promise<DossierEventRow[]> {
  return db.selectFrom('dossier_events').selectAll().where('dossier_id', '=', dossierId).orderBy('seq').execute();
}

/** Paths of every agency the dossier has been at or been handled by: its scope for staff access. */
export async function visitedAgencyPaths(db: Executor, d: DossierRow): Promise<string[]> {
  const ids = await db
    .selectFrom('dossier_events')
    .select(['holder_agency_id', 'actor_agency_id'])
    .where('dossier_id', '=', d.id)
    .execute();
  const all = new Set([d.agency_id, d.holder_agency_id]);
  for (const r of ids) {
    all.add(r.holder_agency_id);
    if (r.actor_agency_id !== null) all.add(r.actor_agency_id);
  }
  const rows = await db
    .selectFrom('agencies')
    .select('path')
    .where('id', 'in', [...all])
    .execute();
  return rows.map((r) => r.path);
}
