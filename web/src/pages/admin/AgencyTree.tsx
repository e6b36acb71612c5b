import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useI18n } from '../../i18n/i18n';
import type { AdminAgency } from '../../api/adminAgencies';
import type { Level } from '../../api/types';
import { localName, nameOf } from '../../lib/labels';
import { lineage } from './access';

type Props = {
  agencies: AdminAgency[];
  levels: Level[] | undefined;
  selected: string | null;
  onOpen: (code: string) => void;
};

/**
 * The agency tree as an ARIA tree (WAI-ARIA APG): one tab stop, arrows move and expand or collapse,
 * Home/End jump, Enter or Space opens the agency.
 */
export function AgencyTree({ agencies, levels, selected, onOpen }: Props) {
  const { t, lang } = useI18n();
  const { roots, children, parentOf } = useMemo(() => {
    const present = new Set(agencies.map((a) => a.code));
    const kids = new Map<string, AdminAgency[]>();
    const top: AdminAgency[] = [];
    for (const a of agencies) {
      if (a.parentCode && present.has(a.parentCode)) kids.set(a.parentCode, [...(kids.get(a.parentCode) ?? []), a]);
      else top.push(a);
    }
    return { roots: top, children: kids, parentOf: new Map(agencies.map((a) => [a.code, a.parentCode])) };
  }, [agencies]);

  // Roots start open, and so does the way down to the agency the page was opened on.
  const [expanded, setExpanded] = useState<Set<string>>(
    () => new Set([...roots.map((r) => r.code), ...(selected ? lineage(agencies, selected).slice(1) : [])]),
  );
  const [focused, setFocused] = useState<string | null>(selected);
  // An agency opened from elsewhere (or just created) is shown even if its parent was collapsed.
  useEffect(() => {
    if (!selected) return;
    setExpanded((prev) => new Set([...prev, ...lineage(agencies, selected).slice(1)]));
  }, [selected, agencies]);
  const items = useRef(new Map<string, HTMLLIElement>());

  // The visible items in order with their place among siblings: a flat list of treeitems carrying
  // aria-level/-setsize/-posinset, so each item's name is its own row and not its subtree's text.
  const rows: { agency: AdminAgency; level: number; size: number; pos: number }[] = [];
  const walk = (list: AdminAgency[], level: number) =>
    list.forEach((agency, i) => {
      rows.push({ agency, level, size: list.length, pos: i + 1 });
      if (expanded.has(agency.code)) walk(children.get(agency.code) ?? [], level + 1);
    });
  walk(roots, 1);
  const visible = rows.map((r) => r.agency.code);
  // The single tab stop: the last focused item, else the open agency, else the first, whichever is visible.
  const tabStop = [focused, selected].find((c) => c && visible.includes(c)) ?? visible[0];

  const focus = (code: string | undefined) => {
    if (!code) return;
    setFocused(code);
    items.current.get(code)?.focus();
  };
  const toggle = (code: string, open: boolean) =>
    setExpanded((prev) => {
      const next = new Set(prev);
      if (open) next.add(code);
      else next.delete(code);
      return next;
    });

  const onKeyDown = (e: KeyboardEvent, code: string) => {
    const i = visible.indexOf(code);
    const hasKids = children.has(code);
    const open = expanded.has(code);
    const moves: Record<string, () => void> = {
      ArrowDown: () => focus(visible[i + 1]),
      ArrowUp: () => focus(visible[i - 1]),
      Home: () => focus(visible[0]),
      End: () => focus(visible.at(-1)),
      ArrowRight: () => {
        if (hasKids && open) focus(children.get(code)?.[0].code);
        else if (hasKids) toggle(code, true);
      },
      ArrowLeft: () => {
        if (hasKids && open) toggle(code, false);
        else focus(parentOf.get(code) ?? undefined);
      },
      Enter: () => onOpen(code),
      ' ': () => onOpen(code),
    };
    const move = moves[e.key];
    if (!move) return;
    e.preventDefault();
    e.stopPropagation();
    move();
  };

  const item = ({ agency: a, level, size, pos }: (typeof rows)[number]) => {
    const kids = children.get(a.code);
    const open = expanded.has(a.code);
    return (
      <li
        key={a.code}
        ref={(el) => {
          if (el) items.current.set(a.code, el);
          else items.current.delete(a.code);
        }}
        role="treeitem"
        className="tree-item"
        aria-level={level}
        aria-setsize={size}
        aria-posinset={pos}
        aria-expanded={kids ? open : undefined}
        aria-selected={a.code === selected}
        tabIndex={a.code === tabStop ? 0 : -1}
        onKeyDown={(e) => onKeyDown(e, a.code)}
        onFocus={() => setFocused(a.code)}
        onClick={() => {
          focus(a.code);
          onOpen(a.code);
        }}
      >
        <span className="tree-row" style={{ paddingInlineStart: `${0.5 + (level - 1) * 1.25}rem` }}>
          <span
            className="tree-toggle"
            aria-hidden="true"
            onClick={(e) => {
              if (!kids) return;
              e.stopPropagation();
              toggle(a.code, !open);
            }}
          >
            {kids ? (open ? '▾' : '▸') : ''}
          </span>
          <span className="tree-text">
            <span className="tree-name">{localName(a, lang)}</span>
            <span className="tree-meta">
              <span className="code">{a.code}</span> · {nameOf(levels, a.level, lang)} · {t.admin.kinds[a.kind]}
              {!a.active && <span className="tag">{t.admin.inactive}</span>}
            </span>
          </span>
        </span>
      </li>
    );
  };

  return (
    <ul role="tree" className="tree" aria-label={t.admin.agencies.treeLabel}>
      {rows.map(item)}
    </ul>
  );
}
