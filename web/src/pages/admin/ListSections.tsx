import { useI18n } from '../../i18n/i18n';
import { formatMoney } from '../../lib/format';
import { Field } from '../../components/Field';
import { Check } from './Check';
import { RowList } from './RowList';
import { newComponent, newFee, newLegal, wholeNumber, type SectionProps } from './procedureDraft';

/** Dossier components: name, originals, copies, required, template form. */
export function ComponentsSection({ draft, patch, errorAt }: SectionProps) {
  const { t } = useI18n();
  const c = t.admin.editor.components;
  return (
    <section className="card section" aria-labelledby="components-title">
      <h2 id="components-title">{c.title}</h2>
      <RowList
        items={draft.components}
        onChange={(components) => patch({ components })}
        make={newComponent}
        legend={c.item}
        addLabel={c.add}
        removeLabel={c.removeLabel}
        removeText={t.admin.remove}
        empty={c.none}
        row={(item, i, update, autoFocus) => (
          <div className="form-grid">
            <Field label={c.name} error={errorAt(`components.${i}.name`)} required className="span-all">
              {(control) => (
                <input
                  {...control}
                  autoFocus={autoFocus}
                  value={item.name}
                  onChange={(e) => update({ name: e.target.value })}
                />
              )}
            </Field>
            <Field label={c.originals} error={errorAt(`components.${i}.originals`)}>
              {(control) => (
                <input
                  {...control}
                  type="number"
                  min={0}
                  step={1}
                  value={item.originals}
                  onChange={(e) => update({ originals: e.target.value })}
                />
              )}
            </Field>
            <Field label={c.copies} error={errorAt(`components.${i}.copies`)}>
              {(control) => (
                <input
                  {...control}
                  type="number"
                  min={0}
                  step={1}
                  value={item.copies}
                  onChange={(e) => update({ copies: e.target.value })}
                />
              )}
            </Field>
            <Check label={c.required} checked={item.required} onChange={(required) => update({ required })} />
            <Field label={c.template} error={errorAt(`components.${i}.template`)} className="span-all">
              {(control) => (
                <input {...control} value={item.template} onChange={(e) => update({ template: e.target.value })} />
              )}
            </Field>
          </div>
        )}
      />
    </section>
  );
}

/** Fees and charges in whole đồng, with a note (who is exempt, per-copy charges). */
export function FeesSection({ draft, patch, errorAt }: SectionProps) {
  const { t, lang } = useI18n();
  const f = t.admin.editor.fees;
  return (
    <section className="card section" aria-labelledby="fees-title">
      <h2 id="fees-title">{f.title}</h2>
      <RowList
        items={draft.fees}
        onChange={(fees) => patch({ fees })}
        make={newFee}
        legend={f.item}
        addLabel={f.add}
        removeLabel={f.removeLabel}
        removeText={t.admin.remove}
        empty={f.none}
        row={(item, i, update, autoFocus) => {
          const amount = wholeNumber(item.amount);
          return (
            <div className="form-grid">
              <Field label={f.name} error={errorAt(`fees.${i}.name`)} required className="span-all">
                {(control) => (
                  <input
                    {...control}
                    autoFocus={autoFocus}
                    value={item.name}
                    onChange={(e) => update({ name: e.target.value })}
                  />
                )}
              </Field>
              <Field
                label={f.amount}
                hint={Number.isFinite(amount) ? formatMoney(amount, lang) : f.amountHint}
                error={errorAt(`fees.${i}.amount`)}
                required
              >
                {(control) => (
                  <input
                    {...control}
                    inputMode="numeric"
                    value={item.amount}
                    onChange={(e) => update({ amount: e.target.value })}
                  />
                )}
              </Field>
              <Field label={f.note} error={errorAt(`fees.${i}.note`)}>
                {(control) => (
                  <input {...control} value={item.note} onChange={(e) => update({ note: e.target.value })} />
                )}
              </Field>
            </div>
          );
        }}
      />
    </section>
  );
}

/** The legal documents the procedure rests on, one per row. */
export function LegalBasisSection({ draft, patch, errorAt }: SectionProps) {
  const { t } = useI18n();
  const l = t.admin.editor.legal;
  return (
    <section className="card section" aria-labelledby="legal-title">
      <h2 id="legal-title">{l.title}</h2>
      <RowList
        items={draft.legalBasis}
        onChange={(legalBasis) => patch({ legalBasis })}
        make={newLegal}
        legend={l.item}
        addLabel={l.add}
        removeLabel={l.removeLabel}
        removeText={t.admin.remove}
        empty={l.none}
        row={(item, i, update, autoFocus) => (
          <Field label={l.text} error={errorAt(`legalBasis.${i}`)} required>
            {(control) => (
              <input
                {...control}
                autoFocus={autoFocus}
                value={item.text}
                onChange={(e) => update({ text: e.target.value })}
              />
            )}
          </Field>
        )}
      />
    </section>
  );
}
