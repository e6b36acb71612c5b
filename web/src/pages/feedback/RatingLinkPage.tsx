import { useState } from 'react';
import { useParams } from 'react-router';
import { ApiError } from '../../api/client';
import { fetchRatingLink, rateByLink } from '../../api/feedback';
import { ErrorMessage, Loading } from '../../components/Status';
import { useI18n } from '../../i18n/i18n';
import { formatDateTime } from '../../lib/datetime';
import { useAsync } from '../../lib/useAsync';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { Fact } from '../dossier/DossierSections';
import { RatingForm } from './RatingForm';

/** /danh-gia/<token>: the one-time link sent with the returned result (no login, no personal data). */
export function RatingLinkPage() {
  const { token = '' } = useParams();
  const { t, errorText } = useI18n();
  const s = t.feedback.link;
  useDocumentTitle(s.title);
  const link = useAsync((signal) => fetchRatingLink(token, signal), [token]);
  const [done, setDone] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const invalid = link.error instanceof ApiError && (link.error.status === 404 || link.error.status === 410);
  return (
    <div className="rating-page">
      <h1>{s.title}</h1>
      {link.loading && <Loading />}
      {invalid && (
        <p className="status status-error" role="alert">
          {s.invalid}
        </p>
      )}
      {link.error !== null && !invalid && !link.loading && <ErrorMessage error={link.error} onRetry={link.reload} />}
      {link.data && !link.loading && (
        <section className="card section" aria-labelledby="rating-dossier">
          <h2 id="rating-dossier">{s.dossier(link.data.dossier.code)}</h2>
          <dl className="facts">
            <Fact term={s.procedure}>{link.data.dossier.procedure}</Fact>
            <Fact term={s.agency}>{link.data.dossier.agency}</Fact>
            {link.data.dossier.returnedAt && (
              <Fact term={s.returnedAt}>{formatDateTime(link.data.dossier.returnedAt)}</Fact>
            )}
          </dl>
          {done ? (
            <p className="status status-success" role="status">
              {t.feedback.rating.thanks}
            </p>
          ) : link.data.rated ? (
            <p className="status" role="status">
              {s.alreadyRated}
            </p>
          ) : (
            <RatingForm
              reasons={link.data.reasons}
              onSubmit={async (input) => {
                setError(null);
                try {
                  await rateByLink(token, input);
                  setDone(true);
                } catch (err) {
                  setError(err);
                }
              }}
            />
          )}
          {error !== null && (
            <p className="status status-error" role="alert">
              {errorText(error)}
            </p>
          )}
        </section>
      )}
    </div>
  );
}
