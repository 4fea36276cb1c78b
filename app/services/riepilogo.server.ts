// What the summary, the detail page, the receipt page and the PDF receipt show of one domanda: the answers of every
// step as label/value rows, the workers, the attachments and the rule outcomes. Called after authorisation
// (caricaDomanda). The answers are rendered generically from `domanda.dati`, so a step whose schema changes shape
// still shows every answer rather than breaking the summary.
import { asc, eq } from "drizzle-orm";
import { allegati, domandaLavoratori, eventiDomanda, lavoratori, unitaProduttive } from "#db/schema";
import { db } from "#db/connection";
import { formatDataItaliana, parseDataISO } from "~/domain/date";
import type { Esito } from "~/domain/esito";
import { nomePrestazione, type Fondo } from "~/domain/tipi";
import { PASSI, type ChiavePasso, type SlugPasso } from "~/passi";
import { ETICHETTE_STATO } from "~/domain/stati";
import { controlliDomanda } from "./controlli-domanda.server";
import type { DomandaCaricata } from "./domande.server";

export interface RigaRiepilogo {
  etichetta: string;
  /** One line per element: lists of answers (periods, recipients) are shown one per line. */
  valore: string[];
}

export interface SezioneRiepilogo {
  slug: SlugPasso;
  titolo: string;
  righe: RigaRiepilogo[];
}

export interface LavoratoreRiepilogo {
  codiceFiscale: string;
  nominativo: string;
  qualifica: string;
}

export interface AllegatoRiepilogo {
  id: number;
  tipo: string;
  nomeFile: string;
  dimensione: string;
}

export interface EsitoRiepilogo {
  gravita: Esito["gravita"];
  messaggio: string;
  riferimento: string;
  /** Slug of the step to correct, when the outcome belongs to a step. */
  slug: SlugPasso | null;
  titoloPasso: string | null;
}

export interface Intestazione {
  id: number;
  prestazione: string;
  stato: string;
  protocollo: string | null;
  ticket: string | null;
  inviataIl: string | null;
  azienda: { ragioneSociale: string; codiceFiscale: string; matricola: string };
  unita: string;
  periodo: string;
}

const FUSO = "Europe/Rome";

/** Date and time as people in Italy read them, whatever the server's time zone: "26/11/2026 alle 09:05". */
// Built once per process (building a formatter costs far more than using it; "Le tue domande" formats one per row).
const FORMATO_DATA_ORA_ROMA = new Intl.DateTimeFormat("it-IT", {
  timeZone: FUSO,
  day: "2-digit",
  month: "2-digit",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

export function dataOraRoma(istante: Date): string {
  const f = FORMATO_DATA_ORA_ROMA.formatToParts(istante);
  const p = (t: string) => f.find((x) => x.type === t)?.value ?? "";
  return `${p("day")}/${p("month")}/${p("year")} alle ${p("hour")}:${p("minute")}`;
}

// Labels of the answers whose key alone would read badly; any other key is turned into words ("dataInizio" →
// "Data inizio"), so a new field shows up correctly labelled enough until it is added here.
const ETICHETTE: Record<string, string> = {
  pec: "PEC",
  telefono: "Telefono",
  referente: "Referente",
  emailReferente: "E-mail del referente",
  codice: "Codice",
  denominazione: "Denominazione",
  mediaOccupati: "Occupati medi nel semestre precedente",
  mediaUniemens: "Occupati medi secondo UniEmens",
  modificata: "Dati UniEmens modificati",
  orarioSettimanale: "Orario settimanale (ore)",
  lavoratori: "Lavoratori",
  causale: "Causale",
  eone: "Evento oggettivamente non evitabile (EONE)",
  meteo: "Evento meteo",
  straordinaria: "Causale straordinaria",
  dataInizio: "Data di inizio",
  dataFine: "Data di fine",
  oreRichieste: "Ore richieste",
  oreSettimanaliRidotte: "Ore settimanali dopo la riduzione",
  giorni: "Giorni interessati",
  tipoLavoro: "Lavorazione in corso",
  tipo: "Tipo",
  modalita: "Modalità",
  numero: "Numero",
  motivazione: "Motivazione",
  descrizione: "Attività e cause",
  misure: "Misure adottate",
  prospettive: "Prospettive di ripresa",
  granularita: "Indicatori per",
  indicatori: "Indicatori economico-finanziari",
  fatturato: "Fatturato",
  ordini: "Ordini in portafoglio",
  risultatoOperativo: "Risultato operativo",
  nomeFile: "File",
  dichiarazione: "Dichiarazione resa",
  dichiarazioneDpr445: "Dichiarazione ai sensi dell'art. 47 DPR 445/2000",
  dovuta: "Informativa dovuta",
  dataComunicazione: "Data della comunicazione",
  dataConclusione: "Data di conclusione della procedura",
  dataRichiestaEsame: "Data della richiesta di esame congiunto",
  destinatariRsa: "Rappresentanze aziendali (RSA/RSU)",
  destinatariTerritoriali: "Organizzazioni sindacali territoriali",
  iban: "IBAN",
  indiceLiquidita: "Indice di liquidità",
};

// Coded answers shown in words (the codes are the schemas' enum values).
const VALORI: Record<string, string> = {
  strutturata: "Compilata nei campi della domanda",
  pdf: "Allegata in PDF",
  uniemens: "Scelti dai dati UniEmens",
  elenco: "Elenco caricato",
  sospensione: "Sospensione",
  riduzione: "Riduzione",
  anno: "Anno",
  trimestre: "Trimestre",
  conguaglio: "Conguaglio",
  diretto: "Pagamento diretto",
  pagamento_diretto: "Pagamento diretto",
};

const CENTESIMI = /Centesimi$/;

/** Keys that are internal references (ids), not answers the user gave. */
function interna(chiave: string): boolean {
  return /Id$/.test(chiave);
}

function euro(centesimi: number): string {
  return (centesimi / 100).toLocaleString("it-IT", { style: "currency", currency: "EUR" });
}

/** Arrays longer than this are summarised by their length (e.g. the selected workers, listed in their own table). */
const MAX_ELEMENTI_ELENCO = 20;
const MAX_CARATTERI = 2_000;

export function etichettaChiave(chiave: string): string {
  if (CENTESIMI.test(chiave)) return etichettaChiave(chiave.replace(CENTESIMI, ""));
  if (ETICHETTE[chiave]) return ETICHETTE[chiave];
  const parole = chiave
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/[_-]+/g, " ")
    .trim()
    .toLowerCase();
  return parole.charAt(0).toUpperCase() + parole.slice(1);
}

/** One answer as text: dates in dd/mm/yyyy, booleans as Sì/No, numbers in the Italian format. */
export function testoValore(valore: unknown): string {
  if (valore === null || valore === undefined || valore === "") return "Non indicato";
  if (typeof valore === "boolean") return valore ? "Sì" : "No";
  if (typeof valore === "number") return Number.isFinite(valore) ? valore.toLocaleString("it-IT") : "Non indicato";
  if (typeof valore === "string") {
    const data = /^\d{4}-\d{2}-\d{2}$/.test(valore) ? parseDataISO(valore) : null;
    if (data) return formatDataItaliana(data);
    if (VALORI[valore]) return VALORI[valore];
    return valore.length > MAX_CARATTERI ? `${valore.slice(0, MAX_CARATTERI)}…` : valore;
  }
  if (Array.isArray(valore)) return valore.map(testoValore).join(", ");
  if (typeof valore === "object") {
    return Object.entries(valore as Record<string, unknown>)
      .filter(([k]) => !interna(k))
      .map(([k, v]) => `${etichettaChiave(k)}: ${testoVoce(k, v)}`)
      .join("; ");
  }
  return String(valore);
}

/** An answer under its key: amounts in cents are shown in euro. */
function testoVoce(chiave: string, valore: unknown): string {
  return CENTESIMI.test(chiave) && typeof valore === "number" ? euro(valore) : testoValore(valore);
}

/** The rows of one step's answers, flattening nested objects ("Relazione — Cause") and listing arrays per line. */
export function righeRisposte(risposte: unknown, prefisso = ""): RigaRiepilogo[] {
  if (risposte === null || typeof risposte !== "object" || Array.isArray(risposte)) {
    return [{ etichetta: prefisso || "Risposta", valore: [testoValore(risposte)] }];
  }
  const righe: RigaRiepilogo[] = [];
  for (const [chiave, v] of Object.entries(risposte as Record<string, unknown>)) {
    if (interna(chiave)) continue;
    const etichetta = prefisso ? `${prefisso} — ${etichettaChiave(chiave)}` : etichettaChiave(chiave);
    if (Array.isArray(v)) {
      if (v.length === 0) righe.push({ etichetta, valore: ["Nessuno"] });
      else if (v.length > MAX_ELEMENTI_ELENCO) righe.push({ etichetta, valore: [`${v.length} elementi`] });
      else righe.push({ etichetta, valore: v.map(testoValore) });
    } else if (v !== null && typeof v === "object") {
      righe.push(...righeRisposte(v, etichetta));
    } else {
      righe.push({ etichetta, valore: [testoVoce(chiave, v)] });
    }
  }
  return righe.length > 0 ? righe : [{ etichetta: prefisso || "Risposta", valore: ["Nessun dato"] }];
}

export function sezioniRiepilogo(dati: Record<string, unknown>): SezioneRiepilogo[] {
  return PASSI.map((p) => ({ slug: p.slug, titolo: p.titolo, righe: righeRisposte(dati[p.chiave] ?? null) }));
}

export function esitiRiepilogo(esiti: ReadonlyArray<Esito & { passo?: ChiavePasso }>): EsitoRiepilogo[] {
  const ordine = { bloccante: 0, avviso: 1, informazione: 2 } as const;
  return [...esiti]
    .sort((a, b) => ordine[a.gravita] - ordine[b.gravita])
    .map((e) => {
      const passo = PASSI.find((p) => p.chiave === e.passo) ?? null;
      return {
        gravita: e.gravita,
        messaggio: e.messaggio,
        riferimento: e.riferimento,
        slug: passo?.slug ?? null,
        titoloPasso: passo?.titolo ?? null,
      };
    });
}

export async function lavoratoriDomanda(domandaId: number): Promise<LavoratoreRiepilogo[]> {
  const righe = await db()
    .select({
      codiceFiscale: domandaLavoratori.codiceFiscale,
      qualifica: domandaLavoratori.qualifica,
      cognome: lavoratori.cognome,
      nome: lavoratori.nome,
    })
    .from(domandaLavoratori)
    .leftJoin(lavoratori, eq(lavoratori.id, domandaLavoratori.lavoratoreId))
    .where(eq(domandaLavoratori.domandaId, domandaId))
    .orderBy(asc(lavoratori.cognome), asc(domandaLavoratori.codiceFiscale));
  return righe.map((r) => ({
    codiceFiscale: r.codiceFiscale,
    // Workers from an uploaded list may not be in the registry: the CF identifies them.
    nominativo: r.cognome ? `${r.cognome} ${r.nome}` : "Non presente negli archivi",
    qualifica: etichettaChiave(r.qualifica),
  }));
}

export async function allegatiDomanda(domandaId: number): Promise<AllegatoRiepilogo[]> {
  const righe = await db()
    .select({ id: allegati.id, tipo: allegati.tipo, nomeFile: allegati.nomeFile, dimensione: allegati.dimensione })
    .from(allegati)
    .where(eq(allegati.domandaId, domandaId))
    .orderBy(asc(allegati.id));
  return righe.map((a) => ({
    id: a.id,
    tipo: etichettaChiave(a.tipo),
    nomeFile: a.nomeFile,
    dimensione: `${(a.dimensione / 1024).toLocaleString("it-IT", { maximumFractionDigits: 0 })} KB`,
  }));
}

export async function intestazioneDomanda({ domanda, azienda }: DomandaCaricata): Promise<Intestazione> {
  let unita = "Non indicata";
  if (domanda.unitaProduttivaId != null) {
    const [u] = await db()
      .select({ codice: unitaProduttive.codice, denominazione: unitaProduttive.denominazione, comune: unitaProduttive.comune, provincia: unitaProduttive.provincia })
      .from(unitaProduttive)
      .where(eq(unitaProduttive.id, domanda.unitaProduttivaId));
    if (u) unita = `${u.denominazione} (${u.codice}), ${u.comune} (${u.provincia})`;
  }
  const periodo =
    domanda.dataInizio && domanda.dataFine
      ? `dal ${formatDataItaliana(domanda.dataInizio)} al ${formatDataItaliana(domanda.dataFine)}`
      : "Non indicato";
  return {
    id: domanda.id,
    prestazione: nomePrestazione(domanda.prestazione, (domanda.fondoCodice?.toUpperCase() as Fondo) ?? null),
    stato: ETICHETTE_STATO[domanda.stato],
    protocollo: domanda.protocollo,
    ticket: domanda.ticket,
    inviataIl: domanda.inviataIl ? dataOraRoma(domanda.inviataIl) : null,
    azienda: {
      ragioneSociale: azienda.ragioneSociale,
      codiceFiscale: azienda.codiceFiscale,
      matricola: azienda.matricola ?? azienda.cida ?? "",
    },
    unita,
    periodo,
  };
}

export interface DatiRiepilogo {
  intestazione: Intestazione;
  sezioni: SezioneRiepilogo[];
  lavoratori: LavoratoreRiepilogo[];
  allegati: AllegatoRiepilogo[];
}

/** Everything the read-only summary shows (the outcomes are added by the caller: live for a draft, frozen once sent). */
export async function datiRiepilogo(caricata: DomandaCaricata): Promise<DatiRiepilogo> {
  const [intestazione, elencoLavoratori, elencoAllegati] = await Promise.all([
    intestazioneDomanda(caricata),
    lavoratoriDomanda(caricata.domanda.id),
    allegatiDomanda(caricata.domanda.id),
  ]);
  return {
    intestazione,
    sezioni: sezioniRiepilogo(caricata.domanda.dati),
    lavoratori: elencoLavoratori,
    allegati: elencoAllegati,
  };
}

/** The outcomes open now (a draft) as the summary shows them. */
export async function esitiAperti(caricata: DomandaCaricata): Promise<EsitoRiepilogo[]> {
  return esitiRiepilogo(await controlliDomanda(caricata));
}

/** The outcomes frozen at submission (a sent domanda). */
export function esitiAllInvio(caricata: DomandaCaricata): EsitoRiepilogo[] {
  const frozen = (caricata.domanda.esitiInvio ?? []) as Array<Esito & { passo?: ChiavePasso }>;
  return esitiRiepilogo(frozen.filter((e) => e && typeof e === "object" && "gravita" in e));
}

export async function eventiDellaDomanda(domandaId: number) {
  const righe = await db()
    .select({ id: eventiDomanda.id, quando: eventiDomanda.quando, tipo: eventiDomanda.tipo, descrizione: eventiDomanda.descrizione })
    .from(eventiDomanda)
    .where(eq(eventiDomanda.domandaId, domandaId))
    .orderBy(asc(eventiDomanda.quando), asc(eventiDomanda.id));
  return righe.map((e) => ({ id: e.id, quando: dataOraRoma(e.quando), descrizione: e.descrizione }));
}
