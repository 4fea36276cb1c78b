// La denuncia UniEmens-Cig (pagamento diretto) nel modello canonico della piattaforma, e la lettura dei suoi campi dal
// testo: una sola funzione per il file XML e per il CSV, così le due forme dello stesso contenuto danno gli stessi
// errori. La chiave di una denuncia è quella del servizio «Eliminazione UniEmens-Cig»: matricola, lavoratore, mese di
// competenza, Qualifica1-3 e TipoContribuzione. I nomi degli elementi sono nella tabella di mappatura
// (./mappatura.ts), non qui. docs/regole.md §19.
import type { CodiceErroreFlusso } from "./catalogo-errori";

/** Un file di flusso: fino a 50 MB e 100.000 denunce (oltre, il file va diviso). */
export const LIMITI_FLUSSO = {
  byte: 50 * 1024 * 1024,
  denunce: 100_000,
} as const;

export interface GiornoCig {
  /** Giorno del mese di competenza (1-31). */
  giorno: number;
  /** Ore di integrazione in centesimi (800 = 8 ore). */
  oreCentesimi: number;
}

export interface DenunciaCig {
  /** Riga del file in cui inizia la denuncia (XML: l'elemento della denuncia; CSV: la riga dei dati). */
  riga: number;
  matricola: string;
  cfAzienda: string | null;
  /** "AAAA-MM". */
  competenza: string;
  cfLavoratore: string;
  cognome: string;
  nome: string;
  qualifica1: string;
  qualifica2: string;
  qualifica3: string;
  tipoContribuzione: string;
  ticket: string | null;
  iban: string | null;
  detrazLavDip: string | null;
  detrazCarichiFam: string | null;
  /** Orario contrattuale settimanale in centesimi di ora (4000 = 40 ore), come nell'UniEmens. */
  orarioContrattualeCentesimi: number;
  /** Percentuale di part-time in centesimi (6000 = 60,00 %), se part-time. */
  percPartTimeCentesimi: number | null;
  /** La retribuzione come il flusso la porta: mensile (RetribTeorica) oppure oraria (RetribOraria), mai tutte e due. */
  retribTeoricaCentesimi: number | null;
  retribOrariaCentesimi: number | null;
  giorni: GiornoCig[];
}

/** I campi testuali come arrivano dal file, con i nomi canonici. */
export type CampiGrezzi = Partial<Record<CampoDenuncia, string>>;

export const CAMPI_DENUNCIA = [
  "matricola",
  "cfAzienda",
  "competenza",
  "cfLavoratore",
  "cognome",
  "nome",
  "qualifica1",
  "qualifica2",
  "qualifica3",
  "tipoContribuzione",
  "ticket",
  "iban",
  "detrazLavDip",
  "detrazCarichiFam",
  "orarioContrattuale",
  "percPartTime",
  "retribTeorica",
  "retribOraria",
] as const;

export type CampoDenuncia = (typeof CAMPI_DENUNCIA)[number];

export interface GiornoGrezzo {
  giorno: string;
  ore: string;
}

export interface Segnalazione {
  codice: CodiceErroreFlusso;
  /** Il dettaglio di questa riga, in italiano (la causa generale è nel catalogo). */
  messaggio: string;
  campo?: CampoDenuncia | "giorni";
}

export type LetturaDenuncia = { ok: true; denuncia: DenunciaCig } | { ok: false; riga: number; segnalazioni: Segnalazione[] };

const ETICHETTE: Record<CampoDenuncia, string> = {
  matricola: "Matricola",
  cfAzienda: "CFAzienda",
  competenza: "AnnoMeseDenuncia",
  cfLavoratore: "CFLavoratore",
  cognome: "Cognome",
  nome: "Nome",
  qualifica1: "Qualifica1",
  qualifica2: "Qualifica2",
  qualifica3: "Qualifica3",
  tipoContribuzione: "TipoContribuzione",
  ticket: "Ticket",
  iban: "IBAN",
  detrazLavDip: "DetrazLavDip",
  detrazCarichiFam: "DetrazCarichiFam",
  orarioContrattuale: "OrarioContrattuale",
  percPartTime: "PercPartTime",
  retribTeorica: "RetribTeorica",
  retribOraria: "RetribOraria",
};

/** Il nome del campo come lo vede chi compila il file (quello dello schema pubblicato). */
export function etichettaCampo(campo: CampoDenuncia): string {
  return ETICHETTE[campo];
}

const OBBLIGATORI: readonly CampoDenuncia[] = [
  "matricola", "competenza", "cfLavoratore", "cognome", "nome", "qualifica1", "qualifica2", "qualifica3", "tipoContribuzione", "orarioContrattuale",
];

const FORMATI: Partial<Record<CampoDenuncia, { re: RegExp; atteso: string }>> = {
  matricola: { re: /^\d{10}$/, atteso: "10 cifre" },
  cfAzienda: { re: /^(\d{11}|[A-Z0-9]{16})$/, atteso: "11 cifre o 16 caratteri" },
  competenza: { re: /^\d{4}-(0[1-9]|1[0-2])$/, atteso: "AAAA-MM, ad esempio 2026-03" },
  cfLavoratore: { re: /^[A-Z0-9]{16}$/, atteso: "16 caratteri" },
  qualifica1: { re: /^[0-9A-Z]$/, atteso: "un carattere" },
  qualifica2: { re: /^[0-9A-Z]$/, atteso: "un carattere" },
  qualifica3: { re: /^[0-9A-Z]$/, atteso: "un carattere" },
  tipoContribuzione: { re: /^[0-9A-Z]{2}$/, atteso: "due caratteri" },
  ticket: { re: /^[0-9A-Z]{8,32}$/, atteso: "da 8 a 32 lettere o cifre" },
  orarioContrattuale: { re: /^\d{1,4}$/, atteso: "centesimi di ora alla settimana, ad esempio 4000 per 40 ore" },
  percPartTime: { re: /^\d{1,5}$/, atteso: "centesimi di punto percentuale, ad esempio 6000 per 60,00 %" },
  retribTeorica: { re: /^\d{1,9}(\.\d{1,2})?$/, atteso: "un importo con il punto per i decimali, ad esempio 1100.00" },
  retribOraria: { re: /^\d{1,4}(\.\d{1,2})?$/, atteso: "un importo orario con il punto per i decimali, ad esempio 11.50" },
};

/** Testo di un campo libero: senza caratteri di controllo né segni di direzione che cambiano come appare il nome. */
const CONTROLLO = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

/** Fields whose format is checked on the text as written, not upper-cased. */
const COME_SCRITTO: ReadonlySet<CampoDenuncia> = new Set(["iban", "cognome", "nome"]);

// What leggiDenuncia checks on each field, in the order of CAMPI_DENUNCIA, built once.
const REGOLE_CAMPI = CAMPI_DENUNCIA.map((campo) => ({
  campo,
  etichetta: ETICHETTE[campo],
  obbligatorio: OBBLIGATORI.includes(campo),
  formato: FORMATI[campo] ?? null,
  maiuscolo: !COME_SCRITTO.has(campo),
}));

const INDICE_CAMPO = Object.fromEntries(CAMPI_DENUNCIA.map((c, i) => [c, i])) as Record<CampoDenuncia, number>;

const GIORNO = /^\d{1,2}$/;
const ORE = /^\d{1,4}$/;
const SPAZI = /\s+/g;

function centesimiDaImporto(t: string): number {
  const [interi, decimali = ""] = t.split(".");
  return Number(interi) * 100 + Number(decimali.padEnd(2, "0"));
}

/**
 * Days in a competence month ("AAAA-MM", already checked), as Date.UTC counts them (a year below 100 is read as
 * 19xx); a file has a handful of months, so each is computed once (bounded: a hostile file could name many).
 */
const giorniDelMese = new Map<string, number>();
export function ultimoGiornoDelMese(competenza: string): number {
  let n = giorniDelMese.get(competenza);
  if (n === undefined) {
    n = new Date(Date.UTC(Number(competenza.slice(0, 4)), Number(competenza.slice(5, 7)), 0)).getUTCDate();
    if (giorniDelMese.size >= 1_000) giorniDelMese.clear();
    giorniDelMese.set(competenza, n);
  }
  return n;
}

/**
 * La chiave che identifica una denuncia (la stessa del servizio di eliminazione). Made by `join`, which writes one flat
 * string: a template literal gives V8 a tree of ~6 joined pieces per key, and a flow remembers the key of every
 * accepted return until its end (doubles in the file): 100,000 keys took ~30 MB as trees, ~8 MB flat (README, Misure).
 */
export function chiaveDenuncia(d: Pick<DenunciaCig, "matricola" | "cfLavoratore" | "competenza" | "qualifica1" | "qualifica2" | "qualifica3" | "tipoContribuzione">): string {
  return [d.matricola, d.cfLavoratore, d.competenza, d.qualifica1, d.qualifica2, d.qualifica3, d.tipoContribuzione].join("|");
}

/**
 * Dai campi testuali al modello, o gli errori di formato (UNI41-E001) campo per campo. Called once per return of a
 * file of up to 100,000: each field is trimmed and upper-cased once, and a field that matches its format (which admits
 * neither control characters nor more than 32 characters) needs no other test.
 */
export function leggiDenuncia(riga: number, campi: CampiGrezzi, giorni: readonly GiornoGrezzo[]): LetturaDenuncia {
  let segnalazioni: Segnalazione[] | null = null;
  const segnala = (s: Segnalazione) => {
    (segnalazioni ??= []).push(s);
  };
  // The trimmed text of each field (null when empty) and its upper-cased form, in the order of CAMPI_DENUNCIA.
  const valori: Array<string | null> = [];
  const maiuscoli: Array<string | null> = [];
  for (const r of REGOLE_CAMPI) {
    const v = campi[r.campo]?.trim() || null;
    const m = v !== null && r.maiuscolo ? v.toUpperCase() : v;
    valori.push(v);
    maiuscoli.push(m);
    if (v === null) {
      if (r.obbligatorio) segnala({ codice: "UNI41-E001", campo: r.campo, messaggio: `Manca ${r.etichetta}.` });
      continue;
    }
    if (r.formato?.re.test(m!)) continue;
    if (CONTROLLO.test(v)) {
      segnala({ codice: "UNI41-E001", campo: r.campo, messaggio: `${r.etichetta} contiene caratteri di controllo non ammessi.` });
      continue;
    }
    if (v.length > 200) {
      segnala({ codice: "UNI41-E001", campo: r.campo, messaggio: `${r.etichetta} è troppo lungo (al massimo 200 caratteri).` });
      continue;
    }
    if (r.formato) {
      segnala({ codice: "UNI41-E001", campo: r.campo, messaggio: `${r.etichetta} «${v.slice(0, 40)}» non ha il formato atteso: ${r.formato.atteso}.` });
    }
  }
  const letti: GiornoCig[] = [];
  // Days 1-31 already seen, as bits: a return has at most 31 distinct days.
  let visti = 0;
  for (const g of giorni) {
    const giorno = GIORNO.test(g.giorno.trim()) ? Number(g.giorno) : NaN;
    const ore = ORE.test(g.ore.trim()) ? Number(g.ore) : NaN;
    if (!(giorno >= 1 && giorno <= 31) || Number.isNaN(ore) || ore > 2400) {
      segnala({ codice: "UNI41-E001", campo: "giorni", messaggio: `Il giorno «${g.giorno.slice(0, 10)}» con ore «${g.ore.slice(0, 10)}» non è valido: giorno da 1 a 31, ore in centesimi da 0 a 2400.` });
      continue;
    }
    const bit = 1 << (giorno - 1);
    if (visti & bit) {
      segnala({ codice: "UNI41-E001", campo: "giorni", messaggio: `Il giorno ${giorno} è indicato due volte.` });
      continue;
    }
    visti |= bit;
    letti.push({ giorno, oreCentesimi: ore });
  }
  const valore = (c: CampoDenuncia) => valori[INDICE_CAMPO[c]];
  const maiuscolo = (c: CampoDenuncia) => maiuscoli[INDICE_CAMPO[c]];
  const competenza = valore("competenza");
  if (competenza && FORMATI.competenza!.re.test(competenza)) {
    const ultimo = ultimoGiornoDelMese(competenza);
    for (const g of letti) {
      if (g.giorno > ultimo) segnala({ codice: "UNI41-E001", campo: "giorni", messaggio: `Il giorno ${g.giorno} non esiste nel mese ${competenza}.` });
    }
  }
  const retribTeorica = valore("retribTeorica");
  const retribOraria = valore("retribOraria");
  // La retribuzione è una sola: quella mensile o quella oraria (lo schema le mette in alternativa).
  if (retribTeorica !== null && retribOraria !== null) {
    segnala({ codice: "UNI41-E001", campo: "retribOraria", messaggio: "Indica la retribuzione mensile (RetribTeorica) oppure quella oraria (RetribOraria), non tutte e due." });
  }
  if (letti.length === 0 && giorni.length === 0) {
    segnala({ codice: "UNI41-E001", campo: "giorni", messaggio: "Indica almeno un giorno con le ore di integrazione." });
  }
  if (segnalazioni) return { ok: false, riga, segnalazioni };
  const percPartTime = valore("percPartTime");
  const iban = valore("iban");
  return {
    ok: true,
    denuncia: {
      riga,
      matricola: valore("matricola")!,
      cfAzienda: maiuscolo("cfAzienda"),
      competenza: competenza!,
      cfLavoratore: maiuscolo("cfLavoratore")!,
      cognome: valore("cognome")!,
      nome: valore("nome")!,
      qualifica1: maiuscolo("qualifica1")!,
      qualifica2: maiuscolo("qualifica2")!,
      qualifica3: maiuscolo("qualifica3")!,
      tipoContribuzione: maiuscolo("tipoContribuzione")!,
      ticket: maiuscolo("ticket"),
      iban: iban === null ? null : iban.replace(SPAZI, "").toUpperCase(),
      detrazLavDip: maiuscolo("detrazLavDip"),
      detrazCarichiFam: maiuscolo("detrazCarichiFam"),
      orarioContrattualeCentesimi: Number(valore("orarioContrattuale")),
      percPartTimeCentesimi: percPartTime === null ? null : Number(percPartTime),
      retribTeoricaCentesimi: retribTeorica === null ? null : centesimiDaImporto(retribTeorica),
      retribOrariaCentesimi: retribOraria === null ? null : centesimiDaImporto(retribOraria),
      giorni: letti.sort((a, b) => a.giorno - b.giorno),
    },
  };
}
