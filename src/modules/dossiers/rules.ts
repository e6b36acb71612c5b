import { createHash } from 'node:crypto';
import { AppError, forbidden, invalid } from '../../shared/errors';
import { foldVietnamese } from '../../shared/text';
import { addDays, instantAt, localDayAndTime } from '../calendar/dates';
import { STAFF_ROLES } from '../identity/roles';
import { hasRoleOver, pathWithin, type Principal } from '../identity/rules';
import { checkPersonalId, checkTaxCode, normalizePhone } from './identifiers';
import type { Actor, Transition } from './lifecycle';

/** The Vietnam calendar day of an instant, 'YYYY-MM-DD': codes, counters and rule sets go by it. */
export function vietnamDay(at: Date): string {
  return localDayAndTime(at).date;
}

/** `<agency code>-<yymmdd>-<daily sequence, 4 digits at least>` (domain.md), e.g. 000.20.01.H40-260213-0007. */
export function dossierCode(agencyCode: string, day: string, seq: number): string {
  return `${agencyCode}-${day.slice(2, 4)}${day.slice(5, 7)}${day.slice(8, 10)}-${String(seq).padStart(4, '0')}`;
}

export const RULE_SETS = ['nd61_2018', 'nd118_2025'] as const;
export type RuleSet = (typeof RULE_SETS)[number];

/** Decree 118/2025/NĐ-CP replaces Decrees 61/2018 and 107/2021 from 1/7/2025; a dossier keeps the set of its receipt. */
export function ruleSetAt(receivedAt: Date): RuleSet {
  return vietnamDay(receivedAt) < '2025-07-01' ? 'nd61_2018' : 'nd118_2025';
}

export type ApplicantInput = {
  kind: 'person' | 'organisation';
  fullName: string;
  idNumber: string;
  phone?: string | null;
  email?: string | null;
  address?: string | null;
};
export type Applicant = {
  kind: 'person' | 'organisation';
  fullName: string;
  idNumber: string;
  phone: string | null;
  email: string | null;
  address: string | null;
};

/** Checks the ID number (CCCD for a person, tax code for an organisation) and normalises the phone. */
export function checkApplicant(a: ApplicantInput, today: Date): Applicant {
  const id = a.kind === 'person' ? checkPersonalId(a.idNumber, today) : checkTaxCode(a.idNumber);
  if (!id.ok) throw invalid('applicant.idNumber', id.vi, id.en);
  let phone: string | null = null;
  if (a.phone) {
    phone = normalizePhone(a.phone);
    if (!phone) {
      throw invalid(
        'applicant.phone',
        'Số điện thoại không đúng định dạng (di động 10 số bắt đầu bằng 03, 05, 07, 08, 09; cố định 11 số bắt đầu bằng 02)',
        'Not a Vietnamese phone number (mobile: 10 digits from 03, 05, 07, 08, 09; landline: 11 digits from 02)',
      );
    }
  }
  return {
    kind: a.kind,
    fullName: a.fullName.replace(/\s+/g, ' ').trim(),
    idNumber: a.idNumber,
    phone,
    email: a.email ? a.email.toLowerCase() : null,
    address: a.address || null,
  };
}

/** A component as the procedure version asks for it. */
export type ComponentRequirement = {
  componentId: number;
  name: string;
  required: boolean;
  originals: number;
  copies: number;
};
export type ComponentCount = { componentId: number; originals: number; copies: number };
export type MissingComponent = {
  componentId: number;
  name: string;
  required: { originals: number; copies: number };
  received: { originals: number; copies: number };
};

/** Each counted component must be one of the version's, once. */
export function checkComponentIds(requirements: readonly ComponentRequirement[], counts: readonly ComponentCount[]) {
  const seen = new Set<number>();
  counts.forEach((c, i) => {
    if (!requirements.some((r) => r.componentId === c.componentId)) {
      throw invalid(
        `components.${i}.componentId`,
        `Thành phần hồ sơ ${c.componentId} không thuộc thủ tục này`,
        `Component ${c.componentId} is not one of this procedure's`,
      );
    }
    if (seen.has(c.componentId)) {
      throw invalid(
        `components.${i}.componentId`,
        `Thành phần hồ sơ ${c.componentId} được khai hai lần`,
        `Component ${c.componentId} is listed twice`,
      );
    }
    seen.add(c.componentId);
  });
}

/** Required components not received in the numbers of originals and copies the procedure asks for. */
export function missingComponents(
  requirements: readonly ComponentRequirement[],
  counts: readonly ComponentCount[],
): MissingComponent[] {
  return requirements.flatMap((r) => {
    if (!r.required) return [];
    const got = counts.find((c) => c.componentId === r.componentId);
    const received = { originals: got?.originals ?? 0, copies: got?.copies ?? 0 };
    const enough =
      received.originals >= r.originals && received.copies >= r.copies && received.originals + received.copies > 0;
    return enough
      ? []
      : [
          {
            componentId: r.componentId,
            name: r.name,
            required: { originals: r.originals, copies: r.copies },
            received,
          },
        ];
  });
}

/** An incomplete dossier cannot be accepted: one 400 lists every missing component at once. */
export function requireComplete(requirements: readonly ComponentRequirement[], counts: readonly ComponentCount[]) {
  const missing = missingComponents(requirements, counts);
  if (missing.length === 0) return;
  const names = missing.map((m) => m.name).join('; ');
  throw new AppError(
    'COMPONENTS_MISSING',
    400,
    `Hồ sơ chưa đủ thành phần, còn thiếu: ${names}`,
    `The dossier is incomplete; missing: ${names}`,
    'components',
    { missing },
  );
}

export type SupplementItemInput = { componentId?: number | null; name?: string | null; reason: string };
export type SupplementItem = { componentId: number | null; name: string; reason: string };

/**
 * The desk "instructs once, fully" (Mẫu 02): items name a component of the dossier or a free-text
 * item, each with its reason, and every missing required component must be among them.
 */
export function checkSupplementItems(
  requirements: readonly ComponentRequirement[],
  counts: readonly ComponentCount[],
  items: readonly SupplementItemInput[],
): SupplementItem[] {
  const result = items.map((item, i): SupplementItem => {
    if (item.componentId != null) {
      const r = requirements.find((x) => x.componentId === item.componentId);
      if (!r) {
        throw invalid(
          `items.${i}.componentId`,
          `Thành phần hồ sơ ${item.componentId} không thuộc thủ tục này`,
          `Component ${item.componentId} is not one of this procedure's`,
        );
      }
      return { componentId: r.componentId, name: r.name, reason: item.reason };
    }
    if (!item.name) {
      throw invalid(`items.${i}.name`, 'Cần nêu tên giấy tờ cần bổ sung', 'Name the item to supplement');
    }
    return { componentId: null, name: item.name, reason: item.reason };
  });
  const left = missingComponents(requirements, counts).filter(
    (m) => !result.some((x) => x.componentId === m.componentId),
  );
  if (left.length > 0) {
    const names = left.map((m) => m.name).join('; ');
    throw new AppError(
      'SUPPLEMENT_INCOMPLETE',
      400,
      `Yêu cầu bổ sung phải nêu đầy đủ một lần mọi thành phần còn thiếu: ${names}`,
      `A supplement request must list every missing component at once; also missing: ${names}`,
      'items',
      { missing: left },
    );
  }
  return result;
}

/** JSON with object keys sorted at every level, so equal bodies give equal text whatever their key order. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** What an idempotency key is bound to: the sha256 of the canonical body. */
export function requestHash(body: unknown): string {
  return createHash('sha256').update(canonicalJson(body)).digest('hex');
}

/** An inclusive range of Vietnam calendar days as instants [start, end). */
export function dayRange(from?: string, to?: string): { start: Date | null; end: Date | null } {
  if (from && to && from > to) {
    throw invalid('to', 'Ngày kết thúc phải sau ngày bắt đầu', 'The end date must not be before the start date');
  }
  return { start: from ? instantAt(from, 0) : null, end: to ? instantAt(addDays(to, 1), 0) : null };
}

/** A LIKE pattern matching the folded name anywhere; `%`, `_` and `\` in the query are literal. */
export function foldedNamePattern(name: string): string {
  return `%${foldVietnamese(name).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Who a dossier concerns: its receiving agency and the citizen account that filed it, if any. */
export type DossierParties = { agencyPath: string; applicantUserId: number | null };

/**
 * The role the principal acts in for a transition: the citizen who filed the dossier, or an officer
 * holding one of the transition's roles over the agency (a role covers its agency's subtree).
 */
export function actorFor(p: Principal, t: Transition, d: DossierParties): Actor {
  for (const role of t.roles) {
    if (role === 'citizen') {
      const isApplicant = d.applicantUserId === p.userId && p.grants.some((g) => g.role === 'citizen');
      if (isApplicant) return { userId: p.userId, role, unitId: null, agencyId: null };
      continue;
    }
    const g = p.grants.find((x) => x.role === role && pathWithin(d.agencyPath, x.agencyPath));
    if (g) return { userId: p.userId, role, unitId: g.unitId, agencyId: g.agencyId };
  }
  throw forbidden();
}

/** Staff in scope of any agency the dossier has been at, or the citizen who filed it. */
export function canView(p: Principal, agencyPaths: readonly string[], applicantUserId: number | null): boolean {
  if (applicantUserId === p.userId) return true;
  return agencyPaths.some((path) => hasRoleOver(p, STAFF_ROLES, path));
}

export const FILE_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export type FileType = (typeof FILE_TYPES)[number];

/** The type the bytes really are (their signature), among the allowed ones; null for anything else. */
export function sniffFileType(bytes: Buffer): FileType | null {
  if (bytes.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  return null;
}
