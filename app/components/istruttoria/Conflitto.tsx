// The page an operator sees when someone acted on the case first (optimistic locking, 409): what happened, the case's
// state now, and the way back to the case. Nothing the operator sent was recorded.
import { Link } from "@remix-run/react";
import { ErrorSummary } from "~/components/form";

export function ConflittoIstruttoria({ messaggio, stato, domandaId }: { messaggio: string; stato: string; domandaId: number }) {
  return (
    <div className="row">
      <div className="col-12 col-lg-9">
        <ErrorSummary errori={[{ messaggio }]} />
        <h1>Qualcuno ha già agito su questa domanda</h1>
        <p>
          Stato attuale della domanda: <strong>{stato}</strong>.
        </p>
        <p>
          <Link to={`/scrivania/${domandaId}`}>Torna alla pratica e controlla la situazione aggiornata</Link>
        </p>
      </div>
    </div>
  );
}
