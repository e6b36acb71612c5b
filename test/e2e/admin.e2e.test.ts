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

const TIMEOUT = 20_000;
const WARD = '000.20.02.H40'; // UBND phường Bãi Cháy

/** What names the focused element: a tree item's agency name, a button's label. */
function focusedName(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (el?.getAttribute('role') === 'treeitem') return el.querySelector('.tree-name')?.textContent ?? '';
    return el?.getAttribute('aria-label') ?? el?.textContent ?? '';
  });
}

describe('the administration area in a real browser', { skip: browserTestsSkipped() ?? false }, () => {
  let server: RunningServer;
  let page: Page;
  /** Where the user created by the test lives: /admin/users/<id>. */
  let userPath = '';

  const login = (username: string, password: string) =>
    fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password }),
    });

  const { provoke } = browserSuite(TIMEOUT, (s) => ({ server, page } = s));

  test('the province administrator opens the area from the navigation', async () => {
    await logIn(page, server.url, 'admin');
    await page
      .getByRole('navigation', { name: 'Điều hướng chính' })
      .getByRole('link', { name: 'Quản trị', exact: true })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Quản trị hệ thống' }).waitFor();
    await page.getByRole('cell', { name: 'Quản trị tỉnh' }).waitFor();
    await screenshot(page, 'admin-home');
  });

  test('the agency tree works from the keyboard; a ward gets a unit and new details; a department is added once its code is right', async () => {
    await page.goto(`${server.url}/admin/agencies`);
    const root = page.getByRole('treeitem', { name: 'UBND tỉnh Quảng Ninh' });
    await root.focus();
    await page.keyboard.press('End');
    assert.equal(await focusedName(page), 'UBND xã Ba Chẽ');
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowUp');
    assert.equal(await focusedName(page), 'UBND phường Bãi Cháy');
    await page.keyboard.press('Enter');
    await page.waitForURL(new RegExp(`agency=${WARD.replace(/\./g, '\\.')}`));
    await page.getByRole('heading', { level: 2, name: 'UBND phường Bãi Cháy' }).waitFor();
    // Focus stays in the tree; Left goes to the parent, Left again collapses it.
    assert.equal(await focusedName(page), 'UBND phường Bãi Cháy');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    assert.equal(await root.getAttribute('aria-expanded'), 'false');
    await page.keyboard.press('ArrowRight');
    assert.equal(await root.getAttribute('aria-expanded'), 'true');

    provoke(409, `/api/admin/agencies/${WARD}/units`);
    provoke(400, '/api/admin/agencies');
    const unitForm = page.locator('form', { has: page.getByRole('heading', { name: 'Thêm đơn vị' }) });
    await unitForm.getByLabel('Mã đơn vị').fill('MC');
    await unitForm.getByLabel('Tên đơn vị').fill('Tổ Tư pháp - Hộ tịch');
    await unitForm.getByRole('button', { name: 'Thêm đơn vị' }).click();
    await unitForm.locator('.field-error', { hasText: 'Mã đơn vị đã có trong cơ quan này' }).waitFor();
    await unitForm.getByLabel('Mã đơn vị').fill('TP');
    await unitForm.getByRole('button', { name: 'Thêm đơn vị' }).click();
    await page.getByText('Đã thêm đơn vị Tổ Tư pháp - Hộ tịch.').waitFor();
    await page.getByRole('cell', { name: 'TP', exact: true }).waitFor();

    await page.getByRole('button', { name: 'Ngừng hoạt động đơn vị Tổ Tư pháp - Hộ tịch' }).click();
    await page.getByText('Đã ngừng hoạt động đơn vị Tổ Tư pháp - Hộ tịch.').waitFor();
    await page.getByRole('button', { name: 'Cho đơn vị Tổ Tư pháp - Hộ tịch hoạt động lại' }).click();
    await page.getByText('Đơn vị Tổ Tư pháp - Hộ tịch đã hoạt động lại.').waitFor();

    const details = page.locator('form', { has: page.getByRole('heading', { name: 'Sửa thông tin cơ quan' }) });
    await details.getByLabel('Số điện thoại').fill('0203 3846 123');
    await details.getByRole('button', { name: 'Lưu' }).click();
    await details.getByText('Đã lưu thông tin cơ quan.').waitFor();
    assert.equal(await details.getByLabel('Số điện thoại').inputValue(), '02033846123');

    // A department under the province: the server checks the identifier's format.
    await root.click();
    await page.getByRole('heading', { level: 2, name: 'UBND tỉnh Quảng Ninh' }).waitFor();
    await page.getByRole('button', { name: 'Thêm cơ quan trực thuộc…' }).click();
    const agencyForm = page.locator('form', { has: page.getByRole('button', { name: 'Thêm cơ quan' }) });
    await agencyForm.getByLabel('Mã định danh').fill('000.00.17');
    await agencyForm.getByLabel('Tên cơ quan').fill('Sở Khoa học và Công nghệ');
    await agencyForm.getByLabel('Loại cơ quan').selectOption('department');
    await agencyForm.getByRole('button', { name: 'Thêm cơ quan' }).click();
    await agencyForm.locator('.field-error', { hasText: '000.00.00.H40' }).waitFor();
    await screenshot(page, 'admin-agencies');
    await agencyForm.getByLabel('Mã định danh').fill('000.00.17.H40');
    await agencyForm.getByRole('button', { name: 'Thêm cơ quan' }).click();
    await page.getByRole('heading', { level: 2, name: 'Sở Khoa học và Công nghệ' }).waitFor();
    await page.getByRole('treeitem', { name: 'Sở Khoa học và Công nghệ', selected: true }).waitFor();
  });

  test('a user created in the ward is found without diacritics, gets roles, a new password and is unlocked', async () => {
    provoke(409, '/api/admin/users');
    await page.goto(`${server.url}/admin/users/new`);
    await page.getByLabel('Tên đăng nhập').fill('reception');
    await page.getByLabel('Họ và tên').fill('Nguyễn Thị Bích');
    await page.getByLabel(/^Mật khẩu/).fill('tamthoi2026');
    await page.getByLabel('Cơ quan').selectOption(WARD);
    await page.getByLabel('Đơn vị').selectOption({ label: 'Tổ Tư pháp - Hộ tịch (TP)' });
    await page.getByRole('button', { name: 'Thêm người dùng' }).click();
    await page.locator('.field-error', { hasText: 'Tên đăng nhập đã được sử dụng' }).waitFor();
    await page.getByLabel('Tên đăng nhập').fill('bich.nguyen');
    await page.getByRole('button', { name: 'Thêm người dùng' }).click();
    await page.waitForURL(/\/admin\/users\/\d+$/);
    userPath = new URL(page.url()).pathname;
    await page.getByText('Đã thêm người dùng Nguyễn Thị Bích.').waitFor();

    await page.goto(`${server.url}/admin/users`);
    await page.getByLabel('Họ tên hoặc tên đăng nhập').fill('nguyen thi bich');
    await page.waitForURL(/q=nguyen\+thi\+bich/);
    const found = page.locator('[aria-busy="false"] .data-table').getByRole('link', { name: 'Nguyễn Thị Bích' });
    // The search found the user; open the link it gives (a click could land on a row the list is re-rendering).
    assert.equal(await found.getAttribute('href'), userPath);
    await page.goto(`${server.url}${userPath}`);
    await page.getByRole('heading', { level: 1, name: 'Nguyễn Thị Bích' }).waitFor();

    const grant = page.locator('form', { has: page.getByRole('heading', { name: 'Giao thêm vai trò' }) });
    await grant.getByLabel('Vai trò').selectOption('reception');
    await grant.getByLabel('Cơ quan').selectOption(WARD);
    await grant
      .getByLabel('Đơn vị')
      .selectOption({ label: 'Trung tâm Phục vụ hành chính công (Bộ phận Một cửa) (MC)' });
    await grant.getByRole('button', { name: 'Giao vai trò' }).click();
    await page.getByRole('cell', { name: 'Cán bộ tiếp nhận', exact: true }).waitFor();
    await page.getByRole('button', { name: 'Thu hồi vai trò Cán bộ tiếp nhận tại UBND phường Bãi Cháy' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Thu hồi' }).click();
    await page.getByText('Đã thu hồi vai trò.').waitFor();
    await page.getByRole('cell', { name: 'Cán bộ tiếp nhận', exact: true }).waitFor({ state: 'detached' });

    await page.getByLabel(/^Mật khẩu mới/).fill('matkhau2026');
    await page.getByLabel('Nhập lại mật khẩu mới').fill('matkhau2026');
    await page.getByRole('button', { name: 'Đặt lại mật khẩu' }).click();
    await page.getByText('Đã đặt lại mật khẩu; các phiên đăng nhập của người dùng đã kết thúc.').waitFor();
    await screenshot(page, 'admin-user');

    assert.equal((await login('bich.nguyen', 'tamthoi2026')).status, 401);
    const res = await login('bich.nguyen', 'matkhau2026');
    assert.equal(res.status, 200);
    const body = (await res.json()) as { user: { roles: { role: string; agency: string }[] } };
    assert.deepEqual(
      body.user.roles.map((r) => [r.role, r.agency]),
      [['specialist', WARD]],
    );

    // Five wrong passwords lock the account; the administrator unlocks it.
    for (let i = 0; i < 5; i++) await login('bich.nguyen', 'sai-mat-khau-1');
    assert.equal((await login('bich.nguyen', 'matkhau2026')).status, 423);
    await page.reload();
    await page.getByText('Tài khoản đang bị tạm khóa do đăng nhập sai nhiều lần.').waitFor();
    await page.getByRole('button', { name: 'Mở khóa đăng nhập' }).click();
    await page.getByText('Đã mở khóa đăng nhập.').waitFor();
    assert.equal((await login('bich.nguyen', 'matkhau2026')).status, 200);
  });

  test('the step editor shows the time budget, the server refuses a process over it, and a fixed amended version is published', async () => {
    await page.goto(`${server.url}/admin/procedures`);
    await page.getByLabel('Tên hoặc mã thủ tục').fill('dang ky khai sinh');
    await page.waitForURL(/q=dang\+ky\+khai\+sinh/);
    await page
      .locator('[aria-busy="false"] .data-table')
      .getByRole('link', { name: 'Đăng ký khai sinh', exact: true })
      .click();
    await page.getByRole('heading', { level: 2, name: 'Lịch sử công bố' }).waitFor();
    await page.getByRole('link', { name: 'Công bố sửa đổi, thay thế' }).click();
    await page.getByText('Đã dùng 4/4 giờ làm việc').waitFor();

    provoke(400, '/api/procedures/1.001193/versions');
    await page.getByRole('button', { name: 'Thêm bước' }).click();
    const step5 = page.locator('.step-card', { has: page.getByText('Bước 5', { exact: true }) });
    await step5.getByLabel('Tên bước').fill('Xác minh thông tin khai sinh');
    await step5.getByLabel(/^Đơn vị/).selectOption('VHXH');
    await step5.getByLabel('Thời gian: số').fill('1');
    await step5.getByLabel('Thời gian: đơn vị').selectOption('working_days');
    await page.getByText('Đã dùng 12/4 giờ làm việc').waitFor();
    await page.locator('.budget-over', { hasText: 'Vượt thời hạn 8 giờ làm việc.' }).waitFor();
    await screenshot(page, 'admin-editor-over-budget');

    await page.getByLabel('Số quyết định').fill('2468/QĐ-UBND');
    await page.getByLabel('Ngày có hiệu lực').fill('01/02/2027');
    await page.getByRole('button', { name: 'Công bố', exact: true }).click();
    await page.locator('.budget .field-error', { hasText: 'vượt quá thời hạn giải quyết' }).waitFor();

    // Reordering from the keyboard: the moved step keeps the focus.
    await page.getByRole('button', { name: 'Chuyển bước 5 lên trên' }).focus();
    await page.keyboard.press('Enter');
    assert.equal(await focusedName(page), 'Chuyển bước 4 lên trên');
    const step4 = page.locator('.step-card', { has: page.getByText('Bước 4', { exact: true }) });
    assert.equal(await step4.getByLabel('Tên bước').inputValue(), 'Xác minh thông tin khai sinh');

    await step4.getByLabel('Thời gian: số').fill('4');
    await step4.getByLabel('Thời gian: đơn vị').selectOption('working_hours');
    await page.getByLabel('Có thời hạn rút ngắn tại tỉnh').uncheck();
    await page.getByText('Đã dùng 8/8 giờ làm việc').waitFor();
    assert.equal(await page.locator('.budget-over').count(), 0);
    await page.getByRole('button', { name: 'Công bố', exact: true }).click();
    await page.waitForURL(/\/admin\/procedures\/1\.001193$/);
    await page.getByText(/^Đã công bố phiên bản \d+\.$/).waitFor();
    const row = page.locator('.data-table tr', { hasText: '2468/QĐ-UBND' });
    await row.getByText('01/02/2027').waitFor();
    await row.getByText('Chưa có hiệu lực').waitFor();
    await screenshot(page, 'admin-history');
  });

  test('an import report shows what landed and each refused entry with its place and reason', async () => {
    const procedure = (code: string, hours: number) => ({
      code,
      name: `Thủ tục thử nghiệm ${code}`,
      field: 'HO_TICH',
      level: 'commune',
      agencies: [WARD],
      deadline: { value: 1, unit: 'working_days' },
      channels: ['direct'],
      process: [
        { name: 'Tiếp nhận', unit: 'MC', role: 'reception', duration: { value: hours, unit: 'working_hours' } },
      ],
      decision: { number: '99/QĐ-UBND', date: '2026-01-05', type: 'new', effectiveFrom: '2026-01-10' },
    });
    const file = JSON.stringify({ procedures: [procedure('TEST.0001', 4), procedure('TEST.0002', 16)] });
    await page.goto(`${server.url}/admin/procedures/import`);
    await page
      .getByLabel('Tệp danh mục')
      .setInputFiles({ name: 'catalogue.json', mimeType: 'application/json', buffer: Buffer.from(file) });
    await page.getByRole('button', { name: 'Nhập tệp' }).click();
    await page.getByRole('heading', { level: 2, name: 'Kết quả nhập' }).waitFor();
    const rejected = page.locator('.import-report .data-table tbody tr');
    assert.equal(await rejected.count(), 1);
    await rejected.getByText('Thủ tục thứ 2 trong tệp').waitFor();
    await rejected.getByText('procedures.1.process').waitFor();
    await rejected.getByText(/PROCESS_EXCEEDS_DEADLINE/).waitFor();
    await screenshot(page, 'admin-import');
  });

  test('at 360 px the user list and the editor need no horizontal scrolling', async () => {
    await checkNarrow(page, server.url, [
      ['admin-users-360', '/admin/users?q=nguyen', '.data-table'],
      ['admin-editor-360', '/admin/procedures/1.001193/edit', '.step-card'],
    ]);
  });

  test('axe-core finds no serious or critical violations on the admin pages', async () => {
    const pages = [
      ['/admin', 'main h1'],
      [`/admin/agencies?agency=${WARD}`, '.data-table'],
      ['/admin/users', '.data-table'],
      [userPath, '.data-table'],
      ['/admin/users/new', 'form'],
      ['/admin/procedures', '.data-table'],
      ['/admin/procedures/1.001193', '.data-table'],
      ['/admin/procedures/1.001193/edit', '.step-card'],
      ['/admin/procedures/import', 'form'],
    ];
    for (const [path, ready] of pages) {
      await page.goto(`${server.url}${path}`);
      await page.locator(ready).first().waitFor();
      assert.deepEqual(await axeViolations(page), [], `axe violations on ${path}`);
    }
  });

  test('an inspector reads the area without changing anything; a reception officer is kept out', async () => {
    await logOut(page);
    await logIn(page, server.url, 'thanhtra');
    await page.goto(`${server.url}${userPath}`);
    await page.getByRole('heading', { level: 1, name: 'Nguyễn Thị Bích' }).waitFor();
    await page.getByText('chỉ xem được, không thay đổi được dữ liệu').waitFor();
    assert.equal(await page.getByRole('button', { name: 'Đặt lại mật khẩu' }).count(), 0);
    assert.equal(await page.getByRole('button', { name: /^Thu hồi/ }).count(), 0);
    await logOut(page);

    await logIn(page, server.url, 'reception');
    assert.equal(await page.getByRole('link', { name: 'Quản trị' }).count(), 0);
    await page.goto(`${server.url}/admin/users`);
    await page.getByRole('alert').filter({ hasText: 'Bạn không có quyền vào khu vực quản trị' }).waitFor();
  });
});
