import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import type { DbHandle } from '../db/database';
import { seedDemo } from '../demo/seed';
import { importProcedures, importProceduresXlsx, type ImportReport } from '../modules/catalogue/service';

function printImportReport(r: ImportReport): void {
  console.log(
    `Fields: ${r.fields.created} created, ${r.fields.updated} updated. Procedures: ${r.created} created, ` +
      `${r.versioned} new versions, ${r.abolished} abolished, ${r.unchanged} unchanged, ${r.rejected.length} rejected.`,
  );
  for (const x of r.rejected) {
    const where = x.sheet ? `${x.sheet} row ${x.row}` : `procedures[${x.index}]`;
    console.log(`  ✗ ${where} ${x.code ?? ''} ${x.field ?? ''}: ${x.messageVi} / ${x.message}`);
  }
}

/** `seed` and `import procedures`; answers the `import` command for the other importers. */
export function registerDataCommands(program: Command, database: () => Promise<DbHandle>): Command {
  program
    .command('seed')
    .description('Load the demo province into an empty database / Nạp dữ liệu mẫu vào cơ sở dữ liệu trống')
    .action(async () => {
      const { db } = await database();
      const any = await db.selectFrom('agencies').select('id').limit(1).executeTakeFirst();
      if (any) throw new Error('The database already has data; demo data is loaded only into an empty database.');
      await seedDemo(db);
      console.log('Demo data loaded.');
    });

  const imports = program.command('import').description('Import data / Nhập dữ liệu');
  imports
    .command('procedures <file>')
    .description('Import procedures from a .json or .xlsx file (docs/catalogue-format.md) / Nhập thủ tục hành chính')
    .action(async (file: string) => {
      const { db } = await database();
      const bytes = await readFile(file);
      const report = file.toLowerCase().endsWith('.xlsx')
        ? await importProceduresXlsx(db, bytes, null)
        : await importProcedures(db, JSON.parse(bytes.toString('utf8')), null);
      printImportReport(report);
      if (report.rejected.length > 0) process.exitCode = 2;
    });
  return imports;
}
