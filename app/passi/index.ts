// The steps of a domanda, in order. Plain module: the task list, the guard and the forms all read it.
export const PASSI = [
  { slug: "azienda", chiave: "azienda", titolo: "Dati dell'azienda" },
  { slug: "unita-produttiva", chiave: "unitaProduttiva", titolo: "Unità produttiva" },
  { slug: "periodo", chiave: "periodo", titolo: "Periodo e causale" },
  { slug: "lavoratori", chiave: "lavoratori", titolo: "Lavoratori beneficiari" },
  { slug: "relazione-tecnica", chiave: "relazioneTecnica", titolo: "Relazione tecnica" },
  { slug: "informativa", chiave: "informativa", titolo: "Informativa sindacale" },
  { slug: "pagamento", chiave: "pagamento", titolo: "Modalità di pagamento" },
  { slug: "allegati", chiave: "allegati", titolo: "Allegati" },
] as const;

export type Passo = (typeof PASSI)[number];
export type ChiavePasso = Passo["chiave"];
export type SlugPasso = Passo["slug"];

export type StatoPasso = "da_completare" | "in_corso" | "completato" | "con_avvisi";

export const ETICHETTE_STATO_PASSO: Record<StatoPasso, string> = {
  da_completare: "Da completare",
  in_corso: "In corso",
  completato: "Completato",
  con_avvisi: "Con avvisi",
};

export function passoDaSlug(slug: string): Passo | undefined {
  return PASSI.find((p) => p.slug === slug);
}

/** The first step whose answers are missing, or null when all are there (the summary may be shown). */
export function primoPassoIncompleto(dati: Record<string, unknown>): Passo | null {
  return PASSI.find((p) => dati[p.chiave] == null) ?? null;
}

/** May this step be visited? Only if every earlier step is complete (deep links go to the first incomplete one). */
export function passoVisitabile(dati: Record<string, unknown>, slug: SlugPasso): boolean {
  const indice = PASSI.findIndex((p) => p.slug === slug);
  return PASSI.slice(0, indice).every((p) => dati[p.chiave] != null);
}

/**
 * The state of each step. A step whose key is present but null was started and not confirmed (e.g. workers selected
 * on some pages, not yet confirmed): "in corso".
 */
export function statiPassi(
  dati: Record<string, unknown>,
  passiConAvvisi: ReadonlySet<ChiavePasso>,
): Array<Passo & { stato: StatoPasso }> {
  return PASSI.map((p) => {
    let stato: StatoPasso = "da_completare";
    if (dati[p.chiave] != null) stato = passiConAvvisi.has(p.chiave) ? "con_avvisi" : "completato";
    else if (p.chiave in dati) stato = "in_corso";
    return { ...p, stato };
  });
}
