import { useI18n } from '../../i18n/i18n';
import type { Fee } from '../../api/types';
import { formatMoney } from '../../lib/format';
import { DataTable } from '../../components/DataTable';

/** Fees and charges with their total (integers in đồng); free when there is nothing to pay. */
export function FeeTable({ fees, caption }: { fees: readonly Fee[]; caption: string }) {
  const { t, lang } = useI18n();
  const total = fees.reduce((sum, f) => sum + f.amount, 0);
  if (fees.length === 0) return <p>{t.format.free}</p>;
  return (
    <>
      <DataTable
        caption={caption}
        captionHidden
        rows={[...fees]}
        rowKey={(f, i) => `${i}-${f.name}`}
        columns={[
          { header: t.procedure.feeName, cell: (f) => f.name },
          {
            header: t.procedure.feeAmount,
            numeric: true,
            cell: (f) => (f.amount > 0 ? formatMoney(f.amount, lang) : t.format.free),
          },
          { header: t.procedure.feeNote, cell: (f) => f.note ?? '' },
        ]}
      />
      <p className="fee-total">
        {t.desk.intake.feeTotal}: <strong>{total > 0 ? formatMoney(total, lang) : t.format.free}</strong>
      </p>
    </>
  );
}
