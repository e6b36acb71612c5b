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

export async function load(
  port: number,
  next: (i: number) => Request,
  opts: { concurrency: number; seconds: number },
): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: opts.concurrency });
  const latencies: number[] = [];
  const errors: Record<string, number> = {};
  let i = 0;
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
  const elapsed = (performance.now() - started) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return { requests: i, ok, errors, rps: ok / elapsed, p50: quantile(latencies, 0.5), p99: quantile(latencies, 0.99) };
}
