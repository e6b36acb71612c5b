import { Link } from 'react-router';
import { paths } from '../paths';
import type { Column } from './DataTable';

/** A dossier's code as a link to its page, set as a code. */
export function DossierLink({ code }: { code: string }) {
  return (
    <Link to={paths.dossier(code)} className="code">
      {code}
    </Link>
  );
}

type NamedDossier = { code: string; procedure: { name: string }; agency: { name: string } };

/** The first columns of a report's dossier list: the code (a link), the procedure, the agency. */
export function dossierColumns<T extends NamedDossier>(h: {
  code: string;
  procedure: string;
  agency: string;
}): Column<T>[] {
  return [
    { header: h.code, cell: (d) => <DossierLink code={d.code} /> },
    { header: h.procedure, cell: (d) => d.procedure.name },
    { header: h.agency, cell: (d) => d.agency.name },
  ];
}
