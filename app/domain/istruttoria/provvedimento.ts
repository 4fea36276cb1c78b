// Il contenuto del provvedimento: che cosa si decide, il numero di autorizzazione legato al ticket della domanda, i dati
// autorizzati (periodo, ore, lavoratori, modalità di pagamento), le esclusioni con il motivo, la motivazione (art. 11 c.1
// D.M. 95442/2016, msg INPS 1396/2018) e come presentare ricorso (circ. INPS 48/2023). Testo strutturato in sezioni:
// la pagina e il PDF accessibile lo impaginano allo stesso modo. Una rettifica è un nuovo atto che cita quello rettificato.
import { formatDataItaliana as it, type DataISO, type Intervallo } from "../date";
import { nomePrestazione, type Fondo, type Prestazione } from "../tipi";
import { ETICHETTE_ESITO_DECISIONE, type Esclusione, type EsitoDecisione, type ModalitaPagamento } from "./decisione";
import { terminiRicorso } from "./ricorsi";

export interface InputProvvedimento {
  numero: string | null;
  protocollo: string;
  ticket: string;
  dataDecisione: DataISO;
  sede: string;
  azienda: { ragioneSociale: string; codiceFiscale: string; matricola: string | null };
  unitaProduttiva: string;
  prestazione: Prestazione;
  fondo?: Fondo | null;
  causale: string;
  esito: EsitoDecisione;
  periodoRichiesto: Intervallo;
  periodo?: Intervallo | null;
  giorni?: readonly DataISO[] | null;
  oreAutorizzate?: number | null;
  lavoratori?: ReadonlyArray<{ codiceFiscale: string; nominativo: string }>;
  modalitaPagamento?: ModalitaPagamento | null;
  esclusioni: readonly Esclusione[];
  nominativi?: Readonly<Record<string, string>>;
  motivazione: string;
  /** Rettifica: il provvedimento che questo atto corregge. */
  rettificaDi?: { numero: string | null; data: DataISO } | null;
}

export interface SezioneProvvedimento {
  titolo: string;
  paragrafi: string[];
  elenco?: string[];
}

export interface ContenutoProvvedimento {
  titolo: string;
  sezioni: SezioneProvvedimento[];
}

const MODALITA: Record<ModalitaPagamento, string> = {
  conguaglio: "anticipo da parte del datore di lavoro e conguaglio con UniEmens",
  diretto: "pagamento diretto da parte dell'INPS",
};

function esclusione(e: Esclusione, nominativi: Readonly<Record<string, string>>): string {
  switch (e.tipo) {
    case "lavoratore":
      return `${nominativi[e.codiceFiscale] ?? e.codiceFiscale} (${e.codiceFiscale}): ${e.motivo.trim()}`;
    case "giorni":
      return `${e.giorni.map(it).join(", ")}: ${e.motivo.trim()}`;
    case "periodo":
      return `Periodo: ${e.motivo.trim()}`;
    case "ore":
      return `Ore: ${e.motivo.trim()}`;
  }
}

export function contenutoProvvedimento(p: InputProvvedimento): ContenutoProvvedimento {
  const nome = nomePrestazione(p.prestazione, p.fondo);
  const titolo = `${p.rettificaDi ? "Rettifica del provvedimento" : "Provvedimento"} sulla domanda di ${nome} n. ${p.protocollo}`;
  const sezioni: SezioneProvvedimento[] = [];
  const identifica = [
    `Sede: ${p.sede}. Data della decisione: ${it(p.dataDecisione)}.`,
    `Azienda: ${p.azienda.ragioneSociale}, codice fiscale ${p.azienda.codiceFiscale}${p.azienda.matricola ? `, matricola ${p.azienda.matricola}` : ""}. Unità produttiva: ${p.unitaProduttiva}.`,
    `Domanda n. ${p.protocollo}, ticket ${p.ticket}: causale «${p.causale}», periodo richiesto dal ${it(p.periodoRichiesto.inizio)} al ${it(p.periodoRichiesto.fine)}.`,
  ];
  if (p.rettificaDi) {
    identifica.push(`Questo atto rettifica il provvedimento${p.rettificaDi.numero ? ` n. ${p.rettificaDi.numero}` : ""} del ${it(p.rettificaDi.data)}, che resta agli atti.`);
  }
  sezioni.push({ titolo: "Domanda", paragrafi: identifica });
  const esito = [`Esito: ${ETICHETTE_ESITO_DECISIONE[p.esito].toLowerCase()}.`];
  if (p.esito !== "respinta" && p.numero) esito.push(`Numero di autorizzazione: ${p.numero}, collegato al ticket ${p.ticket}.`);
  sezioni.push({ titolo: "Esito", paragrafi: esito });
  if (p.esito !== "respinta") {
    const autorizzato: string[] = [];
    if (p.periodo) autorizzato.push(`Periodo autorizzato: dal ${it(p.periodo.inizio)} al ${it(p.periodo.fine)}.`);
    if (p.giorni?.length) autorizzato.push(`Giorni autorizzati: ${p.giorni.map(it).join(", ")}.`);
    if (p.oreAutorizzate) autorizzato.push(`Ore autorizzate: ${p.oreAutorizzate.toLocaleString("it-IT")}.`);
    if (p.modalitaPagamento) autorizzato.push(`Modalità di pagamento: ${MODALITA[p.modalitaPagamento]}.`);
    const n = p.lavoratori?.length ?? 0;
    autorizzato.push(`Lavoratori autorizzati: ${n}.`);
    sezioni.push({
      titolo: "Che cosa è autorizzato",
      paragrafi: autorizzato,
      elenco: (p.lavoratori ?? []).map((l) => `${l.nominativo} (${l.codiceFiscale})`),
    });
  }
  if (p.esclusioni.length) {
    sezioni.push({
      titolo: "Che cosa è escluso e perché",
      paragrafi: [],
      elenco: p.esclusioni.map((e) => esclusione(e, p.nominativi ?? {})),
    });
  }
  sezioni.push({ titolo: "Motivazione", paragrafi: p.motivazione.split(/\n\s*\n/).map((x) => x.trim()).filter(Boolean) });
  const ricorso = terminiRicorso({ prestazione: p.prestazione, decisione: p.esito, dataNotifica: p.dataDecisione });
  if (ricorso.ammesso) sezioni.push({ titolo: "Come presentare ricorso", paragrafi: [ricorso.esito.messaggio] });
  return { titolo, sezioni };
}
