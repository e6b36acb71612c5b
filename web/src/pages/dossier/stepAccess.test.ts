import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Agency, RoleCode } from '../../api/types';
import type { ProcessStep, StepRole } from '../../api/workflow';
import { stepActions, type Officer } from './stepAccess';

const TREE: Agency[] = [{ code: 'HL', name: 'HL', level: 'commune', parentCode: null }];
const officer = (id: number, role: RoleCode, unitId = 1): Officer => ({
  id,
  username: `u${id}`,
  fullName: `U${id}`,
  roles: [{ role, roleName: role, roleNameEn: role, agency: 'HL', unitId }],
});
const step = (seq: number, role: StepRole, current: number, assignee: number | null = null): ProcessStep => ({
  seq,
  name: `B${seq}`,
  agency: { code: 'HL', name: 'HL' },
  unit: { id: 1, code: 'U', name: 'U' },
  role,
  duration: { value: 1, unit: 'working_hours' },
  assignee: assignee === null ? null : { id: assignee, fullName: 'A' },
  current: seq === current,
  startedAt: null,
  dueAt: null,
  completedAt: null,
  completedBy: null,
  timeliness: null,
  visits: 0,
});
const plan = (current: number, assignee: number | null = 7) => [
  step(1, 'reception', current),
  step(2, 'specialist', current, assignee),
  step(3, 'agency_leader', current),
];

test('the desk forwards its step and may pause it; it cannot send back from the first step', () => {
  assert.deepEqual(stepActions(officer(2, 'reception'), 'in_progress', plan(1), TREE), ['forward', 'pause']);
});

test('a specialist step is its assignee’s alone', () => {
  const actions = ['forward', 'propose_rejection', 'pause', 'send_back'];
  assert.deepEqual(stepActions(officer(7, 'specialist'), 'in_progress', plan(2), TREE), actions);
  assert.deepEqual(stepActions(officer(8, 'specialist'), 'in_progress', plan(2), TREE), []);
  assert.deepEqual(stepActions(officer(7, 'specialist'), 'in_progress', plan(2, null), TREE), []);
});

test('the leader at the last step gives the result, or signs a proposed rejection', () => {
  const leader = officer(3, 'agency_leader');
  assert.deepEqual(stepActions(leader, 'in_progress', plan(3), TREE), ['result_ready', 'send_back']);
  assert.deepEqual(stepActions(leader, 'rejection_proposed', plan(3), TREE), ['approve_rejection', 'send_back']);
  assert.deepEqual(stepActions(leader, 'paused', plan(3), TREE), []);
});

test('the leader of the step’s unit assigns a specialist step, or gives it to someone else; no other leader does', () => {
  assert.deepEqual(stepActions(officer(5, 'unit_leader'), 'in_progress', plan(2, null), TREE), ['assign']);
  assert.deepEqual(stepActions(officer(5, 'unit_leader'), 'in_progress', plan(2), TREE), ['assign']);
  assert.deepEqual(stepActions(officer(6, 'unit_leader', 2), 'in_progress', plan(2, null), TREE), []);
  assert.deepEqual(stepActions(officer(5, 'unit_leader'), 'paused', plan(2, null), TREE), []);
  assert.deepEqual(stepActions(officer(5, 'unit_leader'), 'in_progress', plan(1), TREE), []);
});
