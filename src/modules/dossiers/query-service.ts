import type { Db } from '../../db/database';
import { forbidden, notFound } from '../../shared/errors';
import { STAFF_ROLES } from '../identity/roles';
import { scopePaths, type Principal } from '../identity/rules';
import { findPublic, loadDetail, type DossierDetail } from './detail-store';
import { findFileContent } from './file-store';
import { STATUS_NAMES, type DossierStatus } from './lifecycle';
import { canView, dayRange, foldedNamePattern } from './rules';
import * as searchStore from './search-store';
import * as store from './store';
import { dossierNotFound } from './transitions';
import { FORMS, detailView, publicView, time, type FormName } from './views';
import { pageLimits } from '../../shared/paging';

async function visibleDetail(db: Db, principal: Principal, code: string): Promise<DossierDetail> {
  const d = await store.findDossier(db, code);
  if (!d) throw dossierNotFound();
  if (!canView(principal, await store.visitedAgencyPaths(db, d), d.applicant_user_id)) throw forbidden();
  return loadDetail(db, d);
}

/** The dossier with its history, for staff in scope of any agency it has been at, or its applicant. */
export async function getDossier(db: Db, principal: Principal, code: string) {
  return detailView(await visibleDetail(db, principal, code));
}

/** Mẫu 01 / 02 / 03 data of a dossier, for the same people who may see it. */
export async function getForm(db: Db, principal: Principal, code: string, form: FormName) {
  return FORMS[form](await visibleDetail(db, principal, code));
}

/** The public lookup by code: status, dates and holder, no personal data. */
export async function getPublicDossier(db: Db, code: string) {
  const d = await findPublic(db, code);
  if (!d) throw dossierNotFound();
  return publicView(d);
}

export async function getFile(db: Db, principal: Principal, code: string, fileId: number) {
  const d = await store.findDossier(db, code);
  if (!d) throw dossierNotFound();
  if (!canView(principal, await store.visitedAgencyPaths(db, d), d.applicant_user_id)) throw forbidden();
  const file = await findFileContent(db, d.id, fileId);
  if (!file) throw notFound('File', 'tệp', 'fileId');
  return { name: file.name, contentType: file.content_type, content: file.content };
}

export type SearchQuery = {
  status?: DossierStatus;
  agency?: string;
  code?: string;
  name?: string;
  idNumber?: string;
  procedure?: string;
  from?: string;
  to?: string;
  order: 'asc' | 'desc';
  page: number;
  pageSize: number;
};

/**
 * The desk queue (`status=submitted&agency=`) and the search of dossiers: officers see what their
 * agencies received or hold, a citizen what they filed. Newest first unless `order=asc`.
 */
export async function searchDossiers(db: Db, principal: Principal, q: SearchQuery) {
  const range = dayRange(q.from, q.to);
  const agency = q.agency ? await store.findAgencyByCode(db, q.agency) : undefined;
  const hasCitizenRole = principal.grants.some((g) => g.role === 'citizen');
  const { total, rows } = await searchStore.searchDossiers(db, {
    scopePaths: scopePaths(principal, STAFF_ROLES),
    applicantUserId: hasCitizenRole ? principal.userId : null,
    // An unknown agency code matches nothing rather than everything.
    agencyPath: q.agency ? (agency?.path ?? '-') : undefined,
    status: q.status,
    code: q.code,
    namePattern: q.name ? foldedNamePattern(q.name) : undefined,
    idNumber: q.idNumber,
    procedure: q.procedure,
    receivedFrom: range.start,
    receivedBefore: range.end,
    order: q.order,
    ...pageLimits(q),
  });
  return {
    items: rows.map((r) => ({
      code: r.code,
      status: r.status,
      statusName: STATUS_NAMES[r.status as DossierStatus].vi,
      version: r.version,
      channel: r.channel,
      procedure: { code: r.procedure_code, name: r.procedure_name },
      agency: { code: r.agency_code, name: r.agency_name },
      applicantName: r.applicant_name,
      receivedAt: time(r.received_at),
      acceptedAt: time(r.accepted_at),
      dueAt: time(r.due_at),
      holder: r.holder_unit_name ? `${r.holder_unit_name} - ${r.holder_agency_name}` : r.holder_agency_name,
    })),
    total,
    page: q.page,
    pageSize: q.pageSize,
  };
}
