// Il risultato comune di ogni regola: verdetto (gravità) più spiegazione leggibile e verificabile.
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

export const AVVISO_PROVVISORIO =
  "Regola provvisoria: si basa su un parametro non ancora confermato da una fonte ufficiale";

/**
 * L'unico modo di costruire un Esito: `provvisorio` deriva dai parametri usati e, se vero, il messaggio lo dichiara
 * nominando i parametri incerti.
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
  const incerti = parametri.filter((p) => p.confidenza === "incerto").map((p) => p.nome);
  const provvisorio = incerti.length > 0;
  const messaggio = provvisorio
    ? `${args.messaggio} (${AVVISO_PROVVISORIO}: ${[...new Set(incerti)].join(", ")}.)`
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
