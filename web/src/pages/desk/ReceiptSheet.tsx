import { useI18n } from '../../i18n/i18n';
import type { Receipt } from '../../api/dossiers';
import { formatDateTime } from '../../lib/datetime';
import { formatMoney } from '../../lib/format';
import { paths } from '../../paths';

/**
 * Mẫu 01 (Circular 01/2018/TT-VPCP), giấy tiếp nhận hồ sơ và hẹn trả kết quả, laid out as the paper
 * form: printed from the browser (desk.css has the print rules) until the PDF forms arrive.
 */
export function ReceiptSheet({ r }: { r: Receipt }) {
  const { t, lang } = useI18n();
  const s = t.desk.receipt;
  const desk = r.receivingOfficer.unit ? `${r.receivingOfficer.unit.name} - ${r.agency.name}` : r.agency.name;
  const lines: [string, string | null][] = [
    [s.desk, desk],
    [s.applicant, r.applicant.fullName],
    [s.idNumber, r.applicant.idNumber],
    [s.address, r.applicant.address],
    [s.phone, r.applicant.phone],
    [s.email, r.applicant.email],
    [s.request, r.procedure.name],
  ];
  return (
    <article className="receipt-sheet" aria-labelledby="receipt-title">
      <header className="receipt-header">
        <div>
          <p className="receipt-agency">{r.agency.name}</p>
          <p className="receipt-desk">{s.desk}</p>
        </div>
        <div>
          <p className="receipt-nation">{s.nation}</p>
          <p className="receipt-motto">{s.motto}</p>
        </div>
      </header>
      <p className="receipt-form-no">{s.form}</p>
      <h1 id="receipt-title" className="receipt-title">
        {s.heading}
      </h1>
      <p className="receipt-code">
        {s.code}: <strong className="code">{r.code}</strong>
      </p>
      <dl className="receipt-lines">
        {lines
          .filter((line): line is [string, string] => !!line[1])
          .map(([term, value]) => (
            <div key={term}>
              <dt>{term}:</dt>
              <dd>{value}</dd>
            </div>
          ))}
      </dl>
      <h2 className="receipt-item">{s.components}:</h2>
      <ol className="receipt-list">
        {r.components.map((c, i) => (
          <li key={`${i}-${c.name}`}>
            {c.name} <span className="receipt-count">({s.componentCount(c.originals, c.copies)})</span>
          </li>
        ))}
      </ol>
      <h2 className="receipt-item">{s.fees}:</h2>
      <ul className="receipt-list">
        {r.fees.map((f, i) => (
          <li key={`${i}-${f.name}`}>
            {f.name}: {f.amount > 0 ? formatMoney(f.amount, lang) : t.format.free}
          </li>
        ))}
        <li>
          <strong>
            {s.feeTotal}: {r.feeTotal > 0 ? formatMoney(r.feeTotal, lang) : t.format.free}
          </strong>
        </li>
      </ul>
      <p className="receipt-item">
        {s.receivedAt}: <strong>{formatDateTime(r.acceptedAt)}</strong>
      </p>
      <p className="receipt-item">
        {s.dueAt}: <strong className="receipt-due">{formatDateTime(r.dueAt)}</strong>
      </p>
      <p className="receipt-item">
        {s.returnAt}: {s.returnChannel[r.channel]}
      </p>
      <p className="receipt-lookup">
        {s.lookup} <span className="code">{`${window.location.origin}${paths.lookupCode(r.code)}`}</span>
      </p>
      <div className="receipt-signatures">
        <div>
          <p className="receipt-sign-title">{s.applicantSign}</p>
          <p className="receipt-sign-hint">{s.signHint}</p>
          <p className="receipt-sign-name">{r.applicant.fullName}</p>
        </div>
        <div>
          <p className="receipt-sign-title">{s.officerSign}</p>
          <p className="receipt-sign-hint">{s.signHint}</p>
          <p className="receipt-sign-name">{r.receivingOfficer.fullName}</p>
        </div>
      </div>
    </article>
  );
}
