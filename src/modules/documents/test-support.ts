import type { Content, DocDefinition, Inline } from './pdf';

/** Every text of a document definition in reading order, inline runs joined: what the page prints. */
export function textsOf(node: Content | Inline): string[] {
  if (typeof node === 'string') return [node];
  if ('text' in node) {
    return [
      typeof node.text === 'string' ? node.text : node.text.map((i) => (typeof i === 'string' ? i : i.text)).join(''),
    ];
  }
  if ('stack' in node) return node.stack.flatMap(textsOf);
  if ('columns' in node) return node.columns.flatMap(textsOf);
  if ('table' in node) return node.table.body.flat().flatMap(textsOf);
  return []; // QR codes and rules print no text
}

export const docTexts = (doc: DocDefinition) => doc.content.flatMap(textsOf).filter((s) => s !== '');

/** The foot line of a page. */
export const footerText = (doc: DocDefinition, page: number, pages: number) => textsOf(doc.footer(page, pages))[0];

/** The payloads of the QR codes of a document definition. */
export function qrPayloads(node: Content | DocDefinition): string[] {
  if (typeof node === 'string') return [];
  if ('content' in node) return node.content.flatMap(qrPayloads);
  if ('qr' in node) return [node.qr];
  if ('stack' in node) return node.stack.flatMap(qrPayloads);
  if ('columns' in node) return node.columns.flatMap(qrPayloads);
  return [];
}
