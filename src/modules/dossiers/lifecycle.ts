import type { Role } from '../identity/roles';
import { AppError, forbidden } from '../../shared/errors';

/**
 * The dossier lifecycle (domain.md) as data: a table of allowed transitions and one function that
 * applies an event to a state. Services apply it to make a change; `replay` folds it over the history,
 * so the stored state is always the replay of `dossier_events`.
 */
export const DOSSIER_STATUSES = [
  'submitted', // online, waiting for the desk check
  'supplement_requested', // Mẫu 02: the applicant must complete the dossier
  'in_progress', // accepted (tiếp nhận), walking the steps of its internal process
  'paused', // a supplement requested after acceptance: the clock is stopped
  'rejection_proposed', // a specialist proposes to reject: the leader decides
  'resolved', // result ready: approved, or rejected with reason
  'returned', // result handed back: closed
  'withdrawn', // at the applicant's request: closed
  'refused', // Mẫu 03: refused at the desk, never received
] as const;
export type DossierStatus = (typeof DOSSIER_STATUSES)[number];

export const DOSSIER_ACTIONS = [
  'submit',
  'receive',
  'accept',
  'request_supplement',
  'resubmit',
  'refuse',
  'withdraw',
  'assign',
  'forward',
  'approve',
  'send_back',
  'pause',
  'resume',
  'propose_rejection',
  'approve_rejection',
  'result_ready',
  'return',
  'apologize',
] as const;
export type DossierAction = (typeof DOSSIER_ACTIONS)[number];

export const CHANNELS = ['direct', 'postal', 'online'] as const;
export type Channel = (typeof CHANNELS)[number];

export type Outcome = 'approved' | 'rejected';

export const STATUS_NAMES: Record<DossierStatus, { vi: string; en: string }> = {
  submitted: { vi: 'Chờ tiếp nhận', en: 'Awaiting the desk check' },
  supplement_requested: { vi: 'Yêu cầu bổ sung hồ sơ', en: 'Supplement requested' },
  in_progress: { vi: 'Đang giải quyết', en: 'In progress' },
  paused: { vi: 'Tạm dừng, chờ bổ sung hồ sơ', en: 'Paused for a supplement' },
  rejection_proposed: { vi: 'Đề xuất từ chối giải quyết', en: 'Rejection proposed' },
  resolved: { vi: 'Đã có kết quả', en: 'Result ready' },
  returned: { vi: 'Đã trả kết quả', en: 'Result returned' },
  withdrawn: { vi: 'Đã rút hồ sơ', en: 'Withdrawn' },
  refused: { vi: 'Từ chối tiếp nhận', en: 'Refused' },
};

export const ACTION_NAMES: Record<DossierAction, { vi: string; en: string }> = {
  submit: { vi: 'Nộp hồ sơ trực tuyến', en: 'Submit online' },
  receive: { vi: 'Tiếp nhận hồ sơ', en: 'Receive at the desk' },
  accept: { vi: 'Tiếp nhận hồ sơ trực tuyến', en: 'Accept after the desk check' },
  request_supplement: { vi: 'Yêu cầu bổ sung hồ sơ', en: 'Request a supplement' },
  resubmit: { vi: 'Bổ sung hồ sơ', en: 'Resubmit with the supplement' },
  refuse: { vi: 'Từ chối tiếp nhận hồ sơ', en: 'Refuse' },
  withdraw: { vi: 'Rút hồ sơ', en: 'Withdraw' },
  assign: { vi: 'Phân công xử lý', en: 'Assign' },
  forward: { vi: 'Chuyển bước xử lý tiếp theo', en: 'Complete and forward' },
  approve: { vi: 'Phê duyệt, ký', en: 'Approve and sign' },
  send_back: { vi: 'Trả lại bước trước', en: 'Send back to an earlier step' },
  pause: { vi: 'Yêu cầu bổ sung hồ sơ, tạm dừng giải quyết', en: 'Request a supplement (clock stopped)' },
  resume: { vi: 'Bổ sung hồ sơ, tiếp tục giải quyết', en: 'Resume with the supplement' },
  propose_rejection: { vi: 'Đề xuất từ chối giải quyết', en: 'Propose rejection' },
  approve_rejection: { vi: 'Phê duyệt từ chối giải quyết', en: 'Approve the rejection' },
  result_ready: { vi: 'Có kết quả giải quyết', en: 'Mark the result ready' },
  return: { vi: 'Trả kết quả', en: 'Return the result' },
  apologize: { vi: 'Xin lỗi, hẹn lại ngày trả kết quả', en: 'Apologise with a new appointment' },
};

export type Transition = {
  action: DossierAction;
  /** null: the event that creates the dossier. */
  from: DossierStatus | null;
  to: DossierStatus;
  roles: readonly Role[];
};

const LEADERS: readonly Role[] = ['unit_leader', 'agency_leader'];
/** The roles a step of an internal process may have (catalogue-format.md). */
const STEP_ROLES: readonly Role[] = ['reception', 'specialist', ...LEADERS];

/**
 * Who may do what from which status. Withdrawal is at the applicant's request, online or at the desk.
 * The walk through the steps (workflow module) further requires the actor to hold the current step.
 */
export const TRANSITIONS: readonly Transition[] = [
  { action: 'submit', from: null, to: 'submitted', roles: ['citizen'] },
  { action: 'receive', from: null, to: 'in_progress', roles: ['reception'] },
  { action: 'accept', from: 'submitted', to: 'in_progress', roles: ['reception'] },
  { action: 'request_supplement', from: 'submitted', to: 'supplement_requested', roles: ['reception'] },
  { action: 'resubmit', from: 'supplement_requested', to: 'submitted', roles: ['citizen', 'reception'] },
  { action: 'refuse', from: 'submitted', to: 'refused', roles: ['reception'] },
  { action: 'withdraw', from: 'submitted', to: 'withdrawn', roles: ['citizen', 'reception'] },
  { action: 'withdraw', from: 'supplement_requested', to: 'withdrawn', roles: ['citizen', 'reception'] },
  { action: 'withdraw', from: 'in_progress', to: 'withdrawn', roles: ['citizen', 'reception'] },
  { action: 'withdraw', from: 'paused', to: 'withdrawn', roles: ['citizen', 'reception'] },
  { action: 'withdraw', from: 'rejection_proposed', to: 'withdrawn', roles: ['citizen', 'reception'] },
  { action: 'assign', from: 'in_progress', to: 'in_progress', roles: ['unit_leader'] },
  { action: 'forward', from: 'in_progress', to: 'in_progress', roles: ['reception', 'specialist'] },
  { action: 'approve', from: 'in_progress', to: 'in_progress', roles: LEADERS },
  { action: 'send_back', from: 'in_progress', to: 'in_progress', roles: STEP_ROLES },
  { action: 'send_back', from: 'rejection_proposed', to: 'in_progress', roles: LEADERS },
  { action: 'pause', from: 'in_progress', to: 'paused', roles: ['reception', 'specialist'] },
  { action: 'resume', from: 'paused', to: 'in_progress', roles: ['citizen', 'reception'] },
  { action: 'propose_rejection', from: 'in_progress', to: 'rejection_proposed', roles: ['specialist'] },
  { action: 'approve_rejection', from: 'rejection_proposed', to: 'resolved', roles: LEADERS },
  { action: 'result_ready', from: 'in_progress', to: 'resolved', roles: STEP_ROLES },
  { action: 'return', from: 'resolved', to: 'returned', roles: ['reception'] },
  { action: 'apologize', from: 'in_progress', to: 'in_progress', roles: ['agency_leader', 'reception'] },
  { action: 'apologize', from: 'rejection_proposed', to: 'rejection_proposed', roles: ['agency_leader', 'reception'] },
];

/** Every role that may take `action` from some status: what the route lets through before the service checks scope. */
export function rolesFor(action: DossierAction): Role[] {
  return [...new Set(TRANSITIONS.filter((t) => t.action === action).flatMap((t) => t.roles))];
}

export type DossierState = {
  status: DossierStatus;
  /** Optimistic concurrency: the number of events so far; every transition checks and increments it. */
  version: number;
  acceptedAt: Date | null;
  /** The appointment in force; `originalDueAt` keeps the first one for statistics. */
  dueAt: Date | null;
  originalDueAt: Date | null;
  resolvedAt: Date | null;
  returnedAt: Date | null;
  withdrawnAt: Date | null;
  refusedAt: Date | null;
  outcome: Outcome | null;
  currentStepSeq: number | null;
  holderAgencyId: number;
  holderUnitId: number | null;
  holderUserId: number | null;
};

export type Actor = { userId: number; role: Role; unitId: number | null; agencyId: number | null };
export type Holder = { agencyId: number; unitId: number | null; userId: number | null };

type EventBase = { at: Date; actor: Actor };
export type DossierEvent =
  | (EventBase & { action: 'submit'; holder: Holder })
  | (EventBase & { action: 'receive' | 'accept'; holder: Holder; dueAt: Date; stepSeq: number | null })
  | (EventBase & {
      action: 'assign' | 'forward' | 'approve' | 'send_back' | 'propose_rejection';
      holder: Holder;
      stepSeq: number;
    })
  /** The clock after a supplement: both appointments restarted in full, or moved by the time paused. */
  | (EventBase & { action: 'resume'; dueAt: Date; originalDueAt: Date })
  /** Mẫu 04: a new appointment; the original one stays for statistics. */
  | (EventBase & { action: 'apologize'; dueAt: Date })
  | (EventBase & {
      action:
        | 'request_supplement'
        | 'resubmit'
        | 'refuse'
        | 'withdraw'
        | 'pause'
        | 'approve_rejection'
        | 'result_ready'
        | 'return';
    });

/** The transition for `action` from `status`, or a 409 naming both. */
export function transitionFor(status: DossierStatus | null, action: DossierAction): Transition {
  const t = TRANSITIONS.find((x) => x.action === action && x.from === status);
  if (t) return t;
  const a = ACTION_NAMES[action];
  if (status === null) {
    throw new AppError(
      'TRANSITION_NOT_ALLOWED',
      409,
      `Không thể ${a.vi.toLowerCase()} khi hồ sơ chưa được nộp`,
      `Cannot "${a.en}" a dossier that does not exist yet`,
      undefined,
      { status, action },
    );
  }
  const s = STATUS_NAMES[status];
  throw new AppError(
    'TRANSITION_NOT_ALLOWED',
    409,
    `Không thể ${a.vi.toLowerCase()} khi hồ sơ ở trạng thái "${s.vi}"`,
    `Cannot "${a.en}" a dossier whose status is "${s.en}"`,
    undefined,
    { status, action },
  );
}

/** Everything but the status and version: what an event's effect sets. */
type Facts = Omit<DossierState, 'status' | 'version'>;

const withHolder = (facts: Omit<Facts, 'holderAgencyId' | 'holderUnitId' | 'holderUserId'>, h: Holder): Facts => ({
  ...facts,
  holderAgencyId: h.agencyId,
  holderUnitId: h.unitId,
  holderUserId: h.userId,
});

const NEW_DOSSIER = {
  acceptedAt: null,
  dueAt: null,
  originalDueAt: null,
  resolvedAt: null,
  returnedAt: null,
  withdrawnAt: null,
  refusedAt: null,
  outcome: null,
  currentStepSeq: null,
};

function effect(state: DossierState | null, e: DossierEvent): Facts {
  switch (e.action) {
    case 'submit':
      return withHolder(NEW_DOSSIER, e.holder);
    case 'receive':
    case 'accept':
      return withHolder(
        {
          ...(state ?? NEW_DOSSIER),
          acceptedAt: e.at,
          dueAt: e.dueAt,
          originalDueAt: e.dueAt,
          currentStepSeq: e.stepSeq,
        },
        e.holder,
      );
    case 'refuse':
      return { ...state!, refusedAt: e.at };
    case 'withdraw':
      return { ...state!, withdrawnAt: e.at };
    case 'request_supplement':
    case 'resubmit':
    case 'pause':
      return { ...state! };
    case 'assign':
    case 'forward':
    case 'approve':
    case 'send_back':
    case 'propose_rejection':
      return withHolder({ ...state!, currentStepSeq: e.stepSeq }, e.holder);
    case 'resume':
      return { ...state!, dueAt: e.dueAt, originalDueAt: e.originalDueAt };
    case 'apologize':
      return { ...state!, dueAt: e.dueAt };
    case 'result_ready':
      return { ...state!, resolvedAt: e.at, outcome: 'approved' };
    case 'approve_rejection':
      return { ...state!, resolvedAt: e.at, outcome: 'rejected' };
    case 'return':
      return { ...state!, returnedAt: e.at };
  }
}

/**
 * Applies one event: refuses (409) an action the status does not allow and (403) a role the
 * transition does not accept; otherwise returns the new state with the version incremented.
 */
export function applyTransition(state: DossierState | null, event: DossierEvent): DossierState {
  const t = transitionFor(state?.status ?? null, event.action);
  if (!t.roles.includes(event.actor.role)) throw forbidden();
  return { ...effect(state, event), status: t.to, version: (state?.version ?? 0) + 1 };
}

/** The state a history leads to; throws if the history is not a valid sequence of transitions. */
export function replay(events: readonly DossierEvent[]): DossierState | null {
  return events.reduce<DossierState | null>(applyTransition, null);
}
