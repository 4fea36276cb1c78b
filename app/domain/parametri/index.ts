// "Quale valore valeva alla data D?": l'unico accesso ai parametri normativi.
import type { DataISO } from "../date";
import { CATALOGO } from "./catalogo";
import type { VersioneParametro, VersioneParametroApplicata } from "./tipi";

export * from "./tipi";
export type { Massimale, ProporzionamentoMassimale, FasciaContributo, TermineDomanda, DerogaCisoa, FormulaLiquidita } from "./catalogo";
export type { RegolaInstradamento, CondizioneInstradamento, Verdetto } from "./instradamento";
export type { TermineDecisione, DecorrenzaTermine, TipoRichiestaIstruttoria, TerminiRicorso } from "./istruttoria";
export { CATALOGO } from "./catalogo";

export type NomeParametro = keyof typeof CATALOGO;
export type ValoreParametro<N extends NomeParametro> = (typeof CATALOGO)[N][number] extends VersioneParametro<infer T>
  ? T
  : never;

/** Nessuna versione del parametro vale alla data chiesta: la regola non può dare un risultato. */
export class ParametroNonDisponibile extends Error {
  constructor(
    readonly nome: string,
    readonly data: DataISO,
  ) {
    super(`Il parametro "${nome}" non ha un valore in vigore il ${data}`);
    this.name = "ParametroNonDisponibile";
  }
}

/** La versione in vigore alla data (estremi inclusi) tra quelle di un parametro, o undefined. */
function inVigore<T>(versioni: ReadonlyArray<VersioneParametro<T>>, data: DataISO): VersioneParametro<T> | undefined {
  return versioni.find((v) => v.validoDal <= data && (v.validoAl === null || data <= v.validoAl));
}

// The rules ask the same few parameters on the same few dates many times per domanda (the submission's profile: the
// lookup and its copy were a visible share of the controls). The catalogue is constant, so the answer for
// (name, date) is too: each applied version is built once, frozen (a caller that changed it would change it for
// everyone: it throws instead), and the answers are remembered per name, up to a bound (dates come from requests).
const MAX_DATE_PER_PARAMETRO = 4096;
const applicate = new Map<string, { versioni: ReadonlyArray<VersioneParametroApplicata<unknown>>; perData: Map<DataISO, VersioneParametroApplicata<unknown> | null> }>();

/** The applied version in force on `data`, or null: remembered per (name, date). */
function applicata(nome: NomeParametro, data: DataISO): VersioneParametroApplicata<unknown> | null {
  let p = applicate.get(nome);
  if (!p) {
    // An unknown name (only from untyped callers) throws a TypeError here, as the lookup always did.
    const versioni = (CATALOGO[nome] as ReadonlyArray<VersioneParametro<unknown>>).map((v) => Object.freeze({ ...v, nome }));
    p = { versioni, perData: new Map() };
    applicate.set(nome, p);
  }
  let trovata = p.perData.get(data);
  if (trovata === undefined) {
    trovata = (inVigore(p.versioni, data) as VersioneParametroApplicata<unknown> | undefined) ?? null;
    if (p.perData.size >= MAX_DATE_PER_PARAMETRO) p.perData.clear();
    p.perData.set(data, trovata);
  }
  return trovata;
}

/** La versione del parametro in vigore alla data (estremi inclusi). */
export function parametro<N extends NomeParametro>(nome: N, data: DataISO): VersioneParametroApplicata<ValoreParametro<N>> {
  const trovata = applicata(nome, data);
  if (!trovata) throw new ParametroNonDisponibile(nome, data);
  return trovata as VersioneParametroApplicata<ValoreParametro<N>>;
}

/** Come `parametro`, ma null se nessuna versione vale alla data (per le regole che esistono solo da una certa data). */
export function parametroSeInVigore<N extends NomeParametro>(nome: N, data: DataISO): VersioneParametroApplicata<ValoreParametro<N>> | null {
  return applicata(nome, data) as VersioneParametroApplicata<ValoreParametro<N>> | null;
}

/** Tutte le versioni di tutti i parametri, per la documentazione e per l'audit. */
export function elencoParametri(): Array<VersioneParametroApplicata<unknown>> {
  return (Object.keys(CATALOGO) as NomeParametro[]).flatMap((nome) =>
    (CATALOGO[nome] as ReadonlyArray<VersioneParametro<unknown>>).map((v) => ({ ...v, nome })),
  );
}
