import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

const MAIN = resolve(import.meta.dirname, 'main.ts');
const cli = (...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', MAIN, ...args], { encoding: 'utf8', timeout: 60_000 });

test('the CLI lists every command, the importers under one `import`', () => {
  const help = cli('--help');
  assert.equal(help.status, 0, help.stderr);
  for (const command of ['migrate', 'seed', 'import', 'user', 'reminders', 'outbox', 'generate']) {
    assert.match(help.stdout, new RegExp(`^  ${command}\\b`, 'm'), `${command} is listed`);
  }
  const imports = cli('import', '--help');
  assert.equal(imports.status, 0, imports.stderr);
  assert.match(imports.stdout, /^ {2}procedures /m);
  assert.match(imports.stdout, /^ {2}dossiers /m);
});

test('a bad option value is a clear error and a non-zero exit, before any database is opened', () => {
  const res = cli('reminders', '--at', 'hôm qua');
  assert.equal(res.status, 1);
  assert.match(res.stderr, /--at: not an ISO time: hôm qua/);
});
