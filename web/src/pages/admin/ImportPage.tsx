import { useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../../i18n/i18n';
import { useSession } from '../../session/session';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { ImportFileError, importCatalogue, XLSX_TYPE, type ImportReport } from '../../api/adminCatalogue';
import { Button } from '../../components/Button';
import { Field } from '../../components/Field';
import { ErrorMessage } from '../../components/Status';
import { paths } from '../../paths';
import { isAdministrator } from './access';
import { ImportReportView } from './ImportReportView';
import { useAction } from './useAction';

/** Uploads a catalogue file (JSON or XLSX, docs/catalogue-format.md) and shows what landed and what was refused. */
export function ImportPage() {
  const { t } = useI18n();
  const m = t.admin.import;
  useDocumentTitle(m.title);
  const { user } = useSession();
  const input = useRef<HTMLInputElement>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const action = useAction();

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const file = input.current?.files?.[0];
    setFileError(file ? null : m.chooseFile);
    if (!file) return;
    setReport(null);
    await action.run(async () => {
      try {
        setReport(await importCatalogue(file));
      } catch (err) {
        // A file we would not send is the field's fault, not the server's.
        if (!(err instanceof ImportFileError)) throw err;
        setFileError(err.reason === 'json' ? m.badJson : m.badType);
      }
    });
  };

  return (
    <>
      <p className="back-link">
        <Link to={paths.admin.procedures}>
          <span aria-hidden="true">← </span>
          {t.admin.history.backToList}
        </Link>
      </p>
      <h1>{m.title}</h1>
      <p className="lead">{m.intro}</p>
      {!isAdministrator(user) ? (
        <p className="admin-readonly">{t.admin.editor.readOnly}</p>
      ) : (
        <form className="card section admin-form" onSubmit={onSubmit} noValidate>
          {action.error !== null && <ErrorMessage error={action.error} />}
          <Field label={m.file} hint={m.fileHint} error={fileError} required>
            {(control) => (
              <input
                {...control}
                ref={input}
                type="file"
                accept={`.json,.xlsx,application/json,${XLSX_TYPE}`}
                onChange={() => setFileError(null)}
              />
            )}
          </Field>
          <div className="form-actions">
            <Button type="submit" busy={action.busy}>
              {m.submit}
            </Button>
          </div>
        </form>
      )}
      <div aria-live="polite">{report && <ImportReportView report={report} />}</div>
      <section className="card section" aria-labelledby="format-title">
        <h2 id="format-title">{m.formatTitle}</h2>
        <ul className="plain-list">
          {m.formatLines.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      </section>
    </>
  );
}
