import { createHash } from 'node:crypto';
import type { Db, Executor } from '../../db/database';
import { audit } from '../../shared/audit';
import { AppError, notFound } from '../../shared/errors';
import type { Principal } from '../identity/rules';
import { requireScope } from './publish';
import { vietnamDate, versionInForce } from './rules';
import { findProcedure, lockProcedure } from './store';
import { implementingAgencies, versionHeads } from './version-store';
import { templateUrl } from './views';

/** The largest form template accepted (docs/catalogue-format.md). */
export const MAX_TEMPLATE_BYTES = 5 * 1024 * 1024;

/** The accepted kinds of form template: by extension, with the signature their bytes must start with. */
const KINDS = [
  { ext: 'pdf', type: 'application/pdf', is: (b: Buffer) => b.subarray(0, 5).toString('latin1') === '%PDF-' },
  {
    ext: 'doc',
    type: 'application/msword',
    is: (b: Buffer) => b.subarray(0, 8).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])),
  },
  {
    ext: 'docx',
    type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    is: (b: Buffer) => isZip(b) && b.includes('word/'),
  },
  {
    ext: 'odt',
    type: 'application/vnd.oasis.opendocument.text',
    // An OpenDocument package starts with its uncompressed `mimetype` entry.
    is: (b: Buffer) => isZip(b) && b.subarray(0, 100).includes('application/vnd.oasis.opendocument.text'),
  },
] as const;

const isZip = (b: Buffer) => b.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]));

export const templateTooLarge = () =>
  new AppError(
    'PAYLOAD_TOO_LARGE',
    413,
    `Tệp mẫu vượt quá ${MAX_TEMPLATE_BYTES / 1024 / 1024} MB`,
    `The template file exceeds ${MAX_TEMPLATE_BYTES / 1024 / 1024} MB`,
    'file',
  );

/** The content type of an accepted template file, checked by its extension and its bytes. */
export function templateType(fileName: string, content: Buffer): string {
  if (content.length === 0) throw new AppError('EMPTY_FILE', 400, 'Tệp rỗng', 'The file is empty', 'file');
  if (content.length > MAX_TEMPLATE_BYTES) throw templateTooLarge();
  const ext = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  const kind = KINDS.find((k) => k.ext === ext);
  if (!kind || !kind.is(content)) {
    throw new AppError(
      'UNSUPPORTED_MEDIA_TYPE',
      415,
      'Mẫu đơn, tờ khai phải là tệp PDF, DOC, DOCX hoặc ODT (đúng với nội dung tệp)',
      'A form template must be a PDF, DOC, DOCX or ODT file (its content must match its extension)',
      'file',
    );
  }
  return kind.type;
}

const sha256Of = (content: Buffer) => createHash('sha256').update(content).digest('hex');

/** Stores a file once per content; answers its sha256. */
export async function storeTemplateFile(
  tx: Executor,
  f: { fileName: string; contentType: string; content: Buffer },
  uploadedBy: number | null,
): Promise<string> {
  const sha256 = sha256Of(f.content);
  await tx
    .insertInto('form_templates')
    .values({
      sha256,
      file_name: f.fileName,
      content_type: f.contentType,
      size: f.content.length,
      content: f.content,
      uploaded_by: uploadedBy,
    })
    .onConflict((oc) => oc.column('sha256').doNothing())
    .execute();
  return sha256;
}

const procedureNotFound = () => notFound('Procedure', 'thủ tục', 'code');
const componentNotFound = () => notFound('Component', 'thành phần hồ sơ', 'seq');

/** The component `seq` of the version of `code` in force today, with the version's id. */
async function componentInForce(db: Executor, code: string, seq: number, now: Date) {
  const procedure = await findProcedure(db, code);
  if (!procedure) throw procedureNotFound();
  const version = versionInForce(await versionHeads(db, procedure.id), vietnamDate(now));
  if (!version) {
    throw notFound('Procedure version in force', 'phiên bản thủ tục đang có hiệu lực', 'code');
  }
  const component = await db
    .selectFrom('procedure_components')
    .select(['id', 'template_sha256'])
    .where('version_id', '=', version.id)
    .where('seq', '=', seq)
    .executeTakeFirst();
  return { procedure, version, component };
}

/**
 * Attaches a downloadable form template to a component of the version in force (an administrator
 * over every implementing agency, as for publishing a version). The same content is stored once.
 */
export async function attachTemplate(
  db: Db,
  p: Principal,
  code: string,
  seq: number,
  f: { fileName: string; content: Buffer },
  now = new Date(),
) {
  return db.transaction().execute(async (tx) => {
    const procedure = await findProcedure(tx, code);
    if (!procedure) throw procedureNotFound();
    await lockProcedure(tx, procedure.id);
    const { version, component } = await componentInForce(tx, code, seq, now);
    requireScope({ userId: p.userId, principal: p, via: 'api' }, await implementingAgencies(tx, version.id));
    if (!component) throw componentNotFound();
    const contentType = templateType(f.fileName, f.content);
    const sha256 = await storeTemplateFile(tx, { fileName: f.fileName, contentType, content: f.content }, p.userId);
    await tx
      .updateTable('procedure_components')
      .set({ template_sha256: sha256 })
      .where('id', '=', component.id)
      .execute();
    await audit.record(tx, {
      actorUserId: p.userId,
      action: 'procedure.template.attach',
      entityType: 'procedure',
      entityId: code,
      data: { version: version.seq, component: seq, sha256, fileName: f.fileName, size: f.content.length },
    });
    return { fileName: f.fileName, size: f.content.length, sha256, url: templateUrl(code, seq) };
  });
}

/** Removes the link of a component of the version in force to its file (the file stays for older versions). */
export async function removeTemplate(db: Db, p: Principal, code: string, seq: number, now = new Date()) {
  await db.transaction().execute(async (tx) => {
    const procedure = await findProcedure(tx, code);
    if (!procedure) throw procedureNotFound();
    await lockProcedure(tx, procedure.id);
    const { version, component } = await componentInForce(tx, code, seq, now);
    requireScope({ userId: p.userId, principal: p, via: 'api' }, await implementingAgencies(tx, version.id));
    if (!component) throw componentNotFound();
    if (!component.template_sha256) return;
    await tx
      .updateTable('procedure_components')
      .set({ template_sha256: null })
      .where('id', '=', component.id)
      .execute();
    await audit.record(tx, {
      actorUserId: p.userId,
      action: 'procedure.template.remove',
      entityType: 'procedure',
      entityId: code,
      data: { version: version.seq, component: seq, sha256: component.template_sha256 },
    });
  });
}

/** The template file of a component of the version in force, for anyone; 404 when it has none. */
export async function templateDownload(db: Db, code: string, seq: number, now = new Date()) {
  const { component } = await componentInForce(db, code, seq, now);
  if (!component) throw componentNotFound();
  const file = component.template_sha256
    ? await db
        .selectFrom('form_templates')
        .select(['file_name', 'content_type', 'content'])
        .where('sha256', '=', component.template_sha256)
        .executeTakeFirst()
    : undefined;
  if (!file) throw notFound('Form template file', 'tệp mẫu đơn, tờ khai', 'seq');
  return { fileName: file.file_name, contentType: file.content_type, content: file.content };
}

/** `content-disposition` for a download under its (Vietnamese) name, RFC 6266 / 5987. */
export function attachmentHeader(fileName: string): string {
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename*=UTF-8''${encoded}`;
}
