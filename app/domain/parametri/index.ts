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

/** La versione del parametro in vigore alla data (estremi inclusi). */
export function parametro<N extends NomeParametro>(nome: N, data: DataISO): VersioneParametroApplicata<ValoreParametro<N>> {
  const versioni = CATALOGO[nome] as unknown as ReadonlyArray<VersioneParametro<ValoreParametro<N>>>;
  const trovata = versioni.find((v) => v.validoDal <= data && (v.validoAl === null || data <= v.validoAl));
  if (!trovata) throw new ParametroNonDisponibile(nome, data);
  return { ...trovata, nome };
}

/** Come `parametro`, ma null se nessuna versione vale alla data (per le regole che esistono solo da una certa data). */
export function parametroSeInVigore<N extends NomeParametro>(nome: N, data: DataISO): VersioneParametroApplicata<ValoreParametro<N>> | null {
  try {
    return parametro(nome, data);
  } catch (errore) {
    if (errore instanceof ParametroNonDisponibile) return null;
    throw errore;
  }
}

/** Tutte le versioni di tutti i parametri, per la documentazione e per l'audit. */
export function elencoParametri(): Array<VersioneParametroApplicata<unknown>> {
  return (Object.keys(CATALOGO) as NomeParametro[]).flatMap((nome) =>
    (CATALOGO[nome] as ReadonlyArray<VersioneParametro<unknown>>).map((v) => ({ ...v, nome })),
  );
}
