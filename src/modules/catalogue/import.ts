import { z, ZodError } from 'zod';
import type { Db, Tx } from '../../db/database';
import { audit } from '../../shared/audit';
import { AppError } from '../../shared/errors';
import type { Principal } from '../identity/rules';
import { catalogueChanged } from './search-index';
import { organisationOnce, publishDecision, upsertField, type Actor } from './publish';
import { normalizeContent } from './rules';
import { abolitionEntrySchema, fieldEntrySchema, procedureEntrySchema } from './schema';
import { listLevels } from './store';
import { readCatalogueWorkbook, SHEETS, type EntryRows } from './xlsx';

/** A rejected entry: `field` is its path from the document root (`procedures.3.process`). */
export type ImportRejection = {
  /** Position in `procedures` (or in `fields` when `field` starts with `fields.`); null for an orphan row. */
  index: number | null;
  code: string | null;
  /** XLSX only: the sheet and row at fault. */
  sheet: string | null;
  row: number | null;
  errorCode: string;
  field: string | null;
  message: string;
  messageVi: string;
};

export type ImportReport = {
  fields: { created: number; updated: number; unchanged: number };
  /** New procedures, new versions (amended / replaced / announced again), abolitions, entries already in place. */
  created: number;
  versioned: number;
  abolished: number;
  unchanged: number;
  rejected: ImportRejection[];
};

const documentSchema = z.object({
  fields: z.array(z.unknown()).max(1000).default([]),
  procedures: z.array(z.unknown()).max(20_000),
});

/** Runs one unit of work: in its own transaction (a database), or inside the caller's (a transaction). */
type Run = <T>(work: (tx: Tx) => Promise<T>) => Promise<T>;

type Locate = (
  list: 'fields' | 'procedures',
  index: number,
  path: string,
) => { sheet: string | null; row: number | null };
const nowhere: Locate = () => ({ sheet: null, row: null });

function asAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  if (err instanceof ZodError) {
    const issue = err.issues[0];
    const path = issue.path.map(String).join('.');
    return new AppError(
      'VALIDATION_ERROR',
      400,
      `Dữ liệu không hợp lệ (${path}): ${issue.message}`,
      `Invalid input (${path}): ${issue.message}`,
      path,
    );
  }
  throw err;
}

function parseEntry(raw: unknown) {
  const abolition = z.object({ decision: z.object({ type: z.literal('abolished') }) }).safeParse(raw);
  if (abolition.success) {
    const e = abolitionEntrySchema.parse(raw);
    return { code: e.code, content: null, decision: e.decision };
  }
  const e = procedureEntrySchema.parse(raw);
  return { code: e.code, content: normalizeContent(e), decision: e.decision };
}

const codeOf = (raw: unknown) =>
  raw && typeof raw === 'object' && 'code' in raw && typeof raw.code === 'string' ? raw.code : null;

async function importDocument(run: Run, input: unknown, actor: Actor, locate: Locate): Promise<ImportReport> {
  const parsed = documentSchema.safeParse(input);
  if (!parsed.success) throw asAppError(parsed.error);
  const report: ImportReport = {
    fields: { created: 0, updated: 0, unchanged: 0 },
    created: 0,
    versioned: 0,
    abolished: 0,
    unchanged: 0,
    rejected: [],
  };
  const reject = (list: 'fields' | 'procedures', index: number, raw: unknown, err: unknown) => {
    const e = asAppError(err);
    const field = `${list}.${index}${e.field ? `.${e.field}` : ''}`;
    report.rejected.push({
      index,
      code: codeOf(raw),
      ...locate(list, index, e.field ?? ''),
      errorCode: e.code,
      field,
      message: e.message,
      messageVi: e.messageVi,
    });
  };
  for (const [i, raw] of parsed.data.fields.entries()) {
    try {
      const f = fieldEntrySchema.parse(raw);
      report.fields[await run((tx) => upsertField(tx, f, actor))]++;
    } catch (err) {
      reject('fields', i, raw, err);
    }
  }
  const organisation = organisationOnce();
  for (const [i, raw] of parsed.data.procedures.entries()) {
    try {
      const e = parseEntry(raw);
      const { plan } = await run((tx) => publishDecision(tx, e.code, e.content, e.decision, actor, organisation));
      const counter = {
        create: 'created',
        version: 'versioned',
        abolish: 'abolished',
        unchanged: 'unchanged',
      } as const;
      report[counter[plan]]++;
    } catch (err) {
      reject('procedures', i, raw, err);
    }
  }
  const { rejected, ...counts } = report;
  await run((tx) =>
    audit.record(tx, {
      actorUserId: actor.userId,
      action: 'procedure.import',
      entityType: 'catalogue',
      data: { ...counts, rejected: rejected.length },
    }),
  );
  return report;
}

const actorOf = (userId: number | null, principal: Principal | null): Actor => ({ userId, principal, via: 'import' });
const ownTransactions =
  (db: Db): Run =>
  (work) =>
    db.transaction().execute(work).finally(catalogueChanged);

/**
 * Imports a catalogue in the docs/catalogue-format.md shape: each field and each procedure in its
 * own transaction, so the good ones land and the bad ones are reported. Idempotent on the code.
 * `principal` limits what an administrator may change (API); omitted, the system imports (CLI).
 */
export async function importProcedures(
  db: Db,
  input: unknown,
  actorUserId: number | null,
  principal: Principal | null = null,
): Promise<ImportReport> {
  return importDocument(ownTransactions(db), input, actorOf(actorUserId, principal), nowhere);
}

/** The same inside the caller's transaction (the demo seed); a rejected entry writes nothing. */
export async function importProceduresTx(tx: Tx, input: unknown, actorUserId: number | null): Promise<ImportReport> {
  return importDocument((work) => work(tx), input, actorOf(actorUserId, null), nowhere);
}

/** Locates an entry's error in the workbook: the child sheet row for a component, fee or step. */
function workbookLocator(fieldRows: number[], entryRows: EntryRows[]): Locate {
  const childSheets = { components: SHEETS.components, fees: SHEETS.fees, process: SHEETS.process };
  return (list, index, path) => {
    if (list === 'fields') return { sheet: SHEETS.fields, row: fieldRows[index] };
    const rows = entryRows[index];
    const [child, at] = path.split('.');
    if (child in childSheets && at !== undefined) {
      const row = rows[child as keyof typeof childSheets][Number(at)];
      if (row !== undefined) return { sheet: childSheets[child as keyof typeof childSheets], row };
    }
    return { sheet: SHEETS.procedures, row: rows.row };
  };
}

/** Imports the XLSX workbook of docs/catalogue-format.md; rows are reported with their sheet and row. */
export async function importProceduresXlsx(
  db: Db,
  buffer: Buffer,
  actorUserId: number | null,
  principal: Principal | null = null,
): Promise<ImportReport> {
  const wb = await readCatalogueWorkbook(buffer, await listLevels(db));
  const report = await importDocument(
    ownTransactions(db),
    wb.document,
    actorOf(actorUserId, principal),
    workbookLocator(wb.fieldRows, wb.entryRows),
  );
  const orphans = wb.orphans.map((o): ImportRejection => ({
    index: null,
    code: o.code,
    sheet: o.sheet,
    row: o.row,
    errorCode: 'UNKNOWN_PROCEDURE',
    field: 'code',
    message: `No procedure with this code in the sheet "${SHEETS.procedures}"`,
    messageVi: `Không có thủ tục với mã này trong sheet "${SHEETS.procedures}"`,
  }));
  return { ...report, rejected: [...report.rejected, ...orphans] };
}
