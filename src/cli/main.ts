import { Command, CommanderError } from 'commander';
import { loadConfig } from '../config';
import { openDatabase, type DbHandle } from '../db/database';
import { migrateToLatest } from '../db/migrate';
import { registerUserCommands } from './users';
import { registerDataCommands } from './data';
import { registerImportCommands } from './import-dossiers';
import { registerJobCommands } from './jobs';
import { registerGenerateCommand } from './generate';

/** `npm run cli -- <command>`: each command is a thin call into a module's service. */
const program = new Command()
  .name('motcua')
  .description('Motcua — công cụ quản trị dòng lệnh / command-line administration')
  .showHelpAfterError()
  .exitOverride();

let handle: DbHandle | undefined;
export async function database(): Promise<DbHandle> {
  if (!handle) {
    const config = loadConfig();
    handle = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
    await migrateToLatest(handle.db);
  }
  return handle;
}

program
  .command('migrate')
  .description('Apply pending database migrations / Chạy các migration còn thiếu')
  .action(async () => {
    const config = loadConfig();
    const h = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
    handle = h;
    const applied = await migrateToLatest(h.db);
    console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'Database is up to date.');
  });

const imports = registerDataCommands(program, database);
registerUserCommands(program, database);
registerImportCommands(imports, database);
registerJobCommands(program, database);
registerGenerateCommand(program, database);

try {
  await program.parseAsync(process.argv);
} catch (err) {
  if (err instanceof CommanderError) {
    process.exitCode = err.exitCode;
  } else {
    console.error(`Error: ${(err as Error).message}`);
    process.exitCode = 1;
  }
} finally {
  await handle?.close();
}
