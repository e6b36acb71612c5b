import { useId, useRef, useState, type ChangeEvent, type Dispatch, type SetStateAction } from 'react';
import { useI18n } from '../../i18n/i18n';
import { uploadDossierFile } from '../../api/dossiers';
import type { DossierComponent } from '../../api/types';
import { Button } from '../../components/Button';
import { formatFileSize } from '../dossier/fileSize';

export type Upload = { key: number; name: string; size: number; fileId: number | null; error: unknown };
/** Uploads by component id. */
export type Uploads = Record<number, Upload[]>;
type Component = DossierComponent & { id: number };

const MAX_BYTES = 10 * 1024 * 1024;
const ACCEPT = '.pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png';
const TYPES = ['application/pdf', 'image/jpeg', 'image/png'];

/** Ids of the uploaded files and the counts they stand for, as the intake and resubmit bodies take them. */
export function uploadedComponents(components: readonly Component[], uploads: Uploads) {
  return components.flatMap((c) => {
    const files = (uploads[c.id] ?? []).flatMap((u) => (u.fileId === null ? [] : [u.fileId]));
    if (files.length === 0) return [];
    const counts =
      c.originals + c.copies > 0 ? { originals: c.originals, copies: c.copies } : { originals: 1, copies: 0 };
    return [{ componentId: c.id, ...counts, files }];
  });
}

export const uploading = (uploads: Uploads) =>
  Object.values(uploads).some((list) => list.some((u) => u.fileId === null && u.error === null));

type Props = {
  components: readonly Component[];
  value: Uploads;
  onChange: Dispatch<SetStateAction<Uploads>>;
  /** Messages by component id. */
  errors: Record<number, string>;
};

/** One upload button per document; each file goes up at once and is listed with its size. */
export function FileUploads({ components, value, onChange, errors }: Props) {
  const { t, lang, errorText } = useI18n();
  const s = t.citizen.submit;
  const id = useId();
  const nextKey = useRef(0);
  const [announcement, setAnnouncement] = useState('');

  const patch = (componentId: number, key: number, change: Partial<Upload>) =>
    onChange((prev) => ({
      ...prev,
      [componentId]: (prev[componentId] ?? []).map((u) => (u.key === key ? { ...u, ...change } : u)),
    }));

  const add = (c: Component, e: ChangeEvent<HTMLInputElement>) => {
    const files = [...(e.target.files ?? [])];
    e.target.value = '';
    for (const file of files) {
      const key = nextKey.current++;
      const local =
        file.size > MAX_BYTES ? s.tooLarge(file.name) : TYPES.includes(file.type) ? null : s.badType(file.name);
      const upload: Upload = { key, name: file.name, size: file.size, fileId: null, error: local };
      onChange((prev) => ({ ...prev, [c.id]: [...(prev[c.id] ?? []), upload] }));
      if (local) continue;
      setAnnouncement(s.uploading(file.name));
      uploadDossierFile(file).then(
        (meta) => {
          patch(c.id, key, { fileId: meta.id });
          setAnnouncement(s.uploaded(file.name));
        },
        (err: unknown) => patch(c.id, key, { error: err }),
      );
    }
  };

  const remove = (c: Component, u: Upload) =>
    onChange((prev) => ({ ...prev, [c.id]: (prev[c.id] ?? []).filter((x) => x.key !== u.key) }));

  return (
    <>
      <ol className="checklist upload-list">
        {components.map((c) => {
          const inputId = `${id}-${c.id}`;
          const error = errors[c.id];
          return (
            <li key={c.id} className={(value[c.id] ?? []).some((u) => u.fileId !== null) ? 'checked' : undefined}>
              <div className="upload-item">
                <p className="checklist-name">{c.name}</p>
                <p className="checklist-detail">
                  <span className={c.required ? 'tag tag-required' : 'tag'}>
                    {c.required ? t.procedure.required : t.procedure.optional}
                  </span>
                </p>
                <input
                  type="file"
                  id={inputId}
                  className="file-input visually-hidden"
                  accept={ACCEPT}
                  multiple
                  aria-invalid={error ? true : undefined}
                  aria-describedby={error ? `${inputId}-error` : undefined}
                  onChange={(e) => add(c, e)}
                />
                <label htmlFor={inputId} className="btn btn-secondary file-button">
                  {s.chooseFiles}
                  <span className="visually-hidden"> — {c.name}</span>
                </label>
                {error && (
                  <p id={`${inputId}-error`} className="field-error">
                    {error}
                  </p>
                )}
                <ul className="file-list">
                  {(value[c.id] ?? []).map((u) => (
                    <li key={u.key}>
                      <span className="file-name">{u.name}</span>
                      <span className="file-size">{formatFileSize(u.size, lang)}</span>
                      {u.fileId === null && u.error === null && (
                        <span className="spinner spinner-small" aria-hidden="true" />
                      )}
                      {u.error !== null && (
                        <span className="field-error">
                          {typeof u.error === 'string' ? u.error : errorText(u.error)}
                        </span>
                      )}
                      <Button variant="ghost" onClick={() => remove(c, u)} aria-label={s.removeFile(u.name)}>
                        ×
                      </Button>
                    </li>
                  ))}
                </ul>
              </div>
            </li>
          );
        })}
      </ol>
      <p className="visually-hidden" role="status">
        {announcement}
      </p>
    </>
  );
}
