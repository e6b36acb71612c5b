import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Role } from '../identity/roles';
import {
  DOSSIER_ACTIONS,
  DOSSIER_STATUSES,
  applyTransition,
  replay,
  rolesFor,
  type DossierAction,
  type DossierEvent,
  type DossierState,
} from './lifecycle';

const citizen = { userId: 7, role: 'citizen' as const, unitId: null, agencyId: null };
const desk = { userId: 2, role: 'reception' as const, unitId: 41, agencyId: 9 };
const deskHolder = { agencyId: 9, unitId: 41, userId: null };
const at = (iso: string) => new Date(iso);

test('an online dossier: submitted, accepted with its appointment, then withdrawn', () => {
  const events: DossierEvent[] = [
    { action: 'submit', at: at('2026-02-10T01:00:00Z'), actor: citizen, holder: deskHolder },
    {
      action: 'accept',
      at: at('2026-02-10T02:00:00Z'),
      actor: desk,
      holder: { agencyId: 9, unitId: 41, userId: 2 },
      dueAt: at('2026-02-12T10:00:00Z'),
      stepSeq: 1,
    },
    { action: 'withdraw', at: at('2026-02-11T03:00:00Z'), actor: citizen },
  ];
  assert.deepEqual(replay(events), {
    status: 'withdrawn',
    version: 3,
    acceptedAt: at('2026-02-10T02:00:00Z'),
    dueAt: at('2026-02-12T10:00:00Z'),
    originalDueAt: at('2026-02-12T10:00:00Z'),
    resolvedAt: null,
    returnedAt: null,
    withdrawnAt: at('2026-02-11T03:00:00Z'),
    refusedAt: null,
    outcome: null,
    currentStepSeq: 1,
    holderAgencyId: 9,
    holderUnitId: 41,
    holderUserId: 2,
  });
});

test('illegal actions are refused: 409 for the status, 403 for the role', () => {
  const submitted = applyTransition(null, {
    action: 'submit',
    at: at('2026-02-10T01:00:00Z'),
    actor: citizen,
    holder: deskHolder,
  });
  const refused = applyTransition(submitted, { action: 'refuse', at: at('2026-02-10T02:00:00Z'), actor: desk });
  assert.equal(refused.status, 'refused');
  assert.throws(
    () => applyTransition(refused, { action: 'withdraw', at: at('2026-02-10T03:00:00Z'), actor: citizen }),
    {
      code: 'TRANSITION_NOT_ALLOWED',
      status: 409,
      messageVi: 'Không thể rút hồ sơ khi hồ sơ ở trạng thái "Từ chối tiếp nhận"',
    },
  );
  assert.throws(
    () => applyTransition(submitted, { action: 'refuse', at: at('2026-02-10T02:00:00Z'), actor: citizen }),
    {
      code: 'FORBIDDEN',
      status: 403,
    },
  );
  assert.throws(() => applyTransition(null, { action: 'withdraw', at: at('2026-02-10T02:00:00Z'), actor: citizen }), {
    code: 'TRANSITION_NOT_ALLOWED',
  });
});

const ROLES: Role[] = ['citizen', 'reception', 'specialist', 'unit_leader', 'agency_leader'];

function event(action: DossierAction, role: Role, minute: number): DossierEvent {
  const base = {
    at: new Date(Date.UTC(2026, 1, 10, 1, minute)),
    actor: { userId: 1, role, unitId: null, agencyId: 9 },
  };
  // Later events carry later appointments, as an apology's must be.
  const due = new Date(Date.UTC(2026, 1, 20, 10 + minute));
  switch (action) {
    case 'submit':
      return { ...base, action, holder: deskHolder };
    case 'receive':
    case 'accept':
      return { ...base, action, holder: { ...deskHolder, userId: 1 }, dueAt: due, stepSeq: 1 };
    case 'assign':
    case 'forward':
    case 'approve':
    case 'send_back':
    case 'propose_rejection':
      return {
        ...base,
        action,
        holder: { agencyId: 9 + (minute % 2), unitId: 50 + minute, userId: minute },
        stepSeq: minute,
      };
    case 'resume':
      return { ...base, action, dueAt: due, originalDueAt: due };
    case 'apologize':
      return { ...base, action, dueAt: due };
    default:
      return { ...base, action };
  }
}

/** What must hold in every reachable state, whatever the path. */
function checkInvariants(s: DossierState, applied: number) {
  assert.equal(s.version, applied);
  const accepted = s.acceptedAt !== null;
  assert.equal(accepted, s.dueAt !== null);
  assert.equal(accepted, s.originalDueAt !== null);
  if (accepted)
    assert.ok(s.originalDueAt!.getTime() <= s.dueAt!.getTime(), 'an apology only moves the appointment later');
  assert.equal(s.resolvedAt !== null, s.outcome !== null);
  const closings = [s.refusedAt, s.withdrawnAt, s.resolvedAt].filter((x) => x !== null).length;
  assert.ok(closings <= 1, 'closed at most once');
  switch (s.status) {
    case 'submitted':
    case 'supplement_requested':
      assert.deepEqual([accepted, closings], [false, 0]);
      break;
    case 'in_progress':
    case 'paused':
    case 'rejection_proposed':
      assert.deepEqual([accepted, closings, s.currentStepSeq !== null], [true, 0, true]);
      break;
    case 'resolved':
    case 'returned':
      assert.deepEqual([accepted, s.resolvedAt !== null], [true, true]);
      assert.equal(s.returnedAt !== null, s.status === 'returned');
      break;
    case 'refused':
      assert.deepEqual([accepted, s.refusedAt !== null], [false, true]);
      break;
    case 'withdrawn':
      assert.equal(s.withdrawnAt !== null, true);
      break;
  }
  if (s.status !== 'returned') assert.equal(s.returnedAt, null);
}

test('random action sequences: illegal ones are refused, every state is valid, replay gives the same state', () => {
  const reached = new Set<string>();
  // Mostly a role the action takes somewhere, so that long walks happen; sometimes any role.
  const step = fc
    .record({ action: fc.constantFrom(...DOSSIER_ACTIONS), role: fc.constantFrom(...ROLES), fit: fc.nat(3) })
    .map(({ action, role, fit }) => {
      const fitting = rolesFor(action);
      return { action, role: fit > 0 ? fitting[fit % fitting.length] : role };
    });
  const walk = fc.property(fc.array(step, { maxLength: 40 }), (steps) => {
    let state: DossierState | null = null;
    const applied: DossierEvent[] = [];
    steps.forEach((s, i) => {
      const e = event(s.action, s.role, i);
      let next: DossierState;
      try {
        next = applyTransition(state, e);
      } catch (err) {
        assert.ok(['TRANSITION_NOT_ALLOWED', 'FORBIDDEN'].includes((err as { code: string }).code));
        return;
      }
      if (state && ['refused', 'withdrawn', 'returned'].includes(state.status)) assert.fail('a closed dossier changed');
      applied.push(e);
      state = next;
      checkInvariants(state, applied.length);
      reached.add(state.status);
    });
    assert.deepEqual(replay(applied), state);
  });
  // A returned dossier needs a long lucky walk, so one batch of walks misses it about one time in five;
  // more batches (each checking the same invariants) make a miss mean the status is truly unreachable.
  for (let batch = 0; batch < 10 && reached.size < DOSSIER_STATUSES.length; batch++) {
    fc.assert(walk, { numRuns: 1000, unbiased: true });
  }
  assert.deepEqual([...reached].sort(), [...DOSSIER_STATUSES].sort());
});
