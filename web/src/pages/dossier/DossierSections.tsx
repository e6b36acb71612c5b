import type { ReactNode } from 'react';
import { useI18n } from '../../i18n/i18n';
import { fileUrl, formPdfUrl, type Dossier, type FileMeta } from '../../api/dossiers';
import { formatDateTime } from '../../lib/datetime';
import { DataTable } from '../../components/DataTable';
import { FeeTable } from './FeeTable';
import { formatFileSize } from './fileSize';
import { printableForms } from './printableForms';

export function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section className="card section" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

export function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** Every file of the dossier, from every event of its history, newest last. */
export const dossierFiles = (d: Dossier): FileMeta[] => d.history.flatMap((e) => e.files);

export function ApplicantSection({ d }: { d: Dossier }) {
  const { t } = useI18n();
  const a = d.applicant;
  const s = t.desk.applicant;
  return (
    <Section id="applicant" title={t.dossier.page.applicant}>
      <dl className="facts facts-grid">
        <Fact term={a.kind === 'person' ? s.fullName : s.organisationName}>{a.fullName}</Fact>
        <Fact term={a.kind === 'person' ? s.idNumber : s.taxCode}>
          <span className="code">{a.idNumber}</span>
        </Fact>
        {a.phone && <Fact term={s.phone}>{a.phone}</Fact>}
        {a.email && <Fact term={s.email}>{a.email}</Fact>}
        {a.address && <Fact term={s.address}>{a.address}</Fact>}
      </dl>
    </Section>
  );
}

function FileLink({ code, file }: { code: string; file: FileMeta }) {
  const { t } = useI18n();
  return (
    <a href={fileUrl(code, file.id)} download={file.name} aria-label={t.dossier.page.download(file.name)}>
      {file.name}
    </a>
  );
}

export function ComponentsSection({ d }: { d: Dossier }) {
  const { t } = useI18n();
  const s = t.dossier.page;
  const files = dossierFiles(d);
  const count = (originals: number, copies: number) => t.desk.receipt.componentCount(originals, copies) || '0';
  return (
    <Section id="components" title={s.components}>
      <DataTable
        caption={s.components}
        captionHidden
        rows={d.components}
        rowKey={(c) => String(c.componentId)}
        columns={[
          {
            header: s.componentName,
            cell: (c) => (
              <>
                {c.name}{' '}
                <span className={c.required ? 'tag tag-required' : 'tag'}>
                  {c.required ? t.procedure.required : t.procedure.optional}
                </span>
              </>
            ),
          },
          { header: s.asked, cell: (c) => count(c.requiredOriginals, c.requiredCopies) },
          { header: s.received, cell: (c) => count(c.originals, c.copies) },
          {
            header: s.componentFiles,
            cell: (c) => (
              <ul className="file-links">
                {files
                  .filter((f) => f.componentId === c.componentId)
                  .map((f) => (
                    <li key={f.id}>
                      <FileLink code={d.code} file={f} />
                    </li>
                  ))}
              </ul>
            ),
          },
        ]}
      />
    </Section>
  );
}

export function FeesSection({ d }: { d: Dossier }) {
  const { t } = useI18n();
  return (
    <Section id="fees" title={t.dossier.page.fees}>
      <FeeTable fees={d.fees} caption={t.dossier.page.fees} />
    </Section>
  );
}

/** Links to the forms the dossier has been issued, each as the server's A4 PDF. */
export function PrintedFormsSection({ d }: { d: Dossier }) {
  const { t } = useI18n();
  const s = t.dossier.forms;
  const forms = printableForms(d.ruleSet, d.history);
  const names: Record<string, string> = s.names[d.ruleSet];
  return (
    <Section id="printed-forms" title={s.title}>
      {forms.length === 0 ? (
        <p>{s.none}</p>
      ) : (
        <ul className="printed-forms">
          {forms.map((form) => (
            <li key={form}>
              <a href={formPdfUrl(d.code, form)}>{names[form]} (PDF)</a>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

export function FilesSection({ d }: { d: Dossier }) {
  const { t, lang } = useI18n();
  const s = t.dossier.page;
  const files = dossierFiles(d);
  const when = new Map(d.history.flatMap((e) => e.files.map((f) => [f.id, e.at] as const)));
  return (
    <Section id="files" title={s.files}>
      {files.length === 0 ? (
        <p>{s.noFiles}</p>
      ) : (
        <DataTable
          caption={s.files}
          captionHidden
          rows={files}
          rowKey={(f) => String(f.id)}
          columns={[
            { header: s.fileName, cell: (f) => <FileLink code={d.code} file={f} /> },
            {
              header: s.fileOf,
              cell: (f) => d.components.find((c) => c.componentId === f.componentId)?.name ?? s.otherFile,
            },
            { header: s.fileSize, numeric: true, cell: (f) => formatFileSize(f.size, lang) },
            { header: s.time, cell: (f) => formatDateTime(when.get(f.id) ?? d.receivedAt) },
          ]}
        />
      )}
    </Section>
  );
}
