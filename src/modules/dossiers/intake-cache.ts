import type { Db, Executor } from '../../db/database';
import { ProcessCache } from '../../shared/process-cache';
import { unitsGeneration } from '../agencies/store';
import { calendarGeneration } from '../calendar/cache';
import { cachedWorkCalendar } from '../calendar/service';
import { implementsVersion } from '../catalogue/service';
import { catalogueGeneration } from '../catalogue/search-index';
import { readProcess, type ProcessDefinition } from '../workflow/process';
import { unitNames, type NamedRef } from './detail-store';
import * as store from './store';

/**
 * What an intake reads about its agency and procedure version, besides the version itself
 * (catalogue/version-cache.ts), held in the process: six statements a desk intake no longer sends
 * (docs/performance.md). Dropped on every catalogue, calendar, agency or unit write in this process,
 * during and after its transaction; another process's writes show after the TTL (10 s), as for the
 * calendars. Values are shared between requests: never change them.
 */
const generation = () => catalogueGeneration() + calendarGeneration() + unitsGeneration();

type AgencyRow = NonNullable<Awaited<ReturnType<typeof store.findAgencyByCode>>>;
const agencies = new ProcessCache<string, AgencyRow | undefined>(generation);
const implemented = new ProcessCache<string, boolean>(generation);
const desks = new ProcessCache<number, number | null>(generation);
const processes = new ProcessCache<string, ProcessDefinition>(generation);
const names = new ProcessCache<string, Map<number, NamedRef>>(generation);

/**
 * The intake's reads of `db`'s reference data; a miss is read through `tx`, on its connection (`db`
 * itself when the intake runs without a transaction).
 */
export function intakeReads(db: Db, tx: Executor) {
  return {
    agency: (code: string) => agencies.get(db, code, () => store.findAgencyByCode(tx, code)),
    implementsVersion: (versionId: number, agencyId: number) =>
      implemented.get(db, `${versionId}/${agencyId}`, () => implementsVersion(tx, versionId, agencyId)),
    deskUnit: (agencyId: number) => desks.get(db, agencyId, () => store.deskUnitOf(tx, agencyId)),
    process: (versionId: number, agencyId: number) =>
      processes.get(db, `${versionId}/${agencyId}`, () => readProcess(tx, versionId, agencyId)),
    calendar: (agencyId: number) => cachedWorkCalendar(db, tx, agencyId),
    unitNames: (ids: readonly (number | null)[]) => {
      const key = [...new Set(ids.filter((id) => id !== null))].sort((a, b) => a - b).join(',');
      return names.get(db, key, () => unitNames(tx, ids));
    },
  };
}

export type IntakeReads = ReturnType<typeof intakeReads>;
