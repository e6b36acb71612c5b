import type { ReactNode } from 'react';

export type Column<T> = {
  header: string;
  cell: (row: T) => ReactNode;
  /** Right-aligned numbers such as amounts. */
  numeric?: boolean;
};

type Props<T> = {
  caption: string;
  columns: Column<T>[];
  rows: T[];
  rowKey: (row: T, index: number) => string;
  /** Hide the caption visually when a heading right above already says it. */
  captionHidden?: boolean;
};

/** A real table on wide screens; on phones each row stacks into labelled lines (see .data-table in CSS). */
export function DataTable<T>({ caption, columns, rows, rowKey, captionHidden }: Props<T>) {
  return (
    <table className="data-table">
      <caption className={captionHidden ? 'visually-hidden' : undefined}>{caption}</caption>
      <thead>
        <tr>
          {columns.map((c) => (
            <th key={c.header} scope="col" className={c.numeric ? 'numeric' : undefined}>
              {c.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row, i) => (
          <tr key={rowKey(row, i)}>
            {columns.map((c) => (
              <td key={c.header} data-label={c.header} className={c.numeric ? 'numeric' : undefined}>
                {c.cell(row)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
