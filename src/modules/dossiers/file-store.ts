import type { Executor, Tx } from '../../db/database';
import { invalid } from '../../shared/errors';

export type FileMeta = {
  id: number;
  name: string;
  contentType: string;
  size: number;
  sha256: string;
  componentId: number | null;
};

const META = ['id', 'name', 'content_type', 'size', 'sha256', 'component_id'] as const;

const metaOf = (r: {
  id: number;
  name: string;
  content_type: string;
  size: number;
  sha256: string;
  component_id: number | null;
}): FileMeta => ({
  id: r.id,
  name: r.name,
  contentType: r.content_type,
  size: r.size,
  sha256: r.sha256,
  componentId: r.component_id,
});

export async function insertStagedFile(
  tx: Tx,
  f: { name: string; contentType: string; sha256: string; content: Buffer; uploadedBy: number },
): Promise<FileMeta> {
  const row = await tx
    .insertInto('dossier_files')
    .values({
      name: f.name,
      content_type: f.contentType,
      size: f.content.length,
      sha256: f.sha256,
      content: f.content,
      uploaded_by: f.uploadedBy,
    })
    .returning(META)
    .executeTakeFirstOrThrow();
  return metaOf(row);
}

export type FileRef = { id: number; componentId: number | null };

/**
 * Attaches staged files to an event: each must be the actor's own upload, not yet attached. Once
 * attached a file is part of the history and a trigger keeps it from changing.
 */
export async function attachFiles(
  tx: Tx,
  a: { files: readonly FileRef[]; uploadedBy: number; dossierId: number; eventId: number },
): Promise<void> {
  const ids = a.files.map((f) => f.id);
  if (new Set(ids).size !== ids.length) {
    throw invalid('files', 'Một tệp được đính kèm hai lần', 'A file is attached twice');
  }
  for (const f of a.files) {
    const r = await tx
      .updateTable('dossier_files')
      .set({ dossier_id: a.dossierId, event_id: a.eventId, component_id: f.componentId })
      .where('id', '=', f.id)
      .where('uploaded_by', '=', a.uploadedBy)
      .where('event_id', 'is', null)
      .executeTakeFirst();
    if (r.numUpdatedRows !== 1n) {
      throw invalid(
        'files',
        `Tệp ${f.id} không tồn tại, đã được đính kèm, hoặc không do bạn tải lên`,
        `File ${f.id} does not exist, is already attached, or was not uploaded by you`,
      );
    }
  }
}

/** The files of a dossier by the event they are attached to. */
export async function filesByEvent(db: Executor, dossierId: number): Promise<Map<number, FileMeta[]>> {
  const rows = await db
    .selectFrom('dossier_files')
    .select([...META, 'event_id'])
    .where('dossier_id', '=', dossierId)
    .orderBy('id')
    .execute();
  const byEvent = new Map<number, FileMeta[]>();
  for (const r of rows) {
    const list = byEvent.get(r.event_id!) ?? [];
    list.push(metaOf(r));
    byEvent.set(r.event_id!, list);
  }
  return byEvent;
}

export async function findFileContent(db: Executor, dossierId: number, fileId: number) {
  return db
    .selectFrom('dossier_files')
    .select(['name', 'content_type', 'content'])
    .where('dossier_id', '=', dossierId)
    .where('id', '=', fileId)
    .executeTakeFirst();
}
