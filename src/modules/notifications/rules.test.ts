import { test } from 'node:test';
import assert from 'node:assert/strict';
import { workCalendar } from '../calendar/rules';
import { applicantMessage, digestMessage, formatVietnamDateTime, lookupUrl } from './messages';
import {
  afterAttempt,
  planReminders,
  reminderDue,
  reminderWindowEnd,
  retryDelayMs,
  summarise,
  type HeldDossier,
  type UnitOverdueDossier,
} from './rules';

const at = (s: string) => new Date(s);
const national = workCalendar();
const CODE = '000.20.01.H40-260213-0007';
const BASE = 'https://motcua.quangninh.gov.vn';

test('the receipt message reads as on the appointment slip, with the lookup link', () => {
  const m = applicantMessage(
    'received',
    { code: CODE, procedureName: 'Đăng ký khai sinh', dueAt: at('2026-02-25T17:00:00+07:00'), ruleSet: 'nd61_2018' },
    {},
    `${BASE}/`,
  );
  assert.equal(
    m.sms,
    `Hồ sơ ${CODE} (Đăng ký khai sinh) đã được tiếp nhận. Ngày hẹn trả kết quả: 25/02/2026 17:00. Tra cứu: ${BASE}/tra-cuu/${CODE}`,
  );
  assert.equal(m.subject, `[Một cửa] Hồ sơ ${CODE} đã được tiếp nhận`);
  assert.equal(m.titleEn, `Dossier ${CODE}: received`);
  assert.equal(
    m.email,
    [
      'Kính gửi Quý ông/bà,',
      '',
      `Hồ sơ ${CODE} (Đăng ký khai sinh) đã được tiếp nhận.`,
      'Ngày hẹn trả kết quả: 25/02/2026 17:00.',
      `Tra cứu: ${BASE}/tra-cuu/${CODE}`,
      '',
      '---',
      `Dossier ${CODE} (Đăng ký khai sinh) has been received.`,
      'Results due: 25/02/2026 17:00 (Vietnam time).',
      `Track it: ${BASE}/tra-cuu/${CODE}`,
      '',
      'Đây là thư tự động từ Hệ thống một cửa điện tử, vui lòng không trả lời. / This is an automatic message; please do not reply.',
    ].join('\n'),
  );
});

test('a supplement request lists every item at once; the phone message leaves the list out', () => {
  const m = applicantMessage(
    'supplement_requested',
    { code: CODE, procedureName: 'Đăng ký khai sinh', dueAt: null, ruleSet: 'nd61_2018' },
    { items: [{ name: 'Giấy chứng sinh', reason: 'bản chụp không rõ' }, { name: 'Tờ khai' }] },
    BASE,
  );
  assert.equal(
    m.vi,
    [
      `Hồ sơ ${CODE} (Đăng ký khai sinh) cần được bổ sung, hoàn thiện.`,
      'Nội dung cần bổ sung:',
      '- Giấy chứng sinh: bản chụp không rõ',
      '- Tờ khai',
    ].join('\n'),
  );
  assert.equal(
    m.sms,
    `Hồ sơ ${CODE} (Đăng ký khai sinh) cần được bổ sung, hoàn thiện. Tra cứu: ${BASE}/tra-cuu/${CODE}`,
  );
});

test('an apology gives the reason and the new appointment; a refusal its reason', () => {
  const apology = applicantMessage(
    'apology',
    { code: CODE, procedureName: 'Cấp giấy phép xây dựng', dueAt: at('2026-03-02T10:00:00Z'), ruleSet: 'nd61_2018' },
    { reason: 'cần xác minh thực địa.' },
    BASE,
  );
  assert.equal(
    apology.vi,
    [
      `Hồ sơ ${CODE} (Cấp giấy phép xây dựng) chưa được giải quyết đúng hẹn; cơ quan giải quyết xin lỗi Quý ông/bà.`,
      'Lý do: cần xác minh thực địa.',
      'Ngày hẹn trả kết quả mới: 02/03/2026 17:00.',
    ].join('\n'),
  );
  const refused = applicantMessage(
    'refused',
    { code: CODE, procedureName: 'Đăng ký khai sinh', dueAt: null, ruleSet: 'nd61_2018' },
    { reason: 'không thuộc thẩm quyền' },
    BASE,
  );
  assert.equal(refused.en, `Dossier ${CODE} (Đăng ký khai sinh) was not accepted.\nReason: không thuộc thẩm quyền.`);
  assert.equal(refused.subject, `[Một cửa] Hồ sơ ${CODE} không được tiếp nhận`);
});

test('under Decree 118/2025 the apology asks for more time, in its subject and its new time', () => {
  const m = applicantMessage(
    'apology',
    { code: CODE, procedureName: 'Cấp giấy phép xây dựng', dueAt: at('2026-03-02T10:00:00Z'), ruleSet: 'nd118_2025' },
    {},
    BASE,
  );
  assert.equal(m.subject, `[Một cửa] Hồ sơ ${CODE} thư xin lỗi và đề nghị gia hạn thời gian giải quyết`);
  assert.ok(m.vi.endsWith('Thời gian giải quyết được gia hạn đến: 02/03/2026 17:00.'), m.vi);
  assert.ok(m.en.endsWith('Time extended to: 02/03/2026 17:00 (Vietnam time).'), m.en);
  assert.ok(!m.email.includes('hẹn lại'), m.email);
});

test('the result-ready message invites the applicant to collect the result', () => {
  const m = applicantMessage(
    'result_ready',
    { code: CODE, procedureName: 'Đăng ký khai sinh', dueAt: null, ruleSet: 'nd61_2018' },
    {},
    BASE,
  );
  assert.equal(
    m.sms,
    `Hồ sơ ${CODE} (Đăng ký khai sinh) đã có kết quả giải quyết. Mời Quý ông/bà nhận kết quả theo hình thức đã đăng ký. Tra cứu: ${BASE}/tra-cuu/${CODE}`,
  );
});

test('times are written in Vietnam time, whatever the instant’s UTC day', () => {
  assert.equal(formatVietnamDateTime(at('2026-02-24T17:30:00Z')), '25/02/2026 00:30');
  assert.equal(lookupUrl('http://x///', 'A B'), 'http://x/tra-cuu/A%20B');
});

const d = (id: number, code: string, due: string, unitName: string | null = 'Phòng Văn hóa - Xã hội') => ({
  id,
  code,
  procedureName: 'Đăng ký khai sinh',
  dueAt: at(due),
  unitName,
});

test('each officer gets one digest ordered by appointment, each leader one of the rest of the overdue', () => {
  const held: HeldDossier[] = [
    { ...d(2, 'B', '2026-03-11T10:00:00Z'), holderUserId: 7 },
    { ...d(1, 'A', '2026-03-09T10:00:00Z'), holderUserId: 7 },
    { ...d(3, 'C', '2026-03-11T10:00:00Z'), holderUserId: 9 },
  ];
  const overdue: UnitOverdueDossier[] = [
    { ...d(1, 'A', '2026-03-09T10:00:00Z'), leaderUserId: 9 },
    { ...d(4, 'D', '2026-03-06T10:00:00Z'), leaderUserId: 9 },
    // The leader holds E: it is in their own list, not twice.
    { ...d(5, 'E', '2026-03-05T10:00:00Z'), leaderUserId: 5 },
  ];
  const mine: HeldDossier = { ...d(5, 'E', '2026-03-05T10:00:00Z'), holderUserId: 5 };
  const digests = planReminders([...held, mine], overdue);
  assert.deepEqual(
    digests.map((g) => [g.userId, g.kind, g.dossiers.map((x) => x.code)]),
    [
      [5, 'due_soon', ['E']],
      [7, 'due_soon', ['A', 'B']],
      [9, 'due_soon', ['C']],
      [9, 'overdue', ['D', 'A']],
    ],
  );
  assert.deepEqual(summarise(digests), { officers: 3, leaders: 1, dossiers: 5 });
});

test('the window ends at the close of the N-th next working day, across weekends and Tết', () => {
  assert.equal(reminderWindowEnd(national, '2026-03-13', 1).toISOString(), '2026-03-16T10:00:00.000Z');
  assert.equal(reminderWindowEnd(national, '2026-03-10', 0).toISOString(), '2026-03-10T10:00:00.000Z');
  // Friday 13/2/2026, before the statutory Tết week (16–20/2): the next working day is Monday 23/2.
  assert.equal(reminderWindowEnd(national, '2026-02-13', 1).toISOString(), '2026-02-23T10:00:00.000Z');
  const closesLate = workCalendar({ officeHours: [{ start: 8 * 60, end: 17 * 60 + 30 }] });
  assert.equal(reminderWindowEnd(closesLate, '2026-03-10', 2).toISOString(), '2026-03-12T10:30:00.000Z');
});

test('reminders are due on working days at or after the configured time', () => {
  assert.deepEqual(reminderDue(national, at('2026-03-10T07:29:59+07:00'), '07:30'), { day: '2026-03-10', due: false });
  assert.deepEqual(reminderDue(national, at('2026-03-10T07:30:00+07:00'), '07:30'), { day: '2026-03-10', due: true });
  // 23:00 UTC on the 9th is already the 10th in Vietnam.
  assert.deepEqual(reminderDue(national, at('2026-03-09T23:00:00Z'), '06:00'), { day: '2026-03-10', due: true });
  assert.deepEqual(reminderDue(national, at('2026-03-15T09:00:00+07:00'), '07:30'), { day: '2026-03-15', due: false });
  assert.deepEqual(reminderDue(national, at('2026-04-30T09:00:00+07:00'), '07:30'), { day: '2026-04-30', due: false });
});

test('failed sends back off exponentially up to six hours, then give up', () => {
  assert.deepEqual([1, 2, 3, 4, 10, 30].map(retryDelayMs), [60_000, 120_000, 240_000, 480_000, 21_600_000, 21_600_000]);
  const now = at('2026-03-10T00:00:00Z');
  assert.deepEqual(afterAttempt({ ok: false, error: 'ECONNREFUSED' }, 2, 5, now), {
    status: 'pending',
    error: 'ECONNREFUSED',
    nextAttemptAt: at('2026-03-10T00:02:00Z'),
  });
  assert.deepEqual(afterAttempt({ ok: false, error: 'x'.repeat(900) }, 5, 5, now), {
    status: 'failed',
    error: 'x'.repeat(500),
  });
  assert.deepEqual(afterAttempt({ ok: true, via: 'smtp', reference: '<m@x>' }, 5, 5, now), {
    status: 'sent',
    deliveredVia: 'smtp',
    reference: '<m@x>',
  });
});

test('a digest marks the overdue ones and names the unit for leaders', () => {
  const now = at('2026-03-10T07:30:00+07:00');
  const officer = digestMessage(
    { userId: 1, kind: 'due_soon', dossiers: [d(1, 'A', '2026-03-09T10:00:00Z'), d(2, 'B', '2026-03-11T10:00:00Z')] },
    '2026-03-10',
    now,
    BASE,
  );
  assert.equal(officer.title, 'Nhắc việc: 2 hồ sơ sắp đến hạn hoặc đã quá hạn');
  assert.equal(
    officer.body,
    '- A — Đăng ký khai sinh — hạn 09/03/2026 17:00 (đã quá hạn)\n- B — Đăng ký khai sinh — hạn 11/03/2026 17:00',
  );
  const leader = digestMessage(
    { userId: 2, kind: 'overdue', dossiers: [d(1, 'A', '2026-03-09T10:00:00Z')] },
    '2026-03-10',
    now,
    BASE,
  );
  assert.equal(leader.titleEn, 'Alert: 1 overdue dossier(s) in your unit');
  assert.equal(leader.bodyEn, '- A — Đăng ký khai sinh — due 09/03/2026 17:00 (overdue) — Phòng Văn hóa - Xã hội');
  assert.match(leader.email, /^Cảnh báo: 1 hồ sơ quá hạn của đơn vị \(ngày 10\/03\/2026\)\n/);
  assert.match(leader.email, /Xem và xử lý: https:\/\/motcua\.quangninh\.gov\.vn\/staff/);
});
