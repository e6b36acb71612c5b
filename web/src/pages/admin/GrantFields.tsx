import { useI18n } from '../../i18n/i18n';
import { useSession } from '../../session/session';
import { useAsync } from '../../lib/useAsync';
import { fetchAdminAgencies, fetchUnits } from '../../api/adminAgencies';
import { ROLE_CODES } from '../../api/adminUsers';
import type { RoleCode } from '../../api/types';
import { Field } from '../../components/Field';
import { administers, isProvinceAdmin } from './access';
import { AgencyOptions } from './AgencyOptions';

/** A grant being chosen; `unitId` is '' for none. */
export type GrantDraft = { role: RoleCode; agency: string; unitId: string };
export const emptyGrant: GrantDraft = { role: 'specialist', agency: '', unitId: '' };

export function grantInput(g: GrantDraft) {
  return { role: g.role, agency: g.agency, unitId: g.unitId ? Number(g.unitId) : undefined };
}

type Props = {
  value: GrantDraft;
  onChange: (value: GrantDraft) => void;
  /** The server's message for `role`, `agency` or `unitId`. */
  errorAt: (field: 'role' | 'agency' | 'unitId') => string | undefined;
};

/**
 * Role, agency and unit of a grant. Only agencies the signed-in administrator administers are offered,
 * and the province administrator role only to a province administrator: the server refuses the rest.
 */
export function GrantFields({ value, onChange, errorAt }: Props) {
  const { t } = useI18n();
  const g = t.admin.grant;
  const { user } = useSession();
  const all = useAsync((signal) => fetchAdminAgencies(signal), []);
  const agencies = (all.data ?? []).filter((a) => a.active && administers(user, all.data ?? [], a.code));
  const roles = ROLE_CODES.filter((r) => r !== 'province_admin' || isProvinceAdmin(user));
  const units = useAsync(
    (signal) => (value.agency ? fetchUnits(value.agency, signal) : Promise.resolve([])),
    [value.agency],
  );

  return (
    <div className="form-grid">
      <Field label={g.role} error={errorAt('role')} required>
        {(control) => (
          <select
            {...control}
            value={value.role}
            onChange={(e) => onChange({ ...value, role: e.target.value as RoleCode })}
          >
            {roles.map((r) => (
              <option key={r} value={r}>
                {t.roles[r]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={g.agency} hint={g.agencyHint} error={errorAt('agency')} required>
        {(control) => (
          <select
            {...control}
            value={value.agency}
            onChange={(e) => onChange({ ...value, agency: e.target.value, unitId: '' })}
          >
            <option value="">{g.chooseAgency}</option>
            <AgencyOptions agencies={agencies} />
          </select>
        )}
      </Field>
      <Field label={g.unit} error={errorAt('unitId')}>
        {(control) => (
          <select
            {...control}
            value={value.unitId}
            disabled={!value.agency || units.loading}
            onChange={(e) => onChange({ ...value, unitId: e.target.value })}
          >
            <option value="">{g.noUnit}</option>
            {(units.data ?? [])
              .filter((u) => u.active)
              .map((u) => (
                <option key={u.id} value={u.id}>
                  {u.name} ({u.code})
                </option>
              ))}
          </select>
        )}
      </Field>
    </div>
  );
}
