import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { fetchReasons, rateMyDossier } from '../../api/feedback';
import { ErrorMessage, Loading } from '../../components/Status';
import { useI18n } from '../../i18n/i18n';
import { useAsync } from '../../lib/useAsync';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { paths } from '../../paths';
import { RatingForm } from './RatingForm';

/** /my-dossiers/<code>/rating: the citizen rates a returned dossier of theirs on the portal. */
export function MyRatingPage() {
  const { code = '' } = useParams();
  const { t, errorText } = useI18n();
  const s = t.feedback.link;
  useDocumentTitle(s.title);
  const reasons = useAsync((signal) => fetchReasons(signal), []);
  const [done, setDone] = useState(false);
  const [error, setError] = useState<unknown>(null);
  return (
    <div className="rating-page">
      <h1>{s.title}</h1>
      <section className="card section" aria-labelledby="my-rating-dossier">
        <h2 id="my-rating-dossier">{s.dossier(code)}</h2>
        {reasons.loading && <Loading />}
        {reasons.error !== null && <ErrorMessage error={reasons.error} onRetry={reasons.reload} />}
        {done ? (
          <p className="status status-success" role="status">
            {t.feedback.rating.thanks}
          </p>
        ) : (
          reasons.data && (
            <RatingForm
              reasons={reasons.data}
              onSubmit={async (input) => {
                setError(null);
                try {
                  await rateMyDossier(code, input);
                  setDone(true);
                } catch (err) {
                  setError(err);
                }
              }}
            />
          )
        )}
        {error !== null && (
          <p className="status status-error" role="alert">
            {errorText(error)}
          </p>
        )}
        <p>
          <Link to={paths.myDossiers}>{t.citizen.mine.nav}</Link>
        </p>
      </section>
    </div>
  );
}
