import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Agency, RoleCode, User } from '../../api/types';
import { availableActions, isWithin } from './access';

const agency = (code: string, parentCode: string | null): Agency => ({ code, name: code, level: 'x', parentCode });
const TREE = [agency('P', null), agency('HL', 'P'), agency('BC', 'P')];
const user = (...roles: [RoleCode, string][]): User => ({
  username: 'u',
  fullName: 'U',
  roles: roles.map(([role, a]) => ({ role, roleName: role, roleNameEn: role, agency: a, unitId: null })),
});

test('an agency lies within itself and its ancestors only', () => {
  assert.equal(isWithin(TREE, 'HL', 'HL'), true);
  assert.equal(isWithin(TREE, 'HL', 'P'), true);
  assert.equal(isWithin(TREE, 'HL', 'BC'), false);
  assert.equal(isWithin(TREE, 'P', 'HL'), false);
});

test('the desk of the receiving ward checks an online dossier; another ward’s desk cannot', () => {
  const submitted = { status: 'submitted' as const, agency: 'HL' };
  assert.deepEqual(availableActions(user(['reception', 'HL']), submitted, TREE), [
    'accept',
    'request_supplement',
    'refuse',
    'withdraw',
  ]);
  assert.deepEqual(availableActions(user(['reception', 'BC']), submitted, TREE), []);
  assert.deepEqual(availableActions(user(['specialist', 'HL']), submitted, TREE), []);
});

test('the citizen who filed a dossier may supplement or withdraw it, nothing else', () => {
  const citizen = user(['citizen', 'P']);
  assert.deepEqual(availableActions(citizen, { status: 'supplement_requested', agency: 'HL' }, TREE), [
    'resubmit',
    'withdraw',
  ]);
  assert.deepEqual(availableActions(citizen, { status: 'submitted', agency: 'HL' }, TREE), ['withdraw']);
  assert.deepEqual(availableActions(citizen, { status: 'paused', agency: 'HL' }, TREE), ['resume', 'withdraw']);
  assert.deepEqual(availableActions(citizen, { status: 'resolved', agency: 'HL' }, TREE), []);
  assert.deepEqual(availableActions(user(['reception', 'HL']), { status: 'resolved', agency: 'HL' }, TREE), ['return']);
  assert.deepEqual(availableActions(null, { status: 'submitted', agency: 'HL' }, TREE), []);
});
