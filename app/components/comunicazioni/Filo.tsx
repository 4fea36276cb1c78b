// The message thread of a domanda, the same for both sides: the entries oldest first (new ones marked), and the form
// for a free message (plain HTML form, CSRF, errors the GOV.UK way, the same with and without JavaScript).
import { Form } from "@remix-run/react";
import { AreaTesto, CampoFile, ErrorSummary, Pulsante } from "~/components/form";
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
  allegati: Array<{ id: number; nomeFile: string; dimensione: number }>;
}

const KB = new Intl.NumberFormat("it-IT", { maximumFractionDigits: 0 });
const dimensioneLeggibile = (byte: number) => (byte >= 1024 * 1024 ? `${(byte / 1024 / 1024).toLocaleString("it-IT", { maximumFractionDigits: 1 })} MB` : `${KB.format(Math.max(1, byte / 1024))} KB`);

const ORA = new Intl.DateTimeFormat("it-IT", { timeZone: "Europe/Rome", dateStyle: "short", timeStyle: "short" });

export function quandoLeggibile(iso: string): string {
  return ORA.format(new Date(iso));
}

/** `collegamentoAllegato`: where this side downloads a message's PDF. */
export function ElencoFilo({ voci, collegamentoAllegato }: { voci: readonly VoceFiloVista[]; collegamentoAllegato: (id: number) => string }) {
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
          {v.allegati.length ? (
            <ul className="mb-0 mt-2" aria-label="Documenti allegati al messaggio">
              {v.allegati.map((a) => (
                <li key={a.id}>
                  <a href={collegamentoAllegato(a.id)} download>
                    {a.nomeFile}
                  </a>{" "}
                  <span className="small">(PDF, {dimensioneLeggibile(a.dimensione)})</span>
                </li>
              ))}
            </ul>
          ) : null}
        </li>
      ))}
    </ol>
  );
}

export interface EsitoMessaggio {
  conErrori: true;
  errori: { testo?: string; file?: string };
  testo: string;
}

export function ModuloMessaggio({ csrf, esito, destinatario }: { csrf: string; esito?: EsitoMessaggio | undefined; destinatario: string }) {
  const erroreTesto = esito?.errori.testo;
  const erroreFile = esito?.errori.file;
  const riepilogo = [
    ...(erroreTesto ? [{ id: "messaggio-testo", messaggio: erroreTesto }] : []),
    ...(erroreFile ? [{ id: "messaggio-file", messaggio: erroreFile }] : []),
  ];
  return (
    <>
      <ErrorSummary errori={riepilogo} />
      <Form method="post" id="modulo-messaggio" noValidate replace encType="multipart/form-data">
        <CampoCsrf token={csrf} />
        <AreaTesto
          id="messaggio-testo"
          name="testo"
          etichetta={`Scrivi un messaggio ${destinatario}`}
          suggerimento="Non scrivere dati personali dei lavoratori che non servono. Al massimo 4.000 caratteri."
          errors={erroreTesto ? [erroreTesto] : undefined}
          defaultValue={esito?.testo}
          righe={5}
        />
        {/* Alike ModuloFlusso.tsx's file field (duplicates): CampoFile is the shared piece; the props are this message's own attachment (one PDF) */}
        <CampoFile
          id="messaggio-file"
          name="file"
          etichetta={m.etichettaFile}
          suggerimento={m.suggerimentoFile}
          errors={erroreFile ? [erroreFile] : undefined}
          accept="application/pdf,.pdf"
          multiple
        />
        <Pulsante type="submit">Invia il messaggio</Pulsante>
      </Form>
    </>
  );
}
