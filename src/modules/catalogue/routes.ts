import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/database';
import type { Config } from '../../config';
import { requireUser } from '../../shared/auth';
import { ADMIN_ROLES } from '../identity/roles';
import { abolishBody, atQuery, codeParams, createBody, fieldBody, listQuery, versionBody } from './schema';
import {
  abolishProcedure,
  createProcedure,
  fieldList,
  getProcedure,
  importProcedures,
  importProceduresXlsx,
  procedureHistory,
  publishVersion,
  saveField,
  searchProcedures,
} from './service';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const PUBLIC = { access: 'public', rateLimit: { max: 600, timeWindow: '1 minute' } } as const;
const tags = ['catalogue'];

export async function catalogueRoutes(app: FastifyInstance, opts: { db: Db; config: Config }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = opts;
  // The XLSX import takes the workbook as the raw request body (docs/catalogue-format.md).
  app.addContentTypeParser(XLSX_TYPE, { parseAs: 'buffer' }, (_request, body, done) => done(null, body));

  r.get(
    '/api/fields',
    { config: PUBLIC, schema: { tags, summary: 'Danh sách lĩnh vực / Fields of the catalogue' } },
    async () => fieldList(db),
  );

  r.put(
    '/api/fields/:code',
    {
      config: { access: ['province_admin'] },
      schema: { tags, summary: 'Tạo, sửa lĩnh vực / Create or rename a field', params: codeParams, body: fieldBody },
    },
    async (request) => saveField(db, requireUser(request), { code: request.params.code, ...request.body }),
  );

  r.get(
    '/api/procedures',
    {
      config: PUBLIC,
      schema: {
        tags,
        summary: 'Tra cứu thủ tục hành chính / Search procedures in force',
        description:
          '`q` bỏ qua dấu tiếng Việt, kết quả khớp nhất trước / `q` ignores diacritics, best match first. ' +
          '`at` (YYYY-MM-DD): the procedures in force on that day instead of today.',
        querystring: listQuery,
      },
    },
    async (request) => searchProcedures(db, request.query),
  );

  r.get(
    '/api/procedures/:code',
    {
      config: PUBLIC,
      schema: {
        tags,
        summary: 'Chi tiết thủ tục đang có hiệu lực / The procedure in force (or on `at`)',
        params: codeParams,
        querystring: atQuery,
      },
    },
    async (request) => getProcedure(db, request.params.code, request.query.at),
  );

  r.get(
    '/api/procedures/:code/versions',
    {
      config: PUBLIC,
      schema: { tags, summary: 'Lịch sử công bố thủ tục / Versions and their decisions', params: codeParams },
    },
    async (request) => procedureHistory(db, request.params.code),
  );

  r.post(
    '/api/procedures',
    {
      config: { access: ADMIN_ROLES },
      schema: { tags, summary: 'Công bố thủ tục mới / Create a procedure', body: createBody },
    },
    async (request, reply) => reply.status(201).send(await createProcedure(db, requireUser(request), request.body)),
  );

  r.post(
    '/api/procedures/:code/versions',
    {
      config: { access: ADMIN_ROLES },
      schema: {
        tags,
        summary: 'Công bố sửa đổi, thay thế / Publish an amended or replacing version',
        params: codeParams,
        body: versionBody,
      },
    },
    async (request, reply) =>
      reply.status(201).send(await publishVersion(db, requireUser(request), request.params.code, request.body)),
  );

  r.post(
    '/api/procedures/:code/abolish',
    {
      config: { access: ADMIN_ROLES },
      schema: { tags, summary: 'Bãi bỏ thủ tục / Abolish a procedure', params: codeParams, body: abolishBody },
    },
    async (request) => abolishProcedure(db, requireUser(request), request.params.code, request.body.decision),
  );

  r.post(
    '/api/procedures/import',
    {
      config: { access: ADMIN_ROLES },
      schema: {
        tags,
        summary: 'Nhập thủ tục từ tệp JSON hoặc XLSX / Import procedures (JSON or XLSX)',
        description: `Body: the JSON document of docs/catalogue-format.md (application/json), or the workbook (${XLSX_TYPE}).`,
        body: z.unknown(),
      },
    },
    async (request) => {
      const p = requireUser(request);
      return Buffer.isBuffer(request.body)
        ? importProceduresXlsx(db, request.body, p.userId, p)
        : importProcedures(db, request.body, p.userId, p);
    },
  );
}
