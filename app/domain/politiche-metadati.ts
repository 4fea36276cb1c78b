// The metadata policy of an OpenID Federation trust chain (OpenID Federation 1.0 §6.1, "Metadata Policy"), as the SPID
// and CIE OpenID Connect technical rules apply it: the Trust Anchor (and any intermediary) publishes in its
// subordinate statement a `metadata_policy` per entity type; the policies of the chain are merged from the Trust
// Anchor down, then applied to the leaf's own metadata (its entity configuration), and the Relying Party uses only the
// result (AgID, Linee Guida OpenID Connect in SPID, and the consolidated rules "SPID/CIE OpenID Connect", section
// "Acquisire i Metadata": «Il RP applica infine le politiche pubblicate dal Trust Anchor sui Metadata dell'OP»).
//
// Standard operators, applied in this order: value, add, default, one_of, subset_of, superset_of, essential. A
// policy that cannot be merged (two different `value`s, one_of with nothing in common…) or metadata that do not
// satisfy it make the chain invalid: the provider is not trusted.

export type Operatori = Record<string, unknown>;
/** Per entity type (openid_provider, federation_entity…), per metadata parameter, the operators. */
export type PoliticaMetadati = Record<string, Record<string, Operatori>>;
export type Metadati = Record<string, Record<string, unknown>>;

export const OPERATORI_STANDARD = ["value", "add", "default", "one_of", "subset_of", "superset_of", "essential"] as const;

export class ErrorePoliticaMetadati extends Error {
  constructor(messaggio: string) {
    super(messaggio);
    this.name = "ErrorePoliticaMetadati";
  }
}

function uguali(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function elenco(v: unknown, dove: string): unknown[] {
  if (!Array.isArray(v)) throw new ErrorePoliticaMetadati(`${dove}: serve un array`);
  return v;
}

function intersezione(a: unknown[], b: unknown[]): unknown[] {
  return a.filter((x) => b.some((y) => uguali(x, y)));
}

function unione(a: unknown[], b: unknown[]): unknown[] {
  return [...a, ...b.filter((y) => !a.some((x) => uguali(x, y)))];
}

/** The operators of one parameter from two levels of the chain (superior first), as OpenID Federation 1.0 §6.1.3 merges them. */
function unisciOperatori(sopra: Operatori, sotto: Operatori, dove: string): Operatori {
  const risultato: Operatori = { ...sopra };
  for (const [op, valore] of Object.entries(sotto)) {
    if (!(op in risultato)) {
      risultato[op] = valore;
      continue;
    }
    const prima = risultato[op];
    switch (op) {
      case "value":
      case "default":
        if (!uguali(prima, valore)) throw new ErrorePoliticaMetadati(`${dove}: "${op}" diversi nella catena`);
        break;
      case "add":
      case "superset_of":
        risultato[op] = unione(elenco(prima, `${dove}.${op}`), elenco(valore, `${dove}.${op}`));
        break;
      case "one_of":
      case "subset_of": {
        const comune = intersezione(elenco(prima, `${dove}.${op}`), elenco(valore, `${dove}.${op}`));
        if (op === "one_of" && comune.length === 0) throw new ErrorePoliticaMetadati(`${dove}: "one_of" senza valori comuni`);
        risultato[op] = comune;
        break;
      }
      case "essential":
        risultato[op] = prima === true || valore === true;
        break;
      default:
        // A non-standard operator named twice: the superior's stands (nothing here understands it anyway).
        break;
    }
  }
  return risultato;
}

/** The policy of the whole chain: `politiche` from the Trust Anchor's statement down to the one about the leaf. */
export function unisciPolitiche(politiche: ReadonlyArray<PoliticaMetadati | undefined>): PoliticaMetadati {
  const risultato: PoliticaMetadati = {};
  for (const politica of politiche) {
    if (!politica) continue;
    for (const [tipo, parametri] of Object.entries(politica)) {
      const perTipo = (risultato[tipo] ??= {});
      for (const [nome, operatori] of Object.entries(parametri)) {
        perTipo[nome] = nome in perTipo ? unisciOperatori(perTipo[nome], operatori, `${tipo}.${nome}`) : { ...operatori };
      }
    }
  }
  return risultato;
}

/** Operators listed in `metadata_policy_crit` that this resolver does not apply: the chain must then be refused. */
export function operatoriCriticiIgnoti(crit: unknown): string[] {
  if (crit === undefined) return [];
  if (!Array.isArray(crit)) return ["metadata_policy_crit"];
  return crit.map(String).filter((op) => !(OPERATORI_STANDARD as readonly string[]).includes(op));
}

function applicaOperatori(parametri: Record<string, unknown>, nome: string, operatori: Operatori, dove: string): void {
  if ("value" in operatori) {
    if (operatori.value === null) delete parametri[nome];
    else parametri[nome] = operatori.value;
  }
  if ("add" in operatori) {
    const attuale = parametri[nome] === undefined ? [] : elenco(parametri[nome], dove);
    parametri[nome] = unione(attuale, elenco(operatori.add, `${dove}.add`));
  }
  if ("default" in operatori && parametri[nome] === undefined) parametri[nome] = operatori.default;
  const valore = parametri[nome];
  if ("one_of" in operatori && valore !== undefined) {
    if (!elenco(operatori.one_of, `${dove}.one_of`).some((x) => uguali(x, valore))) {
      throw new ErrorePoliticaMetadati(`${dove}: valore non ammesso da "one_of"`);
    }
  }
  if ("subset_of" in operatori && valore !== undefined) {
    parametri[nome] = intersezione(elenco(valore, dove), elenco(operatori.subset_of, `${dove}.subset_of`));
  }
  if ("superset_of" in operatori && parametri[nome] !== undefined) {
    const presenti = elenco(parametri[nome], dove);
    if (!elenco(operatori.superset_of, `${dove}.superset_of`).every((x) => presenti.some((y) => uguali(x, y)))) {
      throw new ErrorePoliticaMetadati(`${dove}: mancano valori chiesti da "superset_of"`);
    }
  }
  if (operatori.essential === true && parametri[nome] === undefined) {
    throw new ErrorePoliticaMetadati(`${dove}: parametro essenziale assente`);
  }
}

/** The leaf's metadata with the chain's policy applied (a new object; the input is not changed). */
export function applicaPolitica(metadati: Metadati, politica: PoliticaMetadati): Metadati {
  const risultato: Metadati = structuredClone(metadati);
  for (const [tipo, parametri] of Object.entries(politica)) {
    const perTipo = risultato[tipo];
    // A policy for an entity type the leaf is not: nothing to apply (OpenID Federation 1.0 §6.1.4.2).
    if (!perTipo) continue;
    for (const [nome, operatori] of Object.entries(parametri)) applicaOperatori(perTipo, nome, operatori, `${tipo}.${nome}`);
  }
  return risultato;
}
