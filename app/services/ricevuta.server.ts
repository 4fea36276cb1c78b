// The PDF receipt of a sent domanda, as a tagged PDF (PDFKit, docs/decisions/012; what every PDF of the platform
// shares is in pdf-accessibile.server.ts): a structure tree in reading order (headings, paragraphs, a table of the
// workers with header cells).
import { messaggiRegole } from "~/testi/regole";
import type { DomandaCaricata } from "./domande.server";
import { CORPO, MARGINE, nuovoPdfAccessibile, pulito } from "./pdf-accessibile.server";
import { datiRiepilogo, esitiAllInvio } from "./riepilogo.server";

const GRAVITA = messaggiRegole.gravita;

const COLONNE = [
  { x: MARGINE, larghezza: 124, intestazione: "Codice fiscale" },
  { x: MARGINE + 130, larghezza: 224, intestazione: "Cognome e nome" },
  { x: MARGINE + 360, larghezza: 135, intestazione: "Qualifica" },
] as const;
const ALTEZZA_RIGA = 15;

/** Shortened with "…" to its column's width: one line per worker, so that a list of hundreds stays readable. */
function adatta(doc: PDFKit.PDFDocument, testo: string, larghezza: number): string {
  let t = pulito(testo);
  while (t.length > 1 && doc.widthOfString(t) > larghezza) t = `${t.slice(0, -2)}…`;
  return t;
}

/**
 * The workers as a tagged table (Table > TR > TH/TD, header cells with Scope Column). When the list goes on to a
 * new page the header row is drawn again for the eye, marked as an artifact: the structure has it once.
 */
function tabellaLavoratori(
  doc: PDFKit.PDFDocument,
  radice: PDFKit.PDFStructureElement,
  lavoratori: ReadonlyArray<{ codiceFiscale: string; nominativo: string; qualifica: string }>,
) {
  const fondo = () => doc.page.height - doc.page.margins.bottom;
  const disegnaRiga = (celle: readonly string[], grassetto: boolean, y: number) => {
    doc.font(grassetto ? "grassetto" : "normale").fontSize(CORPO);
    celle.forEach((c, i) => doc.text(adatta(doc, c, COLONNE[i].larghezza), COLONNE[i].x, y, { lineBreak: false }));
  };
  const tabella = doc.struct("Table");
  radice.add(tabella);
  const intestazione = doc.struct("TR");
  tabella.add(intestazione);
  const yIntestazione = doc.y;
  for (const c of COLONNE) {
    const th = doc.struct("TH", {}, () => {
      doc.font("grassetto").fontSize(CORPO).text(c.intestazione, c.x, yIntestazione, { lineBreak: false });
    });
    (th as unknown as { dictionary: { data: Record<string, unknown> } }).dictionary.data.A = { O: "Table", Scope: "Column" };
    intestazione.add(th);
    th.end();
  }
  intestazione.end();
  doc.y = yIntestazione + ALTEZZA_RIGA;
  for (const l of lavoratori) {
    if (doc.y + ALTEZZA_RIGA > fondo()) {
      doc.addPage();
      doc.markContent("Artifact", { type: "Pagination" });
      disegnaRiga(COLONNE.map((c) => c.intestazione), true, doc.page.margins.top);
      doc.endMarkedContent();
      doc.y = doc.page.margins.top + ALTEZZA_RIGA;
    }
    const y = doc.y;
    const riga = doc.struct("TR");
    tabella.add(riga);
    [l.codiceFiscale, l.nominativo, l.qualifica].forEach((valore, i) => {
      const td = doc.struct("TD", {}, () => {
        doc.font("normale").fontSize(CORPO).text(adatta(doc, valore, COLONNE[i].larghezza), COLONNE[i].x, y, { lineBreak: false });
      });
      riga.add(td);
      td.end();
    });
    riga.end();
    doc.y = y + ALTEZZA_RIGA;
  }
  tabella.end();
  doc.x = MARGINE;
}

/** The receipt of a sent domanda as PDF bytes. The caller has checked that the user may see it. */
export async function generaRicevuta(caricata: DomandaCaricata): Promise<Uint8Array> {
  const { intestazione: i, sezioni, lavoratori, allegati } = await datiRiepilogo(caricata);
  const esiti = esitiAllInvio(caricata);
  const protocollo = i.protocollo ?? "";
  const titolo = `Ricevuta della domanda ${protocollo}`;
  const { doc, radice, campo, bytes } = nuovoPdfAccessibile({
    titolo,
    soggetto: `Protocollo ${protocollo} - ticket ${i.ticket ?? ""}`,
    data: caricata.domanda.inviataIl ?? new Date(),
    intestazione: `INPS - OMNIA IS - ${titolo}`,
  });
  const blocco = (tipo: string, testo: string, opzioni: { grassetto?: boolean; size?: number; dopo?: number } = {}) => {
    const el = doc.struct(tipo, {}, () => {
      doc.font(opzioni.grassetto ? "grassetto" : "normale").fontSize(opzioni.size ?? CORPO).text(pulito(testo), MARGINE, doc.y);
    });
    radice.add(el);
    el.end();
    if (opzioni.dopo) doc.moveDown(opzioni.dopo);
  };
  const titoloSezione = (testo: string) => {
    doc.moveDown(0.6);
    blocco("H2", testo, { grassetto: true, size: 12, dopo: 0.2 });
  };


  blocco("H1", "Ricevuta di presentazione della domanda di integrazione salariale", { grassetto: true, size: 15, dopo: 0.2 });
  blocco("P", "Istituto Nazionale della Previdenza Sociale", { size: 11 });
  titoloSezione("Dati della presentazione");
  campo("Protocollo", protocollo);
  campo("Data e ora di invio", i.inviataIl ?? "");
  campo("Ticket", i.ticket ?? "");
  campo("Prestazione", i.prestazione);
  campo("Periodo", i.periodo);
  titoloSezione("Azienda");
  campo("Ragione sociale", i.azienda.ragioneSociale);
  campo("Codice fiscale", i.azienda.codiceFiscale);
  campo("Matricola", i.azienda.matricola);
  campo("Unità produttiva", i.unita);

  // Every step's answers, in the form's order and under the form's labels (the step contract, app/passi); the
  // workers' table and the attachments in their steps' places.
  for (const sezione of sezioni) {
    if (sezione.slug === "lavoratori") {
      titoloSezione(`${sezione.titolo} (${lavoratori.length})`);
      if (lavoratori.length === 0) blocco("P", "Nessun lavoratore indicato.");
      else tabellaLavoratori(doc, radice, lavoratori);
    } else if (sezione.slug === "allegati") {
      titoloSezione(`${sezione.titolo} (${allegati.length})`);
      if (allegati.length === 0) blocco("P", "Nessun documento allegato.");
      for (const a of allegati) campo(a.tipo, `${a.nomeFile} (${a.dimensione})`);
    } else {
      titoloSezione(sezione.titolo);
      for (const r of sezione.righe) campo(r.etichetta, r.valore.join("; "));
    }
  }

  titoloSezione("Avvisi aperti al momento dell'invio");
  if (esiti.length === 0) blocco("P", "Nessun avviso.");
  for (const e of esiti) {
    blocco("P", `${GRAVITA[e.gravita]}${e.titoloPasso ? ` - ${e.titoloPasso}` : ""}: ${e.messaggio} (${messaggiRegole.riferimento}: ${e.riferimento})`, { dopo: 0.2 });
  }
  titoloSezione("Note");
  blocco(
    "P",
    "Conserva questa ricevuta. Il ticket identifica la domanda nei flussi UniEmens: indicalo nei periodi di sospensione o riduzione.",
  );
  return bytes();
}
