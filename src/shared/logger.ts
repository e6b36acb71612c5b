import type { FastifyServerOptions } from 'fastify';

/** Paths that may hold personal data or secrets; pino replaces them so they never reach a log. */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  '*.password',
  '*.idNumber',
  '*.phone',
  '*.email',
  '*.token',
];

/** The path of a request URL as logged: no query string, one-time rating tokens masked. */
export function loggedPath(url: string): string {
  return url.split('?')[0].replace(/^(\/api\/public\/ratings\/|\/danh-gia\/)[^/]+/, '$1[token]');
}

export function loggerOptions(level: string): FastifyServerOptions['logger'] {
  return {
    level,
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    serializers: {
      // Query strings can carry search terms with names or ID numbers: log the path only; a rating
      // link's one-time token is a credential: masked.
      req: (req) => ({ method: req.method, url: loggedPath(String(req.url)), reqId: req.id }),
    },
  };
}
