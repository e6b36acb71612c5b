import { Readable, Transform } from 'node:stream';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from '../../config';
import type { Db } from '../../db/database';
import { requireUser } from '../../shared/auth';
import { AppError } from '../../shared/errors';
import { ADMIN_ROLES } from '../identity/roles';
import { overdue, publicStatistics, trend } from './dashboard';
import {
  overdueQuery,
  overdueResponse,
  publicStatisticsQuery,
  publicStatisticsResponse,
  trendQuery,
  trendResponse,
} from './dashboard-schema';
import { summaryCsv, summaryXlsx } from './export';
import { importDossiers } from './import-service';
import {
  drillDownQuery,
  importResponse,
  summaryQuery,
  drillDownResponse,
  summaryResponse,
  trackingBookQuery,
} from './schema';
import { REPORT_ROLES, drillDown, summary, summaryTable } from './service';
import { TRACKING_BOOK_ROLES, bookCsv, bookXlsx, openBook, type BookQuery } from './tracking-book-service';

const TAGS = ['reports'];
const NDJSON = 'application/x-ndjson';
/** api.md: the import takes bodies of at least 200 MB (a city's year is a few hundred thousand lines). */
const IMPORT_BODY_LIMIT = 512 * 1024 * 1024;
/** Public statistics are aggregates, but each call reads the backlog: limited like the public lookup. */
const PUBLIC_RATE = { max: 60, timeWindow: '1 minute' };

const tooLarge = () =>
  new AppError(
    'PAYLOAD_TOO_LARGE',
    413,
    `Tệp nhập quá lớn (tối đa ${IMPORT_BODY_LIMIT / 1024 / 1024} MB)`,
    `The import body is too large (at most ${IMPORT_BODY_LIMIT / 1024 / 1024} MB)`,
  );

/** The request body as it arrives, failing with 413 past the limit: nothing is buffered whole. */
function limitedBody(request: FastifyRequest): Readable {
  if (!(request.body instanceof Readable)) {
    throw new AppError(
      'UNSUPPORTED_MEDIA_TYPE',
      415,
      `Dữ liệu nhập phải có kiểu ${NDJSON}, mỗi dòng một hồ sơ`,
      `The body must be ${NDJSON}, one dossier per line`,
    );
  }
  if (Number(request.headers['content-length'] ?? 0) > IMPORT_BODY_LIMIT) throw tooLarge();
  let bytes = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      bytes += chunk.length;
      done(bytes > IMPORT_BODY_LIMIT ? tooLarge() : null, chunk);
    },
  });
  request.body.on('error', (err) => counter.destroy(err));
  return request.body.pipe(counter);
}

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** An export downloaded as a file, its type told by its name's extension (.xlsx or .csv). */
function attachment(reply: FastifyReply, fileName: string, body: Buffer | string | Readable) {
  return reply
    .type(fileName.endsWith('.xlsx') ? XLSX_TYPE : 'text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${fileName}"`)
    .send(body);
}

export async function reportRoutes(app: FastifyInstance, opts: { db: Db; config: Config }) {
  const { db } = opts;
  /** The tracking book asked for, checked before anything streams, and how a failure while it streams is logged. */
  const trackingBook = async (request: FastifyRequest, q: BookQuery) => ({
    book: await openBook(db, requireUser(request), q),
    // The book holds applicants' names and addresses: the log names the agency and period only.
    onError: (err: unknown) =>
      request.log.error({ err, agency: q.agency, from: q.from, to: q.to }, 'tracking book export failed'),
    fileName: `so-theo-doi-ho-so-${q.agency}-${q.from}-${q.to}`,
  });
  // Inside this plugin only: the import body reaches the handler as a stream, read line by line.
  app.addContentTypeParser(NDJSON, (_request, payload, done) => done(null, payload));
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/reports/summary',
    {
      config: { access: REPORT_ROLES },
      schema: {
        tags: TAGS,
        summary: 'Tình hình, kết quả giải quyết TTHC theo kỳ / Period statistics of dossiers',
        querystring: summaryQuery,
        response: { 200: summaryResponse },
      },
    },
    async (request) => summary(db, requireUser(request), request.query),
  );

  r.get(
    '/api/reports/summary/dossiers',
    {
      config: { access: REPORT_ROLES },
      schema: {
        tags: TAGS,
        summary: 'Danh sách hồ sơ của một số liệu thống kê / The dossiers behind one number',
        querystring: drillDownQuery,
        response: { 200: drillDownResponse },
      },
    },
    async (request) => drillDown(db, requireUser(request), request.query),
  );

  r.get(
    '/api/reports/trend',
    {
      config: { access: REPORT_ROLES },
      schema: {
        tags: TAGS,
        summary: 'Số liệu thống kê theo từng tháng của kỳ / The summary of each month of the period',
        querystring: trendQuery,
        response: { 200: trendResponse },
      },
    },
    async (request) => trend(db, requireUser(request), request.query),
  );

  r.get(
    '/api/reports/overdue',
    {
      config: { access: REPORT_ROLES },
      schema: {
        tags: TAGS,
        summary: 'Hồ sơ đang giải quyết quá hạn, người đang giữ / Overdue dossiers in progress and their holder',
        querystring: overdueQuery,
        response: { 200: overdueResponse },
      },
    },
    async (request) => overdue(db, requireUser(request), request.query),
  );

  r.get(
    '/api/public/statistics',
    {
      config: { access: 'public', rateLimit: PUBLIC_RATE },
      schema: {
        tags: TAGS,
        summary: 'Công khai tỷ lệ giải quyết đúng hạn theo cơ quan, thủ tục / Public on-time statistics',
        querystring: publicStatisticsQuery,
        response: { 200: publicStatisticsResponse },
      },
    },
    async (request) => publicStatistics(db, request.query),
  );

  r.get(
    '/api/reports/summary.xlsx',
    {
      config: { access: REPORT_ROLES },
      schema: {
        tags: TAGS,
        summary: 'Xuất Biểu II.06a/VPCP/KSTT (XLSX) / Export the periodic form as XLSX',
        querystring: summaryQuery,
      },
    },
    async (request, reply) => {
      const q = request.query;
      const table = await summaryTable(db, requireUser(request), q, q.groupBy ?? 'field');
      return attachment(reply, `bieu-II.06a-${q.from}-${q.to}.xlsx`, await summaryXlsx(table));
    },
  );

  r.get(
    '/api/reports/summary.csv',
    {
      config: { access: REPORT_ROLES },
      schema: {
        tags: TAGS,
        summary: 'Xuất Biểu II.06a/VPCP/KSTT (CSV) / Export the periodic form as CSV',
        querystring: summaryQuery,
      },
    },
    async (request, reply) => {
      const q = request.query;
      const table = await summaryTable(db, requireUser(request), q, q.groupBy ?? 'field');
      return attachment(reply, `bieu-II.06a-${q.from}-${q.to}.csv`, summaryCsv(table));
    },
  );

  r.get(
    '/api/reports/tracking-book.xlsx',
    {
      config: { access: TRACKING_BOOK_ROLES },
      schema: {
        tags: TAGS,
        summary: 'Sổ theo dõi hồ sơ (Mẫu 06 TT 01/2018, Mẫu 07 TT 03/2025), XLSX / The desk tracking book as XLSX',
        querystring: trackingBookQuery,
      },
    },
    async (request, reply) => {
      const { book, onError, fileName } = await trackingBook(request, request.query);
      return attachment(reply, `${fileName}.xlsx`, bookXlsx(db, book, onError));
    },
  );

  r.get(
    '/api/reports/tracking-book.csv',
    {
      config: { access: TRACKING_BOOK_ROLES },
      schema: {
        tags: TAGS,
        summary: 'Sổ theo dõi hồ sơ, CSV / The desk tracking book as CSV',
        querystring: trackingBookQuery,
      },
    },
    async (request, reply) => {
      const { book, onError, fileName } = await trackingBook(request, request.query);
      return attachment(reply, `${fileName}.csv`, bookCsv(db, book, onError));
    },
  );

  r.post(
    '/api/import/dossiers',
    {
      config: { access: ADMIN_ROLES },
      schema: {
        tags: TAGS,
        summary: 'Nhập hồ sơ lịch sử (NDJSON) / Import historical dossiers (NDJSON)',
        consumes: [NDJSON],
        response: { 200: importResponse },
      },
    },
    async (request) => importDossiers(db, limitedBody(request), { principal: requireUser(request) }),
  );
}
