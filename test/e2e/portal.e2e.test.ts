import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import {
  axeViolations,
  browserSuite,
  browserTestsSkipped,
  checkNarrow,
  logIn,
  logOut,
  screenshot,
  type RunningServer,
} from './harness';

const TIMEOUT = 15_000;

/** The names of the results on the page, in order. */
function resultNames(page: Page): Promise<string[]> {
  return page.locator('.result-list .result-title').allTextContents();
}

describe('citizen portal and staff login in a real browser', { skip: browserTestsSkipped() ?? false }, () => {
  let server: RunningServer;
  let page: Page;
  /** The code of "Đăng ký khai sinh", as the search found it. */
  let birthRegistration = '';

  browserSuite(TIMEOUT, (s) => ({ server, page } = s));

  test('a citizen finds "Đăng ký khai sinh" typing without diacritics and reads its documents and process', async () => {
    await page.goto(`${server.url}/`);
    await page.getByRole('heading', { level: 1, name: 'Tra cứu thủ tục hành chính' }).waitFor();
    await page.locator('.result-list').waitFor();
    await screenshot(page, 'home');

    await page.getByLabel('Tên hoặc mã thủ tục').pressSequentially('dang ky khai sinh', { delay: 30 });
    await page.waitForURL(/q=dang\+ky\+khai\+sinh/);
    await page.locator('[aria-busy="false"] > .result-list[data-query="dang ky khai sinh"]').waitFor();
    assert.equal((await resultNames(page))[0], 'Đăng ký khai sinh');
    await screenshot(page, 'search-khai-sinh');

    await page.locator('.result-list .result-title a').first().click();
    await page.getByRole('heading', { level: 1, name: 'Đăng ký khai sinh' }).waitFor();
    birthRegistration = decodeURIComponent(new URL(page.url()).pathname.split('/').pop() ?? '');
    await page.getByRole('heading', { level: 2, name: 'Thành phần hồ sơ' }).waitFor();
    assert.ok((await page.locator('.checklist li').count()) > 0, 'the procedure lists its documents');
    await page.getByRole('heading', { level: 2, name: 'Quy trình giải quyết nội bộ' }).waitFor();
    assert.ok((await page.locator('.timeline-step').count()) > 0, 'the procedure shows its process');
    await page.locator('.checklist input').first().check();
    await page.getByText(/^Đã chuẩn bị 1\/\d+ giấy tờ$/).waitFor();
    // The deadline, fees, channels and legal basis, and the form template to download.
    const section = (name: string) => page.getByRole('region', { name });
    await section('Thông tin chung').getByText('Thời hạn giải quyết — Rút ngắn tại tỉnh').waitFor();
    await section('Phí, lệ phí')
      .getByRole('row', { name: /^Lệ phí đăng ký khai sinh Miễn phí/ })
      .waitFor();
    await section('Cách thức thực hiện').getByText('Nộp trực tuyến trên Cổng dịch vụ công', { exact: true }).waitFor();
    await section('Căn cứ pháp lý').getByText('Luật Hộ tịch số 60/2014/QH13', { exact: true }).waitFor();
    const template = page.getByRole('link', { name: /^Tải mẫu đơn, tờ khai \(PDF, / });
    const download = await page.request.get(new URL((await template.getAttribute('href')) ?? '', server.url).href);
    assert.equal(download.status(), 200);
    assert.equal(download.headers()['content-type'], 'application/pdf');
    await screenshot(page, 'procedure');
  });

  test('the catalogue filters by level and field, and the search keeps them', async () => {
    await page.goto(`${server.url}/?q=khai+sinh`);
    await page.locator('[aria-busy="false"] > .result-list[data-query="khai sinh"]').waitFor();
    // Every "khai sinh" procedure is done at the commune: none at the province.
    await page.getByLabel('Cấp thực hiện').selectOption({ label: 'Cấp tỉnh' });
    await page.waitForURL(/level=province/);
    await page.getByText('Không có thủ tục nào phù hợp. Hãy thử từ khóa khác hoặc bỏ bớt bộ lọc.').waitFor();
    await page.getByLabel('Lĩnh vực').selectOption({ label: 'Hộ tịch' });
    await page.waitForURL(/field=HO_TICH/);
    await page.getByLabel('Cấp thực hiện').selectOption({ label: 'Cấp xã' });
    await page.waitForURL(/level=commune/);
    await page.locator('[aria-busy="false"] > .result-list[data-query="khai sinh"]').waitFor();
    assert.equal((await resultNames(page))[0], 'Đăng ký khai sinh');
    for (const meta of await page.locator('.result-list .result-meta').allTextContents()) {
      assert.ok(meta.includes('Hộ tịch') && meta.includes('Cấp xã'), meta);
    }
    await screenshot(page, 'search-filtered');
  });

  test('the language switches to English and back, with <html lang> following', async () => {
    await page.goto(`${server.url}/`);
    await page.getByRole('button', { name: 'English', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Find an administrative procedure' }).waitFor();
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    await page.goto(`${server.url}/procedures/${encodeURIComponent(birthRegistration)}`);
    await page.getByRole('heading', { level: 2, name: 'Documents to submit' }).waitFor();
    await screenshot(page, 'procedure-en');

    await page.getByRole('button', { name: 'Tiếng Việt', exact: true }).click();
    await page.getByRole('heading', { level: 2, name: 'Thành phần hồ sơ' }).waitFor();
    assert.equal(await page.getAttribute('html', 'lang'), 'vi');
  });

  test('the working calendar shows the 2025 swaps and computes an appointment with its explanation', async () => {
    await page.goto(`${server.url}/calendar?year=2025`);
    await page.getByRole('heading', { level: 2, name: 'Năm 2025' }).waitFor();
    await page.locator('.special-days').waitFor();
    await page.getByText('Làm bù cho ngày nghỉ thứ Sáu 02/05/2025').first().waitFor();

    const calculator = page.locator('.calculator-form');
    await calculator.getByLabel('Ngày tiếp nhận').fill('25/04/2025');
    await calculator.getByLabel('Giờ tiếp nhận').fill('08:00');
    await calculator.getByLabel('Thời hạn').fill('3');
    await calculator.getByRole('button', { name: 'Tính ngày hẹn' }).click();
    // Friday 25/4 + 3 working days: Saturday 26/4 is a make-up working day, then Monday 28 and Tuesday 29.
    await page.locator('.result-value', { hasText: 'Thứ Ba, 17:00 29/04/2025' }).waitFor();
    await page.getByRole('heading', { level: 3, name: 'Giải thích' }).waitFor();
    await screenshot(page, 'calendar');
  });

  test('a reception officer sent to the login page from a staff page logs in, returns, and sees the role', async () => {
    await page.goto(`${server.url}/staff`);
    await page.waitForURL(/\/login$/);
    await page.getByLabel('Tên đăng nhập').fill('reception');
    await page.getByLabel('Mật khẩu').fill('demo1234');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByRole('heading', { level: 1, name: 'Xin chào, Trần Thị Thu Hà' }).waitFor();
    await page.getByRole('cell', { name: 'Cán bộ tiếp nhận' }).waitFor();
    await page.getByRole('cell', { name: 'UBND phường Hạ Long' }).waitFor();
    await screenshot(page, 'staff-home');

    // A reception officer does not administer the calendar: days are not buttons.
    await page.goto(`${server.url}/calendar`);
    await page.locator('.year-grid').waitFor();
    assert.equal(await page.locator('.year-grid button').count(), 0);

    await logOut(page);
  });

  test('a province administrator adds a make-up working day and a day off on the calendar and removes them', async () => {
    await logIn(page, server.url, 'admin');
    await page.goto(`${server.url}/calendar?year=2030`);
    await page.getByRole('button', { name: /^Thứ Bảy, 05\/01\/2030$/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Ngày làm việc bù').check();
    await dialog.getByLabel('Tên ngày').fill('Làm bù thử nghiệm');
    await screenshot(page, 'calendar-day-editor', { fullPage: false });
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await page.getByRole('status').filter({ hasText: 'Đã lưu.' }).waitFor();
    await page.locator('.special-days li', { hasText: 'Làm bù thử nghiệm' }).waitFor();
    // Focus goes back to the day, and the arrow keys move through the year.
    const focusedDate = () => page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.date);
    assert.equal(await focusedDate(), '2030-01-05');
    await page.keyboard.press('ArrowDown');
    assert.equal(await focusedDate(), '2030-01-12');
    assert.match((await page.locator('td[title="Làm bù thử nghiệm"]').getAttribute('class')) ?? '', /day-makeup/);
    await screenshot(page, 'calendar-admin');

    await page.getByRole('button', { name: /^Thứ Bảy, 05\/01\/2030 — Làm bù thử nghiệm/ }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Xóa ngày đã khai báo' }).click();
    await page.getByRole('status').filter({ hasText: 'Đã xóa.' }).waitFor();
    // The status shows before the list is read again: wait for the day to leave it.
    await page.locator('.special-days li', { hasText: 'Làm bù thử nghiệm' }).waitFor({ state: 'detached' });

    // A weekday made a day off, with a click too.
    await page.getByRole('button', { name: /^Thứ Sáu, 11\/01\/2030$/ }).click();
    const dayOff = page.getByRole('dialog');
    await dayOff.getByLabel('Ngày nghỉ').check();
    await dayOff.getByLabel('Tên ngày').fill('Nghỉ thử nghiệm');
    await dayOff.getByRole('button', { name: 'Lưu' }).click();
    await page.getByRole('status').filter({ hasText: 'Đã lưu.' }).waitFor();
    await page.locator('.special-days li', { hasText: 'Nghỉ thử nghiệm' }).waitFor();
    assert.match((await page.locator('td[title="Nghỉ thử nghiệm"]').getAttribute('class')) ?? '', /day-holiday/);
    await page.getByRole('button', { name: /^Thứ Sáu, 11\/01\/2030 — Nghỉ thử nghiệm/ }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Xóa ngày đã khai báo' }).click();
    await page.locator('.special-days li', { hasText: 'Nghỉ thử nghiệm' }).waitFor({ state: 'detached' });

    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await page.getByRole('link', { name: 'Đăng nhập' }).waitFor();
  });

  test('at 360 px the main pages need no horizontal scrolling', async () => {
    await checkNarrow(page, server.url, [
      ['home-360', '/?q=khai+sinh', '.result-list'],
      ['procedure-360', `/procedures/${encodeURIComponent(birthRegistration)}`, '.timeline'],
      ['calendar-360', '/calendar?year=2025', '.year-grid'],
      ['login-360', '/login', 'form'],
    ]);
  });

  test('axe-core finds no violations on the main pages', async () => {
    for (const path of ['/', `/procedures/${encodeURIComponent(birthRegistration)}`, '/calendar', '/login']) {
      await page.goto(`${server.url}${path}`);
      await page.locator('main h1').first().waitFor();
      const all = await axeViolations(page, ['minor', 'moderate', 'serious', 'critical']);
      assert.deepEqual(all, [], `axe violations on ${path}`);
    }
  });
});
