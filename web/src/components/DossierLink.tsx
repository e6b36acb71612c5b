import { Link } from 'react-router';
import { paths } from '../paths';

/** A dossier's code as a link to its page, set as a code. */
export function DossierLink({ code }: { code: string }) {
  return (
    <Link to={paths.dossier(code)} className="code">
      {code}
    </Link>
  );
}
