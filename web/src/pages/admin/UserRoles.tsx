import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../../i18n/i18n';
import { useSession } from '../../session/session';
import { useAsync } from '../../lib/useAsync';
import { fetchAdminAgencies, fetchUnits } from '../../api/adminAgencies';
import { grantRole, revokeRole, type AdminGrant, type AdminUser } from '../../api/adminUsers';
import { nameOf } from '../../lib/labels';
import { Button } from '../../components/Button';
import { DataTable } from '../../components/DataTable';
import { paths } from '../../paths';
import { ErrorMessage, Notice } from '../../components/Status';
import { administers, isAdministrator } from './access';
import { ConfirmDialog } from './ConfirmDialog';
import { emptyGrant, GrantFields, grantInput, type GrantDraft } from './GrantFields';
import { shownAtField, useAction } from './useAction';

/** The roles the user holds within the admin's scope; grant another, or revoke one after confirming. */
export function UserRoles({ user, onChanged }: { user: AdminUser; onChanged: () => void }) {
  const { t, lang } = useI18n();
  const u = t.admin.user;
  const session = useSession();
  // Inactive agencies too: a grant may outlive its agency's closing and still be revoked.
  const agencies = useAsync((signal) => fetchAdminAgencies(signal), []);
  const [revoking, setRevoking] = useState<AdminGrant | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const agencyName = (g: AdminGrant) => nameOf(agencies.data, g.agency, lang, g.agencyName);
  const mayRevoke = (g: AdminGrant) => administers(session.user, agencies.data ?? [], g.agency);

  return (
    <section className="card section" aria-labelledby="roles-title">
      <h2 id="roles-title">{u.rolesTitle}</h2>
      <div aria-live="polite">{notice && <Notice>{notice}</Notice>}</div>
      <DataTable
        caption={u.rolesTitle}
        captionHidden
        rows={user.roles}
        rowKey={(g) => String(g.id)}
        columns={[
          { header: t.admin.grant.role, cell: (g) => t.roles[g.role] },
          { header: t.admin.grant.agency, cell: (g) => <Link to={paths.admin.agency(g.agency)}>{agencyName(g)}</Link> },
          {
            header: t.admin.grant.unit,
            cell: (g) => (g.unit ? <UnitName agency={g.agency} code={g.unit} /> : u.noUnit),
          },
          ...(isAdministrator(session.user)
            ? [
                {
                  header: t.admin.actions,
                  cell: (g: AdminGrant) =>
                    mayRevoke(g) && (
                      <Button
                        variant="danger"
                        aria-label={u.revokeLabel(t.roles[g.role], agencyName(g))}
                        onClick={() => {
                          setNotice(null);
                          setRevoking(g);
                        }}
                      >
                        {u.revoke}
                      </Button>
                    ),
                },
              ]
            : []),
        ]}
      />
      {revoking && (
        <ConfirmDialog
          title={u.revokeTitle}
          message={u.revokeConfirm(t.roles[revoking.role], agencyName(revoking), user.fullName)}
          confirmLabel={u.revoke}
          onConfirm={() => revokeRole(user.id, revoking.id)}
          onClose={() => setRevoking(null)}
          onDone={() => {
            setNotice(u.revoked);
            onChanged();
          }}
        />
      )}
      {isAdministrator(session.user) && <GrantForm userId={user.id} onGranted={onChanged} />}
    </section>
  );
}

/** A grant's unit by name, its code until the agency's units have loaded. */
function UnitName({ agency, code }: { agency: string; code: string }) {
  const units = useAsync((signal) => fetchUnits(agency, signal), [agency]);
  const name = units.data?.find((x) => x.code === code)?.name;
  return name ? `${name} (${code})` : <span className="code">{code}</span>;
}

const FIELDS = ['role', 'agency', 'unitId'];

function GrantForm({ userId, onGranted }: { userId: number; onGranted: () => void }) {
  const { t } = useI18n();
  const u = t.admin.user;
  const [grant, setGrant] = useState<GrantDraft>(emptyGrant);
  const action = useAction();

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if (await action.run(() => grantRole(userId, grantInput(grant)), u.granted)) onGranted();
  };

  return (
    <form className="admin-form admin-subform" onSubmit={onSubmit} aria-labelledby="grant-title" noValidate>
      <h3 id="grant-title">{u.grantTitle}</h3>
      {action.error !== null && !shownAtField(action.error, FIELDS) && <ErrorMessage error={action.error} />}
      {action.notice && <Notice>{action.notice}</Notice>}
      <GrantFields value={grant} onChange={setGrant} errorAt={action.at} />
      <div className="form-actions">
        <Button type="submit" busy={action.busy}>
          {u.grant}
        </Button>
      </div>
    </form>
  );
}
