import type { FastifyInstance } from 'fastify';
import multipart from '@fastify/multipart';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Db } from '../../db/database';
import type { Config } from '../../config';
import { requireUser } from '../../shared/auth';
import { AppError } from '../../shared/errors';
import * as desk from './desk-service';
import { MAX_FILE_BYTES, uploadFile } from './file-service';
import { intakeDossier } from './intake-service';
import { rolesFor } from './lifecycle';
import { getDossier, getFile, getForm, getPublicDossier, searchDossiers } from './query-service';
import {
  acceptBody,
  codeParams,
  fileParams,
  formParams,
  idempotencyHeaders,
  intakeBody,
  reasonBody,
  resubmitBody,
  searchQuery,
  supplementBody,
} from './schema';

const TAGS = ['dossiers'];
/**
 * 60 lookups a minute per address. The X-RateLimit-* headers are sent with the 429 only: three headers
 * on every answer of the busiest anonymous route cost ~5 % of its rate (docs/performance.md).
 */
const PUBLIC_RATE = {
  max: 60,
  timeWindow: '1 minute',
  addHeadersOnExceeding: { 'x-ratelimit-limit': false, 'x-ratelimit-remaining': false, 'x-ratelimit-reset': false },
};

export async function dossierRoutes(app: FastifyInstance, opts: { db: Db; config: Config }) {
  const { db } = opts;
  await app.register(multipart, { limits: { fileSize: MAX_FILE_BYTES, files: 1, fields: 0 } });
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/api/dossiers',
    {
      config: { access: [...rolesFor('receive'), ...rolesFor('submit')] },
      schema: {
        tags: TAGS,
        summary: 'Tiếp nhận / nộp hồ sơ / Receive or submit a dossier',
        headers: idempotencyHeaders,
        body: intakeBody,
      },
    },
    async (request, reply) => {
      const key = request.headers['idempotency-key'];
      const result = await intakeDossier(db, requireUser(request), request.body, key);
      if (result.replayed) reply.header('idempotent-replayed', 'true');
      return reply.status(201).send(result.dossier);
    },
  );

  r.get(
    '/api/dossiers',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: TAGS,
        summary: 'Tra cứu, hàng chờ hồ sơ / Search dossiers, desk queue',
        querystring: searchQuery,
      },
    },
    async (request) => searchDossiers(db, requireUser(request), request.query),
  );

  r.get(
    '/api/dossiers/:code',
    {
      config: { access: 'authenticated' },
      schema: { tags: TAGS, summary: 'Hồ sơ và quá trình xử lý / Dossier with history', params: codeParams },
    },
    async (request) => getDossier(db, requireUser(request), request.params.code),
  );

  r.get(
    '/api/dossiers/:code/forms/:form',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: TAGS,
        summary:
          'Dữ liệu biểu mẫu của hồ sơ / Receipt, supplement request, refusal, apology, stop notice or control sheet data',
        params: formParams,
      },
    },
    async (request) => getForm(db, requireUser(request), request.params.code, request.params.form),
  );

  r.get(
    '/api/dossiers/:code/files/:fileId',
    {
      config: { access: 'authenticated' },
      schema: { tags: TAGS, summary: 'Tải tệp đính kèm / Download an attached file', params: fileParams },
    },
    async (request, reply) => {
      const file = await getFile(db, requireUser(request), request.params.code, request.params.fileId);
      return reply
        .type(file.contentType)
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}`)
        .send(file.content);
    },
  );

  r.post(
    '/api/dossiers/:code/accept',
    {
      config: { access: rolesFor('accept') },
      schema: {
        tags: TAGS,
        summary: 'Tiếp nhận hồ sơ trực tuyến / Accept after the desk check',
        params: codeParams,
        body: acceptBody,
      },
    },
    async (request) => desk.acceptDossier(db, requireUser(request), request.params.code, request.body),
  );

  r.post(
    '/api/dossiers/:code/request-supplement',
    {
      config: { access: rolesFor('request_supplement') },
      schema: {
        tags: TAGS,
        summary: 'Yêu cầu bổ sung hồ sơ / Request a supplement',
        params: codeParams,
        body: supplementBody,
      },
    },
    async (request) => desk.requestSupplement(db, requireUser(request), request.params.code, request.body),
  );

  r.post(
    '/api/dossiers/:code/resubmit',
    {
      config: { access: rolesFor('resubmit') },
      schema: {
        tags: TAGS,
        summary: 'Bổ sung hồ sơ / Resubmit with the supplement',
        params: codeParams,
        body: resubmitBody,
      },
    },
    async (request) => desk.resubmitDossier(db, requireUser(request), request.params.code, request.body),
  );

  r.post(
    '/api/dossiers/:code/refuse',
    {
      config: { access: rolesFor('refuse') },
      schema: {
        tags: TAGS,
        summary: 'Từ chối tiếp nhận hồ sơ / Refuse a dossier',
        params: codeParams,
        body: reasonBody,
      },
    },
    async (request) => desk.refuseDossier(db, requireUser(request), request.params.code, request.body),
  );

  r.post(
    '/api/dossiers/:code/withdraw',
    {
      config: { access: rolesFor('withdraw') },
      schema: { tags: TAGS, summary: 'Rút hồ sơ / Withdraw a dossier', params: codeParams, body: reasonBody },
    },
    async (request) => desk.withdrawDossier(db, requireUser(request), request.params.code, request.body),
  );

  r.post(
    '/api/dossier-files',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: TAGS,
        summary: 'Tải lên tệp hồ sơ (PDF, JPEG, PNG) / Upload a dossier file',
        consumes: ['multipart/form-data'],
      },
    },
    async (request, reply) => {
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
      const content = await part.toBuffer();
      const meta = await uploadFile(db, requireUser(request), {
        name: part.filename,
        declaredType: part.mimetype,
        content,
      });
      return reply.status(201).send(meta);
    },
  );

  r.get(
    '/api/public/dossiers/:code',
    {
      config: { access: 'public', rateLimit: PUBLIC_RATE },
      schema: { tags: ['public'], summary: 'Tra cứu hồ sơ công khai / Public dossier lookup', params: codeParams },
    },
    async (request) => getPublicDossier(db, request.params.code),
  );
}
