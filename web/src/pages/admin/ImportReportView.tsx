import { useI18n } from '../../i18n/i18n';
import type { ImportRejection, ImportReport } from '../../api/adminCatalogue';
import { DataTable } from '../../components/DataTable';

/** The import's counts, then each refused entry with where it is (sheet and row, or position) and why. */
export function ImportReportView({ report }: { report: ImportReport }) {
  const { t, lang } = useI18n();
  const m = t.admin.import;
  const counts: [string, number][] = [
    [m.created, report.created],
    [m.versioned, report.versioned],
    [m.abolished, report.abolished],
    [m.unchanged, report.unchanged],
    [m.rejected, report.rejected.length],
  ];
  const fieldCounts: [string, number][] = [
    [m.created, report.fields.created],
    [m.updated, report.fields.updated],
    [m.unchanged, report.fields.unchanged],
  ];
  const where = (r: ImportRejection) =>
    r.sheet ? m.sheetRow(r.sheet, r.row ?? 0) : r.index !== null ? m.entry(r.index + 1) : '—';

  return (
    <section className="card section import-report" aria-labelledby="report-title">
      <h2 id="report-title">{m.reportTitle}</h2>
      <div className="report-groups">
        <div>
          <h3>{m.procedures}</h3>
          <dl className="report-counts">
            {counts.map(([label, n]) => (
              <div key={label} className={label === m.rejected && n > 0 ? 'count-bad' : undefined}>
                <dt>{label}</dt>
                <dd>{n}</dd>
              </div>
            ))}
          </dl>
        </div>
        <div>
          <h3>{m.fields}</h3>
          <dl className="report-counts">
            {fieldCounts.map(([label, n]) => (
              <div key={label}>
                <dt>{label}</dt>
                <dd>{n}</dd>
              </div>
            ))}
          </dl>
        </div>
      </div>
      <h3>{m.rejectedTitle}</h3>
      {report.rejected.length === 0 ? (
        <p>{m.allGood}</p>
      ) : (
        <DataTable
          caption={m.rejectedTitle}
          captionHidden
          rows={report.rejected}
          rowKey={(r, i) => `${i}-${r.code}-${r.field}`}
          columns={[
            { header: m.position, cell: where },
            { header: m.code, cell: (r) => (r.code ? <span className="code">{r.code}</span> : '—') },
            { header: m.field, cell: (r) => (r.field ? <span className="code">{r.field}</span> : '—') },
            {
              header: m.error,
              cell: (r) => (
                <>
                  <span className="code">{r.errorCode}</span>: {lang === 'vi' ? r.messageVi : r.message}
                </>
              ),
            },
          ]}
        />
      )}
    </section>
  );
}
