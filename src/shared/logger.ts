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

export function loggerOptions(level: string): FastifyServerOptions['logger'] {
  return {
    level,
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    serializers: {
      // Query strings can carry search terms with names or ID numbers: log the path only.
      req: (req) => ({ method: req.method, url: String(req.url).split('?')[0], reqId: req.id }),
    },
  };
}
