import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Role } from '../identity/roles';
import {
  DOSSIER_ACTIONS,
  applyTransition,
  replay,
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

const ROLES: Role[] = ['citizen', 'reception', 'specialist'];

function event(action: DossierAction, role: Role, minute: number): DossierEvent {
  const base = {
    at: new Date(Date.UTC(2026, 1, 10, 1, minute)),
    actor: { userId: 1, role, unitId: null, agencyId: 9 },
  };
  switch (action) {
    case 'submit':
      return { ...base, action, holder: deskHolder };
    case 'receive':
    case 'accept':
      return {
        ...base,
        action,
        holder: { ...deskHolder, userId: 1 },
        dueAt: new Date(Date.UTC(2026, 1, 20, 10)),
        stepSeq: 1,
      };
    default:
      return { ...base, action };
  }
}

/** What must hold in every reachable state, whatever the path. */
function checkInvariants(s: DossierState, applied: number) {
  assert.equal(s.version, applied);
  assert.equal(s.dueAt?.getTime(), s.originalDueAt?.getTime());
  const accepted = s.acceptedAt !== null;
  assert.equal(accepted, s.dueAt !== null);
  switch (s.status) {
    case 'submitted':
    case 'supplement_requested':
      assert.deepEqual([accepted, s.refusedAt, s.withdrawnAt], [false, null, null]);
      break;
    case 'in_progress':
      assert.deepEqual([accepted, s.refusedAt, s.withdrawnAt], [true, null, null]);
      break;
    case 'refused':
      assert.deepEqual([accepted, s.refusedAt !== null, s.withdrawnAt], [false, true, null]);
      break;
    case 'withdrawn':
      assert.deepEqual([s.refusedAt, s.withdrawnAt !== null], [null, true]);
      break;
    default:
      assert.fail(`unreachable status ${s.status}`);
  }
  assert.deepEqual([s.resolvedAt, s.returnedAt, s.outcome], [null, null, null]);
}

test('random action sequences: illegal ones are refused, every state is valid, replay gives the same state', () => {
  const reached = new Set<string>();
  const step = fc.record({ action: fc.constantFrom(...DOSSIER_ACTIONS), role: fc.constantFrom(...ROLES) });
  fc.assert(
    fc.property(fc.array(step, { maxLength: 30 }), (steps) => {
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
        if (state && ['refused', 'withdrawn'].includes(state.status)) assert.fail('a closed dossier changed');
        applied.push(e);
        state = next;
        checkInvariants(state, applied.length);
        reached.add(state.status);
      });
      assert.deepEqual(replay(applied), state);
    }),
    { numRuns: 500 },
  );
  assert.deepEqual([...reached].sort(), ['in_progress', 'refused', 'submitted', 'supplement_requested', 'withdrawn']);
});
