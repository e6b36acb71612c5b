import type { Agency, RoleCode, User } from '../../api/types';
import type { DossierStatus } from '../../api/dossiers';
import type { ProcessStep } from '../../api/workflow';
import { hasRoleOver } from './access';

export type StepAction =
  'assign' | 'forward' | 'approve' | 'result_ready' | 'propose_rejection' | 'approve_rejection' | 'pause' | 'send_back';

/** The session's user as the server sends it: with the id that step assignments name. */
export type Officer = User & { id?: number };

const LEADERS: readonly RoleCode[] = ['unit_leader', 'agency_leader'];

/**
 * Whether the user holds a step: its role over its agency, and for a specialist step being its
 * assignee. The unit is left to the server: grants carry unit ids, steps unit codes.
 */
export function holdsStep(user: Officer | null, step: ProcessStep, agencies: readonly Agency[]): boolean {
  if (!hasRoleOver(user, [step.role], step.agency.code, agencies)) return false;
  return step.role !== 'specialist' || (step.assignee !== null && step.assignee.id === user?.id);
}

/** The leader of a specialist step's unit gives it to one of the unit's specialists (or to another). */
function assigns(user: Officer | null, step: ProcessStep): boolean {
  return (
    step.role === 'specialist' &&
    !!user?.roles.some((g) => g.role === 'unit_leader' && g.unitId === step.unit.id && g.agency === step.agency.code)
  );
}

/**
 * The walk through the internal process (src/modules/workflow) from the current step: forward a desk
 * or specialist step, sign a leader's, the result at the last step; a specialist may propose to
 * reject, the leader deciding signs it; desk and specialist steps may pause for a supplement; any
 * holder may send the dossier back to an earlier step.
 */
export function stepActions(
  user: Officer | null,
  status: DossierStatus,
  steps: readonly ProcessStep[],
  agencies: readonly Agency[],
): StepAction[] {
  const current = steps.find((s) => s.current);
  if (!current) return [];
  if (!holdsStep(user, current, agencies)) return status === 'in_progress' && assigns(user, current) ? ['assign'] : [];
  const leader = LEADERS.includes(current.role);
  const backward: StepAction[] = steps.some((s) => s.seq < current.seq) ? ['send_back'] : [];
  if (status === 'rejection_proposed') return leader ? ['approve_rejection', ...backward] : [];
  if (status !== 'in_progress') return [];
  const last = steps.every((s) => s.seq <= current.seq);
  const actions: StepAction[] = [last ? 'result_ready' : leader ? 'approve' : 'forward'];
  if (current.role === 'specialist') actions.push('propose_rejection');
  if (!leader) actions.push('pause');
  return [...actions, ...backward];
}
