import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { Db } from '../../db/database';
import { importProcedures } from '../catalogue/service';

/**
 * Test procedures of the dossier tests, imported through the catalogue so the tests do not depend on
 * the demo catalogue's content: a birth registration at phường Hạ Long on every channel, a
 * certification taken only at the desk, and a procedure only phường Bãi Cháy implements.
 */
export const BIRTH = 'T.0001';
export const CERTIFY = 'T.0002';
export const ELSEWHERE = 'T.0003';
export const HA_LONG = '000.20.01.H40';
export const BAI_CHAY = '000.20.02.H40';

const decision = { number: '99/QĐ-UBND', date: '2020-01-01', type: 'new', effectiveFrom: '2020-01-02' };
const steps = [
  { name: 'Tiếp nhận, kiểm tra hồ sơ', unit: 'MC', role: 'reception', duration: { value: 2, unit: 'working_hours' } },
  { name: 'Thẩm định, trình ký', unit: 'VHXH', role: 'specialist', duration: { value: 1, unit: 'working_days' } },
  { name: 'Ký duyệt', unit: 'LD', role: 'agency_leader', duration: { value: 4, unit: 'working_hours' } },
];

export const TEST_CATALOGUE = {
  fields: [{ code: 'T_HO_TICH', name: 'Hộ tịch (kiểm thử)' }],
  procedures: [
    {
      code: BIRTH,
      name: 'Đăng ký khai sinh (kiểm thử)',
      field: 'T_HO_TICH',
      level: 'commune',
      agencies: [HA_LONG],
      deadline: { value: 3, unit: 'working_days' },
      reducedDeadline: { value: 2, unit: 'working_days' },
      fees: [
        { name: 'Lệ phí đăng ký khai sinh', amount: 8000, note: null },
        { name: 'Phí cấp bản sao trích lục', amount: 5000, note: 'Mỗi bản' },
      ],
      components: [
        { name: 'Tờ khai đăng ký khai sinh', originals: 1, copies: 0, required: true },
        { name: 'Giấy chứng sinh', originals: 1, copies: 0, required: true },
        { name: 'Văn bản ủy quyền', originals: 1, copies: 0, required: false },
      ],
      channels: ['direct', 'postal', 'online'],
      onlineLevel: 'full',
      process: steps,
      decision,
    },
    {
      code: CERTIFY,
      name: 'Chứng thực bản sao từ bản chính (kiểm thử)',
      field: 'T_HO_TICH',
      level: 'commune',
      agencies: [HA_LONG],
      deadline: { value: 8, unit: 'working_hours' },
      components: [{ name: 'Bản chính giấy tờ', originals: 1, copies: 0, required: true }],
      channels: ['direct'],
      process: [steps[0]],
      decision,
    },
    {
      code: ELSEWHERE,
      name: 'Thủ tục chỉ phường Bãi Cháy thực hiện (kiểm thử)',
      field: 'T_HO_TICH',
      level: 'commune',
      agencies: [BAI_CHAY],
      deadline: { value: 3, unit: 'working_days' },
      channels: ['direct', 'online'],
      onlineLevel: 'partial',
      process: steps,
      decision,
    },
  ],
};

/** Imports the test procedures; returns the component ids of each, in order. */
export async function importTestCatalogue(db: Db): Promise<Record<string, number[]>> {
  const report = await importProcedures(db, TEST_CATALOGUE, null);
  if (report.rejected.length > 0) throw new Error(`test catalogue rejected: ${JSON.stringify(report.rejected)}`);
  const rows = await db
    .selectFrom('procedure_components as c')
    .innerJoin('procedure_versions as v', 'v.id', 'c.version_id')
    .innerJoin('procedures as p', 'p.id', 'v.procedure_id')
    .select(['p.code', 'c.id'])
    .where('p.code', 'in', [BIRTH, CERTIFY, ELSEWHERE])
    .orderBy('c.seq')
    .execute();
  const ids: Record<string, number[]> = { [BIRTH]: [], [CERTIFY]: [], [ELSEWHERE]: [] };
  for (const r of rows) ids[r.code].push(r.id);
  return ids;
}

/** Imports the test procedures; returns a complete desk intake's components of the birth registration. */
export async function importBirthComponents(db: Db): Promise<{ componentId: number; originals: number }[]> {
  const [form, proof] = (await importTestCatalogue(db))[BIRTH];
  return [
    { componentId: form, originals: 1 },
    { componentId: proof, originals: 1 },
  ];
}

export const APPLICANT = {
  fullName: 'Nguyễn Thị Lan',
  idNumber: '022195001234',
  phone: '0912345678',
  email: 'lan.nguyen@example.vn',
  address: 'Số 5 phố Lê Thánh Tông, phường Hạ Long',
};

let keys = 0;
/** A fresh Idempotency-Key. */
export const newKey = () => `test-${process.pid}-${++keys}`;

export function postDossier(
  app: FastifyInstance,
  headers: Record<string, string>,
  payload: Record<string, unknown>,
  key = newKey(),
): Promise<LightMyRequestResponse> {
  return app.inject({
    method: 'POST',
    url: '/api/dossiers',
    headers: { ...headers, 'idempotency-key': key },
    payload,
  });
}

/** A transition request on a dossier. */
export function act(
  app: FastifyInstance,
  headers: Record<string, string>,
  code: string,
  action: string,
  payload: Record<string, unknown>,
): Promise<LightMyRequestResponse> {
  return app.inject({ method: 'POST', url: `/api/dossiers/${code}/${action}`, headers, payload });
}

/** A multipart/form-data body with one file, as a browser sends it. */
export function multipartFile(filename: string, contentType: string, content: Buffer) {
  const boundary = '----motcua-test-boundary';
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${contentType}\r\n\r\n`;
  return {
    payload: Buffer.concat([Buffer.from(head), content, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}
