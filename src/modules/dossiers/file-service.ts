import { createHash } from 'node:crypto';
import type { Db } from '../../db/database';
import { audit } from '../../shared/audit';
import { AppError } from '../../shared/errors';
import type { Principal } from '../identity/rules';
import { insertStagedFile, type FileMeta } from './file-store';
import { FILE_TYPES, sniffFileType } from './rules';

/** Scans of dossier components: 10 MB each is ample for an A4 page at 300 dpi. */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;

const unsupported = () =>
  new AppError(
    'UNSUPPORTED_MEDIA_TYPE',
    415,
    'Chỉ nhận tệp PDF, JPEG hoặc PNG',
    'Only PDF, JPEG or PNG files are accepted',
    'file',
  );

/**
 * Stores an upload for the caller to attach to an intake or a transition (`files: [id]`). The declared
 * type must be allowed and match the bytes' own signature.
 */
export async function uploadFile(
  db: Db,
  principal: Principal,
  f: { name: string; declaredType: string; content: Buffer },
): Promise<FileMeta> {
  if (f.content.length === 0) {
    throw new AppError('EMPTY_FILE', 400, 'Tệp rỗng', 'The file is empty', 'file');
  }
  if (f.content.length > MAX_FILE_BYTES) {
    throw new AppError(
      'PAYLOAD_TOO_LARGE',
      413,
      `Tệp vượt quá ${MAX_FILE_BYTES / 1024 / 1024} MB`,
      `The file exceeds ${MAX_FILE_BYTES / 1024 / 1024} MB`,
      'file',
    );
  }
  const declared = FILE_TYPES.find((t) => t === f.declaredType);
  if (!declared || sniffFileType(f.content) !== declared) throw unsupported();
  const sha256 = createHash('sha256').update(f.content).digest('hex');
  return db.transaction().execute(async (tx) => {
    const meta = await insertStagedFile(tx, {
      name: f.name.slice(0, 255),
      contentType: declared,
      sha256,
      content: f.content,
      uploadedBy: principal.userId,
    });
    await audit.record(tx, {
      actorUserId: principal.userId,
      action: 'dossier_file.upload',
      entityType: 'dossier_file',
      entityId: meta.id,
      data: { contentType: declared, size: meta.size, sha256 },
    });
    return meta;
  });
}
