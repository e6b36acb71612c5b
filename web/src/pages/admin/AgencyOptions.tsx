import { useI18n } from '../../i18n/i18n';
import type { Agency } from '../../api/types';
import { localName } from '../../lib/labels';
import { depths } from './access';

/** `<option>`s of agencies indented by their depth in the tree, so a long flat list still reads as the tree. */
export function AgencyOptions({ agencies }: { agencies: Agency[] }) {
  const { lang } = useI18n();
  const depth = depths(agencies);
  return agencies.map((a) => (
    <option key={a.code} value={a.code}>
      {'\u00a0\u00a0'.repeat(depth.get(a.code) ?? 0)}
      {localName(a, lang)}
    </option>
  ));
}
