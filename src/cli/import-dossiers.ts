import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Transform } from 'node:stream';
import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import type { Db, DbHandle } from '../db/database';
import { MAX_LISTED_REJECTIONS, importDossiers, type ImportReport } from '../modules/reports/import-service';

/** Rejected lines printed in the summary; `--json` prints the first MAX_LISTED_REJECTIONS. */
const SHOWN_REJECTIONS = 50;

/**
 * Imports an NDJSON file of historical dossiers as the system (no user scope), showing on `progress`
 * (the terminal's stderr, or null for none) a bar of the bytes read with the running counts.
 */
export async function importDossierFile(
  db: Db,
  file: string,
  progress: NodeJS.WritableStream | null,
): Promise<ImportReport> {
  const { size } = await stat(file);
  const bar = new cliProgress.SingleBar(
    {
      format:
        '{bar} {percentage}% | {lines} dòng/lines | mới/new {imported} | cập nhật/updated {updated} | lỗi/rejected {rejected}',
      // The caller chose the stream: draw on it even when it is not a terminal.
      noTTYOutput: true,
      ...(progress ? { stream: progress } : {}),
    },
    cliProgress.Presets.shades_classic,
  );
  const counts = { lines: 0, imported: 0, updated: 0, rejected: 0 };
  if (progress) bar.start(size, 0, counts);
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      if (progress) bar.increment(chunk.length);
      done(null, chunk);
    },
  });
  const input = createReadStream(file);
  input.on('error', (err) => counter.destroy(err));
  try {
    return await importDossiers(db, input.pipe(counter), {
      principal: null,
      onProgress: (p) => progress && bar.update(p),
    });
  } finally {
    if (progress) bar.stop();
  }
}

export function summaryLines(report: ImportReport): string[] {
  const shown = report.rejected.slice(0, SHOWN_REJECTIONS).map((r) => `  dòng/line ${r.line}: ${r.error}`);
  const more = report.rejectedCount - shown.length;
  return [
    `Mới/imported: ${report.imported}`,
    `Cập nhật/updated: ${report.updated}`,
    `Bị loại/rejected: ${report.rejectedCount}`,
    ...shown,
    ...(more > 0 ? [`  … ${more} dòng khác / more lines (--json lists the first ${MAX_LISTED_REJECTIONS})`] : []),
  ];
}

/** `import dossiers <file>`, under the `import` command that data.ts creates. */
export function registerImportCommands(imports: Command, database: () => Promise<DbHandle>): void {
  imports
    .command('dossiers <file>')
    .description(
      'Nhập hồ sơ lịch sử từ tệp NDJSON (docs/statistics.md) / Import historical dossiers from an NDJSON file',
    )
    .option('--json', 'in báo cáo dạng JSON / print the report as JSON')
    .action(async (file: string, options: { json?: boolean }) => {
      const { db } = await database();
      const report = await importDossierFile(db, file, process.stderr.isTTY ? process.stderr : null);
      console.log(options.json ? JSON.stringify(report, null, 2) : summaryLines(report).join('\n'));
    });
}
