import type { receiptForm } from '../dossiers/views';
import { field, type Signer } from './layout';
import type { Content, TextNode } from './pdf';

/** The pieces of the forms' bodies that several forms share. */
type FormHeader = Pick<ReturnType<typeof receiptForm>, 'agency' | 'procedure' | 'applicant' | 'receivingOfficer'>;
export type Applicant = FormHeader['applicant'];
export type Officer = FormHeader['receivingOfficer'];

/** The desk the officer works at, named with its agency: "Bộ phận Một cửa - UBND phường Hạ Long". */
export function deskName(officer: Officer, agency: FormHeader['agency']): string {
  return officer.unit ? `${officer.unit.name} - ${agency.name}` : agency.name;
}

export const salutation = (a: Applicant) => (a.kind === 'organisation' ? 'Quý cơ quan, tổ chức' : 'Ông/Bà');

/** Who the dossier is from: name, ID number or tax code, address, phone and email. */
export function applicantLines(label: string, a: Applicant): Content[] {
  return [
    field(label, [{ text: a.fullName, bold: true }]),
    field(a.kind === 'organisation' ? 'Mã số thuế' : 'Số định danh cá nhân', a.idNumber),
    field('Địa chỉ', a.address),
    {
      columns: [
        { width: '*', ...field('Số điện thoại', a.phone) },
        { width: '*', ...field('Email', a.email) },
      ],
    },
  ];
}

export const requestLine = (p: FormHeader['procedure']): TextNode =>
  field('Nội dung yêu cầu giải quyết', `${p.name} (mã thủ tục ${p.code})`);

export const signer = (title: string, name: string | null, note = '(Ký và ghi rõ họ tên)'): Signer => ({
  title,
  note,
  name,
});
