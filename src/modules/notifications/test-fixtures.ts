import type { Executor } from '../../db/database';
import type { DossierStatus } from '../dossiers/lifecycle';

/** Test data for the notification tests: dossier rows inserted the way the 0004 migration defines them. */

export async function userId(db: Executor, username: string): Promise<number> {
  const u = await db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow();
  return u.id;
}

export async function setEmail(db: Executor, username: string, email: string | null): Promise<void> {
  await db.updateTable('users').set({ email }).where('username', '=', username).execute();
}

async function unitOf(db: Executor, agencyCode: string, unitCode: string) {
  return db
    .selectFrom('units as u')
    .innerJoin('agencies as a', 'a.id', 'u.agency_id')
    .select(['u.id', 'u.agency_id'])
    .where('a.code', '=', agencyCode)
    .where('u.code', '=', unitCode)
    .executeTakeFirstOrThrow();
}

/** The procedure "Đăng ký khai sinh" (1.001193) at commune level, created once. */
export async function birthRegistration(db: Executor): Promise<{ procedureId: number; versionId: number }> {
  const existing = await db
    .selectFrom('procedure_versions as v')
    .innerJoin('procedures as p', 'p.id', 'v.procedure_id')
    .select(['p.id as procedureId', 'v.id as versionId'])
    .where('p.code', '=', '1.001193')
    .executeTakeFirst();
  if (existing) return existing;
  const field = await db
    .insertInto('fields')
    .values({ code: 'HT', name: 'Hộ tịch' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const procedure = await db
    .insertInto('procedures')
    .values({ code: '1.001193' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const version = await db
    .insertInto('procedure_versions')
    .values({
      procedure_id: procedure.id,
      seq: 1,
      name: 'Đăng ký khai sinh',
      search_name: 'dang ky khai sinh',
      field_id: field.id,
      level: 'commune',
      all_agencies_of_level: true,
      deadline_value: 1,
      deadline_unit: 'working_days',
      legal_basis: ['Luật Hộ tịch 2014'],
      channels: ['direct', 'online'],
      online_level: 'full',
      clock_on_resume: 'restart',
      decision_number: '1/QĐ-UBND',
      decision_date: '2025-07-01',
      decision_type: 'new',
      effective_from: '2025-07-01',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { procedureId: procedure.id, versionId: version.id };
}

export type DossierFixture = {
  code: string;
  dueAt: Date | null;
  status?: DossierStatus;
  /** Agency and unit holding it; Hạ Long ward's culture-social unit by default. */
  agency?: string;
  unit?: string;
  holder?: string | null;
  applicantEmail?: string | null;
  applicantPhone?: string | null;
  applicantUser?: string | null;
};

export const APPLICANT_ID_NUMBER = '022190001234';

export async function insertDossier(db: Executor, f: DossierFixture): Promise<number> {
  const { procedureId, versionId } = await birthRegistration(db);
  const unit = await unitOf(db, f.agency ?? '000.20.01.H40', f.unit ?? 'VHXH');
  const row = await db
    .insertInto('dossiers')
    .values({
      code: f.code,
      agency_id: unit.agency_id,
      procedure_id: procedureId,
      procedure_version_id: versionId,
      procedure_code: '1.001193',
      procedure_name: 'Đăng ký khai sinh',
      field_code: 'HT',
      channel: 'direct',
      rule_set: 'nd118_2025',
      deadline_value: 1,
      deadline_unit: 'working_days',
      clock_on_resume: 'restart',
      applicant_kind: 'person',
      applicant_name: 'Nguyễn Thị Hoa',
      applicant_name_folded: 'nguyen thi hoa',
      applicant_id_number: APPLICANT_ID_NUMBER,
      applicant_phone: f.applicantPhone ?? null,
      applicant_email: f.applicantEmail ?? null,
      applicant_user_id: f.applicantUser ? await userId(db, f.applicantUser) : null,
      fees: JSON.stringify([]),
      fee_total: 0,
      status: f.status ?? 'in_progress',
      version: 1,
      received_at: new Date('2026-01-05T01:00:00Z'),
      accepted_at: f.dueAt ? new Date('2026-01-05T01:00:00Z') : null,
      due_at: f.dueAt,
      original_due_at: f.dueAt,
      holder_agency_id: unit.agency_id,
      holder_unit_id: unit.id,
      holder_user_id: f.holder ? await userId(db, f.holder) : null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}
