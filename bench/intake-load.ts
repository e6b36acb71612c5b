import type { Request } from './load';

/** The five ward desks of the demo province, each with its own reception officer. */
const DESKS = [1, 2, 3, 4, 5].map((n) => ({ agency: `000.20.0${n}.H40`, username: `u200${n}.mc1` }));

/** A bearer token of a demo user (every demo password is `demo1234`). */
export async function login(port: number, username: string): Promise<string> {
  const res = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: 'demo1234' }),
  });
  if (!res.ok) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { token: string }).token;
}

/**
 * The benchmark's intake load on the server at `port`: request `i` is a birth registration received at
 * desk `i mod 5` by its officer, with an idempotency key unique to `run` and `i`.
 */
export async function intakeRequests(port: number, run: string): Promise<(i: number) => Request> {
  const desks = await Promise.all(DESKS.map(async (d) => ({ ...d, token: await login(port, d.username) })));
  const birth = (await (await fetch(`http://127.0.0.1:${port}/api/procedures/1.001193`)).json()) as {
    components: { id: number; required: boolean; originals: number; copies: number }[];
  };
  const body = (agency: string) =>
    JSON.stringify({
      procedure: '1.001193',
      agency,
      channel: 'direct',
      applicant: { fullName: 'Nguyễn Văn Bình', idNumber: '022090123456', phone: '0912345678' },
      components: birth.components
        .filter((c) => c.required)
        .map((c) => ({ componentId: c.id, originals: c.originals, copies: c.copies })),
    });
  const bodies = desks.map((d) => body(d.agency));
  return (i: number) => ({
    method: 'POST',
    path: '/api/dossiers',
    headers: {
      authorization: `Bearer ${desks[i % desks.length].token}`,
      'content-type': 'application/json',
      'idempotency-key': `bench-${run}-${i}`,
    },
    body: bodies[i % desks.length],
  });
}
