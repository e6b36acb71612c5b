import type { Db } from '../../db/database';
import { takeDossierIds } from './store';

/** Dossier ids taken from the sequence per round trip, ahead of the batches that use them. */
const ID_BLOCK = 256;
/** Counters are kept for today and yesterday (a request can straddle midnight). */
const KEPT_DAYS = 2;
/**
 * After a wrong guess an agency claims first for this long, doubled with each wrong guess in a row up
 * to the cap: with several app processes numbering one agency, a guess is tried about once a minute.
 */
const RETRY_AFTER_MS = 1_000;
const RETRY_AFTER_MAX_MS = 60_000;

/**
 * What lets a batch of intakes number and write its dossiers in one statement (docs/performance.md,
 * "One statement per batch"): where each agency's daily counter stood when this process last moved it,
 * and dossier ids taken ahead from the sequence. A number read here is only a guess: the statement
 * that uses it checks it and fails if the counter moved meanwhile (another app process, a replay);
 * `missed` then makes that agency's batches claim first for a while, which tells this process the
 * counter anew.
 */
export class IntakeNumbers {
  /** Day (yyyy-mm-dd, Vietnam) → agency id → the counter's last number, for the two newest days. */
  readonly #last = new Map<string, Map<number, number>>();
  /** Agency id → wrong guesses in a row, and until when its batches claim first. */
  readonly #misses = new Map<number, { count: number; until: number }>();
  #ids: number[] = [];

  constructor(private readonly db: Db) {}

  /** Where the agency's counter for `day` stands, if this process knows and may guess it now. */
  last(agencyId: number, day: string, now = Date.now()): number | undefined {
    const miss = this.#misses.get(agencyId);
    if (miss && now < miss.until) return undefined;
    return this.#last.get(day)?.get(agencyId);
  }

  /** A committed transaction left the agency's counter for `day` at `seq` or beyond. */
  reached(agencyId: number, day: string, seq: number): void {
    let agencies = this.#last.get(day);
    if (!agencies) {
      const days = [...this.#last.keys(), day].sort();
      if (days.indexOf(day) < days.length - KEPT_DAYS) return;
      for (const old of days.slice(0, -KEPT_DAYS)) this.#last.delete(old);
      agencies = new Map();
      this.#last.set(day, agencies);
    }
    agencies.set(agencyId, Math.max(agencies.get(agencyId) ?? 0, seq));
  }

  /** A statement numbered from the guess: the counter stands at `seq`. */
  guessed(agencyId: number, day: string, seq: number): void {
    this.#misses.delete(agencyId);
    this.reached(agencyId, day, seq);
  }

  /** A statement numbered from the guess failed: forget the counter and claim first for a while. */
  missed(agencyId: number, day: string, now = Date.now()): void {
    this.#last.get(day)?.delete(agencyId);
    const count = (this.#misses.get(agencyId)?.count ?? 0) + 1;
    const wait = Math.min(RETRY_AFTER_MAX_MS, RETRY_AFTER_MS * 2 ** (count - 1));
    this.#misses.set(agencyId, { count, until: now + wait });
  }

  /** `n` unused dossier ids. */
  async ids(n: number): Promise<number[]> {
    if (this.#ids.length < n) this.#ids.push(...(await takeDossierIds(this.db, Math.max(ID_BLOCK, n))));
    return this.#ids.splice(0, n);
  }
}

const numbers = new WeakMap<Db, IntakeNumbers>();

/** The intake numbers of this process for `db`. */
export function intakeNumbers(db: Db): IntakeNumbers {
  let n = numbers.get(db);
  if (!n) numbers.set(db, (n = new IntakeNumbers(db)));
  return n;
}
