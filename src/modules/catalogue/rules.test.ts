import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { AppError } from '../../shared/errors';
import {
  checkContent,
  checkProcessBudget,
  checkStepUnits,
  normalizeContent,
  planDecision,
  rankCandidates,
  sameContent,
  searchQuery,
  searchText,
  versionInForce,
  vietnamDate,
  type Duration,
  type VersionHead,
} from './rules';
import { contentSchema } from './schema';
import { entry } from './test-fixtures';

const days = (value: number): Duration => ({ value, unit: 'working_days' });
const hours = (value: number): Duration => ({ value, unit: 'working_hours' });
const step = (duration: Duration) => ({ name: 'Bước', unit: 'MC', role: 'reception', agency: null, duration });

function appError(fn: () => unknown): AppError {
  try {
    fn();
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  assert.fail('expected an AppError');
}

test('steps adding up to the reduced deadline pass; one hour more is refused with both totals', () => {
  const base = { deadline: days(3), reducedDeadline: days(2) };
  checkProcessBudget({ ...base, process: [step(days(1)), step(hours(8))] });
  const err = appError(() => checkProcessBudget({ ...base, process: [step(days(1)), step(hours(9))] }));
  assert.equal(err.code, 'PROCESS_EXCEEDS_DEADLINE');
  assert.equal(err.status, 400);
  assert.equal(err.field, 'process');
  assert.equal(
    err.messageVi,
    'Tổng thời gian các bước quy trình (17 giờ làm việc) vượt quá thời hạn giải quyết (2 ngày làm việc = 16 giờ làm việc)',
  );
  assert.equal(
    err.message,
    'The process steps add up to 17 working hours, more than the deadline of 2 working days (16 working hours)',
  );
  assert.deepEqual(err.details, { totalHours: 17, deadlineHours: 16 });
});

test('without a reduced deadline the statutory one is the budget, in working hours too', () => {
  checkProcessBudget({ deadline: hours(4), reducedDeadline: null, process: [step(hours(2)), step(hours(2))] });
  const err = appError(() =>
    checkProcessBudget({ deadline: hours(4), reducedDeadline: null, process: [step(hours(5))] }),
  );
  assert.deepEqual(err.details, { totalHours: 5, deadlineHours: 4 });
  assert.match(err.message, /deadline of 4 working hours \(4 working hours\)/);
});

test('the budget rule accepts exactly the processes whose hours fit the effective deadline', () => {
  const duration = fc.record({
    value: fc.integer({ min: 1, max: 20 }),
    unit: fc.constantFrom('working_days' as const, 'working_hours' as const),
  });
  fc.assert(
    fc.property(fc.array(duration, { minLength: 1, maxLength: 8 }), duration, (steps, deadline) => {
      const total = steps.reduce((s, d) => s + (d.unit === 'working_days' ? 8 * d.value : d.value), 0);
      const limit = deadline.unit === 'working_days' ? 8 * deadline.value : deadline.value;
      const run = () => checkProcessBudget({ deadline, reducedDeadline: null, process: steps.map(step) });
      if (total <= limit) run();
      else assert.equal(appError(run).code, 'PROCESS_EXCEEDS_DEADLINE');
    }),
  );
});

test('a reduced deadline longer than the statutory one, and online level without the online channel, are refused', () => {
  const content = (over: Record<string, unknown>) => normalizeContent(contentSchema.parse(entry('X', 'Tên', over)));
  assert.equal(appError(() => checkContent(content({ reducedDeadline: days(4) }))).field, 'reducedDeadline');
  assert.equal(appError(() => checkContent(content({ channels: ['direct'] }))).field, 'onlineLevel');
  assert.equal(
    appError(() => checkContent(content({ channels: ['direct', 'online'], onlineLevel: 'none' }))).field,
    'onlineLevel',
  );
  checkContent(content({}));
});

test('normalised content ignores agency and channel order and blank texts, not step order', () => {
  const a = normalizeContent(
    contentSchema.parse(entry('X', 'Tên', { agencies: ['B', 'A'], channels: ['online', 'direct'] })),
  );
  const b = normalizeContent(
    contentSchema.parse(
      entry('X', 'Tên', { agencies: ['A', 'B', 'A'], channels: ['direct', 'online'], requirements: '' }),
    ),
  );
  assert.deepEqual(a.agencies, ['A', 'B']);
  assert.deepEqual(a.channels, ['direct', 'online']);
  assert.equal(b.requirements, null);
  assert.ok(sameContent(a, b));
  const reordered = { ...a, process: [...a.process].reverse() };
  assert.equal(sameContent(a, reordered), false);
});

test('each step unit must exist where the step runs', () => {
  const implementing = [
    { code: 'W1', units: ['MC', 'VHXH', 'LD'] },
    { code: 'W2', units: ['MC', 'LD'] },
  ];
  const others = [{ code: 'D1', units: ['P1'] }];
  checkStepUnits(
    [
      { unit: 'MC', agency: null },
      { unit: 'P1', agency: 'D1' },
    ],
    implementing,
    others,
  );
  const err = appError(() =>
    checkStepUnits(
      [
        { unit: 'MC', agency: null },
        { unit: 'VHXH', agency: null },
      ],
      implementing,
      others,
    ),
  );
  assert.equal(err.field, 'process.1.unit');
  assert.equal(err.messageVi, 'Cơ quan W2 không có đơn vị mã "VHXH"');
  assert.equal(
    appError(() => checkStepUnits([{ unit: 'MC', agency: 'D1' }], implementing, others)).field,
    'process.0.unit',
  );
});

const v = (seq: number, effectiveFrom: string, decisionType = 'amended'): VersionHead => ({
  seq,
  effectiveFrom,
  decisionType,
});

test('the version in force is the latest in effect on the day; nothing before the first or after abolition', () => {
  const versions = [v(1, '2025-07-01', 'new'), v(2, '2026-01-01'), v(3, '2026-06-01', 'abolished')];
  assert.equal(versionInForce(versions, '2025-06-30'), null);
  assert.equal(versionInForce(versions, '2025-07-01')?.seq, 1);
  assert.equal(versionInForce(versions, '2025-12-31')?.seq, 1);
  assert.equal(versionInForce(versions, '2026-01-01')?.seq, 2);
  assert.equal(versionInForce(versions, '2026-05-31')?.seq, 2);
  assert.equal(versionInForce(versions, '2026-06-01'), null);
  const again = [...versions, v(4, '2027-01-01', 'new')];
  assert.equal(versionInForce(again, '2026-12-31'), null);
  assert.equal(versionInForce(again, '2027-01-01')?.seq, 4);
});

test('the version in force equals the one whose [effectiveFrom, next effectiveFrom) holds the day', () => {
  const day = fc.integer({ min: 0, max: 2000 }).map((n) => new Date(Date.UTC(2024, 0, 1) + n * 86_400_000));
  const iso = (d: Date) => d.toISOString().slice(0, 10);
  fc.assert(
    fc.property(
      fc.uniqueArray(day, { minLength: 1, maxLength: 6, selector: (d) => d.getTime() }),
      fc.array(fc.constantFrom('new', 'amended', 'replaced', 'abolished'), { minLength: 6, maxLength: 6 }),
      day,
      (starts, types, probe) => {
        const froms = starts.map(iso).sort();
        const versions = froms.map((f, i) => v(i + 1, f, types[i]));
        const date = iso(probe);
        const span = versions.find(
          (x, i) => x.effectiveFrom <= date && (i === versions.length - 1 || date < versions[i + 1].effectiveFrom),
        );
        const expected = span && span.decisionType !== 'abolished' ? span : null;
        assert.equal(versionInForce(versions, date), expected);
      },
    ),
  );
});

test('decisions: create, new version, abolish, unchanged, and the conflicts', () => {
  const live = v(1, '2025-07-01', 'new');
  const gone = v(2, '2026-01-01', 'abolished');
  const d = (type: 'new' | 'amended' | 'replaced' | 'abolished', effectiveFrom = '2026-02-01') => ({
    type,
    effectiveFrom,
  });
  assert.equal(planDecision(null, d('new'), false), 'create');
  assert.equal(planDecision(null, d('amended'), false), 'create');
  assert.equal(appError(() => planDecision(null, d('abolished'), false)).status, 404);
  assert.equal(planDecision(live, d('amended'), false), 'version');
  assert.equal(planDecision(live, d('replaced'), false), 'version');
  assert.equal(planDecision(live, d('amended'), true), 'unchanged');
  assert.equal(planDecision(live, d('new'), true), 'unchanged');
  assert.equal(appError(() => planDecision(live, d('new'), false)).code, 'PROCEDURE_EXISTS');
  const early = appError(() => planDecision(live, d('amended', '2025-07-01'), false));
  assert.deepEqual([early.code, early.status, early.field], ['VERSION_NOT_LATER', 409, 'decision.effectiveFrom']);
  assert.equal(planDecision(live, d('abolished'), false), 'abolish');
  assert.equal(planDecision(gone, d('abolished'), false), 'unchanged');
  assert.equal(planDecision(gone, d('new'), false), 'version');
  assert.equal(appError(() => planDecision(gone, d('amended'), false)).code, 'PROCEDURE_ABOLISHED');
});

test('search text drops diacritics (đ/Đ too), case and punctuation', () => {
  assert.equal(searchText('Đăng ký khai sinh kết hợp nhận cha, mẹ, con'), 'dang ky khai sinh ket hop nhan cha me con');
  assert.equal(searchText('ĐĂNG KÝ  Kết hôn'), 'dang ky ket hon');
  assert.equal(searchText('Ỵ Ỷ Ỹ ỹ'), 'y y y y');
  assert.deepEqual(searchQuery(' Đăng đăng ký '), {
    text: 'dang dang ky',
    words: ['dang', 'ky'],
    code: 'Đăng đăng ký',
  });
  assert.equal(searchQuery(' ,;! '), null);
  assert.equal(searchQuery(undefined), null);
});

test('ranking puts the exact name first, then prefixes, phrases, whole words, parts of words, look-alikes', () => {
  const names = [
    'Đăng ký khai sinh có yếu tố nước ngoài',
    'Đăng ký lại khai sinh',
    'Đăng ký khai sinh kết hợp nhận cha, mẹ, con',
    'Khai sinh lưu động',
    'Sinh hoạt khai báo',
    'Đăng ký khai sinh',
    'Khai sinhh',
  ];
  // Similarities as pg_trgm would give them; equal on purpose so that the tiers decide.
  const candidates = names.map((n, i) => ({ code: `C${i}`, searchName: searchText(n), similarity: 0.3 }));
  const ranked = rankCandidates(searchQuery('khai sinh')!, candidates).map((c) => names[Number(c.code.slice(1))]);
  assert.deepEqual(ranked, [
    'Khai sinhh',
    'Khai sinh lưu động',
    'Đăng ký khai sinh',
    'Đăng ký lại khai sinh',
    'Đăng ký khai sinh có yếu tố nước ngoài',
    'Đăng ký khai sinh kết hợp nhận cha, mẹ, con',
    'Sinh hoạt khai báo',
  ]);
  const exact = rankCandidates(searchQuery('dang ky khai sinh')!, candidates);
  assert.equal(exact[0].searchName, 'dang ky khai sinh');
  const byCode = rankCandidates(searchQuery('c4')!, candidates);
  assert.equal(byCode[0].code, 'C4');
});

test('within a tier the more similar name comes first', () => {
  const q = searchQuery('khai sinh')!;
  const ranked = rankCandidates(q, [
    { code: 'A', searchName: 'dang ky khai sinh cho tre', similarity: 0.2 },
    { code: 'B', searchName: 'dang ky khai sinh cho tre em', similarity: 0.4 },
  ]);
  assert.deepEqual(
    ranked.map((c) => c.code),
    ['B', 'A'],
  );
});

test("the catalogue's today is the date in Vietnam", () => {
  assert.equal(vietnamDate(new Date('2026-03-01T16:59:59Z')), '2026-03-01');
  assert.equal(vietnamDate(new Date('2026-03-01T17:00:00Z')), '2026-03-02');
});
