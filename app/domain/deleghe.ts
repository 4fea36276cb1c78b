// Deleghe of intermediaries (L. 12/1979 art. 1: the labour consultant acts for the employer on its delega) and the
// employees a legal representative enables to act for the company, as records with a life:
//
//   richiesta ──conferma (legale rappresentante)──▶ attiva ──revoca (legale rappresentante o intermediario)──▶ revocata
//       │   └──rifiuta (legale rappresentante)──▶ rifiutata            └── after valida_al: scaduta (derived, by date)
//       └──ritira (intermediario)──▶ revocata
//   dichiarazione (intermediario, as the foundation did): attiva at once, modalità "dichiarazione", record kept.
//
// A delega gives access on a date only when it is attiva and the date is within [validaDal, validaAl].
import { formatDataItaliana, type DataISO } from "./date";

export type StatoDelega = "richiesta" | "attiva" | "rifiutata" | "revocata";
export type ModalitaDelega = "conferma" | "dichiarazione";
/** What a person sees: the stored state, with "scaduta" for an attiva delega past its end date. */
export type StatoVisibile = StatoDelega | "scaduta";

export interface PeriodoDelega {
  stato: StatoDelega;
  validaDal: DataISO;
  validaAl: DataISO | null;
}

/** The one rule of access: attiva and the date within its period (the act's date, not today: ADR 011). */
export function delegaValidaIl(d: PeriodoDelega, data: DataISO): boolean {
  return d.stato === "attiva" && d.validaDal <= data && (d.validaAl === null || d.validaAl >= data);
}

export function statoVisibile(d: PeriodoDelega, oggi: DataISO): StatoVisibile {
  if (d.stato === "attiva" && d.validaAl !== null && d.validaAl < oggi) return "scaduta";
  return d.stato;
}

export type AzioneDelega = "conferma" | "rifiuta" | "revoca" | "ritira";

/** Who may move a delega, and from which state. `legale`: the company's legal representative; `titolare`: the intermediary. */
export function transizioneDelega(
  stato: StatoDelega,
  azione: AzioneDelega,
  chi: { legale: boolean; titolare: boolean },
): StatoDelega | null {
  switch (azione) {
    case "conferma":
      return chi.legale && stato === "richiesta" ? "attiva" : null;
    case "rifiuta":
      return chi.legale && stato === "richiesta" ? "rifiutata" : null;
    case "revoca":
      return (chi.legale || chi.titolare) && stato === "attiva" ? "revocata" : null;
    case "ritira":
      return chi.titolare && stato === "richiesta" ? "revocata" : null;
  }
}

/** Matricola INPS of a company: 10 digits. */
export function matricolaValida(s: string): boolean {
  return /^[0-9]{10}$/.test(s);
}

export interface DatiAvvisoRichiesta {
  intermediario: { nome: string; cognome: string; codiceFiscale: string };
  azienda: { ragioneSociale: string; matricola: string };
  validaAl: DataISO | null;
  /** The page where the legal representative confirms or refuses (after signing in with SPID or CIE). */
  collegamento: string;
}

/**
 * The e-mail to the company's legal representative when an intermediary asks for a delega (L. 12/1979 art. 1: the
 * intermediary acts for the employer on its delega, so the employer is told and decides). It names who asks, for
 * which matricola and until when, and links the page to confirm or refuse; nothing is decided by the e-mail itself.
 */
export function testoAvvisoRichiestaDelega(d: DatiAvvisoRichiesta): { oggetto: string; testo: string } {
  const fine = d.validaAl ? `fino al ${formatDataItaliana(d.validaAl)}` : "senza scadenza";
  return {
    oggetto: `OMNIA IS — Richiesta di delega per ${d.azienda.ragioneSociale} (matricola ${d.azienda.matricola})`,
    testo: [
      `Gentile legale rappresentante,`,
      ``,
      `${d.intermediario.nome} ${d.intermediario.cognome} (codice fiscale ${d.intermediario.codiceFiscale}) chiede una delega`,
      `per operare su OMNIA IS per conto di ${d.azienda.ragioneSociale}, matricola INPS ${d.azienda.matricola}, ${fine}.`,
      ``,
      `Per confermare o rifiutare la richiesta accedi a OMNIA IS con la tua identità digitale (SPID o CIE),`,
      `scegli l'azienda e apri la pagina delle deleghe:`,
      d.collegamento,
      ``,
      `Finché non la confermi la delega non dà alcun accesso. Se non conosci chi la chiede, rifiutala.`,
      ``,
      `Questo messaggio è inviato automaticamente: non rispondere a questo indirizzo.`,
      `INPS — OMNIA IS, piattaforma unica delle integrazioni salariali`,
    ].join("\n"),
  };
}

/**
 * The e-mail to the other side when a delega changes hands: the intermediary learns that the legal representative
 * confirmed, refused or revoked it; the legal representative learns that the intermediary withdrew its request or gave
 * the delega up. The change has already happened; the e-mail only tells it.
 */
export function testoEsitoDelega(d: {
  azione: AzioneDelega;
  azienda: { ragioneSociale: string; matricola: string | null };
  intermediario: { nome: string; cognome: string };
  collegamento: string;
}): { oggetto: string; testo: string } {
  const azienda = `${d.azienda.ragioneSociale} (matricola ${d.azienda.matricola ?? "—"})`;
  const fatto: Record<AzioneDelega, [string, string]> = {
    conferma: ["confermata", `il legale rappresentante di ${azienda} ha confermato la tua delega: da ora puoi operare per l'azienda su OMNIA IS.`],
    rifiuta: ["rifiutata", `il legale rappresentante di ${azienda} ha rifiutato la tua richiesta di delega.`],
    revoca: ["revocata", `la delega di ${d.intermediario.nome} ${d.intermediario.cognome} per ${azienda} è stata revocata: da ora non dà più accesso.`],
    ritira: ["ritirata", `${d.intermediario.nome} ${d.intermediario.cognome} ha ritirato la richiesta di delega per ${azienda}: non c'è più nulla da confermare.`],
  };
  const [stato, frase] = fatto[d.azione];
  return {
    oggetto: `OMNIA IS — Delega ${stato}: ${d.azienda.ragioneSociale}`,
    testo: [
      `Gentile utente,`,
      ``,
      frase,
      ``,
      `Le deleghe si vedono su OMNIA IS dopo l'accesso con la tua identità digitale (SPID o CIE):`,
      d.collegamento,
      ``,
      `Questo messaggio è inviato automaticamente: non rispondere a questo indirizzo.`,
      `INPS — OMNIA IS, piattaforma unica delle integrazioni salariali`,
    ].join("\n"),
  };
}
