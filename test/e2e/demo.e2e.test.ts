import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import {
  apiGet,
  apiToken,
  axeViolations,
  browserSuite,
  browserTestsSkipped,
  logIn,
  logOut,
  screenshot,
  type RunningServer,
} from './harness';

const TIMEOUT = 30_000;

type Summary = { received: { total: number }; resolved: { total: number }; inProgress: { total: number } };
type Inbox = { items: { code: string }[]; total: number };

/** The Vietnam day `days` before today, as the API takes it. */
function vietnamDay(daysAgo = 0): string {
  return new Date(Date.now() + 7 * 3_600_000 - daysAgo * 86_400_000).toISOString().slice(0, 10);
}

/**
 * What `npm start` shows: the demo province with its generated dossiers of the last twelve months
 * (the other browser tests start without them, to count what they create), in both languages.
 */
describe(
  'npm start: the demo province with its dossiers, in Vietnamese and English',
  { skip: browserTestsSkipped() ?? false },
  () => {
    let server: RunningServer;
    let page: Page;
    browserSuite(TIMEOUT, (s) => ({ server, page } = s), { demoDossiers: true });

    const login = (username: string) => apiToken(server.url, username);
    const get = <T>(path: string, token: string) => apiGet<T>(server.url, path, token);

    test('the leader’s dashboard over the last year shows the demo dossiers, the same numbers in both languages', async () => {
      const period = `from=${vietnamDay(364)}&to=${vietnamDay()}`;
      const api = await get<Summary>(`/api/reports/summary?${period}`, await login('leader'));
      assert.ok(api.received.total > 0 && api.resolved.total > 0 && api.inProgress.total > 0, JSON.stringify(api));

      await logIn(page, server.url, 'leader');
      await page.goto(`${server.url}/thong-ke?period=custom&${period}`);
      const vi = api.received.total.toLocaleString('vi-VN');
      await page
        .getByRole('link', { name: `Tổng số hồ sơ tiếp nhận: ${vi} hồ sơ, xem danh sách`, exact: true })
        .waitFor();
      await page.locator('[aria-busy="false"]').first().waitFor();
      await screenshot(page, 'demo-dashboard-vi');
      assert.deepEqual(await axeViolations(page), [], 'axe on the dashboard with demo data');

      await page.getByRole('button', { name: 'English', exact: true }).click();
      await page.getByRole('heading', { level: 1, name: 'Dossier statistics' }).waitFor();
      const en = api.received.total.toLocaleString('en-US');
      await page.getByRole('link', { name: `Dossiers received: ${en}, list the dossiers`, exact: true }).waitFor();
      assert.equal(await page.getAttribute('html', 'lang'), 'en');
      await screenshot(page, 'demo-dashboard-en');
      await page.getByRole('button', { name: 'Tiếng Việt', exact: true }).click();
      await page.getByRole('heading', { level: 1, name: 'Thống kê tình hình giải quyết hồ sơ' }).waitFor();
      await logOut(page);
    });

    test('a specialist’s inbox holds demo dossiers, and anyone looks one of them up by its code', async () => {
      const inbox = await get<Inbox>('/api/workflow/inbox', await login('specialist'));
      assert.ok(inbox.total > 0, 'the demo gives the specialist dossiers to work on');
      const first = inbox.items[0].code;

      await logIn(page, server.url, 'specialist');
      await page.goto(`${server.url}/inbox`);
      await page.getByRole('link', { name: first }).first().waitFor();
      await screenshot(page, 'demo-inbox');
      await logOut(page);

      await page.goto(`${server.url}/tra-cuu/${encodeURIComponent(first)}`);
      await page.getByText(first).first().waitFor();
      await screenshot(page, 'demo-lookup');
    });
  },
);
