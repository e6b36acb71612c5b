import { sql } from 'kysely';
import type { Tx } from '../db/database';
import { storeTemplateFile } from '../modules/catalogue/templates';
import { FONT, renderPdf, type Content, type DocDefinition } from '../modules/documents/pdf';

const MM = 72 / 25.4;
const BLANK = '…'.repeat(60);

/**
 * A demo stand-in for an official form (mẫu đơn, tờ khai): A4 in Tinos, the national header, the
 * template's name as title and labelled blank lines for the applicant. Not the official form.
 * Regular weight only: each further font style embedded costs more than the whole page to render.
 */
export function demoTemplateDocument(templateName: string): DocDefinition {
  const line = (label: string): Content => ({ text: `${label}: ${BLANK}`, margin: [0, 6, 0, 0] });
  return {
    pageSize: 'A4',
    pageMargins: [30 * MM, 20 * MM, 15 * MM, 20 * MM],
    language: 'vi-VN',
    info: {
      title: templateName,
      author: 'Motcua (dữ liệu mẫu)',
      subject: 'Bản minh hoạ, không phải mẫu ban hành chính thức',
      creator: 'Motcua',
    },
    defaultStyle: { font: FONT, fontSize: 13, lineHeight: 1.1 },
    content: [
      {
        alignment: 'center',
        stack: [
          { text: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', fontSize: 12 },
          { text: 'Độc lập - Tự do - Hạnh phúc' },
          { canvas: [{ type: 'line', x1: 170, y1: 3, x2: 300, y2: 3, lineWidth: 0.7 }] },
        ],
      },
      { text: templateName.toLocaleUpperCase('vi'), fontSize: 14, alignment: 'center', margin: [0, 24, 0, 4] },
      {
        text: 'BẢN MINH HOẠ CỦA HỆ THỐNG DEMO — không phải mẫu ban hành chính thức',
        fontSize: 11,
        alignment: 'center',
        margin: [0, 0, 0, 16],
      },
      line('Họ và tên'),
      line('Ngày sinh'),
      line('Số định danh cá nhân'),
      line('Nơi cư trú'),
      line('Nội dung đề nghị'),
      { text: BLANK + '…'.repeat(8), margin: [0, 6, 0, 0] },
      { text: BLANK + '…'.repeat(8), margin: [0, 6, 0, 0] },
      {
        columns: [
          { width: '*', text: '' },
          {
            width: 220,
            alignment: 'center',
            unbreakable: true,
            margin: [0, 24, 0, 0],
            stack: [{ text: '…, ngày … tháng … năm …' }, { text: 'NGƯỜI ĐỀ NGHỊ' }, { text: '(Ký và ghi rõ họ tên)' }],
          },
        ],
      },
    ],
    footer: () => ({
      text: 'Motcua — bản minh hoạ mẫu đơn, tờ khai cho dữ liệu demo',
      fontSize: 9,
      margin: [30 * MM, 24, 15 * MM, 0],
    }),
  };
}

/** Demo PDFs by template name: rendered once per process, whatever the number of databases seeded. */
const rendered = new Map<string, Promise<Buffer>>();
const demoPdf = (name: string) => {
  let pdf = rendered.get(name);
  if (!pdf) {
    pdf = renderPdf(demoTemplateDocument(name));
    rendered.set(name, pdf);
  }
  return pdf;
};

/** A file name from a template's name: its first words, without diacritics. */
export function demoFileName(templateName: string): string {
  const words = templateName
    .split('(')[0]
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `${words.slice(0, 60).replace(/-$/, '') || 'mau'}.pdf`;
}

/** Attaches a demo PDF to every component of the catalogue that names a template (one file per name). */
export async function seedDemoTemplates(tx: Tx): Promise<void> {
  const names = await tx
    .selectFrom('procedure_components')
    .select('template')
    .distinct()
    .where('template', 'is not', null)
    .where('template_sha256', 'is', null)
    .execute();
  for (const { template } of names) {
    const name = template!;
    const content = await demoPdf(name);
    const sha256 = await storeTemplateFile(
      tx,
      { fileName: demoFileName(name), contentType: 'application/pdf', content },
      null,
    );
    await sql`UPDATE procedure_components SET template_sha256 = ${sha256}
      WHERE template = ${name} AND template_sha256 IS NULL`.execute(tx);
  }
}
