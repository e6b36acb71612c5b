import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Role } from '../identity/roles';
import type { Principal } from '../identity/rules';
import {
  AGENCY_CODE_PATTERN,
  likeLiteral,
  mayGrant,
  mayManageUser,
  normalizePhone,
  normalizeText,
  revokeProblem,
  roleFitsAgency,
  seesPersonalData,
  treeOrder,
  visibleGrants,
} from './rules';

const PROVINCE = '/1/';
const HA_LONG = '/1/9/';
const HA_LONG_CHILD = '/1/9/20/';
const BAI_CHAY = '/1/10/';

const principal = (userId: number, grants: [Role, string][]): Principal => ({
  userId,
  username: `u${userId}`,
  fullName: 'Người dùng',
  grants: grants.map(([role, agencyPath], i) => ({ role, agencyPath, agencyId: i, agencyCode: '', unitId: null })),
});

const provinceAdmin = principal(1, [['province_admin', PROVINCE]]);
const wardAdmin = principal(2, [['agency_admin', HA_LONG]]);
const provinceAgencyAdmin = principal(3, [['agency_admin', PROVINCE]]);
const inspector = principal(4, [['inspector', PROVINCE]]);

test('agency codes follow the national pattern', () => {
  assert.deepEqual(
    ['000.00.00.H40', '000.31.28.H12', '000.20.01.h40', '00.20.01.H40', '000.20.01.H4', '000.20.01.HH0'].map((c) =>
      AGENCY_CODE_PATTERN.test(c),
    ),
    [true, true, false, false, false, false],
  );
});

test('treeOrder puts every parent before its children, siblings by code, and keeps every node once', () => {
  // A forest whose parents have smaller ids, delivered in any order.
  const forest = fc
    .array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 99 })), { maxLength: 40 })
    .map((specs) =>
      specs.map(([p, c], i) => ({ id: i + 1, parentId: i === 0 || p % 4 === 0 ? null : (p % i) + 1, code: `${c}` })),
    )
    .chain((rows) => fc.shuffledSubarray(rows, { minLength: rows.length, maxLength: rows.length }));
  fc.assert(
    fc.property(forest, (rows) => {
      const ordered = treeOrder(rows);
      const at = new Map(ordered.map((r, i) => [r.id, i]));
      assert.equal(at.size, rows.length);
      assert.equal(ordered.length, rows.length);
      for (const r of rows) {
        if (r.parentId !== null) assert.ok(at.get(r.parentId)! < at.get(r.id)!);
        for (const s of rows) {
          if (s.parentId === r.parentId && s.code < r.code) assert.ok(at.get(s.id)! < at.get(r.id)!);
        }
      }
    }),
  );
});

test('treeOrder of the example: depth first, siblings by code', () => {
  const rows = [
    { id: 3, parentId: 1, code: '000.20.01.H40' },
    { id: 1, parentId: null, code: '000.00.00.H40' },
    { id: 4, parentId: 3, code: '000.20.01.A01' },
    { id: 2, parentId: 1, code: '000.00.11.H40' },
  ];
  assert.deepEqual(
    treeOrder(rows).map((r) => r.id),
    [1, 2, 3, 4],
  );
});

test('who may grant what', () => {
  const cases: [Principal, Role, string, boolean][] = [
    [provinceAdmin, 'province_admin', PROVINCE, true],
    [provinceAdmin, 'agency_admin', BAI_CHAY, true],
    [wardAdmin, 'agency_admin', HA_LONG, true],
    [wardAdmin, 'specialist', HA_LONG_CHILD, true],
    [wardAdmin, 'specialist', BAI_CHAY, false],
    [wardAdmin, 'agency_admin', PROVINCE, false],
    [wardAdmin, 'province_admin', HA_LONG, false],
    [provinceAgencyAdmin, 'agency_admin', HA_LONG, true],
    [provinceAgencyAdmin, 'province_admin', PROVINCE, false],
    [inspector, 'specialist', HA_LONG, false],
  ];
  for (const [actor, role, path, expected] of cases) {
    assert.equal(mayGrant(actor, role, path), expected, `${actor.grants[0].role} → ${role} at ${path}`);
  }
});

test('an account is managed only by someone who could have granted every role it holds', () => {
  const wardOfficer = [{ role: 'reception' as Role, agencyPath: HA_LONG }];
  const twoWards = [...wardOfficer, { role: 'specialist' as Role, agencyPath: BAI_CHAY }];
  const provinceAdminInWard = [{ role: 'province_admin' as Role, agencyPath: PROVINCE }, ...wardOfficer];
  assert.deepEqual(
    [wardOfficer, twoWards, provinceAdminInWard, []].map((g) => mayManageUser(wardAdmin, g)),
    [true, false, false, false],
  );
  assert.equal(mayManageUser(provinceAgencyAdmin, provinceAdminInWard), false);
  assert.equal(mayManageUser(provinceAdmin, provinceAdminInWard), true);
  assert.equal(mayManageUser(inspector, wardOfficer), false);
});

test('visible grants and personal data follow the reader’s scope', () => {
  const grants = [
    { role: 'reception' as Role, agencyPath: HA_LONG },
    { role: 'specialist' as Role, agencyPath: BAI_CHAY },
  ];
  assert.deepEqual(visibleGrants(wardAdmin, grants), [grants[0]]);
  assert.deepEqual(visibleGrants(inspector, grants), grants);
  assert.equal(seesPersonalData(wardAdmin, grants), true);
  assert.equal(seesPersonalData(inspector, grants), false);
  assert.equal(seesPersonalData(wardAdmin, [grants[1]]), false);
});

test('revoking: the last role stays, and one’s own last administrator role stays', () => {
  const grants = [
    { id: 1, role: 'agency_admin' as Role, agencyPath: HA_LONG },
    { id: 2, role: 'specialist' as Role, agencyPath: HA_LONG },
  ];
  assert.equal(revokeProblem(7, 7, grants, 1), 'own_last_admin_role');
  assert.equal(revokeProblem(8, 7, grants, 1), null);
  assert.equal(revokeProblem(7, 7, grants, 2), null);
  assert.equal(revokeProblem(8, 7, [grants[1]], 2), 'last_role');
  assert.equal(revokeProblem(7, 7, [grants[0], { ...grants[0], id: 3, agencyPath: HA_LONG_CHILD }], 1), null);
});

test('province administrators sit at the root agency only', () => {
  assert.equal(roleFitsAgency('province_admin', { parentId: null }), true);
  assert.equal(roleFitsAgency('province_admin', { parentId: 1 }), false);
  assert.equal(roleFitsAgency('agency_admin', { parentId: 1 }), true);
});

test('phone numbers are normalised or refused', () => {
  assert.deepEqual(
    [
      '0912 345 678',
      '+84 203 3825 111',
      '(0203) 3.825.111',
      '091234567',
      '0012345678',
      '+1 202 555 0100',
      '09123456789',
    ].map(normalizePhone),
    ['0912345678', '+842033825111', '02033825111', null, null, null, '09123456789'],
  );
});

test('LIKE wildcards in a search term match literally', () => {
  assert.equal(likeLiteral('50%_a\\b'), '50\\%\\_a\\\\b');
});

test('names are stored composed (NFC) with single spaces', () => {
  const typed = '  Trần   Thị Thu Hà '.normalize('NFD');
  assert.equal(normalizeText(typed), 'Trần Thị Thu Hà');
  assert.equal(normalizeText(typed).length, 'Trần Thị Thu Hà'.normalize('NFC').length);
});
