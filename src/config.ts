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
  DEMO_DOSSIERS: z.coerce.number().int().min(0).max(100_000).default(1800),
  PUBLIC_BASE_URL: z.string().default('http://localhost:3000'),
  SMTP_URL: z.string().url().optional(),
  MAIL_FROM: z.string().min(3).default('Hệ thống một cửa điện tử <no-reply@localhost>'),
  APPLICANT_PHONE_CHANNELS: z
    .string()
    .default('sms')
    .transform((s) => [...new Set(s.split(',').map((c) => c.trim()))].filter(Boolean))
    .pipe(z.array(z.enum(['sms', 'zalo']))),
  REMINDER_TIME: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM')
    .default('07:30'),
  REMINDER_WINDOW_WORKING_DAYS: z.coerce.number().int().min(0).max(30).default(1),
  SCHEDULER_ENABLED: z.stringbool().optional(),
  SCHEDULER_INTERVAL_SECONDS: z.coerce.number().positive().default(60),
  OUTBOX_INTERVAL_SECONDS: z.coerce.number().positive().default(10),
  OUTBOX_MAX_ATTEMPTS: z.coerce.number().int().min(1).default(10),
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
  /** Generated dossiers the demo seed adds over the last twelve months (0: the province only). */
  demoDossiers: number;
  publicBaseUrl: string;
  /** SMTP server for outgoing email (smtp://user:pass@host:port); unset → emails are held in the outbox. */
  smtpUrl?: string;
  mailFrom: string;
  /** Channels for messages to an applicant's phone: 'sms', 'zalo' or both. */
  applicantPhoneChannels: ('sms' | 'zalo')[];
  /** 'HH:MM' Vietnam time of the daily reminders. */
  reminderTime: string;
  /** Officers are reminded of dossiers due by the close of the N-th next working day. */
  reminderWindowWorkingDays: number;
  /** Runs the reminder scheduler and the outbox dispatcher in this process (off in tests by default). */
  schedulerEnabled: boolean;
  schedulerIntervalSeconds: number;
  outboxIntervalSeconds: number;
  outboxMaxAttempts: number;
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
    demoDossiers: e.DEMO_DOSSIERS,
    publicBaseUrl: e.PUBLIC_BASE_URL,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    applicantPhoneChannels: e.APPLICANT_PHONE_CHANNELS,
    reminderTime: e.REMINDER_TIME,
    reminderWindowWorkingDays: e.REMINDER_WINDOW_WORKING_DAYS,
    schedulerEnabled: e.SCHEDULER_ENABLED ?? e.NODE_ENV !== 'test',
    schedulerIntervalSeconds: e.SCHEDULER_INTERVAL_SECONDS,
    outboxIntervalSeconds: e.OUTBOX_INTERVAL_SECONDS,
    outboxMaxAttempts: e.OUTBOX_MAX_ATTEMPTS,
  };
}
