import { lookupUrl } from '../notifications/messages';
import { placeAndDate } from './format';
import {
  FONT,
  type Column,
  type Content,
  type DocDefinition,
  type Inline,
  type Margins,
  type QrNode,
  type TextNode,
} from './pdf';
import { footerLine, formSpec, type FormKind } from './rule-sets';

/**
 * The frame every form shares (Circular 01/2018/TT-VPCP, laid out per Decree 30/2020/NĐ-CP on the
 * form of official documents): A4, the agency hierarchy top left, the national title and motto top
 * right, the place and date, the form's title with the dossier code, signature blocks, the QR code
 * to the public lookup, and the form number with its legal basis at the foot.
 */
const MM = 72 / 25.4;
/** Top 20, right 15, bottom 20, left 30 mm; pdfmake orders them left, top, right, bottom. */
export const PAGE_MARGINS: [number, number, number, number] = [30 * MM, 20 * MM, 15 * MM, 20 * MM];
const BODY_SIZE = 13;
const HEADER_SIZE = 12;
const ISSUER_WIDTH = 210;

export type FormFrame = {
  kind: FormKind;
  ruleSet: string;
  code: string;
  /** The agency hierarchy, from the superior agency down to the unit issuing the form. */
  issuer: string[];
  /** The locality of the date line ("Hạ Long"). */
  place: string;
  /** When the form was issued, ISO 8601 with +07:00. */
  issuedAt: string | null;
  publicBaseUrl: string;
};

export type Signer = { title: string; note: string; name: string | null };

/** A short centred rule under a block `width` wide. */
function rule(width: number, length: number): Content {
  const x1 = (width - length) / 2;
  return { canvas: [{ type: 'line', x1, y1: 3, x2: x1 + length, y2: 3, lineWidth: 0.7 }] };
}

/** The superior agencies in regular capitals, the issuing one in bold (Decree 30/2020, Appendix I). */
function issuerBlock(issuer: readonly string[]): Column {
  const last = issuer.length - 1;
  return {
    width: ISSUER_WIDTH,
    alignment: 'center',
    fontSize: HEADER_SIZE,
    stack: [
      ...issuer.map((name, i): TextNode => ({ text: name.toLocaleUpperCase('vi'), bold: i === last })),
      rule(ISSUER_WIDTH, 60),
    ],
  };
}

const NATIONAL_TITLE = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
const MOTTO = 'Độc lập - Tự do - Hạnh phúc';

/** The agency hierarchy top left; the national title, motto and the place and date line top right. */
function topBlock(frame: FormFrame): Content {
  return {
    columnGap: 6,
    columns: [
      issuerBlock(frame.issuer),
      {
        width: '*',
        alignment: 'center',
        stack: [
          { text: NATIONAL_TITLE, bold: true, fontSize: HEADER_SIZE },
          { text: MOTTO, bold: true, fontSize: BODY_SIZE, decoration: 'underline' },
          { text: placeAndDate(frame.place, frame.issuedAt), italics: true, margin: [0, 12, 0, 0] },
        ],
      },
    ],
  };
}

function titleBlock(frame: FormFrame): Content[] {
  return [
    {
      text: formSpec(frame.ruleSet, frame.kind).title,
      bold: true,
      fontSize: 14,
      alignment: 'center',
      margin: [0, 18, 0, 0],
    },
    { text: ['Mã hồ sơ: ', { text: frame.code, bold: true }], alignment: 'center', margin: [0, 2, 0, 10] },
  ];
}

function signatureBlock(s: Signer): Column {
  return {
    width: '*',
    alignment: 'center',
    stack: [
      { text: s.title, bold: true },
      { text: s.note, italics: true, fontSize: HEADER_SIZE },
      { text: s.name ?? '', bold: true, margin: [0, 58, 0, 0] },
    ],
  };
}

/**
 * The signature blocks side by side, then the QR code, kept on one page; a form with one signer (on
 * the right, as official forms sign) has the QR code on the left of it instead, one without signers
 * only the code.
 */
function closing(signers: readonly [Signer | null, Signer] | null, qr: QrNode): Content {
  return { unbreakable: true, stack: signers ? signatureRow(signers, qr) : [qrBlock(qr)] };
}

function signatureRow([left, right]: readonly [Signer | null, Signer], qr: QrNode): Content[] {
  const margin: Margins = [0, 14, 0, 0];
  if (left) return [{ margin, columns: [signatureBlock(left), signatureBlock(right)] }, qrBlock(qr)];
  const qrColumn: Column = { width: '*', margin: [0, 10, 0, 0], stack: [qrCaptioned(qr)] };
  return [{ margin, columns: [qrColumn, signatureBlock(right)] }];
}

/** The QR code of the dossier's public lookup (`<PUBLIC_BASE_URL>/tra-cuu/<code>`). */
export function lookupQr(publicBaseUrl: string, code: string): QrNode {
  return { qr: lookupUrl(publicBaseUrl, code), fit: 80, eccLevel: 'M' };
}

const QR_CAPTION = 'Quét mã để tra cứu hồ sơ';

/** The QR code with its caption and address beside it, under the signatures. */
function qrBlock(qr: QrNode): Content {
  return {
    margin: [0, 18, 0, 0],
    columnGap: 8,
    columns: [
      { width: 'auto', ...qr },
      {
        width: '*',
        margin: [0, 22, 0, 0],
        stack: [
          { text: QR_CAPTION, italics: true, fontSize: HEADER_SIZE },
          { text: qr.qr, fontSize: 10 },
        ],
      },
    ],
  };
}

/** The QR code centred over its caption, in place of a signature block. */
function qrCaptioned(qr: QrNode): Content {
  return {
    alignment: 'center',
    stack: [
      {
        columns: [
          { width: '*', text: '' },
          { width: 'auto', ...qr },
          { width: '*', text: '' },
        ],
      },
      { text: QR_CAPTION, italics: true, fontSize: HEADER_SIZE, margin: [0, 4, 0, 0] },
      { text: qr.qr, fontSize: 9 },
    ],
  };
}

/** A labelled line of the body: "Địa chỉ: …"; an unknown value is left as dots to fill in by hand. */
export function field(label: string, value: string | Inline[] | null): TextNode {
  const v: Inline[] = value === null ? ['…'] : typeof value === 'string' ? [value] : value;
  return { text: [`${label}: `, ...v], margin: [0, 1, 0, 1] };
}

export function paragraph(text: string | Inline[]): TextNode {
  return { text, alignment: 'justify', margin: [0, 3, 0, 3] };
}

/** The whole form: frame, `body`, signatures and QR code, the form number at the foot of each page. */
export function formDocument(
  frame: FormFrame,
  body: Content[],
  signers: readonly [Signer | null, Signer] | null,
): DocDefinition {
  const spec = formSpec(frame.ruleSet, frame.kind);
  const footer = footerLine(frame.ruleSet, frame.kind);
  return {
    pageSize: 'A4',
    pageMargins: PAGE_MARGINS,
    language: 'vi-VN',
    info: {
      title: `${spec.title} — ${frame.code}`,
      author: frame.issuer.join(' — '),
      subject: footer,
      creator: 'Motcua',
    },
    defaultStyle: { font: FONT, fontSize: BODY_SIZE, lineHeight: 1.1 },
    content: [
      topBlock(frame),
      ...titleBlock(frame),
      ...body,
      closing(signers, lookupQr(frame.publicBaseUrl, frame.code)),
    ],
    footer: (page, pages) => ({
      text: pages > 1 ? `${footer} · Trang ${page}/${pages}` : footer,
      italics: true,
      fontSize: 9,
      margin: [PAGE_MARGINS[0], 24, PAGE_MARGINS[2], 0],
    }),
  };
}
