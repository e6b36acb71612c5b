import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { extractText, getDocumentProxy } from 'unpdf';
import {
  apiToken,
  axeViolations,
  browserSuite,
  browserTestsSkipped,
  checkNarrow,
  hasHorizontalScroll,
  logIn,
  logOut,
  submitLogin,
  screenshot,
  type RunningServer,
} from './harness';

const TIMEOUT = 15_000;
const HA_LONG = 'UBND phường Hạ Long';
/** Province code 022 (Quảng Ninh), born 1990: valid under src/modules/dossiers/identifiers.ts. */
const DESK_APPLICANT = { name: 'Nguyễn Thị Lan', cccd: '022090001234' };
const ONLINE_CCCD = '022195001234';
const CODE = /^000\.20\.01\.H40-\d{6}-\d{4}$/;
const TIME = /^\d{2}:\d{2} \d{2}\/\d{2}\/\d{4}$/;
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d6a4f50000000049454e44ae426082',
  'hex',
);

/** A visitor without a session, whatever the test before left behind. */
async function anonymous(page: Page, url: string): Promise<void> {
  await page.context().clearCookies();
  await page.goto(url);
  await page.evaluate(() => localStorage.clear());
}

/** What has keyboard focus: its accessible label when it has one, else its text. */
function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLInputElement | null;
    if (!el) return '';
    const label = el.labels?.[0]?.textContent ?? el.getAttribute('aria-label') ?? el.textContent ?? '';
    return `${el.tagName.toLowerCase()}[${el.type ?? ''}] ${label.trim()}`;
  });
}

describe(
  'reception desk, online submission and public lookup in a real browser',
  { skip: browserTestsSkipped() ?? false },
  () => {
    let server: RunningServer;
    let page: Page;
    let procedure = '';
    let directCode = '';
    let onlineCode = '';
    /** This month so far in Vietnam, as the dashboard's query string, and the leader's summary before the walk. */
    const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Ho_Chi_Minh' });
    const month = `from=${today.slice(0, 8)}01&to=${today}`;
    type Summary = { received: { total: number }; resolved: { total: number } };
    let leaderToken = '';
    let summaryBefore: Summary;
    /** A PDF fetched with the page's session cookie, as one line of text. */
    const pdfTextOf = async (url: string): Promise<string> => {
      const pdf = await page.request.get(url);
      assert.equal(pdf.status(), 200);
      assert.equal(pdf.headers()['content-type'], 'application/pdf');
      const doc = await getDocumentProxy(new Uint8Array(await pdf.body()));
      return (await extractText(doc, { mergePages: true })).text.replace(/\s+/g, ' ');
    };
    const summary = async (): Promise<Summary> => {
      const res = await fetch(`${server.url}/api/reports/summary?${month}`, {
        headers: { authorization: `Bearer ${leaderToken}` },
      });
      assert.equal(res.status, 200, await res.clone().text());
      return (await res.json()) as Summary;
    };

    browserSuite(TIMEOUT, (s) => ({ server, page } = s));

    before(async () => {
      const found = await fetch(`${server.url}/api/procedures?q=dang+ky+khai+sinh&pageSize=1`).then((r) => r.json());
      procedure = (found as { items: { code: string; name: string }[] }).items[0].code;
      leaderToken = await apiToken(server.url, 'leader');
      summaryBefore = await summary();
    });

    test('a reception officer takes in a direct "Đăng ký khai sinh" with the keyboard alone and gets the receipt', async (t) => {
      await page.goto(`${server.url}/login`);
      await submitLogin(page, 'reception');
      await page.getByRole('heading', { level: 1, name: /^Xin chào/ }).waitFor();
      await page.getByRole('link', { name: 'Tiếp nhận hồ sơ' }).click();
      await page.getByRole('link', { name: 'Tiếp nhận hồ sơ trực tiếp' }).click();
      await page.getByRole('heading', { level: 1, name: 'Tiếp nhận hồ sơ trực tiếp' }).waitFor();
      await page.waitForFunction(() => document.activeElement?.getAttribute('role') === 'combobox');

      const started = Date.now();
      await page.keyboard.type('khai sinh', { delay: 30 });
      await page.keyboard.press('Enter');
      // The procedure is chosen and focus jumps to the ID number.
      await page.waitForFunction(() => document.activeElement?.getAttribute('inputmode') === 'numeric');
      assert.equal(await page.getByRole('combobox', { name: /Thủ tục hành chính/ }).inputValue(), 'Đăng ký khai sinh');
      await page.keyboard.type('02209000123');
      await page.keyboard.press('Tab');
      await page.getByText('Số định danh cá nhân phải gồm đúng 12 chữ số (đã nhập 11 chữ số).').waitFor();
      await page.keyboard.press('Shift+Tab');
      await page.keyboard.press('End');
      await page.keyboard.type('4');
      for (const value of [DESK_APPLICANT.name, '0912345678', '', 'Số 5 phố Lê Thánh Tông, phường Hạ Long']) {
        await page.keyboard.press('Tab');
        if (value) await page.keyboard.type(value);
      }
      await page.keyboard.press('Tab');
      assert.match(await focused(page), /^input\[checkbox\] Tờ khai đăng ký khai sinh/);
      await page.keyboard.press('Space');
      await page.keyboard.press('ArrowDown');
      assert.match(await focused(page), /^input\[checkbox\] Giấy chứng sinh/);
      await page.keyboard.press('Space');
      await page.getByText('Đã nhận 2/5 loại giấy tờ').waitFor();
      await page
        .getByRole('table', { name: 'Phí, lệ phí' })
        .getByRole('row', { name: /^Lệ phí đăng ký khai sinh/ })
        .waitFor();
      await page.getByText('Tổng cộng: Miễn phí').waitFor();
      await screenshot(page, 'desk-intake');
      for (let i = 0; i < 20 && !(await focused(page)).startsWith('button[submit]'); i++)
        await page.keyboard.press('Tab');
      assert.equal(await focused(page), 'button[submit] Tiếp nhận hồ sơ');
      await page.keyboard.press('Enter');

      await page.getByRole('heading', { level: 1, name: 'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ' }).waitFor();
      t.diagnostic(`keyboard intake to receipt: ${Date.now() - started} ms`);
      directCode = (await page.locator('.receipt-code .code').textContent()) ?? '';
      assert.match(directCode, CODE);
      assert.match((await page.locator('.receipt-due').textContent()) ?? '', TIME);
      await page.getByText('Tờ khai đăng ký khai sinh (1 bản chính)').waitFor();
      await page.getByText('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM').waitFor();
      await page.getByText('Độc lập - Tự do - Hạnh phúc').waitFor();
      await page.locator('.receipt-agency', { hasText: HA_LONG }).waitFor();
      // Enter prints at once: the print button has focus.
      await page.waitForFunction(() => document.activeElement?.textContent === 'In giấy tiếp nhận');
      await screenshot(page, 'desk-receipt');
      assert.deepEqual(await axeViolations(page), [], 'axe on the receipt');
      await page.emulateMedia({ media: 'print' });
      assert.equal(await page.locator('.site-header').isVisible(), false, 'the print shows the receipt only');
      assert.equal(await page.getByRole('button', { name: 'In giấy tiếp nhận' }).isVisible(), false);
      await screenshot(page, 'desk-receipt-print');
      await page.emulateMedia({ media: 'screen' });

      // The one-click PDF (Mẫu 01) comes with the session cookie and carries the code and the title.
      const pdfLink = page.getByRole('link', { name: 'Tải bản PDF (Mẫu số 01)' });
      const pdfText = await pdfTextOf(new URL((await pdfLink.getAttribute('href')) ?? '', server.url).href);
      assert.ok(pdfText.includes(directCode), 'the PDF names the dossier code');
      assert.match(pdfText, /giấy tiếp nhận hồ sơ và hẹn trả kết quả/i);

      await page.goto(`${server.url}/desk/new`);
      await page.getByRole('combobox', { name: /Thủ tục hành chính/ }).waitFor();
      assert.deepEqual(await axeViolations(page), [], 'axe on the intake page');
      await logOut(page);
    });

    test('a returning applicant: the ID number alone brings back the name and contacts of their earlier dossier', async () => {
      await logIn(page, server.url, 'reception');
      await page.goto(`${server.url}/desk/new`);
      await page.getByLabel(/^Số CCCD \(số định danh cá nhân\)/).fill(DESK_APPLICANT.cccd);
      await page
        .getByRole('status')
        .filter({ hasText: `Người nộp đã có hồ sơ ${directCode}` })
        .waitFor();
      assert.equal(await page.getByLabel('Họ và tên').inputValue(), DESK_APPLICANT.name);
      assert.equal(await page.getByLabel('Số điện thoại').inputValue(), '0912345678');
      assert.equal(await page.getByLabel('Địa chỉ').inputValue(), 'Số 5 phố Lê Thánh Tông, phường Hạ Long');
      await screenshot(page, 'desk-returning-applicant');
      await logOut(page);
    });

    test('at 360 px the intake, the inbox and the dossier page need no horizontal scrolling', async () => {
      await logIn(page, server.url, 'reception');
      await checkNarrow(page, server.url, [
        ['desk-intake-360', '/desk/new', 'form'],
        ['desk-inbox-360', '/inbox', '.data-table'],
        ['dossier-360', `/dossiers/${directCode}`, '.dossier-head'],
      ]);
      await logOut(page);
    });

    test('a citizen finds "dang ky khai sinh" typed without diacritics, submits it online and gets a code', async () => {
      await anonymous(page, server.url);
      await page.getByLabel('Tên hoặc mã thủ tục').pressSequentially('dang ky khai sinh', { delay: 30 });
      await page.locator('[aria-busy="false"] > .result-list[data-query="dang ky khai sinh"]').waitFor();
      await page.locator('.result-list .result-title a').first().click();
      await page.waitForURL(`${server.url}/procedures/${encodeURIComponent(procedure)}`);
      await page.getByRole('link', { name: 'Nộp hồ sơ trực tuyến' }).click();
      await page.waitForURL(/\/login$/);
      await submitLogin(page, 'congdan');
      await page.getByRole('heading', { level: 1, name: 'Nộp hồ sơ trực tuyến' }).waitFor();
      assert.equal(await page.getByLabel('Họ và tên').inputValue(), 'Hoàng Văn An', 'prefilled from the account');
      await page.getByLabel('Nơi nộp hồ sơ').selectOption({ label: HA_LONG });
      await page.getByLabel('Số CCCD (số định danh cá nhân)').fill(ONLINE_CCCD);
      await page.getByLabel('Số điện thoại').fill('0987654321');
      await page.getByLabel('Địa chỉ').fill('Tổ 3, khu 5, phường Hạ Long');
      await page.getByLabel(/^Chọn tệp — Tờ khai đăng ký khai sinh/).setInputFiles({
        name: 'to-khai-khai-sinh.pdf',
        mimeType: 'application/pdf',
        buffer: PDF,
      });
      await page.getByLabel(/^Chọn tệp — Giấy chứng sinh/).setInputFiles({
        name: 'giay-chung-sinh.png',
        mimeType: 'image/png',
        buffer: PNG,
      });
      await page.locator('.file-name', { hasText: 'to-khai-khai-sinh.pdf' }).waitFor();
      await page.locator('.file-name', { hasText: 'giay-chung-sinh.png' }).waitFor();
      await page.getByText(`${PDF.length} B`).waitFor();
      // Both uploads may still be running at once: wait until no file shows a spinner.
      await page.waitForFunction(() => document.querySelectorAll('.file-list .spinner').length === 0);
      await screenshot(page, 'citizen-submit');
      assert.deepEqual(await axeViolations(page), [], 'axe on the submission form');
      await page.setViewportSize({ width: 360, height: 780 });
      assert.equal(await hasHorizontalScroll(page), false, 'the submission form scrolls sideways at 360 px');
      await screenshot(page, 'citizen-submit-360');
      await page.setViewportSize({ width: 1280, height: 720 });

      await page.getByRole('button', { name: 'Nộp hồ sơ', exact: true }).click();
      await page.getByRole('heading', { level: 2, name: 'Đã nộp hồ sơ' }).waitFor();
      onlineCode = (await page.locator('.submitted-code').textContent()) ?? '';
      assert.match(onlineCode, CODE);
      await screenshot(page, 'citizen-submitted');

      await page.getByRole('link', { name: 'Xem hồ sơ của tôi' }).click();
      await page.getByRole('link', { name: onlineCode }).waitFor();
      await page
        .getByRole('row', { name: new RegExp(onlineCode.replaceAll('.', '\\.')) })
        .getByText('Chờ tiếp nhận')
        .waitFor();
      await screenshot(page, 'citizen-my-dossiers');
      assert.deepEqual(await axeViolations(page), [], 'axe on my dossiers');
      await logOut(page);
    });

    test('the desk finds the online dossier in its queue, checks it and accepts it', async () => {
      await anonymous(page, server.url);
      await page.goto(`${server.url}/login`);
      await submitLogin(page, 'reception');
      await page.getByRole('heading', { level: 1, name: /^Xin chào/ }).waitFor();
      await page.getByRole('link', { name: 'Tiếp nhận hồ sơ' }).click();
      await page.getByRole('heading', { level: 2, name: '1 hồ sơ đang chờ tiếp nhận' }).waitFor();
      await screenshot(page, 'desk-queue');
      assert.deepEqual(await axeViolations(page), [], 'axe on the desk queue');
      // The desk's tracking book of this month, downloaded with the officer's session.
      const book = page.getByRole('region', { name: 'Tải sổ theo dõi hồ sơ' });
      const href = await book.getByRole('link', { name: 'Tải sổ theo dõi hồ sơ (Excel)' }).getAttribute('href');
      assert.match(href ?? '', /^\/api\/reports\/tracking-book\.xlsx\?agency=000\.20\.01\.H40&from=\d{4}-\d{2}-01&to=/);
      const download = await page.evaluate(async (url) => {
        const res = await fetch(url);
        return [res.status, res.headers.get('content-type')];
      }, href ?? '');
      assert.deepEqual(download, [200, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet']);

      await page.getByRole('link', { name: `Kiểm tra hồ sơ ${onlineCode}` }).click();
      await page.getByRole('heading', { level: 1, name: 'Đăng ký khai sinh' }).waitFor();
      await page.getByRole('link', { name: 'Tải về to-khai-khai-sinh.pdf' }).first().waitFor();
      const actions = page.getByRole('region', { name: 'Thao tác' });
      assert.deepEqual(await actions.getByRole('button').allTextContents(), [
        'Tiếp nhận',
        'Yêu cầu bổ sung',
        'Từ chối tiếp nhận',
        'Rút hồ sơ',
      ]);
      await screenshot(page, 'desk-check');
      assert.deepEqual(await axeViolations(page), [], 'axe on the dossier page');

      await actions.getByRole('button', { name: 'Tiếp nhận', exact: true }).click();
      const dialog = page.getByRole('dialog', { name: 'Tiếp nhận hồ sơ trực tuyến' });
      await dialog.getByText(`Xác nhận hồ sơ ${onlineCode} đầy đủ`).waitFor();
      await screenshot(page, 'desk-accept-dialog', { fullPage: false });
      await dialog.getByRole('button', { name: 'Tiếp nhận hồ sơ' }).click();
      await page.getByRole('status').filter({ hasText: 'Đã tiếp nhận hồ sơ.' }).waitFor();
      await page.locator('.dossier-head .badge', { hasText: 'Đang giải quyết' }).waitFor();
      await page.getByRole('cell', { name: 'Tiếp nhận hồ sơ trực tuyến' }).waitFor();
      await screenshot(page, 'desk-accepted');

      // One click from the dossier to its receipt, one more to its PDF (Mẫu 01).
      await page.getByRole('link', { name: 'In giấy tiếp nhận' }).click();
      const pdfLink = page.getByRole('link', { name: 'Tải bản PDF (Mẫu số 01)' });
      const pdfText = await pdfTextOf(new URL((await pdfLink.getAttribute('href')) ?? '', server.url).href);
      assert.ok(pdfText.includes(onlineCode), 'the PDF names the dossier code');
      assert.match(pdfText, /giấy tiếp nhận hồ sơ và hẹn trả kết quả/i);

      await page.getByRole('link', { name: 'Tiếp nhận hồ sơ', exact: true }).click();
      await page.getByText('Không có hồ sơ nào đang chờ tiếp nhận.').waitFor();
      await logOut(page);
    });

    test('the desk finds its steps in its inbox and forwards the online dossier to the next unit', async () => {
      await anonymous(page, server.url);
      await page.goto(`${server.url}/login`);
      await submitLogin(page, 'reception');
      await page.getByRole('heading', { level: 1, name: /^Xin chào/ }).waitFor();
      await page.getByRole('link', { name: 'Hồ sơ cần xử lý' }).click();
      await page.getByRole('heading', { level: 2, name: '2 hồ sơ cần xử lý' }).waitFor();
      await page.getByRole('link', { name: directCode }).waitFor();
      // A first step of a few working hours is due within one working day: flagged as due soon.
      await page
        .getByRole('row')
        .filter({ has: page.getByRole('link', { name: onlineCode }) })
        .getByText('Sắp đến hạn')
        .waitFor();
      await screenshot(page, 'desk-inbox');
      assert.deepEqual(await axeViolations(page), [], 'axe on the inbox');

      await page.getByRole('link', { name: onlineCode }).click();
      const process = page.getByRole('region', { name: 'Quy trình xử lý' });
      await process.locator('.step-current', { hasText: /^1\. / }).waitFor();
      await page
        .getByRole('region', { name: 'Thao tác' })
        .getByRole('button', { name: 'Chuyển bước tiếp theo' })
        .click();
      await page.getByRole('dialog').getByRole('button', { name: 'Chuyển bước tiếp theo' }).click();
      await page.getByRole('status').filter({ hasText: 'Đã chuyển hồ sơ sang bước tiếp theo.' }).waitFor();
      await process.locator('.step-current', { hasText: /^2\. / }).waitFor();
      await page.getByText('Chuyển đến: Phòng Văn hóa - Xã hội - UBND phường Hạ Long').waitFor();
      await screenshot(page, 'desk-forwarded');
      await logOut(page);
    });

    test('the unit leader assigns the step, the specialist forwards it, the leader signs, the desk returns the result', async () => {
      const actions = page.getByRole('region', { name: 'Thao tác' });
      const process = page.getByRole('region', { name: 'Quy trình xử lý' });
      const act = async (button: string, confirm: string, done: string) => {
        await actions.getByRole('button', { name: button, exact: true }).click();
        await page.getByRole('dialog').getByRole('button', { name: confirm, exact: true }).click();
        await page.getByRole('status').filter({ hasText: done }).waitFor();
      };
      const openFromInbox = async (username: string) => {
        await anonymous(page, server.url);
        await page.goto(`${server.url}/login`);
        await submitLogin(page, username);
        await page.getByRole('heading', { level: 1, name: /^Xin chào/ }).waitFor();
        await page.getByRole('link', { name: 'Hồ sơ cần xử lý' }).click();
        await page.getByRole('link', { name: onlineCode }).click();
        await page.getByRole('heading', { level: 1, name: 'Đăng ký khai sinh' }).waitFor();
      };

      await openFromInbox('leader');
      await actions.getByRole('button', { name: 'Phân công xử lý' }).click();
      const dialog = page.getByRole('dialog', { name: 'Phân công chuyên viên xử lý' });
      const officer = dialog.getByLabel('Chuyên viên');
      const option = await officer.locator('option', { hasText: 'Lê Văn Minh' }).getAttribute('value');
      await officer.selectOption(option ?? '');
      await screenshot(page, 'leader-assign', { fullPage: false });
      assert.deepEqual(await axeViolations(page), [], 'axe on the assign dialog');
      await dialog.getByRole('button', { name: 'Phân công', exact: true }).click();
      await page.getByRole('status').filter({ hasText: 'Đã phân công xử lý.' }).waitFor();
      await process.getByRole('cell', { name: 'Lê Văn Minh' }).waitFor();
      await logOut(page);

      await openFromInbox('specialist');
      await act('Chuyển bước tiếp theo', 'Chuyển bước tiếp theo', 'Đã chuyển hồ sơ sang bước tiếp theo.');
      await process.locator('.step-current', { hasText: /^3\. / }).waitFor();
      await logOut(page);

      await openFromInbox('leader');
      await act('Phê duyệt', 'Phê duyệt', 'Đã phê duyệt hồ sơ.');
      await process.locator('.step-current', { hasText: /^4\. / }).waitFor();
      await screenshot(page, 'leader-approved');
      await logOut(page);

      await openFromInbox('reception');
      await act('Có kết quả', 'Xác nhận có kết quả', 'Đã ghi nhận có kết quả giải quyết.');
      await page.locator('.dossier-head .badge', { hasText: 'Đã có kết quả' }).waitFor();
      await act('Trả kết quả', 'Trả kết quả', 'Đã trả kết quả.');
      await page.locator('.dossier-head .badge', { hasText: 'Đã trả kết quả' }).waitFor();
      const forms = page.getByRole('region', { name: 'Biểu mẫu in' });
      assert.deepEqual(await forms.getByRole('link').allTextContents(), [
        'Mẫu số 01 — Giấy tiếp nhận hồ sơ và hẹn trả kết quả (PDF)',
        'Mẫu số 06 — Phiếu kiểm soát quá trình giải quyết hồ sơ (PDF)',
      ]);
      await screenshot(page, 'desk-returned');
      assert.deepEqual(await axeViolations(page), [], 'axe on the returned dossier');
      await logOut(page);
    });

    test('the citizen looks the returned dossier up and rates it once; the desk’s kiosk offers it until then', async () => {
      const onKiosk = () => page.getByRole('button', { name: new RegExp(onlineCode.replaceAll('.', '\\.')) });
      await anonymous(page, server.url);
      await page.goto(`${server.url}/login`);
      await submitLogin(page, 'reception');
      await page.getByRole('link', { name: 'Tiếp nhận hồ sơ', exact: true }).click();
      await page.getByRole('link', { name: 'Kiosk đánh giá' }).click();
      await onKiosk().waitFor();
      await screenshot(page, 'kiosk');
      assert.deepEqual(await axeViolations(page), [], 'axe on the kiosk');
      await logOut(page);

      await anonymous(page, `${server.url}/tra-cuu/${onlineCode}`);
      await page.locator('.lookup-result .badge', { hasText: 'Đã trả kết quả' }).waitFor();
      await page.goto(`${server.url}/login`);
      await submitLogin(page, 'congdan');
      await page.getByRole('link', { name: 'Hồ sơ của tôi' }).click();
      await page.getByRole('link', { name: `Đánh giá hồ sơ ${onlineCode}` }).click();
      await page.getByRole('radio', { name: 'Rất hài lòng' }).click();
      await screenshot(page, 'citizen-rating');
      assert.deepEqual(await axeViolations(page), [], 'axe on the rating page');
      await page.getByRole('button', { name: 'Gửi đánh giá' }).click();
      await page.getByRole('status').filter({ hasText: 'Cảm ơn Quý ông/bà đã đánh giá!' }).waitFor();
      await logOut(page);

      await logIn(page, server.url, 'reception');
      await page.goto(`${server.url}/kiosk`);
      await page.getByRole('heading', { level: 1, name: /^Đánh giá sự hài lòng tại quầy/ }).waitFor();
      await page.getByText('Chưa có hồ sơ vừa trả kết quả cần đánh giá.').waitFor();
      assert.equal(await onKiosk().count(), 0);
      await logOut(page);
    });

    test('the leader’s dashboard counts the two dossiers received, the one resolved and its rating', async () => {
      // Two dossiers received this month, one of them resolved: the summary and the dashboard show it.
      const after = await summary();
      assert.equal(after.received.total, summaryBefore.received.total + 2);
      assert.equal(after.resolved.total, summaryBefore.resolved.total + 1);
      await anonymous(page, server.url);
      await page.goto(`${server.url}/login`);
      await submitLogin(page, 'leader');
      await page.getByRole('heading', { level: 1, name: /^Xin chào/ }).waitFor();
      await page.goto(`${server.url}/thong-ke?period=month&${month}`);
      const headline = page.locator('section', { has: page.getByRole('heading', { name: 'Số liệu chính' }) });
      const figure = (label: string, n: number) =>
        headline.getByRole('link', {
          name: `${label}: ${n.toLocaleString('vi-VN')} hồ sơ, xem danh sách`,
          exact: true,
        });
      await figure('Tổng số hồ sơ tiếp nhận', after.received.total).waitFor();
      await figure('Đã giải quyết', after.resolved.total).waitFor();
      // The citizen's rating is the only one this month on a province without generated dossiers.
      const ratings = page.getByRole('region', { name: 'Mức độ hài lòng' });
      await ratings.getByText('Tổng số lượt đánh giá').waitFor();
      assert.deepEqual(await ratings.locator('dd').allTextContents(), ['1', '1', '0', '0', '100%']);
      await screenshot(page, 'dashboard-after-walk');
    });

    test('a ratings number of the dashboard opens its rated dossiers, the same count as the API', async () => {
      const ratings = page.getByRole('region', { name: 'Mức độ hài lòng' });
      await ratings.getByRole('link', { name: 'Rất hài lòng: 1 lượt đánh giá, xem danh sách', exact: true }).click();
      await page.getByRole('heading', { level: 1, name: 'Hồ sơ được đánh giá rất hài lòng' }).waitFor();
      await page.getByRole('heading', { level: 2, name: '1 lượt đánh giá' }).waitFor();
      const res = await fetch(`${server.url}/api/feedback/ratings/dossiers?level=very_satisfied&${month}`, {
        headers: { authorization: `Bearer ${leaderToken}` },
      });
      const api = (await res.json()) as { total: number; items: { code: string }[] };
      assert.deepEqual([api.total, api.items.map((i) => i.code)], [1, [onlineCode]]);
      const row = page.locator('.data-table tbody tr', { hasText: onlineCode });
      await row.getByText('Cổng dịch vụ công').waitFor();
      assert.deepEqual(await page.locator('.data-table tbody tr a.code').allTextContents(), [onlineCode]);
      const text = (await page.locator('main').textContent()) ?? '';
      for (const secret of [DESK_APPLICANT.name, ONLINE_CCCD, 'Hoàng Văn An']) {
        assert.ok(!text.includes(secret), `the rated list shows ${secret}`);
      }
      await screenshot(page, 'dashboard-rated-dossiers');
      assert.deepEqual(await axeViolations(page), [], 'axe on the rated dossiers');

      // Another level with the keyboard: none are not satisfied.
      await page.getByLabel('Mức độ hài lòng').focus();
      await page.getByLabel('Mức độ hài lòng').selectOption({ label: 'Chưa hài lòng' });
      await page.getByRole('heading', { level: 1, name: 'Hồ sơ bị đánh giá chưa hài lòng' }).waitFor();
      await page.getByRole('heading', { level: 2, name: '0 lượt đánh giá' }).waitFor();
      await page.getByText('Không có lượt đánh giá nào.').waitFor();

      // Back on the dashboard, the rate lists all of them; the list fits a 360 px phone.
      await page.getByRole('link', { name: 'Quay lại trang thống kê' }).click();
      // The dashboard's sections load one by one and push the ratings down: click once all have settled.
      await page.getByRole('heading', { level: 1, name: 'Thống kê tình hình giải quyết hồ sơ' }).waitFor();
      await ratings.getByText('Tổng số lượt đánh giá').waitFor();
      await page.waitForFunction(() => document.querySelectorAll('[aria-busy="true"]').length === 0);
      await ratings.getByRole('link', { name: 'Tỷ lệ hài lòng 100%, xem tất cả lượt đánh giá' }).click();
      await page.getByRole('heading', { level: 1, name: 'Hồ sơ đã được đánh giá' }).waitFor();
      await page.getByRole('heading', { level: 2, name: '1 lượt đánh giá' }).waitFor();
      await page.setViewportSize({ width: 360, height: 780 });
      await page.locator('.data-table').waitFor();
      await screenshot(page, 'dashboard-rated-dossiers-360');
      assert.equal(await hasHorizontalScroll(page), false, 'the rated dossiers scroll sideways at 360 px');
      await page.setViewportSize({ width: 1280, height: 720 });
      await logOut(page);
    });

    test('the citizen finds the acceptance among their notifications and marks it read', async () => {
      await anonymous(page, server.url);
      await page.goto(`${server.url}/login`);
      await submitLogin(page, 'congdan');
      const nav = page.getByRole('navigation', { name: 'Điều hướng chính' });
      await nav.getByRole('link', { name: /^Thông báo.*chưa đọc/ }).click();
      await page.getByRole('heading', { level: 1, name: 'Thông báo' }).waitFor();
      const received = page.getByRole('heading', { name: `Chưa đọc Hồ sơ ${onlineCode} đã được tiếp nhận` });
      const item = page.getByRole('listitem').filter({ has: received });
      await received.waitFor();
      await item.getByRole('link', { name: onlineCode }).waitFor();
      await screenshot(page, 'citizen-notifications');
      assert.deepEqual(await axeViolations(page), [], 'axe on the notifications page');
      await page.getByRole('button', { name: 'Đánh dấu tất cả đã đọc' }).click();
      await nav.getByRole('link', { name: 'Thông báo', exact: true }).waitFor();
      assert.equal(await item.getByText('Chưa đọc').count(), 0);
      await logOut(page);
    });

    test('anyone looks both dossiers up by code and sees no applicant name or ID number', async () => {
      const personal = [DESK_APPLICANT.name, DESK_APPLICANT.cccd, 'Hoàng Văn An', ONLINE_CCCD, '0912345678'];
      await anonymous(page, server.url);
      await page.goto(`${server.url}/tra-cuu/${directCode}`);
      await page.getByRole('heading', { level: 2, name: `Hồ sơ ${directCode}` }).waitFor();
      await page.locator('.lookup-result .badge', { hasText: 'Đang giải quyết' }).waitFor();
      await page.getByText('Đăng ký khai sinh', { exact: true }).waitFor();
      const text = (await page.locator('body').textContent()) ?? '';
      for (const item of personal) assert.ok(!text.includes(item), `the lookup shows ${item}`);
      await screenshot(page, 'lookup-direct');
      assert.deepEqual(await axeViolations(page), [], 'axe on the lookup page');

      await page.getByRole('link', { name: 'Tra cứu hồ sơ' }).click();
      await page.getByLabel('Mã hồ sơ').fill(onlineCode);
      await page.getByRole('button', { name: 'Tra cứu' }).click();
      await page.waitForURL(`${server.url}/tra-cuu/${onlineCode}`);
      await page.locator('.lookup-result .badge', { hasText: 'Đã trả kết quả' }).waitFor();
      const online = (await page.locator('body').textContent()) ?? '';
      for (const item of personal) assert.ok(!online.includes(item), `the lookup shows ${item}`);
      await screenshot(page, 'lookup-online');

      await page.setViewportSize({ width: 360, height: 780 });
      assert.equal(await hasHorizontalScroll(page), false, 'the lookup scrolls sideways at 360 px');
      await screenshot(page, 'lookup-360');
      await page.setViewportSize({ width: 1280, height: 720 });
    });
  },
);
