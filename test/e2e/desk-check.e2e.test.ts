import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { extractText, getDocumentProxy } from 'unpdf';
import {
  apiLogin,
  axeViolations,
  browserSuite,
  browserTestsSkipped,
  logIn,
  logOut,
  screenshot,
  submitLogin,
  type ApiSession,
  type RunningServer,
} from './harness';

const TIMEOUT = 15_000;
const HA_LONG = '000.20.01.H40';
const HA_LONG_NAME = 'UBND phường Hạ Long';
const BIRTH = '1.001193';
/** First land registration: steps 1–3 at the ward, 4–5 at Văn phòng Đăng ký đất đai of the department. */
const LAND = '1.012793';
const APPLICANT = { kind: 'person', fullName: 'Nguyễn Thị Lan', idNumber: '022090001234' };

/**
 * What the desk does besides a clean intake, in a real browser: an online dossier sent back for every
 * missing document at once (Mẫu 02), another refused (Mẫu 03), and a land dossier handed from the ward
 * to the department (liên thông) seen from both queues. In a file of its own: the login route admits
 * 20 logins a minute from one address, and desk.e2e.test.ts logs in often.
 */
describe(
  'the desk’s check of online dossiers and the liên thông queues in a real browser',
  {
    skip: browserTestsSkipped() ?? false,
  },
  () => {
    let server: RunningServer;
    let page: Page;

    browserSuite(TIMEOUT, (s) => ({ server, page } = s));

    const login = (username: string) => apiLogin(server.url, username);
    /** A GET, or a POST of `body` (with an Idempotency-Key when given), answered 2xx. */
    const call = async <T>(who: ApiSession, path: string, body?: unknown, key?: string): Promise<T> => {
      const headers: Record<string, string> = { authorization: `Bearer ${who.token}` };
      if (body) headers['content-type'] = 'application/json';
      if (key) headers['idempotency-key'] = key;
      const res = await fetch(`${server.url}${path}`, {
        method: body ? 'POST' : 'GET',
        headers,
        body: body ? JSON.stringify(body) : undefined,
      });
      assert.ok(res.ok, `${path}: ${res.status} ${await res.clone().text()}`);
      return (await res.json()) as T;
    };
    /** A PDF fetched with the page's session cookie, as one line of text. */
    const pdfTextOf = async (href: string | null): Promise<string> => {
      const pdf = await page.request.get(new URL(href ?? '', server.url).href);
      assert.equal(pdf.status(), 200);
      assert.equal(pdf.headers()['content-type'], 'application/pdf');
      const doc = await getDocumentProxy(new Uint8Array(await pdf.body()));
      return (await extractText(doc, { mergePages: true })).text.replace(/\s+/g, ' ');
    };

    test('the desk asks for every missing document at once (Mẫu 02) and refuses another dossier with its reason (Mẫu 03)', async () => {
      const citizen = await login('congdan');
      const submit = async (n: number) =>
        (
          await call<{ code: string }>(
            citizen,
            '/api/dossiers',
            {
              procedure: BIRTH,
              agency: HA_LONG,
              channel: 'online',
              applicant: { ...APPLICANT, idNumber: '022195001234' },
            },
            `e2e-desk-check-${n}-${Date.now()}`,
          )
        ).code;
      const [incomplete, refused] = [await submit(1), await submit(2)];
      const actions = page.getByRole('region', { name: 'Thao tác' });
      const forms = page.getByRole('region', { name: 'Biểu mẫu in' });

      await logIn(page, server.url, 'reception');
      await page.goto(`${server.url}/dossiers/${incomplete}`);
      await actions.getByRole('button', { name: 'Yêu cầu bổ sung', exact: true }).click();
      const supplement = page.getByRole('dialog', { name: 'Yêu cầu bổ sung, hoàn thiện hồ sơ' });
      // Nothing was handed in: both required documents are listed already, each waiting for its reason.
      const reasons = supplement.getByLabel(/^Lý do/);
      assert.equal(await reasons.count(), 2);
      const given = ['Tờ khai chưa có chữ ký của người yêu cầu', 'Chưa nộp giấy chứng sinh'];
      await reasons.nth(0).fill(given[0]);
      await reasons.nth(1).fill(given[1]);
      await screenshot(page, 'desk-supplement-dialog', { fullPage: false });
      assert.deepEqual(await axeViolations(page), [], 'axe on the supplement dialog');
      await supplement.getByRole('button', { name: 'Gửi yêu cầu bổ sung' }).click();
      await page.getByRole('status').filter({ hasText: 'Đã gửi yêu cầu bổ sung hồ sơ.' }).waitFor();
      await page.locator('.dossier-head .badge', { hasText: 'Yêu cầu bổ sung hồ sơ' }).waitFor();
      const m02 = forms.getByRole('link', { name: /^Mẫu số 02 — Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ/ });
      const m02Text = await pdfTextOf(await m02.getAttribute('href'));
      assert.ok(m02Text.includes(`Mã hồ sơ: ${incomplete}`), m02Text);
      for (const reason of given) assert.ok(m02Text.includes(reason), `Mẫu 02 gives "${reason}": ${m02Text}`);

      const reason = 'Thủ tục không thuộc thẩm quyền của UBND phường Hạ Long';
      await page.goto(`${server.url}/dossiers/${refused}`);
      await actions.getByRole('button', { name: 'Từ chối tiếp nhận', exact: true }).click();
      const refusal = page.getByRole('dialog', { name: 'Từ chối tiếp nhận hồ sơ' });
      await refusal.getByLabel(/^Lý do/).fill(reason);
      await refusal.getByRole('button', { name: 'Từ chối tiếp nhận' }).click();
      await page.getByRole('status').filter({ hasText: 'Đã từ chối tiếp nhận hồ sơ.' }).waitFor();
      await page.locator('.dossier-head .badge', { hasText: 'Từ chối tiếp nhận' }).waitFor();
      const m03 = forms.getByRole('link', { name: /^Mẫu số 03 — Phiếu từ chối tiếp nhận giải quyết hồ sơ/ });
      const m03Text = await pdfTextOf(await m03.getAttribute('href'));
      assert.ok(m03Text.includes(`Mã hồ sơ: ${refused}`) && m03Text.includes(reason), m03Text);
      await screenshot(page, 'desk-refused');
      await logOut(page);
    });

    test('a land dossier sent by the ward shows in its outgoing liên thông queue and in the department’s incoming one', async () => {
      // The ward's part through the API: intake and steps 1–3; step 4 belongs to the department.
      const [desk, unitLeader, officer] = [
        await login('reception'),
        await login('u2001.ktlead'),
        await login('u2001.kt1'),
      ];
      const land = await call<{ components: { id: number; required: boolean }[] }>(desk, `/api/procedures/${LAND}`);
      const { code } = await call<{ code: string }>(
        desk,
        '/api/dossiers',
        {
          procedure: LAND,
          agency: HA_LONG,
          channel: 'direct',
          applicant: APPLICANT,
          components: land.components.filter((c) => c.required).map((c) => ({ componentId: c.id, originals: 1 })),
        },
        `e2e-lien-thong-${Date.now()}`,
      );
      await call(desk, `/api/dossiers/${code}/forward`, { version: 1 });
      const { officers } = await call<{ officers: { id: number; fullName: string }[] }>(
        unitLeader,
        `/api/dossiers/${code}/assignees`,
      );
      const assignee = officers.find((o) => o.fullName === officer.user.fullName);
      assert.ok(assignee, `${officer.user.fullName} among ${JSON.stringify(officers)}`);
      await call(unitLeader, `/api/dossiers/${code}/assign`, { version: 2, assignee: assignee.id });
      await call(officer, `/api/dossiers/${code}/forward`, { version: 3 });
      await call(unitLeader, `/api/dossiers/${code}/approve`, { version: 4 });

      const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: code }) });
      await page.goto(`${server.url}/login`);
      await submitLogin(page, 'reception');
      await page.getByRole('link', { name: 'Liên thông' }).click();
      await page.getByRole('heading', { level: 1, name: 'Hồ sơ liên thông' }).waitFor();
      await page.getByLabel('Chiều chuyển').selectOption('out');
      await page.getByLabel('Tình trạng').selectOption('open');
      await page.waitForURL(/direction=out&status=open/);
      await page.getByRole('heading', { level: 2, name: '1 hồ sơ' }).waitFor();
      await row.getByText('Sở Nông nghiệp và Môi trường').waitFor();
      await row.getByText(HA_LONG_NAME).waitFor();
      await screenshot(page, 'transfers');
      assert.deepEqual(await axeViolations(page), [], 'axe on the transfers page');
      // Nothing came back yet, and nothing has been sent to the ward.
      await page.getByLabel('Tình trạng').selectOption('completed');
      await page.getByText('Không có hồ sơ liên thông nào.').waitFor();
      await page.getByLabel('Chiều chuyển').selectOption('in');
      await page.waitForURL(/direction=in&status=completed/);
      await page.getByText('Không có hồ sơ liên thông nào.').waitFor();
      await logOut(page);

      await logIn(page, server.url, 'u0012.p1lead');
      await page.goto(`${server.url}/transfers`);
      await row.getByText(HA_LONG_NAME).waitFor();
      await page.getByRole('link', { name: code }).click();
      await page.getByRole('region', { name: 'Thao tác' }).getByRole('button', { name: 'Phân công xử lý' }).waitFor();
      await screenshot(page, 'transfers-incoming');
      await logOut(page);
    });
  },
);
