import { Link } from 'react-router';
import { useI18n } from '../../i18n/i18n';
import { useSession } from '../../session/session';
import { useAsync } from '../../lib/useAsync';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { fetchAgencies } from '../../api/catalogue';
import { nameOf } from '../../lib/labels';
import { DataTable } from '../../components/DataTable';
import { paths } from '../../paths';
import { ADMIN_AREA_ROLES, isAdministrator } from './access';

/** Where an administrator starts: their scope, and the areas they can open. */
export function AdminHomePage() {
  const { t, lang } = useI18n();
  useDocumentTitle(t.admin.home.title);
  const { user } = useSession();
  const agencies = useAsync(() => fetchAgencies(), []);
  const admin = isAdministrator(user);
  const scope = user?.roles.filter((r) => ADMIN_AREA_ROLES.includes(r.role)) ?? [];
  const cards: [to: string, title: string, text: string][] = [
    [paths.admin.agencies, t.admin.home.agencies, t.admin.home.agenciesText],
    [paths.admin.users, t.admin.home.users, t.admin.home.usersText],
    [paths.admin.procedures, t.admin.home.procedures, t.admin.home.proceduresText],
  ];
  if (admin) {
    cards.push([paths.admin.importProcedures, t.admin.home.import, t.admin.home.importText]);
    cards.push([paths.calendar, t.admin.home.calendar, t.admin.home.calendarText]);
  }

  return (
    <>
      <h1>{t.admin.home.title}</h1>
      <p className="lead">{t.admin.home.intro}</p>
      <ul className="admin-cards">
        {cards.map(([to, title, text]) => (
          <li key={to} className="card admin-card">
            <h2>
              <Link to={to}>{title}</Link>
            </h2>
            <p>{text}</p>
          </li>
        ))}
      </ul>
      <section className="card section" aria-labelledby="scope-title">
        <h2 id="scope-title">{t.admin.home.scope}</h2>
        <p className="section-hint">{t.admin.home.scopeHint}</p>
        <DataTable
          caption={t.admin.home.scope}
          captionHidden
          rows={scope}
          rowKey={(r, i) => `${i}-${r.role}-${r.agency}`}
          columns={[
            { header: t.admin.grant.role, cell: (r) => t.roles[r.role] },
            { header: t.admin.grant.agency, cell: (r) => nameOf(agencies.data, r.agency, lang) },
            { header: t.admin.agencies.code, cell: (r) => <span className="code">{r.agency}</span> },
          ]}
        />
      </section>
    </>
  );
}
