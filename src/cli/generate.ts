import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import type { DbHandle } from '../db/database';
import { addDays } from '../modules/calendar/dates';
import { vietnamDay } from '../modules/dossiers/rules';
import { seedDemo } from '../demo/seed';
import { generateDossiers, type GenerateOptions } from '../demo/generator/service';

export type RawGenerateOptions = {
  dossiers?: string;
  year?: string;
  seed?: string;
  asOf?: string;
  writers?: string;
  batchSize?: string;
};
type Tuning = Pick<GenerateOptions, 'writers' | 'batchSize'>;

const fail = (message: string): never => {
  throw new Error(message);
};

/** A whole number from `min` to `max` given to `flag`, or undefined when the flag was not given. */
function wholeOption(flag: string, raw: string | undefined, min: number, max: number): number | undefined {
  if (raw === undefined) return undefined;
  const n = /^\d+$/.test(raw) ? Number(raw) : NaN;
  if (!(n >= min && n <= max)) fail(`${flag} must be a whole number from ${min} to ${max}, got "${raw}"`);
  return n;
}

/** The write path's knobs (docs/performance.md, "The generator"); left out, the generator's defaults. */
function parseTuning(raw: RawGenerateOptions): Tuning {
  const tuning: Tuning = {};
  const writers = wholeOption('--writers', raw.writers, 1, 8);
  if (writers !== undefined) tuning.writers = writers;
  const batchSize = wholeOption('--batch-size', raw.batchSize, 1, 100_000);
  if (batchSize !== undefined) tuning.batchSize = batchSize;
  return tuning;
}

/**
 * The generator's options from the command line: N dossiers over the year Y (by default the twelve
 * months up to now), seed S (default 1), as things stand at --as-of (default now; a past year with
 * the same seed then gives the same rows, since its dossiers are all closed by now).
 */
export function parseGenerateOptions(raw: RawGenerateOptions, now: Date): Omit<GenerateOptions, 'onProgress'> {
  const count = /^\d+$/.test(raw.dossiers ?? '') ? Number(raw.dossiers) : NaN;
  if (!Number.isSafeInteger(count) || count < 1)
    fail(`--dossiers must be a positive whole number, got "${raw.dossiers ?? ''}"`);
  const seed = /^\d+$/.test(raw.seed ?? '1') ? Number(raw.seed ?? '1') : NaN;
  if (!Number.isSafeInteger(seed) || seed > 0xffffffff)
    fail(`--seed must be a whole number from 0 to 4294967295, got "${raw.seed}"`);
  const asOf = raw.asOf === undefined ? now : new Date(raw.asOf);
  if (Number.isNaN(asOf.getTime()))
    fail(`--as-of must be a date and time such as 2026-01-31T17:00:00+07:00, got "${raw.asOf}"`);
  const today = vietnamDay(asOf);
  const tuning = parseTuning(raw);
  if (raw.year === undefined) return { count, seed, asOf, from: addDays(today, -364), to: today, ...tuning };
  const year = /^\d{4}$/.test(raw.year) ? Number(raw.year) : NaN;
  const from = `${year}-01-01`;
  if (Number.isNaN(year) || year < 2000 || from > today) {
    fail(`--year must be a year from 2000 to ${today.slice(0, 4)}, got "${raw.year}"`);
  }
  const end = `${year}-12-31`;
  return { count, seed, asOf, from, to: end < today ? end : today, ...tuning };
}

export function registerGenerateCommand(program: Command, database: () => Promise<DbHandle>): void {
  program
    .command('generate')
    .description(
      'Sinh hồ sơ giả lập theo đúng quy tắc nghiệp vụ (docs/performance.md) / Generate synthetic dossiers for demos and benchmarks',
    )
    .requiredOption('--dossiers <n>', 'số hồ sơ / how many dossiers')
    .option('--year <y>', 'năm tiếp nhận (mặc định: 12 tháng gần nhất) / year of receipt (default: the last 12 months)')
    .option('--seed <s>', 'hạt giống ngẫu nhiên / random seed (default 1)')
    .option('--as-of <time>', 'thời điểm "hiện tại" của dữ liệu / the data\'s "now" (default: now)')
    .option('--writers <n>', 'số kết nối ghi đồng thời / batches written at once, PostgreSQL only (default 2)')
    .option('--batch-size <n>', 'số hồ sơ mỗi giao dịch / dossiers per transaction (default 2000)')
    .action(async (raw: RawGenerateOptions) => {
      const options = parseGenerateOptions(raw, new Date());
      const { db, kind } = await database();
      if (kind !== 'postgres' && (options.writers ?? 1) > 1)
        fail('--writers above 1 needs a PostgreSQL server (DATABASE_URL): PGlite has one connection');
      const any = await db.selectFrom('agencies').select('id').limit(1).executeTakeFirst();
      if (!any) await seedDemo(db);
      const bar = new cliProgress.SingleBar(
        { format: '{bar} {percentage}% | {value}/{total} hồ sơ/dossiers | {duration_formatted} | ETA {eta_formatted}' },
        cliProgress.Presets.shades_classic,
      );
      const show = process.stderr.isTTY === true;
      if (show) bar.start(options.count, 0);
      const started = Date.now();
      try {
        const report = await generateDossiers(db, {
          ...options,
          writers: options.writers ?? (kind === 'postgres' ? 2 : 1),
          onProgress: (n) => show && bar.update(n),
        });
        if (show) bar.stop();
        const seconds = (Date.now() - started) / 1000;
        console.log(
          `${any ? 'Reused the province in the database' : 'Seeded the demo province'}; generated ${report.dossiers} dossiers ` +
            `(${report.open} open) with ${report.events} history events and ${report.ratings} ratings, ${options.from}…${options.to}, seed ${options.seed}, ` +
            `in ${seconds.toFixed(1)} s (${Math.round(report.dossiers / seconds)} dossiers/s).`,
        );
      } finally {
        if (show) bar.stop();
      }
    });
}
