/** The part of pdfmake 0.3's server API (its CommonJS singleton) that the printed forms use; it ships no types. */
declare module 'pdfmake' {
  type FontFiles = { normal: string; bold: string; italics: string; bolditalics: string };
  const pdfmake: {
    setFonts(fonts: Record<string, FontFiles>): void;
    setUrlAccessPolicy(allow: (url: string) => boolean): void;
    setLocalAccessPolicy(allow: (path: string) => boolean): void;
    createPdf(docDefinition: object): { getBuffer(): Promise<Buffer> };
  };
  export default pdfmake;
}
