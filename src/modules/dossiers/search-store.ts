import type { Executor } from '../../db/database';

export type SearchFilter = {
  /** Agency subtrees (materialised paths) the caller may see: a dossier received or held there. */
  scopePaths: string[];
  /** A citizen also sees the dossiers they filed. */
  applicantUserId: number | null;
  agencyPath?: string;
  status?: string;
  code?: string;
  /** A LIKE pattern over the folded applicant name. */
  namePattern?: string;
  idNumber?: string;
  procedure?: string;
  receivedFrom: Date | null;
  receivedBefore: Date | null;
  order: 'asc' | 'desc';
  limit: number;
  offset: number;
};

function filtered(db: Executor, f: SearchFilter) {
  let q = db
    .selectFrom('dossiers as d')
    .innerJoin('agencies as a', 'a.id', 'd.agency_id')
    .innerJoin('agencies as h', 'h.id', 'd.holder_agency_id')
    .leftJoin('units as hu', 'hu.id', 'd.holder_unit_id')
    .where((eb) =>
      eb.or([
        ...f.scopePaths.flatMap((p) => [eb('a.path', 'like', `${p}%`), eb('h.path', 'like', `${p}%`)]),
        ...(f.applicantUserId === null ? [] : [eb('d.applicant_user_id', '=', f.applicantUserId)]),
      ]),
    );
  if (f.agencyPath) q = q.where('a.path', 'like', `${f.agencyPath}%`);
  if (f.status) q = q.where('d.status', '=', f.status);
  if (f.code) q = q.where('d.code', 'like', `${f.code.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  if (f.namePattern) q = q.where('d.applicant_name_folded', 'like', f.namePattern);
  if (f.idNumber) q = q.where('d.applicant_id_number', '=', f.idNumber);
  if (f.procedure) q = q.where('d.procedure_code', '=', f.procedure);
  if (f.receivedFrom) q = q.where('d.received_at', '>=', f.receivedFrom);
  if (f.receivedBefore) q = q.where('d.received_at', '<', f.receivedBefore);
  return q;
}

export async function searchDossiers(db: Executor, f: SearchFilter) {
  const { total } = await filtered(db, f)
    .select((eb) => eb.fn.countAll<number>().as('total'))
    .executeTakeFirstOrThrow();
  const rows = await filtered(db, f)
    .select([
      'd.code',
      'd.status',
      'd.version',
      'd.channel',
      'd.procedure_code',
      'd.procedure_name',
      'd.applicant_name',
      'd.received_at',
      'd.accepted_at',
      'd.due_at',
      'a.code as agency_code',
      'a.name as agency_name',
      'h.name as holder_agency_name',
      'hu.name as holder_unit_name',
    ])
    .orderBy('d.received_at', f.order)
    .orderBy('d.id', f.order)
    .limit(f.limit)
    .offset(f.offset)
    .execute();
  return { total, rows };
}
