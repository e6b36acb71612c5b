import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import type pdfmakeModule from 'pdfmake';

/**
 * The subset of pdfmake's document definition the forms are built from: plain data that pure
 * functions return and tests read, turned into PDF bytes only by `renderPdf`.
 */
export type Margins = number | [number, number] | [number, number, number, number];
export type Width = number | '*' | 'auto';

export type Style = {
  fontSize?: number;
  bold?: boolean;
  italics?: boolean;
  alignment?: 'left' | 'center' | 'right' | 'justify';
  decoration?: 'underline';
  margin?: Margins;
  lineHeight?: number;
};

export type Inline = string | (Style & { text: string });
export type TextNode = Style & { text: string | Inline[] };
export type QrNode = { qr: string; fit: number; eccLevel: 'L' | 'M' | 'Q' | 'H'; margin?: Margins };
export type LineNode = {
  canvas: { type: 'line'; x1: number; y1: number; x2: number; y2: number; lineWidth: number }[];
};
export type Cell = Exclude<Content, string> & { colSpan?: number };
export type TableNode = Style & {
  table: { widths: Width[]; headerRows: number; dontBreakRows: boolean; body: Cell[][] };
};
/** `unbreakable`: kept on one page (signature blocks). */
export type StackNode = Style & { stack: Content[]; unbreakable?: boolean };
export type Column = Exclude<Content, string> & { width: Width };
export type ColumnsNode = Style & { columns: Column[]; columnGap?: number };
export type Content = string | TextNode | StackNode | ColumnsNode | TableNode | QrNode | LineNode;

export type DocDefinition = {
  pageSize: 'A4';
  pageMargins: [number, number, number, number];
  language: string;
  info: { title: string; author: string; subject: string; creator: string };
  defaultStyle: Style & { font: string };
  content: Content[];
  footer: (currentPage: number, pageCount: number) => TextNode;
};

const require = createRequire(import.meta.url);
const tinos = (file: string) => require.resolve(`@expo-google-fonts/tinos/${file}`);

/** Tinos: metric-compatible with Times New Roman, the font of official documents, with every Vietnamese glyph. */
export const FONT = 'Tinos';
const FONT_FILES = {
  normal: tinos('400Regular/Tinos_400Regular.ttf'),
  bold: tinos('700Bold/Tinos_700Bold.ttf'),
  italics: tinos('400Regular_Italic/Tinos_400Regular_Italic.ttf'),
  bolditalics: tinos('700Bold_Italic/Tinos_700Bold_Italic.ttf'),
};
const FONT_DIR = dirname(dirname(FONT_FILES.normal));

// pdfmake (~18 MB of the server's memory) is loaded on the first form printed, not at start.
let loaded: Promise<typeof pdfmakeModule> | undefined;
function loadPdfmake(): Promise<typeof pdfmakeModule> {
  loaded ??= import('pdfmake').then(({ default: pdfmake }) => {
    pdfmake.setFonts({ [FONT]: FONT_FILES });
    // A form names no images or URLs: the only files pdfmake may read are the font's.
    pdfmake.setUrlAccessPolicy(() => false);
    pdfmake.setLocalAccessPolicy((path) => path.startsWith(FONT_DIR));
    return pdfmake;
  });
  return loaded;
}

/** The PDF bytes of a document definition, the fonts embedded (subset). */
export async function renderPdf(doc: DocDefinition): Promise<Buffer> {
  return (await loadPdfmake()).createPdf(doc).getBuffer();
}
