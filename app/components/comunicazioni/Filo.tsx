// The message thread of a domanda, the same for both sides: the entries oldest first (new ones marked), and the form
// for a free message (plain HTML form, CSRF, errors the GOV.UK way, the same with and without JavaScript).
import { Form } from "@remix-run/react";
import { AreaTesto, ErrorSummary, Pulsante } from "~/components/form";
import { CampoCsrf } from "~/components/form/CampoCsrf";
import { messaggiComunicazioni as m } from "~/testi";

export interface VoceFiloVista {
  id: number;
  quando: string;
  tipo: string;
  lato: "azienda" | "sede" | "sistema";
  descrizione: string;
  testo: string | null;
  autore: string | null;
  nuova: boolean;
}

const ORA = new Intl.DateTimeFormat("it-IT", { timeZone: "Europe/Rome", dateStyle: "short", timeStyle: "short" });

export function quandoLeggibile(iso: string): string {
  return ORA.format(new Date(iso));
}

export function ElencoFilo({ voci }: { voci: readonly VoceFiloVista[] }) {
  if (voci.length === 0) return <p>{m.filoVuoto}</p>;
  return (
    <ol className="list-unstyled filo" aria-label="Messaggi ed eventi, dal più vecchio">
      {voci.map((v) => (
        <li key={v.id} id={`voce-${v.id}`} className={`border rounded p-3 mb-3${v.lato === "azienda" ? " ms-lg-5" : " me-lg-5"}`}>
          <p className="small text-muted mb-1">
            <strong>{m.lati[v.lato]}</strong>
            {v.autore && v.lato !== "sistema" ? ` — ${v.autore}` : ""} — <time dateTime={v.quando}>{quandoLeggibile(v.quando)}</time>
            {v.nuova ? <span className="badge bg-primary ms-2">Nuovo</span> : null}
          </p>
          <p className="mb-0">{v.descrizione}</p>
          {v.testo ? <p className="mb-0 mt-2 testo-libero">{v.testo}</p> : null}
        </li>
      ))}
    </ol>
  );
}

export interface EsitoMessaggio {
  conErrori: true;
  errore: string;
  testo: string;
}

export function ModuloMessaggio({ csrf, esito, destinatario }: { csrf: string; esito?: EsitoMessaggio | undefined; destinatario: string }) {
  return (
    <>
      <ErrorSummary errori={esito ? [{ id: "messaggio-testo", messaggio: esito.errore }] : []} />
      <Form method="post" id="modulo-messaggio" noValidate replace>
        <CampoCsrf token={csrf} />
        <AreaTesto
          id="messaggio-testo"
          name="testo"
          etichetta={`Scrivi un messaggio ${destinatario}`}
          suggerimento="Non scrivere dati personali dei lavoratori che non servono. Al massimo 4.000 caratteri."
          errors={esito ? [esito.errore] : undefined}
          defaultValue={esito?.testo}
          righe={5}
        />
        <Pulsante type="submit">Invia il messaggio</Pulsante>
      </Form>
    </>
  );
}
