import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase } from '../src/db/database';
import { migrateToLatest } from '../src/db/migrate';
import { seedDemo } from '../src/demo/seed';

/**
 * Every test file on PGlite starts from a fresh database, but creating a cluster and migrating it costs
 * seconds per file. So the migrated database, and the same with the demo province, are built once and
 * dumped; each file then opens its own copy of a dump. The dumps are keyed by a hash of the sources
 * (migrations, demo data and the code that writes them) and of PGlite's version, so a change rebuilds them.
 */
export type SnapshotKind = 'migrated' | 'demo';

const root = fileURLToPath(new URL('..', import.meta.url));
const cacheDir = join(tmpdir(), 'motcua-test-snapshots');

function sources(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) return sources(p);
      return name.endsWith('.test.ts') ? [] : [p];
    });
}

let key: string | undefined;
function sourceKey(): string {
  if (key) return key;
  const hash = createHash('sha256');
  for (const file of [...sources(join(root, 'src')), join(root, 'node_modules/@electric-sql/pglite/package.json')]) {
    hash.update(relative(root, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  return (key = hash.digest('hex').slice(0, 16));
}

const fileOf = (kind: SnapshotKind) => join(cacheDir, `${sourceKey()}-${kind}.tar`);

const DAY_MS = 86_400_000;

/** Builds both dumps for the current sources, unless they exist; drops dumps a day old (earlier sources). */
export async function buildSnapshots(): Promise<void> {
  const wanted = [fileOf('migrated'), fileOf('demo')];
  mkdirSync(cacheDir, { recursive: true });
  const present = readdirSync(cacheDir).map((name) => join(cacheDir, name));
  if (wanted.every((f) => present.includes(f))) return;
  // By age, not by key: another checkout running its tests at the same time has other sources.
  for (const f of present) if (statSync(f).mtimeMs < Date.now() - DAY_MS) rmSync(f, { force: true });
  const handle = await openDatabase({ dataDir: 'memory://' });
  // Written under a temporary name and renamed: test files building at the same time never read half a dump.
  const write = async (kind: SnapshotKind) => {
    const tmp = `${fileOf(kind)}.${process.pid}.tmp`;
    writeFileSync(tmp, new Uint8Array(await (await handle.dumpDataDir!()).arrayBuffer()));
    renameSync(tmp, fileOf(kind));
  };
  try {
    await migrateToLatest(handle.db);
    await write('migrated');
    await seedDemo(handle.db);
    await write('demo');
  } finally {
    await handle.close();
  }
}

/** The dump of `kind`, built first if this run has none yet (a test file run on its own). */
export async function loadSnapshot(kind: SnapshotKind): Promise<Blob> {
  try {
    return new Blob([readFileSync(fileOf(kind))]);
  } catch {
    await buildSnapshots();
    return new Blob([readFileSync(fileOf(kind))]);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await buildSnapshots();
