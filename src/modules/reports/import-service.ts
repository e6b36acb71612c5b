import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import type { Db, Tx } from '../../db/database';
import { audit } from '../../shared/audit';
import { AppError } from '../../shared/errors';
import { loadWorkCalendar } from '../calendar/service';
import type { WorkCalendar } from '../calendar/rules';
import { dossierCode, vietnamDay } from '../dossiers/rules';
import { ADMIN_ROLES } from '../identity/roles';
import { hasRoleOver, type Principal } from '../identity/rules';
import { importRow, versionForReceipt, type ImportRow, type ImportVersion } from './import-rules';
import * as store from './import-store';
import { importLine } from './schema';

export type ImportRejection = { line: number; error: string; errorVi: string; field?: string };
/**
 * `rejected` holds the first MAX_LISTED_REJECTIONS bad lines, `rejectedCount` all of them: a file of
 * millions of bad lines must not grow the process or the answer without bound.
 */
export type ImportReport = { imported: number; updated: number; rejected: ImportRejection[]; rejectedCount: number };
export const MAX_LISTED_REJECTIONS = 1000;
export type ImportProgress = { lines: number; imported: number; updated: number; rejected: number };
export type ImportOptions = {
  /** The administrator calling the API (lines outside their agencies are refused); null for the CLI. */
  principal: Principal | null;
  /** Rows per transaction and per INSERT statement. */
  batchSize?: number;
  onProgress?: (p: ImportProgress) => void;
};

const lineError = (field: string, vi: string, en: string) => new AppError('IMPORT_LINE_INVALID', 400, vi, en, field);

/** Agencies, procedure versions and calendars are looked up once per import, not once per line. */
function lookups(db: Db) {
  const cached = <T>(load: (key: string) => Promise<T>) => {
    const seen = new Map<string, Promise<T>>();
    return (key: string) => {
      if (!seen.has(key)) seen.set(key, load(key));
      return seen.get(key)!;
    };
  };
  return {
    agency: cached((code) => store.findAgency(db, code)),
    versions: cached((code) => store.procedureVersions(db, code)),
    calendar: cached<WorkCalendar>((id) => loadWorkCalendar(db, Number(id))),
  };
}

function parseLine(text: string) {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw lineError('', 'Dòng không phải là một đối tượng JSON hợp lệ', 'The line is not a valid JSON object');
  }
  const parsed = importLine.safeParse(raw);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = issue.path.map(String).join('.');
  const where = field ? ` (${field})` : '';
  throw lineError(field, `Dữ liệu không hợp lệ${where}: ${issue.message}`, `Invalid input${where}: ${issue.message}`);
}

async function prepare(
  find: ReturnType<typeof lookups>,
  principal: Principal | null,
  line: number,
  text: string,
): Promise<ImportRow> {
  const l = parseLine(text);
  const agency = await find.agency(l.agency);
  if (!agency) throw lineError('agency', `Không có cơ quan mã ${l.agency}`, `No agency with code ${l.agency}`);
  if (principal && !hasRoleOver(principal, ADMIN_ROLES, agency.path)) {
    throw lineError('agency', `Bạn không quản trị cơ quan ${l.agency}`, `You do not administer agency ${l.agency}`);
  }
  const versions: ImportVersion[] = await find.versions(l.procedure);
  if (versions.length === 0) {
    throw lineError('procedure', `Không có thủ tục mã ${l.procedure}`, `No procedure with code ${l.procedure}`);
  }
  const version = versionForReceipt(versions, l.receivedAt);
  if (!version) {
    throw lineError(
      'procedure',
      `Thủ tục ${l.procedure} đã bị bãi bỏ trước ngày tiếp nhận`,
      `The procedure ${l.procedure} was abolished before the dossier was received`,
    );
  }
  return importRow(line, l, agency, version, await find.calendar(String(agency.id)));
}

/** New dossiers get the next codes of their agency and receipt day, in order of receipt. */
async function newCodes(tx: Tx, rows: ImportRow[]) {
  const groups = new Map<string, ImportRow[]>();
  for (const r of [...rows].sort((a, b) => a.receivedAt.getTime() - b.receivedAt.getTime() || a.line - b.line)) {
    const key = `${r.agencyId}/${vietnamDay(r.receivedAt)}`;
    const group = groups.get(key);
    if (group) group.push(r);
    else groups.set(key, [r]);
  }
  const wanted = [...groups].map(([key, g]) => ({ agencyId: g[0].agencyId, day: key.split('/')[1], count: g.length }));
  const last = wanted.length ? await store.takeSequences(tx, wanted) : new Map<string, number>();
  const codes = new Map<string, string>();
  for (const [key, g] of groups) {
    const first = last.get(key)! - g.length + 1;
    g.forEach((r, i) => codes.set(r.externalId, dossierCode(r.agencyCode, key.split('/')[1], first + i)));
  }
  return codes;
}

/** One transaction: lock the known ones, number the new ones, upsert all, audit the batch. */
async function writeBatch(db: Db, principal: Principal | null, rows: ImportRow[]) {
  return db.transaction().execute(async (tx) => {
    const existing = await store.existingCodes(
      tx,
      rows.map((r) => r.externalId),
    );
    const proposed = await newCodes(
      tx,
      rows.filter((r) => !existing.has(r.externalId)),
    );
    const codeOf = (r: ImportRow) => existing.get(r.externalId) ?? proposed.get(r.externalId)!;
    const written = await store.upsertDossiers(
      tx,
      rows.map((row) => ({ code: codeOf(row), row })),
    );
    // A dossier another import created meanwhile keeps that one's code: it was updated here.
    const imported = rows.filter((r) => !existing.has(r.externalId) && written.get(r.externalId) === codeOf(r)).length;
    const counts = { imported, updated: rows.length - imported };
    await audit.record(tx, {
      actorUserId: principal?.userId ?? null,
      action: 'dossier.import',
      entityType: 'dossier_import',
      data: { firstLine: rows[0].line, lastLine: rows[rows.length - 1].line, ...counts },
    });
    return counts;
  });
}

/**
 * Imports historical dossiers from an NDJSON stream, line by line, in batches of `batchSize` rows
 * (one transaction and one INSERT … ON CONFLICT each): memory stays flat whatever the size. A bad
 * line is reported with its number and skipped; the good ones land.
 */
export async function importDossiers(db: Db, input: Readable, opts: ImportOptions): Promise<ImportReport> {
  const batchSize = opts.batchSize ?? 1000;
  const find = lookups(db);
  const report: ImportReport = { imported: 0, updated: 0, rejected: [], rejectedCount: 0 };
  let batch: ImportRow[] = [];
  const inBatch = new Set<string>();
  let lines = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    const counts = await writeBatch(db, opts.principal, batch);
    report.imported += counts.imported;
    report.updated += counts.updated;
    batch = [];
    inBatch.clear();
    opts.onProgress?.({ lines, imported: report.imported, updated: report.updated, rejected: report.rejectedCount });
  };
  for await (const text of createInterface({ input, crlfDelay: Infinity })) {
    lines += 1;
    const content = lines === 1 ? text.replace(/^\uFEFF/, '') : text;
    if (content.trim() === '') continue;
    let row: ImportRow;
    try {
      row = await prepare(find, opts.principal, lines, content);
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      report.rejectedCount += 1;
      if (report.rejected.length < MAX_LISTED_REJECTIONS) {
        report.rejected.push({
          line: lines,
          error: err.message,
          errorVi: err.messageVi,
          field: err.field || undefined,
        });
      }
      continue;
    }
    // The same dossier twice in a file: the later line updates the earlier one, in the next statement.
    if (inBatch.has(row.externalId)) await flush();
    batch.push(row);
    inBatch.add(row.externalId);
    if (batch.length >= batchSize) await flush();
  }
  await flush();
  return report;
}
