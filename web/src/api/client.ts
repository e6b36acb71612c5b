/** The API's error shape (api.md), carried as an exception so pages can show messageVi or message. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly messageVi: string,
    readonly field?: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

type ErrorBody = {
  error?: { code?: string; message?: string; messageVi?: string; field?: string; details?: Record<string, unknown> };
};

export type Query = Record<string, string | number | boolean | undefined | null>;

export type RequestOptions = {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  query?: Query;
  body?: unknown;
  signal?: AbortSignal;
  /** Extra request headers, such as the Idempotency-Key of an intake. */
  headers?: Record<string, string>;
};

// The session cookie is httpOnly; state changes through it must echo the CSRF token the server gave us.
let csrfToken: string | null = null;
let onUnauthorized: (() => void) | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called when an authenticated call answers 401 (session expired): the session layer logs out locally. */
export function setUnauthorizedHandler(handler: (() => void) | null): void {
  onUnauthorized = handler;
}

function buildUrl(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

async function toApiError(res: Response): Promise<ApiError> {
  let parsed: ErrorBody = {};
  try {
    parsed = (await res.json()) as ErrorBody;
  } catch {
    // A proxy or crash page without our JSON body: fall back to the status line.
  }
  const e = parsed.error ?? {};
  const message = e.message ?? `HTTP ${res.status}`;
  return new ApiError(res.status, e.code ?? 'HTTP_ERROR', message, e.messageVi ?? message, e.field, e.details);
}

/** JSON fetch against the same-origin API; resolves to the parsed body (undefined for 204). */
export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
  const body = options.body;
  // A Blob (an uploaded workbook) goes as it is, with its own media type; anything else as JSON.
  if (body !== undefined) headers['content-type'] = body instanceof Blob ? body.type : 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  const res = await fetch(buildUrl(path, options.query), {
    method,
    headers,
    body: body === undefined ? undefined : body instanceof Blob ? body : JSON.stringify(body),
    credentials: 'same-origin',
    signal: options.signal,
  });
  if (!res.ok) {
    const err = await toApiError(res);
    if (res.status === 401 && path !== '/api/auth/login') onUnauthorized?.();
    throw err;
  }
  if (res.status === 204) return undefined as T;
  return (await res.json()) as T;
}

/** A multipart upload (a scanned document): the browser writes the content type with its boundary. */
export async function upload<T>(
  path: string,
  form: FormData,
  signal?: AbortSignal,
  method: 'POST' | 'PUT' = 'POST',
): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (csrfToken) headers['x-csrf-token'] = csrfToken;
  const res = await fetch(path, { method, headers, body: form, credentials: 'same-origin', signal });
  if (!res.ok) {
    const err = await toApiError(res);
    if (res.status === 401) onUnauthorized?.();
    throw err;
  }
  return (await res.json()) as T;
}
