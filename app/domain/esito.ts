// Il risultato comune di ogni regola: verdetto (gravità) più spiegazione leggibile e verificabile.
import { incertezzaParametro, messaggiRegole } from "~/testi/regole";
import type { VersioneParametroApplicata } from "./parametri";

export type Gravita = "bloccante" | "avviso" | "informazione";

export interface Esito {
  /** Identificativo stabile della regola (elencato in docs/regole.md). */
  regola: string;
  /** Fonte normativa, es. "art. 12 c.1 d.lgs. 148/2015". */
  riferimento: string;
  /** bloccante: la domanda non può essere inviata; avviso: può esserlo, l'operatore lo vede; informazione: nessun problema. */
  gravita: Gravita;
  /** Frase in italiano per l'utente. */
  messaggio: string;
  /** Dati di ingresso usati e valori calcolati, per la verifica dell'operatore o del revisore. */
  dati: Record<string, unknown>;
  /** Vero se la regola usa un parametro con confidenza "incerto": il messaggio lo dice. */
  provvisorio: boolean;
}

/**
 * L'unico modo di costruire un Esito: `provvisorio` deriva dai parametri usati e, se vero, il messaggio lo dichiara
 * dicendo in parole semplici che cosa non è confermato (app/testi/regole.ts): l'utente non vede mai il nome interno
 * di un parametro, che resta nei `dati` per l'operatore e per l'audit.
 */
export function esito(args: {
  regola: string;
  riferimento: string;
  gravita: Gravita;
  messaggio: string;
  dati?: Record<string, unknown>;
  parametri?: ReadonlyArray<VersioneParametroApplicata<unknown>>;
}): Esito {
  const parametri = args.parametri ?? [];
  const incerti = [...new Set(parametri.filter((p) => p.confidenza === "incerto").map((p) => incertezzaParametro(p.nome)))];
  const provvisorio = incerti.length > 0;
  const messaggio = provvisorio
    ? `${args.messaggio} (${messaggiRegole.regolaProvvisoria}: ${incerti.join("; ")}.)`
    : args.messaggio;
  const dati: Record<string, unknown> = { ...(args.dati ?? {}) };
  if (parametri.length > 0) {
    dati.parametri = parametri.map((p) => ({
      nome: p.nome, validoDal: p.validoDal, validoAl: p.validoAl, confidenza: p.confidenza, riferimento: p.riferimento,
    }));
  }
  return { regola: args.regola, riferimento: args.riferimento, gravita: args.gravita, messaggio, dati, provvisorio };
}

const ORDINE: Record<Gravita, number> = { bloccante: 0, avviso: 1, informazione: 2 };

/** La gravità peggiore tra più esiti ("informazione" se non ce ne sono). */
export function gravitaMassima(esiti: readonly Esito[]): Gravita {
  return esiti.reduce<Gravita>((peggiore, e) => (ORDINE[e.gravita] < ORDINE[peggiore] ? e.gravita : peggiore), "informazione");
}

/** Vero se nessun esito blocca l'invio. */
export function inviabile(esiti: readonly Esito[]): boolean {
  return esiti.every((e) => e.gravita !== "bloccante");
}

// Esiti saved before the provisional note was written in plain words (frozen at submission, or in a draft's
// answers) end with "(Regola provvisoria: si basa su un parametro non ancora confermato da una fonte ufficiale:
// nome.interno, altro.nome.)": shown to users, the names are replaced by what they mean.
const NOTA_PROVVISORIA_STORICA =
  /\(Regola provvisoria: si basa su un parametro non ancora confermato da una fonte ufficiale: ([^()]*)\.\)$/;

/** The message as users may see it: an old provisional note naming internal parameters is told in plain words. */
export function messaggioPerUtente(messaggio: string): string {
  const storica = NOTA_PROVVISORIA_STORICA.exec(messaggio);
  if (!storica) return messaggio;
  const incerti = [...new Set(storica[1].split(",").map((n) => incertezzaParametro(n.trim())))];
  return `${messaggio.slice(0, storica.index)}(${messaggiRegole.regolaProvvisoria}: ${incerti.join("; ")}.)`;
}
