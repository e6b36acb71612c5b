import { PassThrough, Readable } from 'node:stream';
import type { Executor } from '../../db/database';
import { requireRoleOver } from '../../shared/auth';
import { invalid, notFound } from '../../shared/errors';
import { dayNumber, formatDateVi } from '../calendar/dates';
import { ruleSetAt } from '../dossiers/rules';
import type { Role } from '../identity/roles';
import type { Principal } from '../identity/rules';
import { periodOf } from './rules';
import { REPORT_ROLES } from './service';
import * as store from './store';
import { BOOK_COLUMNS, BOOK_TITLE, NATIONAL_HEADER, bookFormLine, bookRow, bookSheetName } from './tracking-book';
import { bookEvents, bookPage, ruleSetsIn, type BookEvent, type BookPeriod } from './tracking-book-store';

/** The desk keeps the book; leaders, administrators and inspectors read it, each over their agencies. */
export const TRACKING_BOOK_ROLES: Role[] = ['reception', ...REPORT_ROLES];
/** A year, leap or not: longer periods are refused so one download stays a bounded read. */
export const MAX_BOOK_DAYS = 366;
const PAGE = 500;

export type BookQuery = { agency: string; from: string; to: string };
export type Book = { agency: store.AgencyRef; from: string; to: string; period: BookPeriod; ruleSets: string[] };

/** Checks the period and the caller's role over the agency; nothing is streamed before this passes. */
export async function openBook(db: Executor, principal: Principal, q: BookQuery): Promise<Book> {
  const period = periodOf(q.from, q.to);
  if (dayNumber(q.to) - dayNumber(q.from) + 1 > MAX_BOOK_DAYS) {
    throw invalid('to', `Kỳ tối đa ${MAX_BOOK_DAYS} ngày`, `The period is at most ${MAX_BOOK_DAYS} days`);
  }
  const agency = await store.findAgency(db, q.agency);
  if (!agency) throw notFound('Agency', 'cơ quan', 'agency');
  requireRoleOver(principal, TRACKING_BOOK_ROLES, agency.path);
  const bookPeriod = { agencyId: agency.id, start: period.start, end: period.end };
  return { agency, from: q.from, to: q.to, period: bookPeriod, ruleSets: await ruleSetsIn(db, bookPeriod) };
}

/** The rows of one rule set's book, a page of dossiers (and their events) at a time. */
async function* bookRows(db: Executor, book: Book, ruleSet: string): AsyncGenerator<(string | number)[]> {
  let after: { at: Date; id: number } | null = null;
  let n = 0;
  for (;;) {
    const page = await bookPage(db, book.period, ruleSet, after, PAGE);
    if (page.length === 0) return;
    const events = new Map<number, BookEvent[]>();
    for (const e of await bookEvents(
      db,
      page.map((d) => d.id),
    )) {
      const list = events.get(e.dossier_id) ?? [];
      list.push(e);
      events.set(e.dossier_id, list);
    }
    for (const d of page) yield bookRow(++n, d, events.get(d.id) ?? [], book.agency.name);
    if (page.length < PAGE) return;
    const last = page[page.length - 1];
    after = { at: last.received_at, id: last.id };
  }
}

const periodLine = (b: Book) => `Từ ngày ${formatDateVi(b.from)} đến ngày ${formatDateVi(b.to)}`;

/**
 * The book as XLSX, written as it is read: exceljs's streaming writer commits each row, so memory
 * stays flat whatever the period holds. One sheet per rule set present (a period across 1/7/2025
 * has both books); a period without dossiers has one empty sheet of the rule set in force at its end.
 */
export function bookXlsx(db: Executor, book: Book, onError: (err: unknown) => void): Readable {
  const out = new PassThrough();
  void (async () => {
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
    const ruleSets = book.ruleSets.length > 0 ? book.ruleSets : [ruleSetAt(new Date(book.period.end.getTime() - 1))];
    for (const ruleSet of ruleSets) {
      const ws = wb.addWorksheet(bookSheetName(ruleSet), {
        pageSetup: { orientation: 'landscape', paperSize: 9, fitToWidth: 1 },
      });
      ws.columns = [6, 26, 36, 10, 24, 32, 26, 16, 16, 18, 18, 18, 28].map((width) => ({ width }));
      const lines: [string, boolean][] = [
        [bookFormLine(ruleSet), false],
        [NATIONAL_HEADER[0], true],
        [NATIONAL_HEADER[1], true],
        [book.agency.name.toLocaleUpperCase('vi'), true],
        [BOOK_TITLE, true],
        [periodLine(book), false],
      ];
      lines.forEach(([text, bold], i) => {
        ws.mergeCells(i + 1, 1, i + 1, BOOK_COLUMNS.length);
        const row = ws.getRow(i + 1);
        row.getCell(1).value = text;
        row.getCell(1).font = { bold, italic: i === 0, size: i === 4 ? 14 : 11 };
        row.getCell(1).alignment = { horizontal: i === 0 ? 'right' : 'center', wrapText: true };
        row.commit();
      });
      const head = ws.getRow(lines.length + 2);
      head.values = [...BOOK_COLUMNS];
      const numbers = ws.getRow(lines.length + 3);
      numbers.values = BOOK_COLUMNS.map((_, i) => `(${i + 1})`);
      for (const row of [head, numbers]) {
        row.eachCell((cell) => {
          cell.font = { bold: row === head, italic: row === numbers };
          cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
          cell.border = BORDER;
        });
        row.commit();
      }
      let r = lines.length + 4;
      for await (const values of bookRows(db, book, ruleSet)) {
        const row = ws.getRow(r++);
        row.values = values;
        row.eachCell((cell) => {
          cell.border = BORDER;
          cell.alignment = { vertical: 'top', wrapText: true };
        });
        row.commit();
      }
      ws.commit();
    }
    await wb.commit();
  })().catch((err: unknown) => {
    onError(err);
    out.destroy(err instanceof Error ? err : new Error(String(err)));
  });
  return out;
}

const thin = { style: 'thin' } as const;
const BORDER = { top: thin, left: thin, bottom: thin, right: thin };

const csvCell = (v: string | number) => {
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** The same rows as CSV (UTF-8 with a byte order mark, CRLF), the rule sets one after the other. */
export function bookCsv(db: Executor, book: Book, onError: (err: unknown) => void): Readable {
  return Readable.from(
    (async function* () {
      try {
        yield `\uFEFF${BOOK_COLUMNS.map(csvCell).join(',')}\r\n`;
        for (const ruleSet of book.ruleSets) {
          for await (const values of bookRows(db, book, ruleSet)) yield `${values.map(csvCell).join(',')}\r\n`;
        }
      } catch (err) {
        onError(err);
        throw err;
      }
    })(),
  );
}
