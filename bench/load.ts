import http from 'node:http';

/**
 * A closed-loop HTTP load generator: `concurrency` clients on keep-alive connections, each sending its
 * next request when the previous answer has arrived, for `seconds`. Requests come from many simulated
 * addresses (X-Forwarded-For; the app trusts its proxy, as behind a load balancer), so per-address
 * rate limits see a crowd of citizens, not one benchmark. Only 2xx answers count as done.
 */
export type Request = { method: 'GET' | 'POST'; path: string; headers?: Record<string, string>; body?: string };
export type LoadResult = {
  requests: number;
  ok: number;
  errors: Record<string, number>;
  rps: number;
  p50: number;
  p99: number;
};

const quantile = (sorted: number[], q: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] : NaN;

function send(agent: http.Agent, port: number, r: Request): Promise<number> {
  return new Promise((resolve) => {
    const req = http.request(
      { host: '127.0.0.1', port, method: r.method, path: r.path, agent, headers: r.headers },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', () => resolve(0));
    req.end(r.body);
  });
}

/** What one slice of load saw, kept raw so that slices can be joined (`join`). */
export type LoadSlice = {
  requests: number;
  ok: number;
  errors: Record<string, number>;
  latencies: number[];
  seconds: number;
};

export async function loadSlice(
  port: number,
  next: (i: number) => Request,
  opts: { concurrency: number; seconds: number; first?: number },
): Promise<LoadSlice> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: opts.concurrency });
  const latencies: number[] = [];
  const errors: Record<string, number> = {};
  let i = opts.first ?? 0;
  let ok = 0;
  const started = performance.now();
  const until = started + opts.seconds * 1000;
  const client = async () => {
    while (performance.now() < until) {
      const n = i++;
      const r = next(n);
      const octets = `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
      const t = performance.now();
      const status = await send(agent, port, { ...r, headers: { ...r.headers, 'x-forwarded-for': octets } });
      if (status >= 200 && status < 300) {
        ok += 1;
        latencies.push(performance.now() - t);
      } else errors[status] = (errors[status] ?? 0) + 1;
    }
  };
  await Promise.all(Array.from({ length: opts.concurrency }, client));
  agent.destroy();
  return { requests: i - (opts.first ?? 0), ok, errors, latencies, seconds: (performance.now() - started) / 1000 };
}

/** Slices of the same load as one result: rate over their total time, quantiles over all their answers. */
export function joinSlices(slices: LoadSlice[]): LoadResult {
  const latencies = slices.flatMap((s) => s.latencies).sort((a, b) => a - b);
  const errors: Record<string, number> = {};
  for (const s of slices) for (const [k, v] of Object.entries(s.errors)) errors[k] = (errors[k] ?? 0) + v;
  const ok = slices.reduce((n, s) => n + s.ok, 0);
  const seconds = slices.reduce((n, s) => n + s.seconds, 0);
  return {
    requests: slices.reduce((n, s) => n + s.requests, 0),
    ok,
    errors,
    rps: ok / seconds,
    p50: quantile(latencies, 0.5),
    p99: quantile(latencies, 0.99),
  };
}

export async function load(
  port: number,
  next: (i: number) => Request,
  opts: { concurrency: number; seconds: number },
): Promise<LoadResult> {
  return joinSlices([await loadSlice(port, next, opts)]);
}

/** Slices of one load, numbering requests on from where the previous slice stopped. */
export function continuingLoad(port: number, next: (i: number) => Request, concurrency: number) {
  let sent = 0;
  return async (seconds: number): Promise<LoadSlice> => {
    const slice = await loadSlice(port, next, { concurrency, seconds, first: sent });
    sent += slice.requests;
    return slice;
  };
}

/**
 * A figure and its ceiling in alternating slices (`rounds` of each, `seconds` in all per side), so that
 * both see the same changing load of a shared machine instead of one running after the other.
 */
export async function alternate<A, B>(
  rounds: number,
  seconds: number,
  figure: (seconds: number, round: number) => Promise<A>,
  ceiling: (seconds: number, round: number) => Promise<B>,
): Promise<{ figure: A[]; ceiling: B[] }> {
  const out = { figure: [] as A[], ceiling: [] as B[] };
  for (let r = 0; r < rounds; r++) {
    out.figure.push(await figure(seconds / rounds, r));
    out.ceiling.push(await ceiling(seconds / rounds, r));
  }
  return out;
}
