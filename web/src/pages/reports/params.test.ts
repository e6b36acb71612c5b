import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dashboardUrl, drillUrl, groupFilter, ratedUrl, readParams } from './params';

test('the dashboard opens on this month up to today when the address says nothing', () => {
  assert.deepEqual(readParams(new URLSearchParams(''), '2026-11-25'), {
    kind: 'month',
    filters: { from: '2026-11-01', to: '2026-11-25' },
    groupBy: 'unit',
    metric: null,
    page: 1,
  });
});

test('an address is read back; unknown values fall back instead of reaching the API', () => {
  const q = 'period=quarter&from=2026-07-01&to=2026-09-30&agency=000.20.01.H40&channel=online&groupBy=field';
  assert.deepEqual(readParams(new URLSearchParams(`${q}&metric=resolved.late&page=3`), '2026-11-25'), {
    kind: 'quarter',
    filters: { from: '2026-07-01', to: '2026-09-30', agency: '000.20.01.H40', channel: 'online' },
    groupBy: 'field',
    metric: 'resolved.late',
    page: 3,
  });
  const bad = readParams(
    new URLSearchParams('period=week&from=1/7/2026&to=x&groupBy=color&metric=all&page=-2'),
    '2026-11-25',
  );
  assert.deepEqual(bad, {
    kind: 'month',
    filters: { from: '2026-11-01', to: '2026-11-25' },
    groupBy: 'unit',
    metric: null,
    page: 1,
  });
});

test('a number links to its drill-down with the dashboard’s filters and its group’s', () => {
  assert.equal(
    drillUrl({ from: '2025-10-01', to: '2025-10-31' }, 'inProgress.overdue', { unit: 'MC', agency: '000.20.01.H40' }),
    '/thong-ke/ho-so?metric=inProgress.overdue&from=2025-10-01&to=2025-10-31&unit=MC&agency=000.20.01.H40',
  );
  assert.equal(
    dashboardUrl('year', { from: '2025-01-01', to: '2025-12-31' }, 'officer'),
    '/thong-ke?period=year&from=2025-01-01&to=2025-12-31&groupBy=officer',
  );
});

test('a row of the table by group links its group; the "none" row of units or officers too', () => {
  assert.deepEqual(groupFilter('unit', { code: 'MC', name: 'Một cửa', agency: '000.20.01.H40' }), {
    unit: 'MC',
    agency: '000.20.01.H40',
    agencyOnly: 'true',
  });
  assert.deepEqual(groupFilter('agency', { code: '000.20.01.H40', name: 'UBND phường Hạ Long' }), {
    agency: '000.20.01.H40',
    agencyOnly: 'true',
  });
  assert.deepEqual(groupFilter('field', { code: 'HO_TICH', name: 'Hộ tịch' }), { field: 'HO_TICH' });
  // Imported dossiers are held by no unit or officer: their row drills down over the whole scope.
  assert.deepEqual(groupFilter('unit', { code: null, name: 'Chưa giao đơn vị xử lý' }), { unit: '_none' });
  assert.deepEqual(groupFilter('officer', { code: null, name: 'Chưa giao cán bộ xử lý' }), { officer: '_none' });
  assert.equal(
    drillUrl({ from: '2015-01-01', to: '2015-12-31', agency: '000.20.01.H40' }, 'resolved.onTime', {
      officer: '_none',
    }),
    '/thong-ke/ho-so?metric=resolved.onTime&from=2015-01-01&to=2015-12-31&agency=000.20.01.H40&officer=_none',
  );
  assert.equal(groupFilter('procedure', { code: null, name: 'Không xác định' }), null);
});

test('a ratings number links to its rated dossiers with the dashboard’s period and agency only', () => {
  assert.equal(
    ratedUrl({ from: '2025-10-01', to: '2025-10-31', agency: '000.20.01.H40', unit: 'MC' }, 'not_satisfied'),
    '/thong-ke/danh-gia?level=not_satisfied&from=2025-10-01&to=2025-10-31&agency=000.20.01.H40',
  );
  assert.equal(ratedUrl({ from: '2025-10-01', to: '2025-10-31' }), '/thong-ke/danh-gia?from=2025-10-01&to=2025-10-31');
});
