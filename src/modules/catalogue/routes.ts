import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/database';
import type { Config } from '../../config';
import { requireUser } from '../../shared/auth';
import { AppError } from '../../shared/errors';
import { ADMIN_ROLES } from '../identity/roles';
import {
  abolishBody,
  atQuery,
  codeParams,
  componentParams,
  createBody,
  fieldBody,
  listQuery,
  versionBody,
} from './schema';
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
import {
  MAX_TEMPLATE_BYTES,
  attachTemplate,
  attachmentHeader,
  removeTemplate,
  templateDownload,
  templateTooLarge,
} from './templates';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const PUBLIC = { access: 'public', rateLimit: { max: 600, timeWindow: '1 minute' } } as const;
const tags = ['catalogue'];

export async function catalogueRoutes(app: FastifyInstance, opts: { db: Db; config: Config }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = opts;
  // The XLSX import takes the workbook as the raw request body (docs/catalogue-format.md).
  app.addContentTypeParser(XLSX_TYPE, { parseAs: 'buffer' }, (_request, body, done) => done(null, body));
  // Form templates arrive as multipart/form-data, one file.
  await app.register(multipart, { limits: { fileSize: MAX_TEMPLATE_BYTES, files: 1, fields: 0 } });

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

  const templatePath = '/api/procedures/:code/components/:seq/template';

  r.put(
    templatePath,
    {
      config: { access: ADMIN_ROLES },
      schema: {
        tags,
        summary: 'Tải lên mẫu đơn, tờ khai (PDF, DOC, DOCX, ODT ≤ 5 MB) / Upload a component’s form template',
        description: 'Attaches the file to component `seq` (1, 2, …) of the version in force.',
        params: componentParams,
        consumes: ['multipart/form-data'],
      },
    },
    async (request) => {
      if (!request.isMultipart()) {
        throw new AppError(
          'UNSUPPORTED_MEDIA_TYPE',
          415,
          'Tệp phải được gửi dạng multipart/form-data',
          'Send the file as multipart/form-data',
          'file',
        );
      }
      const part = await request.file();
      if (!part) throw new AppError('FILE_REQUIRED', 400, 'Chưa chọn tệp', 'No file in the request', 'file');
      let content: Buffer;
      try {
        content = await part.toBuffer();
      } catch (e) {
        if ((e as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw templateTooLarge();
        throw e;
      }
      const { code, seq } = request.params;
      return attachTemplate(db, requireUser(request), code, seq, { fileName: part.filename, content });
    },
  );

  r.delete(
    templatePath,
    {
      config: { access: ADMIN_ROLES },
      schema: { tags, summary: 'Gỡ mẫu đơn, tờ khai / Remove a component’s form template', params: componentParams },
    },
    async (request, reply) => {
      await removeTemplate(db, requireUser(request), request.params.code, request.params.seq);
      return reply.status(204).send();
    },
  );

  r.get(
    templatePath,
    {
      config: PUBLIC,
      schema: {
        tags,
        summary: 'Tải mẫu đơn, tờ khai / Download a component’s form template (version in force)',
        params: componentParams,
      },
    },
    async (request, reply) => {
      const f = await templateDownload(db, request.params.code, request.params.seq);
      return reply
        .header('content-type', f.contentType)
        .header('content-disposition', attachmentHeader(f.fileName))
        .send(f.content);
    },
  );
}
