// The PDF receipt of a sent domanda (pdf-lib, standard Helvetica: no font files to ship). Text is wrapped to the
// page width and the workers' list continues on new pages, so a unit of hundreds of workers prints whole.
import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from "pdf-lib";
import type { DomandaCaricata } from "./domande.server";
import { datiRiepilogo, esitiAllInvio } from "./riepilogo.server";

const A4: [number, number] = [595.28, 841.89];
const MARGINE = 50;
const CORPO = 10;
const INTERLINEA = 14;

const GRAVITA = { bloccante: "Bloccante", avviso: "Avviso", informazione: "Informazione" } as const;

/** Standard fonts encode WinAnsi only: any other character (e.g. "≤", emoji in a free text) becomes "?". */
function testoSicuro(font: PDFFont, testo: string): string {
  let risultato = "";
  for (const c of testo.normalize("NFC").replace(/[\u0000-\u001f\u007f]/g, " ")) {
    try {
      font.encodeText(c);
      risultato += c;
    } catch {
      risultato += "?";
    }
  }
  return risultato;
}

class Impaginatore {
  private pagina!: PDFPage;
  private y = 0;
  constructor(
    private readonly doc: PDFDocument,
    private readonly normale: PDFFont,
    private readonly grassetto: PDFFont,
    private readonly piede: string,
  ) {
    this.nuovaPagina();
  }

  private nuovaPagina() {
    this.pagina = this.doc.addPage(A4);
    this.y = A4[1] - MARGINE;
    this.pagina.drawText(testoSicuro(this.normale, this.piede), {
      x: MARGINE,
      y: MARGINE / 2,
      size: 8,
      font: this.normale,
      color: rgb(0.3, 0.3, 0.3),
    });
  }

  private spazio(altezza: number) {
    if (this.y - altezza < MARGINE) this.nuovaPagina();
  }

  private righe(testo: string, font: PDFFont, size: number, larghezza: number): string[] {
    const parole = testoSicuro(font, testo).split(/\s+/).filter(Boolean);
    const righe: string[] = [];
    let corrente = "";
    for (const parola of parole) {
      const prova = corrente ? `${corrente} ${parola}` : parola;
      if (font.widthOfTextAtSize(prova, size) <= larghezza || !corrente) corrente = prova;
      else {
        righe.push(corrente);
        corrente = parola;
      }
    }
    if (corrente) righe.push(corrente);
    return righe.length > 0 ? righe : [""];
  }

  testo(testo: string, opzioni: { grassetto?: boolean; size?: number; x?: number } = {}) {
    const font = opzioni.grassetto ? this.grassetto : this.normale;
    const size = opzioni.size ?? CORPO;
    const x = opzioni.x ?? MARGINE;
    for (const riga of this.righe(testo, font, size, A4[0] - x - MARGINE)) {
      this.spazio(size + 4);
      this.pagina.drawText(riga, { x, y: this.y - size, size, font });
      this.y -= size + 4;
    }
  }

  titolo(testo: string) {
    this.spazio(30);
    this.y -= 8;
    this.testo(testo, { grassetto: true, size: 12 });
    this.y -= 2;
  }

  campo(etichetta: string, valore: string) {
    const larghezzaEtichetta = 150;
    const righe = this.righe(valore, this.normale, CORPO, A4[0] - 2 * MARGINE - larghezzaEtichetta);
    this.spazio(INTERLINEA);
    this.pagina.drawText(testoSicuro(this.grassetto, etichetta), { x: MARGINE, y: this.y - CORPO, size: CORPO, font: this.grassetto });
    for (const riga of righe) {
      this.spazio(INTERLINEA);
      this.pagina.drawText(riga, { x: MARGINE + larghezzaEtichetta, y: this.y - CORPO, size: CORPO, font: this.normale });
      this.y -= INTERLINEA;
    }
  }

  /** A table row in fixed columns; the header is repeated when the table continues on a new page. */
  riga(celle: string[], colonne: number[], intestazione?: string[]) {
    if (this.y - INTERLINEA < MARGINE) {
      this.nuovaPagina();
      if (intestazione) this.riga(intestazione, colonne);
    }
    const font = intestazione ? this.normale : this.grassetto;
    let x = MARGINE;
    celle.forEach((cella, i) => {
      const larghezza = (colonne[i + 1] ?? A4[0] - MARGINE) - colonne[i] - 6;
      let t = testoSicuro(font, cella);
      while (t.length > 1 && font.widthOfTextAtSize(t, CORPO) > larghezza) t = `${t.slice(0, -2)}…`;
      x = colonne[i];
      this.pagina.drawText(t, { x, y: this.y - CORPO, size: CORPO, font });
    });
    this.y -= INTERLINEA;
  }
}

/** The receipt of a sent domanda as PDF bytes. The caller has checked that the user may see it. */
export async function generaRicevuta(caricata: DomandaCaricata): Promise<Uint8Array> {
  const { intestazione: i, lavoratori } = await datiRiepilogo(caricata);
  const esiti = esitiAllInvio(caricata);
  const protocollo = i.protocollo ?? "";
  const doc = await PDFDocument.create();
  doc.setTitle(`Ricevuta della domanda ${protocollo}`);
  doc.setSubject(`Protocollo ${protocollo} - ticket ${i.ticket ?? ""}`);
  doc.setAuthor("INPS - OMNIA IS");
  doc.setLanguage("it-IT");
  doc.setCreationDate(caricata.domanda.inviataIl ?? new Date());
  const normale = await doc.embedFont(StandardFonts.Helvetica);
  const grassetto = await doc.embedFont(StandardFonts.HelveticaBold);
  const p = new Impaginatore(doc, normale, grassetto, `INPS - OMNIA IS - Ricevuta della domanda ${protocollo}`);

  p.testo("Istituto Nazionale della Previdenza Sociale", { grassetto: true, size: 14 });
  p.testo("Ricevuta di presentazione della domanda di integrazione salariale", { size: 12 });
  p.titolo("Dati della presentazione");
  p.campo("Protocollo", protocollo);
  p.campo("Data e ora di invio", i.inviataIl ?? "");
  p.campo("Ticket", i.ticket ?? "");
  p.campo("Prestazione", i.prestazione);
  p.campo("Periodo", i.periodo);
  p.titolo("Azienda");
  p.campo("Ragione sociale", i.azienda.ragioneSociale);
  p.campo("Codice fiscale", i.azienda.codiceFiscale);
  p.campo("Matricola", i.azienda.matricola);
  p.campo("Unità produttiva", i.unita);

  p.titolo(`Lavoratori beneficiari (${lavoratori.length})`);
  const colonne = [MARGINE, MARGINE + 130, MARGINE + 360];
  const intestazione = ["Codice fiscale", "Cognome e nome", "Qualifica"];
  p.riga(intestazione, colonne);
  for (const l of lavoratori) p.riga([l.codiceFiscale, l.nominativo, l.qualifica], colonne, intestazione);
  if (lavoratori.length === 0) p.testo("Nessun lavoratore indicato.");

  p.titolo("Avvisi aperti al momento dell'invio");
  if (esiti.length === 0) p.testo("Nessun avviso.");
  for (const e of esiti) {
    p.testo(`${GRAVITA[e.gravita]}${e.titoloPasso ? ` - ${e.titoloPasso}` : ""}: ${e.messaggio} (${e.riferimento})`);
  }
  p.titolo("Note");
  p.testo(
    "Conserva questa ricevuta. Il ticket identifica la domanda nei flussi UniEmens: indicalo nei periodi di sospensione o riduzione.",
  );
  return doc.save();
}
