import { useEffect, useRef } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../../i18n/i18n';
import { paths } from '../../paths';

/** The confirmation of an online submission: the code to keep, and where to follow the dossier. */
export function SubmittedNotice({ code }: { code: string }) {
  const { t } = useI18n();
  const s = t.citizen.submit;
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section className="card section submitted" aria-labelledby="submitted-title">
      <h2 id="submitted-title" ref={heading} tabIndex={-1}>
        {s.doneTitle}
      </h2>
      <p>
        {s.doneCode}: <strong className="code submitted-code">{code}</strong>
      </p>
      <p>{s.doneText}</p>
      <p className="form-actions">
        <Link className="btn btn-primary" to={paths.lookupCode(code)}>
          {s.doneLookup}
        </Link>
        <Link className="btn btn-secondary" to={paths.myDossiers}>
          {s.doneMine}
        </Link>
      </p>
    </section>
  );
}
