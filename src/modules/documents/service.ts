import { z } from 'zod';
import type { Db } from '../../db/database';
import type { Principal } from '../identity/rules';
import { getForm } from '../dossiers/query-service';
import type { FORMS, FormName } from '../dossiers/views';
import { receiptDocument, refusalDocument, supplementDocument } from './desk-forms';
import { issuerLines, placeName } from './format';
import type { FormFrame } from './layout';
import { renderPdf, type DocDefinition } from './pdf';
import { apologyDocument, controlSheetDocument, stopNoticeDocument, type HandOver } from './process-forms';
import type { FormKind } from './rule-sets';
import { agencyChain } from './store';

type FormData<F extends FormName> = ReturnType<(typeof FORMS)[F]>;

/** Who issued a form and when: the agency (its code), the unit inside it, the time. */
type Issuer = { agency: string; unit: string | null; at: string | null };

/** How a form's data becomes a document: who issued it, and its layout. */
type Printer<F extends FormName> = {
  issuer: (data: FormData<F>) => Issuer;
  document: (frame: FormFrame, data: FormData<F>) => DocDefinition;
};

// Event data is stored as JSON, checked when the event was recorded; read back, it is parsed here.
const ref = z.object({ code: z.string(), name: z.string() });
const supplementItems = z.array(z.object({ componentId: z.number().nullable(), name: z.string(), reason: z.string() }));
const handOverTo = z.object({ agency: ref, unit: ref, officer: z.object({ fullName: z.string() }).nullable() });
const stepRef = z.object({ seq: z.number(), name: z.string() });

function handOver(e: FormData<'control-sheet'>['entries'][number]): HandOver {
  return { ...e, to: handOverTo.nullable().parse(e.to), step: stepRef.nullable().parse(e.step) };
}

const RECEIVING_ACTIONS = ['receive', 'accept'];

const PRINTERS: { [F in FormKind]: Printer<F> } = {
  receipt: {
    issuer: (d) => ({ agency: d.agency.code, unit: d.receivingOfficer.unit?.name ?? null, at: d.acceptedAt }),
    document: receiptDocument,
  },
  'supplement-request': {
    issuer: (d) => ({ agency: d.agency.code, unit: d.officer.unit?.name ?? null, at: d.requestedAt }),
    document: (frame, d) => supplementDocument(frame, { ...d, items: supplementItems.parse(d.items) }),
  },
  refusal: {
    issuer: (d) => ({ agency: d.agency.code, unit: d.officer.unit?.name ?? null, at: d.refusedAt }),
    document: refusalDocument,
  },
  // Decree 61/2018/NĐ-CP: the agency that let the dossier run late apologises (Mẫu 04).
  apology: {
    issuer: (d) => ({ agency: d.faultUnit.agency.code, unit: null, at: d.apologizedAt }),
    document: apologyDocument,
  },
  // Circular 03/2025/TT-VPCP: the agency that received the dossier notifies that it stopped (Mẫu 05).
  'stop-notice': {
    issuer: (d) => ({ agency: d.agency.code, unit: null, at: d.stoppedAt }),
    document: stopNoticeDocument,
  },
  // Opened by the desk that received the dossier, on the day it did.
  'control-sheet': {
    issuer: (d) => {
      const receipt = d.entries.find((e) => RECEIVING_ACTIONS.includes(e.action));
      return { agency: d.agency.code, unit: receipt?.from.unit?.name ?? null, at: receipt?.at ?? d.receivedAt };
    },
    document: (frame, d) => controlSheetDocument(frame, { ...d, entries: d.entries.map(handOver) }),
  },
};

/**
 * A printed form of a dossier as an A4 PDF, for the people who may see its data: staff in scope or
 * the applicant. A form the dossier does not have (a refusal of an accepted dossier) or its rule set
 * does not have (a stop notice of a 2018 dossier) is a 409.
 */
export async function formPdf<F extends FormKind>(
  db: Db,
  principal: Principal,
  publicBaseUrl: string,
  code: string,
  form: F,
): Promise<Buffer> {
  // getForm answers the data of the form it is asked for; TypeScript cannot tie its union to `F`.
  const data = (await getForm(db, principal, code, form)) as FormData<F>;
  const printer: Printer<F> = PRINTERS[form];
  const issuer = printer.issuer(data);
  const chain = await agencyChain(db, issuer.agency);
  const frame: FormFrame = {
    kind: form,
    ruleSet: data.ruleSet,
    code: data.code,
    issuer: issuerLines(chain, issuer.unit),
    place: placeName(chain),
    issuedAt: issuer.at,
    publicBaseUrl,
  };
  return renderPdf(printer.document(frame, data));
}
