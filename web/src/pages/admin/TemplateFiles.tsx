import { useId, useState } from 'react';
import { api, upload } from '../../api/client';
import type { DossierComponent } from '../../api/types';
import { useI18n } from '../../i18n/i18n';
import { useAsync } from '../../lib/useAsync';
import { Button } from '../../components/Button';
import { formatFileSize } from '../dossier/fileSize';

const templatePath = (code: string, seq: number) =>
  `/api/procedures/${encodeURIComponent(code)}/components/${seq}/template`;

/** Upload, replace or remove the downloadable form template of each component of the version in force. */
export function TemplateFiles({ code }: { code: string }) {
  const { t, lang, errorText } = useI18n();
  const m = t.admin.templates;
  const id = useId();
  const detail = useAsync(
    (signal) => api<{ components: DossierComponent[] }>(`/api/procedures/${encodeURIComponent(code)}`, { signal }),
    [code],
  );
  const [status, setStatus] = useState<{ seq: number; text: string; error: boolean } | null>(null);
  const [busy, setBusy] = useState<number | null>(null);

  async function run(seq: number, action: () => Promise<unknown>, done: string) {
    setBusy(seq);
    setStatus(null);
    try {
      await action();
      setStatus({ seq, text: done, error: false });
      detail.reload();
    } catch (err) {
      setStatus({ seq, text: errorText(err), error: true });
    } finally {
      setBusy(null);
    }
  }

  const send = (seq: number, file: File) => {
    const form = new FormData();
    form.append('file', file);
    return run(seq, () => upload(templatePath(code, seq), form, undefined, 'PUT'), m.uploaded);
  };

  const components = detail.data?.components ?? [];
  if (components.length === 0) return null;
  return (
    <section className="card section" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{m.title}</h2>
      <p className="section-hint">{m.hint}</p>
      <ol className="checklist">
        {components.map((c, i) => {
          const seq = i + 1;
          const file = c.templateFile;
          return (
            <li key={`${seq}-${c.name}`}>
              <div>
                <p className="checklist-name">{c.name}</p>
                <p className="checklist-detail">
                  {file ? (
                    <a href={file.url} download={file.fileName}>
                      {file.fileName} ({formatFileSize(file.size, lang)})
                    </a>
                  ) : (
                    m.none
                  )}
                </p>
                <p className="form-actions">
                  <label className="btn btn-secondary">
                    {file ? m.replace : m.upload}
                    <input
                      type="file"
                      className="visually-hidden"
                      accept=".pdf,.doc,.docx,.odt"
                      aria-label={m.choose(c.name)}
                      disabled={busy !== null}
                      onChange={(e) => {
                        const chosen = e.target.files?.[0];
                        e.target.value = '';
                        if (chosen) void send(seq, chosen);
                      }}
                    />
                  </label>
                  {file && (
                    <Button
                      variant="secondary"
                      disabled={busy !== null}
                      onClick={() => void run(seq, () => api(templatePath(code, seq), { method: 'DELETE' }), m.removed)}
                    >
                      {m.remove}
                    </Button>
                  )}
                </p>
                {status?.seq === seq && (
                  <p role={status.error ? 'alert' : 'status'} className={status.error ? 'field-error' : undefined}>
                    {status.text}
                  </p>
                )}
              </div>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
