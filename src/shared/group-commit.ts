/**
 * Group commit (docs/performance.md, "Group commit"): callers that arrive while earlier batches run
 * wait in a queue, and the next batch takes all of them, so that one transaction and one round trip
 * per statement serve many requests. An idle queue starts a caller's batch at once: a lone request
 * waits for nobody. Nothing is answered before its batch has finished, so an answer still means
 * "written" (or "read after you asked").
 */
export type Outcome<O> = { ok: true; value: O } | { ok: false; error: unknown };

export type GroupOptions = {
  /** The most items one batch takes. */
  maxBatch: number;
  /**
   * How many batches may run at once. The intake and the session reads use 1: a second intake batch
   * waits on the first's daily counters anyway, and halving the batches cost more than the overlap won.
   */
  maxInFlight: number;
  /**
   * When a batch starts: `now` (the default) as soon as a slot is free; `turn` at the end of the event
   * loop's turn, so that every request read in that turn joins it — for reads that gain more from
   * running side by side (many in flight) than from waiting for the previous batch.
   */
  gather?: 'now' | 'turn';
};

type Waiting<I, O> = { item: I; resolve: (value: O) => void; reject: (error: unknown) => void };

export class GroupCommit<I, O> {
  #queue: Waiting<I, O>[] = [];
  #running = 0;
  #scheduled = false;

  /** `run` answers each item of a batch, in order; if it throws, every item of the batch gets the error. */
  constructor(
    private readonly run: (items: I[]) => Promise<Outcome<O>[]>,
    private readonly options: GroupOptions,
  ) {}

  submit(item: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      this.#queue.push({ item, resolve, reject });
      this.#kick();
    });
  }

  #kick(): void {
    if (this.options.gather !== 'turn') return this.#start();
    if (this.#scheduled) return;
    this.#scheduled = true;
    setImmediate(() => {
      this.#scheduled = false;
      this.#start();
    });
  }

  #start(): void {
    while (this.#running < this.options.maxInFlight && this.#queue.length > 0) {
      const batch = this.#queue.splice(0, this.options.maxBatch);
      this.#running += 1;
      this.run(batch.map((w) => w.item))
        .then((outcomes) => {
          if (outcomes.length !== batch.length) throw new Error('a batch must answer each of its items');
          outcomes.forEach((o, i) => (o.ok ? batch[i].resolve(o.value) : batch[i].reject(o.error)));
        })
        .catch((error: unknown) => batch.forEach((w) => w.reject(error)))
        .finally(() => {
          this.#running -= 1;
          this.#kick();
        });
    }
  }
}

/** One group per owner (a database handle): test apps in one process never share a queue. */
export function groupPerOwner<K extends object, I, O>(
  make: (owner: K) => GroupCommit<I, O>,
): (owner: K) => GroupCommit<I, O> {
  const groups = new WeakMap<K, GroupCommit<I, O>>();
  return (owner) => {
    let g = groups.get(owner);
    if (!g) groups.set(owner, (g = make(owner)));
    return g;
  };
}
