import { z } from 'zod';

/** The one place that reads process.env (conventions.md). Validated once at start. */
const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  DATABASE_URL: z.string().url().optional(),
  DATA_DIR: z.string().default('./data'),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SESSION_TTL_HOURS: z.coerce.number().positive().default(12),
  LOGIN_MAX_FAILURES: z.coerce.number().int().positive().default(5),
  LOGIN_LOCK_MINUTES: z.coerce.number().positive().default(15),
  SEED_DEMO: z.enum(['auto', 'never', 'always']).default('auto'),
  PUBLIC_BASE_URL: z.string().default('http://localhost:3000'),
});

export type Config = {
  port: number;
  host: string;
  databaseUrl?: string;
  /** PGlite data folder, or `memory://` for an in-memory database (tests). */
  dataDir: string;
  env: 'development' | 'production' | 'test';
  logLevel: string;
  sessionTtlHours: number;
  loginMaxFailures: number;
  loginLockMinutes: number;
  seedDemo: 'auto' | 'never' | 'always';
  publicBaseUrl: string;
  /** Postgres schema to use (tests isolate themselves in a fresh schema). */
  dbSchema?: string;
};

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`Invalid environment variable ${issue.path.join('.')}: ${issue.message}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir: e.DATA_DIR,
    env: e.NODE_ENV,
    logLevel: e.LOG_LEVEL,
    sessionTtlHours: e.SESSION_TTL_HOURS,
    loginMaxFailures: e.LOGIN_MAX_FAILURES,
    loginLockMinutes: e.LOGIN_LOCK_MINUTES,
    seedDemo: e.SEED_DEMO,
    publicBaseUrl: e.PUBLIC_BASE_URL,
  };
}
