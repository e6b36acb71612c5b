import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { ZodError } from 'zod';

/** The one error type (conventions.md). Rendered as api.md's error shape. */
export class AppError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    readonly messageVi: string,
    messageEn: string,
    readonly field?: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(messageEn);
  }
}

export const notFound = (what: string, whatVi: string, field?: string) =>
  new AppError('NOT_FOUND', 404, `Không tìm thấy ${whatVi}`, `${what} not found`, field);

export const forbidden = () =>
  new AppError('FORBIDDEN', 403, 'Bạn không có quyền thực hiện thao tác này', 'You are not allowed to do this');

export const unauthenticated = () =>
  new AppError('UNAUTHENTICATED', 401, 'Vui lòng đăng nhập', 'Authentication required');

export const conflict = (code: string, messageVi: string, messageEn: string, field?: string) =>
  new AppError(code, 409, messageVi, messageEn, field);

export const invalid = (field: string, messageVi: string, messageEn: string) =>
  new AppError('VALIDATION_ERROR', 400, messageVi, messageEn, field);

export type ErrorBody = {
  error: { code: string; message: string; messageVi: string; field?: string; details?: Record<string, unknown> };
};

function body(
  code: string,
  message: string,
  messageVi: string,
  field?: string,
  details?: Record<string, unknown>,
): ErrorBody {
  return { error: { code, message, messageVi, ...(field ? { field } : {}), ...(details ? { details } : {}) } };
}

function validationBody(path: string, message: string): ErrorBody {
  const where = path ? ` (${path})` : '';
  return body(
    'VALIDATION_ERROR',
    `Invalid input${where}: ${message}`,
    `Dữ liệu không hợp lệ${where}: ${message}`,
    path || undefined,
  );
}

/** Field path of a zod issue or a Fastify/AJV validation entry, dotted: `applicant.idNumber`. */
function dotted(parts: readonly PropertyKey[]): string {
  return parts.map(String).join('.');
}

export function toErrorBody(err: unknown): { status: number; body: ErrorBody } {
  if (err instanceof AppError) {
    return { status: err.status, body: body(err.code, err.message, err.messageVi, err.field, err.details) };
  }
  if (err instanceof ZodError) {
    const issue = err.issues[0];
    return { status: 400, body: validationBody(dotted(issue.path), issue.message) };
  }
  const fe = err as FastifyError;
  if (hasZodFastifySchemaValidationErrors(fe)) {
    const first = fe.validation[0];
    const ctx = fe.validationContext ?? '';
    const path = first.instancePath.replace(/^\//, '').replace(/\//g, '.');
    const issue = first.params.issue as { message?: string } | undefined;
    const field = [ctx === 'body' ? '' : ctx, path].filter(Boolean).join('.');
    return { status: 400, body: validationBody(field, issue?.message ?? first.message ?? 'invalid') };
  }
  if (fe && typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500) {
    const code = fe.code ?? 'BAD_REQUEST';
    if (fe.statusCode === 429) {
      return {
        status: 429,
        body: body('RATE_LIMITED', 'Too many requests, please retry later', 'Quá nhiều yêu cầu, vui lòng thử lại sau'),
      };
    }
    if (fe.statusCode === 413) {
      return { status: 413, body: body('PAYLOAD_TOO_LARGE', 'Request body too large', 'Dữ liệu gửi lên quá lớn') };
    }
    if (code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
      return { status: 415, body: body('UNSUPPORTED_MEDIA_TYPE', fe.message, 'Định dạng dữ liệu không được hỗ trợ') };
    }
    return { status: fe.statusCode, body: body('BAD_REQUEST', fe.message, 'Yêu cầu không hợp lệ: ' + fe.message) };
  }
  return { status: 500, body: body('INTERNAL_ERROR', 'Internal server error', 'Lỗi hệ thống, vui lòng thử lại sau') };
}

/** The one handler that sends error bodies. */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err, request, reply) => {
    const { status, body: payload } = toErrorBody(err);
    if (status >= 500) request.log.error({ err }, 'unhandled error');
    return reply.status(status).send(payload);
  });
  app.setNotFoundHandler((request, reply) => {
    const { status, body: payload } = toErrorBody(notFound('Route', 'đường dẫn'));
    return reply.status(status).send(payload);
  });
}
