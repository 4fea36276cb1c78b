// The journey of a domanda without its schemas: each step's URL slug, the key of its answers and its title, in order,
// and what the pages derive from it (the step indicator, where a valid step leads, the task list's labels). The pages'
// components read this module: it carries no zod, so the browser bundle of a step page does not either. The full
// step definitions (schemas, summary rows) are in ./index.ts, built on this list.
export const PERCORSO = [
  { slug: "azienda", chiave: "azienda", titolo: "Dati dell'azienda" },
  { slug: "unita-produttiva", chiave: "unitaProduttiva", titolo: "Unità produttiva" },
  { slug: "periodo", chiave: "periodo", titolo: "Periodo e causale" },
  { slug: "lavoratori", chiave: "lavoratori", titolo: "Lavoratori beneficiari" },
  { slug: "relazione-tecnica", chiave: "relazioneTecnica", titolo: "Relazione tecnica" },
  { slug: "informativa", chiave: "informativa", titolo: "Informativa sindacale" },
  { slug: "pagamento", chiave: "pagamento", titolo: "Modalità di pagamento" },
  { slug: "allegati", chiave: "allegati", titolo: "Allegati" },
] as const;

/** The keys of the steps' answers, in the order of the journey. */
export const CHIAVI_PASSI = /* @__PURE__ */ PERCORSO.map((p) => p.chiave);

export type ChiavePasso = (typeof PERCORSO)[number]["chiave"];
export type SlugPasso = (typeof PERCORSO)[number]["slug"];

// Alike interlocuzione.ts's request states (duplicates): a state union and its labels; the states are the step's own
export type StatoPasso = "da_completare" | "in_corso" | "completato" | "con_avvisi";

export const ETICHETTE_STATO_PASSO: Record<StatoPasso, string> = {
  da_completare: "Da completare",
  in_corso: "In corso",
  completato: "Completato",
  con_avvisi: "Con avvisi",
};

/** The pages the step indicator counts ("Passo 3 di 10"): the steps, then the summary, then the sending page. */
export const PAGINE_PERCORSO = [...PERCORSO.map((p) => p.slug), "riepilogo", "invio"] as const;
export type PaginaPercorso = SlugPasso | "riepilogo" | "invio";

/** Where a page stands in the journey, for the step indicator. */
export function posizioneNelPercorso(pagina: PaginaPercorso): { numero: number; totale: number } {
  return { numero: (PAGINE_PERCORSO as readonly string[]).indexOf(pagina) + 1, totale: PAGINE_PERCORSO.length };
}

/** Where a valid step leads: the next step, or the summary after the last one. */
export function percorsoDopo(slug: SlugPasso): SlugPasso | "riepilogo" {
  const i = PERCORSO.findIndex((p) => p.slug === slug);
  return PERCORSO[i + 1]?.slug ?? "riepilogo";
}

