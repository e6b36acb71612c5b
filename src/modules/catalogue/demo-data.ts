import { readFileSync } from 'node:fs';
import type { Tx } from '../../db/database';
import { importProceduresTx } from './service';

/** The demo catalogue, in the format of docs/catalogue-format.md. */
export const DEMO_PROCEDURES_FILE = new URL('./demo-procedures.json', import.meta.url);

/** Loads the demo catalogue through the import service; demo data with an error is a bug, so it throws. */
export async function seedCatalogue(tx: Tx): Promise<void> {
  const input: unknown = JSON.parse(readFileSync(DEMO_PROCEDURES_FILE, 'utf8'));
  const report = await importProceduresTx(tx, input, null);
  if (report.rejected.length > 0) {
    const lines = report.rejected.map((r) => `${r.field ?? ''} (${r.code ?? '?'}): ${r.message}`);
    throw new Error(`The demo catalogue has errors:\n${lines.join('\n')}`);
  }
}
