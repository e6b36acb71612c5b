import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { User } from '../../api/types';
import { administers, depths, lineage } from './access';

const tree = [
  { code: 'P', parentCode: null },
  { code: 'W1', parentCode: 'P' },
  { code: 'W2', parentCode: 'P' },
  { code: 'X', parentCode: 'W1' },
];

const userWith = (role: 'agency_admin' | 'inspector', agency: string): User => ({
  username: 'u',
  fullName: 'U',
  roles: [{ role, roleName: role, roleNameEn: role, agency, unitId: null }],
});

test('lineage walks up to the root', () => {
  assert.deepEqual(lineage(tree, 'X'), ['X', 'W1', 'P']);
  assert.deepEqual(lineage(tree, 'unknown'), ['unknown']);
});

test('an administrator role covers its agency subtree only; an inspector administers nothing', () => {
  assert.equal(administers(userWith('agency_admin', 'W1'), tree, 'X'), true);
  assert.equal(administers(userWith('agency_admin', 'W1'), tree, 'W2'), false);
  assert.equal(administers(userWith('agency_admin', 'W1'), tree, 'P'), false);
  assert.equal(administers(userWith('inspector', 'P'), tree, 'X'), false);
});

test('depth counts from the roots of the list given', () => {
  assert.deepEqual(
    [...depths(tree)],
    [
      ['P', 0],
      ['W1', 1],
      ['W2', 1],
      ['X', 2],
    ],
  );
  assert.deepEqual(
    [...depths(tree.slice(1))],
    [
      ['W1', 0],
      ['W2', 0],
      ['X', 1],
    ],
  );
});
