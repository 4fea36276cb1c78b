// Scrittura a lotti: INSERT multi-riga con valori letterali, una sola istruzione per migliaia di righe.
// Perché letterali e non parametri: il limite di 65.535 parametri per istruzione e il costo del query builder per riga
// contano a un milione di lavoratori; i valori sono tutti prodotti dal seed (numeri, date, testi nostri) e sono
// comunque quotati. Stesso SQL su PostgreSQL e su PGlite.
import { getTableColumns, getTableName, sql, type Table } from "drizzle-orm";
import type { Db } from "../client";
import * as s from "../schema";

/** Ordine delle chiavi esterne: prima di scrivere un lotto si scrivono quelli delle tabelle da cui dipende. */
const ORDINE: readonly Table[] = [
  s.sedi,
  s.fondiSolidarieta,
  s.aziende,
  s.unitaProduttive,
  s.lavoratori,
  s.rapportiLavoro,
  s.giornateAgricole,
  s.uniemensMensili,
  s.uniemensEventiCig,
  s.utenti,
  s.ruoliUtente,
  s.deleghe,
  s.abilitazioniSede,
];

/** Tabelle con id seriale: il seed assegna gli id da sé (niente RETURNING) e riallinea la sequenza alla fine. */
export type TabellaConId =
  | typeof s.aziende
  | typeof s.unitaProduttive
  | typeof s.lavoratori
  | typeof s.rapportiLavoro
  | typeof s.utenti
  | typeof s.deleghe;

const TABELLE_CON_ID: readonly TabellaConId[] = [
  s.aziende,
  s.unitaProduttive,
  s.lavoratori,
  s.rapportiLavoro,
  s.utenti,
  s.deleghe,
];

type Valore = string | number | boolean | null | undefined | readonly string[];

function quota(testo: string): string {
  return `'${testo.replace(/'/g, "''")}'`;
}

function letterale(v: Valore): string {
  if (v === null || v === undefined) return "NULL";
  if (typeof v === "number") {
    if (!Number.isFinite(v)) throw new RangeError(`Numero non finito nel seed: ${v}`);
    return String(v);
  }
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (typeof v === "string") return quota(v);
  return v.length === 0 ? "'{}'" : `ARRAY[${v.map(quota).join(",")}]::text[]`;
}

interface Coda {
  tabella: Table;
  nome: string;
  colonne: string[];
  chiavi: string[];
  righe: string[];
  soglia: number;
}

export interface OpzioniScrittore {
  /** Righe per istruzione (default 2.000; le righe corte di UniEmens vanno a 5.000). */
  righePerLotto?: number;
  /** Chiamato dopo ogni lotto scritto: il CLI ci stampa l'avanzamento. */
  avanzamento?: (tabella: string, totale: number) => void;
}

export class ScrittoreLotti {
  private readonly code = new Map<Table, Coda>();
  private readonly prossimi = new Map<Table, number>();
  private pendente: Promise<unknown> | null = null;
  private inVolo = 0;
  readonly conteggi: Record<string, number> = {};

  private constructor(
    private readonly db: Db,
    private readonly opzioni: OpzioniScrittore,
  ) {}

  /** Legge gli id massimi già presenti: il seed può aggiungersi a dati esistenti senza collisioni. */
  static async apri(db: Db, opzioni: OpzioniScrittore = {}): Promise<ScrittoreLotti> {
    const w = new ScrittoreLotti(db, opzioni);
    for (const t of TABELLE_CON_ID) {
      const r = await db.execute(sql.raw(`select coalesce(max(id), 0) as massimo from ${getTableName(t)}`));
      w.prossimi.set(t, Number(righeDi<{ massimo: number | string }>(r)[0].massimo) + 1);
    }
    return w;
  }

  prossimoId(tabella: TabellaConId): number {
    const id = this.prossimi.get(tabella)!;
    this.prossimi.set(tabella, id + 1);
    return id;
  }

  aggiungi<T extends Table>(tabella: T, riga: T["$inferInsert"]): void {
    let coda = this.code.get(tabella);
    if (!coda) {
      const colonne = getTableColumns(tabella);
      const chiavi = Object.keys(riga as object);
      coda = {
        tabella,
        nome: getTableName(tabella),
        chiavi,
        colonne: chiavi.map((k) => {
          const c = colonne[k];
          if (!c) throw new Error(`Colonna ${k} inesistente in ${getTableName(tabella)}`);
          return `"${c.name}"`;
        }),
        righe: [],
        soglia:
          this.opzioni.righePerLotto ??
          ((tabella as Table) === s.uniemensMensili || (tabella as Table) === s.uniemensEventiCig ? 5000 : 2000),
      };
      this.code.set(tabella, coda);
    }
    const r = riga as Record<string, Valore>;
    coda.righe.push(`(${coda.chiavi.map((k) => letterale(r[k])).join(",")})`);
    if (coda.righe.length >= coda.soglia) this.svuotaFinoA(tabella);
  }

  /** Scrive i lotti in attesa della tabella e di tutte quelle che la precedono nell'ordine delle chiavi esterne. */
  private svuotaFinoA(tabella: Table): void {
    const limite = ORDINE.indexOf(tabella);
    for (let i = 0; i <= limite; i++) this.scrivi(ORDINE[i]);
  }

  private scrivi(tabella: Table): void {
    const coda = this.code.get(tabella);
    if (!coda || coda.righe.length === 0) return;
    const testo = `insert into "${coda.nome}" (${coda.colonne.join(",")}) values ${coda.righe.join(",")}`;
    const n = coda.righe.length;
    coda.righe = [];
    this.conteggi[coda.nome] = (this.conteggi[coda.nome] ?? 0) + n;
    const totale = this.conteggi[coda.nome];
    // Una sola istruzione in volo: mentre il database scrive questo lotto, il generatore prepara il successivo.
    const precedente = this.pendente;
    this.inVolo++;
    const p = (async () => {
      try {
        await precedente;
        await this.db.execute(sql.raw(testo));
        this.opzioni.avanzamento?.(coda.nome, totale);
      } finally {
        this.inVolo--;
      }
    })();
    p.catch(() => {}); // l'errore arriva a chi attende (attendi/chiudi), non come rifiuto non gestito
    this.pendente = p;
  }

  /** Attende tutti i lotti in volo. */
  async attendi(): Promise<void> {
    if (this.pendente) await this.pendente;
  }

  /** Contropressione: il generatore la chiama dopo ogni azienda, così in memoria restano al più due lotti per tabella. */
  async respira(): Promise<void> {
    if (this.inVolo > 1) await this.attendi();
  }

  /** Scrive tutto ciò che resta e riallinea le sequenze degli id. */
  async chiudi(): Promise<void> {
    for (const t of ORDINE) this.scrivi(t);
    await this.attendi();
    for (const t of TABELLE_CON_ID) {
      const nome = getTableName(t);
      await this.db.execute(
        sql.raw(
          `select setval(pg_get_serial_sequence('${nome}', 'id'), greatest((select coalesce(max(id), 0) from ${nome}), 1))`,
        ),
      );
    }
  }
}

/** postgres-js restituisce un array, PGlite un oggetto con `rows`: una sola forma per chi legge. */
export function righeDi<T>(risultato: unknown): T[] {
  if (Array.isArray(risultato)) return risultato as T[];
  return ((risultato as { rows?: T[] }).rows ?? []) as T[];
}
