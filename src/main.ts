import { loadConfig } from './config';
import { openDatabase } from './db/database';
import { migrateToLatest } from './db/migrate';
import { buildApp } from './app';
import { seedDemoIfEmpty, refuseDemoPasswordsInProduction } from './demo/seed';

const config = loadConfig();
const handle = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
await migrateToLatest(handle.db);
if (config.env === 'production') await refuseDemoPasswordsInProduction(handle.db);
const seeded = await seedDemoIfEmpty(handle.db, config);
const app = await buildApp({ config, db: handle.db });

let closing = false;
async function shutdown(signal: string) {
  if (closing) return;
  closing = true;
  app.log.info({ signal }, 'shutting down');
  const timer = setTimeout(() => process.exit(1), 10_000).unref();
  try {
    await app.close();
    await handle.close();
    clearTimeout(timer);
    process.exit(0);
  } catch (err) {
    app.log.error({ err }, 'shutdown failed');
    process.exit(1);
  }
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));

await app.listen({ port: config.port, host: config.host });
app.log.info({ database: handle.kind, demoSeeded: seeded }, `Motcua ready on http://${config.host}:${config.port}`);
