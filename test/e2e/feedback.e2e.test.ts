import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import {
  axeViolations,
  browserSuite,
  browserTestsSkipped,
  checkNarrow,
  hasHorizontalScroll,
  logIn,
  logOut,
  screenshot,
  type RunningServer,
} from './harness';

const TIMEOUT = 20_000;
const HA_LONG = 'UBND phường Hạ Long';
const REQUIRED = 'Vui lòng nhập thông tin này.';
const TITLE = 'Bộ phận Một cửa không niêm yết lệ phí chứng thực';
const CONTENT =
  'Tại Bộ phận Một cửa phường không thấy bảng niêm yết mức lệ phí chứng thực bản sao, người dân không biết phải nộp bao nhiêu.';
const PUBLIC_CONTENT = 'Bộ phận Một cửa phường chưa niêm yết mức lệ phí chứng thực bản sao.';
const ANSWER = 'Phường đã niêm yết bảng phí, lệ phí tại quầy và trên Cổng dịch vụ công từ ngày tiếp nhận phản ánh.';
const SENDER = { name: 'Người Gửi Thử', phone: '0900000999', email: 'nguoi.gui@example.com' };

/**
 * Phản ánh, kiến nghị in a real browser, on a server without generated demo data: a visitor sends
 * one from /phan-anh, the ward's leader assigns it, the specialist answers, the leader publishes it,
 * and the visitor reads the answer at /phan-anh/cong-khai without the sender's contact; the leader
 * then opens the evaluation and ranking page.
 */
describe('complaints and evaluation in a real browser', { skip: browserTestsSkipped() ?? false }, () => {
  let server: RunningServer;
  let page: Page;
  let code = '';

  const noSevereAxe = async (where: string) => assert.deepEqual(await axeViolations(page), [], where);

  const { provoke } = browserSuite(TIMEOUT, (s) => ({ server, page } = s));

  test('a visitor is told what is missing, then sends a complaint and gets its code and due date', async () => {
    await page.goto(`${server.url}/phan-anh`);
    await page.getByRole('heading', { level: 1, name: 'Gửi phản ánh, kiến nghị' }).waitFor();
    await noSevereAxe('/phan-anh');
    const form = page.locator('form');
    await form.getByRole('button', { name: 'Gửi phản ánh, kiến nghị' }).click();
    await form.getByText(REQUIRED).first().waitFor();
    assert.equal(await form.getByText(REQUIRED).count(), 4);
    for (const label of ['Cơ quan tiếp nhận', 'Tiêu đề', 'Nội dung', 'Họ và tên']) {
      assert.equal(await form.getByLabel(label, { exact: false }).first().getAttribute('aria-invalid'), 'true', label);
    }
    await noSevereAxe('/phan-anh with errors');
    await screenshot(page, 'complaint-form-errors');

    await form.getByLabel('Cơ quan tiếp nhận').selectOption({ label: HA_LONG });
    await form.getByLabel('Phản ánh', { exact: true }).check();
    await form.getByLabel('Tiêu đề').fill(TITLE);
    await form.getByLabel('Nội dung', { exact: false }).first().fill(CONTENT);
    await form.getByLabel('Họ và tên').fill(SENDER.name);
    await form.getByRole('button', { name: 'Gửi phản ánh, kiến nghị' }).click();
    // Neither phone nor email: the server asks for one, under the phone field.
    provoke(400, '/api/public/complaints');
    await form.getByText('Vui lòng cho biết số điện thoại hoặc thư điện tử để nhận trả lời').waitFor();
    assert.equal(await form.getByText(REQUIRED).count(), 0);
    await form.getByLabel('Số điện thoại').fill(SENDER.phone);
    await form.getByLabel('Thư điện tử').fill(SENDER.email);
    await form.getByRole('button', { name: 'Gửi phản ánh, kiến nghị' }).click();

    const status = page.getByRole('status').filter({ hasText: 'Đã tiếp nhận phản ánh, kiến nghị mã' });
    await status.waitFor();
    const text = (await status.textContent()) ?? '';
    const m = /mã (PA-\d{6}-[0-9A-F]{6})\. Cơ quan sẽ trả lời trước (\d{2}:\d{2} \d{2}\/\d{2}\/\d{4})\./.exec(text);
    assert.ok(m, text);
    code = m[1];
    await noSevereAxe('/phan-anh sent');
    await screenshot(page, 'complaint-sent');
  });

  test('the leader finds it at /complaints with the sender’s contact and assigns it to the specialist', async () => {
    await logIn(page, server.url, 'leader');
    await page.goto(`${server.url}/complaints`);
    await page.getByRole('heading', { level: 1, name: 'Xử lý phản ánh, kiến nghị' }).waitFor();
    const row = page.getByRole('row').filter({ hasText: code });
    await row.getByText('Đã tiếp nhận').waitFor();
    await row.getByText(TITLE).waitFor();
    await noSevereAxe('/complaints');
    await row.getByRole('button', { name: `Xem ${code}` }).click();
    const panel = page.getByRole('region', { name: `${code}: ${TITLE}` });
    await panel.getByText(`${SENDER.name} · ${SENDER.phone} · ${SENDER.email}`).waitFor();
    await noSevereAxe('/complaints detail');
    await panel.getByLabel('Tên đăng nhập của cán bộ xử lý').fill('specialist');
    await panel.getByRole('button', { name: 'Phân công', exact: true }).click();
    await panel.getByText('Lê Văn Minh').waitFor();
    await row.getByText('Đã phân công').waitFor();
    await screenshot(page, 'complaints-assigned');
    await logOut(page);
  });

  test('the specialist answers it; the leader publishes it with the question rewritten for the public', async () => {
    await logIn(page, server.url, 'specialist');
    await page.goto(`${server.url}/complaints`);
    const row = page.getByRole('row').filter({ hasText: code });
    await row.getByRole('button', { name: `Xem ${code}` }).click();
    const panel = page.getByRole('region', { name: `${code}: ${TITLE}` });
    await panel.getByLabel('Nội dung trả lời').fill(ANSWER);
    await panel.getByRole('button', { name: 'Trả lời', exact: true }).click();
    await row.getByText('Đã trả lời').waitFor();
    await panel.getByText(ANSWER).waitFor();
    await logOut(page);

    await logIn(page, server.url, 'leader');
    await page.goto(`${server.url}/complaints`);
    await page.getByLabel('Trạng thái').selectOption({ label: 'Đã trả lời' });
    const answered = page.getByRole('row').filter({ hasText: code });
    await answered.getByRole('button', { name: `Xem ${code}` }).click();
    const again = page.getByRole('region', { name: `${code}: ${TITLE}` });
    await again.getByLabel('Nội dung công khai (đã bỏ thông tin cá nhân)').fill(PUBLIC_CONTENT);
    await noSevereAxe('/complaints publish');
    await again.getByRole('button', { name: 'Công khai' }).click();
    await again.getByText('Đã công khai').waitFor();
    const history = again.locator('.complaint-history li');
    assert.deepEqual(
      (await history.allTextContents()).map((h) => h.split(' — ').slice(1).join(' — ')),
      ['Tiếp nhận', 'Phân công — leader', 'Trả lời — specialist', 'Công khai — leader'],
    );
    await screenshot(page, 'complaints-published');
    await logOut(page);
  });

  test('a visitor reads the published answer, with no contact data on the page', async () => {
    await page.goto(`${server.url}/phan-anh/cong-khai`);
    await page.getByRole('heading', { level: 1, name: 'Kết quả trả lời phản ánh, kiến nghị' }).waitFor();
    const article = page.getByRole('article', { name: `Phản ánh: ${TITLE}` });
    await article.getByText(PUBLIC_CONTENT).waitFor();
    await article.getByText(ANSWER).waitFor();
    await article.getByText(`${code} · ${HA_LONG}`, { exact: false }).waitFor();
    const body = (await page.locator('body').textContent()) ?? '';
    for (const secret of [SENDER.name, SENDER.phone, SENDER.email, CONTENT]) {
      assert.ok(!body.includes(secret), `the public page shows ${secret}`);
    }
    const api = await fetch(`${server.url}/api/public/complaints/${code}`);
    const published = await api.text();
    for (const secret of [SENDER.name, SENDER.phone, SENDER.email, 'specialist']) {
      assert.ok(!published.includes(secret), `the public answer carries ${secret}`);
    }
    await noSevereAxe('/phan-anh/cong-khai');
    await screenshot(page, 'complaints-public');
    assert.equal(await hasHorizontalScroll(page), false);
  });

  test('the leader opens the evaluation page and sees the ward in the ranking table', async () => {
    await logIn(page, server.url, 'leader');
    await page.goto(`${server.url}/evaluation`);
    await page
      .getByRole('heading', { level: 1, name: 'Chỉ số chất lượng phục vụ và đánh giá cán bộ, đơn vị' })
      .waitFor();
    const ranking = page.getByRole('table', { name: 'Xếp hạng cơ quan (theo Quyết định 766/QĐ-TTg)' });
    await ranking.getByRole('row').filter({ hasText: HA_LONG }).waitFor();
    const headers = (await ranking.getByRole('columnheader').allTextContents()).map((h) => h.trim());
    assert.deepEqual(headers.slice(0, 3), ['Hạng', 'Cơ quan', 'Chỉ số (0–100)']);
    assert.ok(headers.includes('Mức độ hài lòng (18)'), headers.join(' | '));
    await page.getByRole('table', { name: 'Đánh giá đơn vị' }).waitFor();
    await noSevereAxe('/evaluation');
    await screenshot(page, 'evaluation');
  });

  test('the pages fit a 360 px phone', async () => {
    await checkNarrow(page, server.url, [
      ['complaints-narrow', '/complaints', 'h1'],
      ['evaluation-narrow', '/evaluation', 'table'],
    ]);
    await logOut(page);
    await checkNarrow(page, server.url, [
      ['complaint-form-narrow', '/phan-anh', 'form'],
      ['complaints-public-narrow', '/phan-anh/cong-khai', 'article'],
    ]);
  });
});
