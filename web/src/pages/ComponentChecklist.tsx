import { useId, useState } from 'react';
import { useI18n } from '../i18n/i18n';
import type { DossierComponent } from '../api/types';
import { formatFileSize } from './dossier/fileSize';

/** PDF, DOCX…: what kind of file a download is, from its name. */
export const fileKind = (fileName: string) => /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toUpperCase() ?? '';

/** The documents to bring, as a checklist the applicant can tick while preparing (not saved). */
export function ComponentChecklist({ components }: { components: DossierComponent[] }) {
  const { t, lang } = useI18n();
  const id = useId();
  const [ticked, setTicked] = useState<ReadonlySet<number>>(new Set());
  const toggle = (i: number) =>
    setTicked((prev) => {
      const next = new Set(prev);
      if (next.has(i)) next.delete(i);
      else next.add(i);
      return next;
    });

  if (components.length === 0) return <p>{t.common.none}</p>;
  return (
    <>
      <p className="section-hint">{t.procedure.componentsHint}</p>
      <ol className="checklist">
        {components.map((c, i) => (
          <li key={`${i}-${c.name}`} className={ticked.has(i) ? 'checked' : undefined}>
            <input
              type="checkbox"
              id={`${id}-${i}`}
              checked={ticked.has(i)}
              onChange={() => toggle(i)}
              aria-describedby={`${id}-${i}-detail`}
            />
            <div>
              <label htmlFor={`${id}-${i}`} className="checklist-name">
                {c.name}
              </label>
              <p id={`${id}-${i}-detail`} className="checklist-detail">
                <span className={c.required ? 'tag tag-required' : 'tag'}>
                  {c.required ? t.procedure.required : t.procedure.optional}
                </span>
                {c.originals > 0 && <span>{t.procedure.originals(c.originals)}</span>}
                {c.copies > 0 && <span>{t.procedure.copies(c.copies)}</span>}
              </p>
              {c.template && (
                <p className="checklist-template">
                  {t.procedure.template}: {c.template}
                </p>
              )}
              {c.templateFile && (
                <p className="checklist-template">
                  <a href={c.templateFile.url} download={c.templateFile.fileName}>
                    {t.procedure.templateDownload(
                      fileKind(c.templateFile.fileName),
                      formatFileSize(c.templateFile.size, lang),
                    )}
                  </a>
                </p>
              )}
            </div>
          </li>
        ))}
      </ol>
      <p className="checklist-progress" role="status">
        {t.procedure.prepared(ticked.size, components.length)}
      </p>
    </>
  );
}
