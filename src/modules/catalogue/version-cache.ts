import type { Db } from '../../db/database';
import { ProcessCache } from '../../shared/process-cache';
import { catalogueGeneration } from './search-index';
import type { ProcedureVersionDetail } from './views';

/**
 * The version of each procedure in force on each Vietnam date, held in the process for the intake's hot
 * path (8 statements a read). Dropped on every catalogue write in this process (`catalogueChanged`),
 * during and after its transaction, and re-read after the cache's TTL, as the catalogue snapshot is.
 * One entry per procedure (the latest date asked), so the cache stays as small as the catalogue.
 */
const versions = new ProcessCache<string, ProcedureVersionDetail | null>(catalogueGeneration);

/** `read` runs on the caller's connection (a transaction's) on a miss; the result is shared by `db`'s users. */
export function cachedVersion(
  db: Db,
  code: string,
  date: string,
  read: () => Promise<ProcedureVersionDetail | null>,
): Promise<ProcedureVersionDetail | null> {
  return versions.get(db, code, read, date);
}
