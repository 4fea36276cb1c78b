// Instradamento (artt. 10, 20, 26, 29 d.lgs. 148/2015; docs/regole.md §1): dall'inquadramento dell'azienda, per ogni prestazione "suggerita" o
// "non_compatibile", con i motivi. L'utente può scegliere una prestazione non suggerita: resta un avviso per la Sede.
import type { DataISO } from "./date";
import { esito, type Esito } from "./esito";
import { parametro, type CondizioneInstradamento, type RegolaInstradamento, type Verdetto } from "./parametri";
import { FONDI, NOMI_FONDI, nomePrestazione, type AttivitaInquadramento, type Fondo, type Prestazione } from "./tipi";
import { validaCsc } from "./validatori/codici-inps";

export interface InquadramentoAzienda {
  /** Codice statistico contributivo (5 cifre); null per le aziende agricole. */
  csc: string | null;
  /** Codici di autorizzazione (0..n). */
  ca: string[];
  gestione: "privata" | "agricola";
  /** Adesione a un fondo di solidarietà bilaterale gestito dall'INPS (dall'anagrafica, non dai CA). */
  fondo: Fondo | null;
  /** Dipendenti in media nel semestre precedente. */
  dipendentiMedi: number;
  attivita?: AttivitaInquadramento;
}

export interface VerdettoPrestazione {
  prestazione: Prestazione;
  fondo: Fondo | null;
  verdetto: Verdetto;
  esiti: Esito[];
}

export interface EsitoInstradamento {
  data: DataISO;
  prestazioni: VerdettoPrestazione[];
  regoleApplicate: string[];
}

const ID = "instradamento";

function vale(c: CondizioneInstradamento, a: InquadramentoAzienda, causaleStraordinaria: boolean): boolean {
  const settore = a.csc !== null && validaCsc(a.csc).valido ? a.csc.trim()[0] : null;
  return (
    (c.gestione === undefined || c.gestione === a.gestione) &&
    (c.settoriCsc === undefined || (settore !== null && c.settoriCsc.includes(settore))) &&
    (c.serieCa === undefined || a.ca.some((ca) => c.serieCa!.includes(ca.trim()[0]))) &&
    (c.attivita === undefined || (a.attivita !== undefined && c.attivita.includes(a.attivita))) &&
    (c.aderisceFondo === undefined || c.aderisceFondo === (a.fondo !== null)) &&
    (c.dipendentiMin === undefined || a.dipendentiMedi >= c.dipendentiMin) &&
    (c.dipendentiMax === undefined || a.dipendentiMedi <= c.dipendentiMax) &&
    (c.causaleStraordinaria === undefined || c.causaleStraordinaria === causaleStraordinaria)
  );
}

export function instrada(
  azienda: InquadramentoAzienda,
  opzioni: { data: DataISO; causaleStraordinaria?: boolean },
): EsitoInstradamento {
  const tabella = parametro("instradamento.regole", opzioni.data);
  const straordinaria = opzioni.causaleStraordinaria ?? false;
  const regole = [...tabella.valore].sort((x, y) => x.priorita - y.priorita);
  const applicabile = (r: RegolaInstradamento) => r.quando.some((c) => vale(c, azienda, straordinaria));
  const base = regole.find((r) => r.tipo === "base" && applicabile(r));
  const dati = {
    csc: azienda.csc, ca: azienda.ca, gestione: azienda.gestione, fondo: azienda.fondo,
    dipendentiMedi: azienda.dipendentiMedi, attivita: azienda.attivita ?? null, causaleStraordinaria: straordinaria,
  };
  const spiega = (r: RegolaInstradamento, verdetto: Verdetto, prestazione: Prestazione, fondo: Fondo | null): Esito =>
    esito({
      regola: `${ID}.${r.id}`,
      riferimento: r.riferimento,
      gravita: "informazione",
      messaggio:
        verdetto === "suggerita"
          ? `${nomePrestazione(prestazione, fondo)}: suggerita. ${r.motivo}`
          : `${nomePrestazione(prestazione, fondo)}: non compatibile con l'inquadramento. ${r.motivo}`,
      dati: { ...dati, regolaTabella: r.id, confidenzaRegola: r.confidenza },
      parametri: [tabella],
    });

  const verdetti = new Map<Prestazione, { verdetto: Verdetto; esiti: Esito[] }>();
  const applicate: string[] = [];
  if (base) {
    applicate.push(base.id);
    for (const p of ["CIGO", "AIS_FIS", "AIS_FONDO", "CISOA"] as Prestazione[]) {
      const verdetto = base.verdetti[p] ?? "non_compatibile";
      verdetti.set(p, { verdetto, esiti: [spiega(base, verdetto, p, p === "AIS_FONDO" ? azienda.fondo : null)] });
    }
    for (const r of regole.filter((x) => x.tipo === "modifica" && applicabile(x))) {
      const bersaglio = verdetti.get(r.seSuggerita!)!;
      if (bersaglio.verdetto !== "suggerita") continue;
      applicate.push(r.id);
      bersaglio.verdetto = r.verdetti[r.seSuggerita!] ?? bersaglio.verdetto;
      bersaglio.esiti.push(spiega(r, bersaglio.verdetto, r.seSuggerita!, null));
      if (r.id === "R8") bersaglio.esiti.push(limiteFis(azienda.dipendentiMedi, opzioni.data));
    }
  } else {
    const nessuna = esito({
      regola: `${ID}.nessuna`,
      riferimento: "artt. 10, 26, 29 d.lgs. 148/2015; L. 457/1972",
      gravita: "informazione",
      messaggio: "Nessuna prestazione risulta suggerita: il FIS richiede almeno un dipendente in media nel semestre precedente.",
      dati,
      parametri: [tabella],
    });
    for (const p of ["CIGO", "AIS_FIS", "AIS_FONDO", "CISOA"] as Prestazione[]) {
      verdetti.set(p, { verdetto: "non_compatibile", esiti: [nessuna] });
    }
  }

  const prestazioni: VerdettoPrestazione[] = [];
  for (const p of ["CIGO", "AIS_FIS", "CISOA"] as Prestazione[]) {
    prestazioni.push({ prestazione: p, fondo: null, ...verdetti.get(p)! });
  }
  const fondoBase = verdetti.get("AIS_FONDO")!;
  for (const f of FONDI) {
    if (fondoBase.verdetto === "suggerita" && f === azienda.fondo) {
      prestazioni.push({ prestazione: "AIS_FONDO", fondo: f, ...fondoBase });
    } else {
      prestazioni.push({
        prestazione: "AIS_FONDO", fondo: f, verdetto: "non_compatibile",
        esiti: [
          esito({
            regola: `${ID}.R5`,
            riferimento: "art. 26 d.lgs. 148/2015",
            gravita: "informazione",
            messaggio: `AIS del ${NOMI_FONDI[f]}: non compatibile, l'azienda non risulta aderente a questo fondo.`,
            dati: { ...dati, fondoValutato: f },
            parametri: [tabella],
          }),
        ],
      });
    }
  }
  return { data: opzioni.data, prestazioni, regoleApplicate: applicate };
}

function limiteFis(dipendentiMedi: number, data: DataISO): Esito {
  const p = parametro("durata.fis", data);
  const settimane = dipendentiMedi <= p.valore.sogliaDipendenti ? p.valore.settimanePiccole : p.valore.settimaneGrandi;
  return esito({
    regola: `${ID}.R8`,
    riferimento: p.riferimento,
    gravita: "informazione",
    messaggio: `Con ${dipendentiMedi} dipendenti medi nel semestre il limite del FIS è di ${settimane} settimane nel biennio mobile.`,
    dati: { dipendentiMedi, settimaneMassime: settimane },
    parametri: [p],
  });
}

/** Il verdetto per una prestazione (per i fondi serve il fondo). */
export function verdettoPer(instradamento: EsitoInstradamento, prestazione: Prestazione, fondo?: Fondo | null): VerdettoPrestazione {
  const trovato = instradamento.prestazioni.find(
    (v) => v.prestazione === prestazione && (prestazione !== "AIS_FONDO" || v.fondo === (fondo ?? null)),
  );
  if (!trovato) throw new RangeError("Per l'AIS di un fondo occorre indicare il fondo");
  return trovato;
}

export interface SceltaPrestazione {
  prestazione: Prestazione;
  fondo: Fondo | null;
  suggerita: boolean;
  esito: Esito;
}

/** Registra la scelta dell'utente; una prestazione non suggerita è ammessa (la valuta la Sede) ma resta segnalata. */
export function registraScelta(
  instradamento: EsitoInstradamento,
  scelta: { prestazione: Prestazione; fondo?: Fondo | null },
): SceltaPrestazione {
  const v = verdettoPer(instradamento, scelta.prestazione, scelta.fondo);
  const suggerita = v.verdetto === "suggerita";
  const nome = nomePrestazione(v.prestazione, v.fondo);
  return {
    prestazione: v.prestazione,
    fondo: v.fondo,
    suggerita,
    esito: esito({
      regola: `${ID}.scelta`,
      riferimento: "INPS msg 3422/2023 (prestazione non suggerita valutata in istruttoria)",
      gravita: suggerita ? "informazione" : "avviso",
      messaggio: suggerita
        ? `Hai scelto ${nome}, la prestazione suggerita per l'inquadramento dell'azienda.`
        : `Hai scelto ${nome}, che non risulta suggerita per l'inquadramento dell'azienda: puoi procedere, la Sede INPS valuterà la scelta in istruttoria.`,
      dati: { prestazione: v.prestazione, fondo: v.fondo, suggerita, motivi: v.esiti.map((e) => e.messaggio) },
    }),
  };
}
