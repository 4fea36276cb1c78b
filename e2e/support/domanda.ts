// Helpers for the e2e journeys of the domanda (e2e/domanda-*.spec.ts): one function per step, by role and label as a
// person would use the page, working the same with JavaScript off (plain POST, PRG) and on (Remix navigations).
// Each step helper starts on its page and ends when the next page is shown.
import type { Locator, Page, TestInfo } from "@playwright/test";
import { LAURA_CONSULENTE, MARIO_ESEMPIO } from "../../db/seed/utenti-demo";
import { messaggiAccesso } from "../../app/testi";
import { accedi, expect } from "../fixtures";

export const SALVA = "Salva e continua";

/** Mario Esempio, employer, acting for Officine Meccaniche Brenta (C1) or Edil Costruzioni Adige (C2). */
export async function accediComeDatore(page: Page, azienda: "C1" | "C2" = "C1"): Promise<void> {
  await accedi(page, MARIO_ESEMPIO.codiceFiscale, {
    profilo: azienda === "C1" ? /Officine Meccaniche Brenta/ : /Edil Costruzioni Adige/,
  });
}

/** Laura Consulente Fittizia acting as intermediary (deleghe on C3, C4, C5; the one on C2 expired). */
export async function accediComeIntermediaria(page: Page): Promise<void> {
  await accedi(page, LAURA_CONSULENTE.codiceFiscale, { profilo: new RegExp(`^${messaggiAccesso.ruoli.intermediario}`) });
}

/** 0 in the project without JavaScript, 1 with: lets the two projects (one server, one database) use distinct periods. */
export function indiceProgetto(info: TestInfo): 0 | 1 {
  return info.project.use.javaScriptEnabled ? 1 : 0;
}

/** The four projects in playwright.config.ts' order: specs that run in all four use one seeded record per project. */
export const PROGETTI_E2E = ["senza-js", "con-js", "telefono-senza-js", "telefono-con-js"] as const;

/** 0–3 as in PROGETTI_E2E: the index of this project's own seeded record (the projects share one database). */
export function indiceTraQuattroProgetti(info: TestInfo): 0 | 1 | 2 | 3 {
  const i = PROGETTI_E2E.indexOf(info.project.name as (typeof PROGETTI_E2E)[number]);
  if (i < 0) throw new Error(`progetto senza dati dimostrativi propri: ${info.project.name}`);
  return i as 0 | 1 | 2 | 3;
}

/** True in the phone projects (360×740), which also run D1 and D3 (playwright.config.ts). */
export function eTelefono(info: TestInfo): boolean {
  return info.project.name.startsWith("telefono-");
}

/**
 * Ticks a radio or checkbox found by role and name. Bootstrap Italia draws the control on its label, which covers the
 * real input: click the label, as a person would, and check the state.
 */
export async function spunta(controllo: Locator): Promise<void> {
  if (await controllo.isChecked()) return;
  // Bootstrap Italia draws the radios and checkboxes of a .form-check on their label; elsewhere (e.g. a table of
  // workers, whose label is only for screen readers) the control itself is what a person clicks.
  const disegnatoSullEtichetta = await controllo.evaluate((el) => el.closest(".form-check") !== null);
  const id = await controllo.getAttribute("id");
  if (disegnatoSullEtichetta && id) await controllo.page().locator(`label[for="${id}"]`).click();
  else await controllo.check();
  await expect(controllo).toBeChecked();
}

/**
 * Clicks a submit button and waits for the page after it: the URL matching `verso`, or (without `verso`, for a POST
 * that comes back to the same page) the answer to the POST, after which the page's assertions retry.
 */
export async function inviaEAttendi(page: Page, nomePulsante: string | RegExp, verso?: RegExp): Promise<void> {
  const pulsante = page.getByRole("button", { name: nomePulsante, exact: typeof nomePulsante === "string" });
  await Promise.all([
    verso
      ? page.waitForURL((u) => verso.test(u.pathname + u.search))
      : page.waitForResponse((r) => r.request().method() === "POST" && r.request().frame() === page.mainFrame()),
    pulsante.click(),
  ]);
}

export async function titolo(page: Page, testo: string | RegExp): Promise<void> {
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(testo);
}

/** The draft id from a /domande/:id/... URL. */
export function idDaUrl(page: Page): number {
  const m = /\/domande\/(\d+)/.exec(new URL(page.url()).pathname);
  if (!m) throw new Error(`nessun id di domanda in ${page.url()}`);
  return Number(m[1]);
}

/**
 * /domande/nuova: picks the company among "your companies", checks the routing labels and creates the draft of the
 * benefit whose radio name matches `prestazione`. Returns the new draft's id (the page is then "Dati dell'azienda").
 */
export async function creaBozza(
  page: Page,
  azienda: string | RegExp,
  prestazione: RegExp,
  primaDiCreare?: () => Promise<void>,
): Promise<number> {
  await page.goto("/domande/nuova");
  await titolo(page, "Nuova domanda");
  await page.getByRole("link", { name: azienda }).click();
  await expect(page.getByRole("group", { name: "Quale prestazione vuoi richiedere?" })).toBeVisible();
  await spunta(page.getByRole("radio", { name: prestazione }));
  await primaDiCreare?.();
  await inviaEAttendi(page, "Crea la bozza di domanda", /\/domande\/\d+\/azienda$/);
  await titolo(page, "Dati dell'azienda");
  return idDaUrl(page);
}

/** "Dati dell'azienda": the registry data are shown; PEC pre-filled; adds a contact person. */
export async function passoAzienda(page: Page, referente = "Ufficio del personale"): Promise<void> {
  await titolo(page, "Dati dell'azienda");
  await expect(page.getByLabel("PEC dell'azienda")).not.toHaveValue("");
  await page.getByLabel(/^Referente per la domanda/).fill(referente);
  await inviaEAttendi(page, SALVA, /\/unita-produttiva$/);
}

/** "Unità produttiva": picks the unit by its name; the UniEmens averages are kept. */
/**
 * "Unità produttiva": the unit; for a company with several units the page comes back with the chosen unit's average
 * workers (UniEmens) to check, then goes on. Each row's fields are labelled once, by the column headers.
 */
export async function passoUnita(page: Page, unita: string | RegExp): Promise<void> {
  await titolo(page, "Unità produttiva");
  await expect(page.getByText("Passo 2 di 10")).toBeVisible();
  await spunta(page.getByRole("radio", { name: unita }));
  await inviaEAttendi(page, SALVA, /\/(periodo|unita-produttiva\?media=1)$/);
  if (new URL(page.url()).pathname.endsWith("/unita-produttiva")) {
    await expect(page.getByRole("status")).toContainText("L'unità produttiva è stata salvata");
    await expect(page.getByRole("radio", { name: unita })).toBeChecked();
    await expect(page.getByLabel("Numero di lavoratori, riga 1")).not.toHaveValue("");
    await inviaEAttendi(page, SALVA, /\/periodo$/);
  }
}

export interface DatiPeriodo {
  causale: string;
  tipo: "sospensione" | "riduzione";
  oreRidotte?: string;
  inizio: string;
  fine: string;
  ore: string;
  giorni?: string[];
  lavorazione?: string;
}

/**
 * "Periodo e causale". With open alerts the page comes back with them (`?salvato=1`): `poi` decides whether to stop
 * there ("fermati") or to follow the link to the next step ("continua", the default).
 */
export async function passoPeriodo(
  page: Page,
  p: DatiPeriodo,
  { poi = "continua", primaDiSalvare }: { poi?: "continua" | "fermati"; primaDiSalvare?: () => Promise<void> } = {},
): Promise<void> {
  await titolo(page, "Periodo e causale");
  await page.getByLabel("Causale").selectOption({ label: p.causale });
  await spunta(page.getByRole("radio", { name: p.tipo === "riduzione" ? "Riduzione dell'orario" : "Sospensione (zero ore)" }));
  if (p.oreRidotte) await page.getByLabel(/^Ore settimanali lavorate durante la riduzione/).fill(p.oreRidotte);
  await page.getByLabel("Data di inizio").fill(p.inizio);
  await page.getByLabel("Data di fine").fill(p.fine);
  await page.getByLabel("Ore di integrazione richieste").fill(p.ore);
  if (p.giorni) await page.getByLabel(/^Giorni di sospensione o riduzione/).fill(p.giorni.join("\n"));
  if (p.lavorazione) await page.getByLabel(/^Lavorazione in corso in quei giorni/).fill(p.lavorazione);
  await primaDiSalvare?.();
  await inviaEAttendi(page, SALVA, /\/(lavoratori|periodo\?salvato=1)$/);
  if (new URL(page.url()).pathname.endsWith("/periodo")) {
    await expect(page.getByRole("heading", { name: "Controlli sul periodo salvato" })).toBeVisible();
    if (poi === "continua") {
      await Promise.all([
        page.waitForURL(/\/lavoratori$/),
        page.getByRole("link", { name: "continuare con il passo successivo" }).click(),
      ]);
    }
  }
}

/** The row of a worker in the "Lavoratori" table (its row header is "Cognome Nome"). */
export function rigaLavoratore(page: Page, nominativo: string) {
  return page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: nominativo }) });
}

/** "Lavoratori beneficiari": selects every eligible worker of the unit and confirms. */
export async function passoLavoratoriTutti(page: Page): Promise<void> {
  await titolo(page, "Lavoratori beneficiari");
  await inviaEAttendi(page, "Seleziona tutti gli ammissibili");
  await expect(page.getByText(/Selezionati: [1-9]/)).toBeVisible();
  await inviaEAttendi(page, "Conferma i lavoratori", /\/relazione-tecnica$/);
}

export const INDICATORI_2025 = [
  { periodo: "2025-Q1", fatturato: "1.250.000,00", ordini: "900.000,00", risultato: "85.000,00" },
  { periodo: "2025-Q2", fatturato: "1.100.000,00", ordini: "640.000,00", risultato: "32.500,00" },
  { periodo: "2025-Q3", fatturato: "870.000,00", ordini: "410.000,00", risultato: "-12.000,00" },
  { periodo: "2025-Q4", fatturato: "690.000,00", ordini: "250.000,00", risultato: "-48.750,50" },
];

/** "Relazione tecnica" in the structured fields, with the quarterly indicators 2025-Q1..Q4. */
export async function passoRelazioneTecnica(
  page: Page,
  { indicatori = INDICATORI_2025, primaDiSalvare }: { indicatori?: typeof INDICATORI_2025; primaDiSalvare?: () => Promise<void> } = {},
): Promise<void> {
  await titolo(page, "Relazione tecnica");
  await spunta(page.getByRole("radio", { name: "Compilo i campi qui sotto" }));
  await page
    .getByLabel("Attività dell'azienda e cause della sospensione o riduzione")
    .fill("Lavorazioni meccaniche conto terzi. Il principale committente ha sospeso gli ordini del primo semestre 2026.");
  await page.getByLabel("Misure adottate").fill("Smaltimento di ferie e permessi arretrati, ricerca di nuovi committenti.");
  await page
    .getByLabel("Prospettive di ripresa e relativi elementi di prova")
    .fill("Offerta in corso con un nuovo committente; ripresa prevista da maggio 2026.");
  await spunta(page.getByRole("radio", { name: /^Trimestre/ }));
  for (const [i, r] of indicatori.entries()) {
    const n = i + 1;
    if (i > 0) {
      // JavaScript on: a row is added in the page; off: the form is posted and the page comes back with one more row.
      await page.getByRole("button", { name: "Aggiungi periodo" }).click();
      await expect(page.getByLabel(`Periodo, riga ${n}`, { exact: true })).toBeVisible();
    }
    await page.getByLabel(`Periodo, riga ${n}`, { exact: true }).fill(r.periodo);
    await page.getByLabel(`Fatturato (€), riga ${n}`, { exact: true }).fill(r.fatturato);
    await page.getByLabel(`Ordini in portafoglio (€), riga ${n}`, { exact: true }).fill(r.ordini);
    await page.getByLabel(`Risultato operativo (€), riga ${n}`, { exact: true }).fill(r.risultato);
  }
  await spunta(page.getByRole("checkbox", { name: /^Dichiaro, ai sensi dell'art\. 47/ }));
  await primaDiSalvare?.();
  await inviaEAttendi(page, SALVA, /\/informativa$/);
}

/** "Informativa sindacale": the procedure's dates when it is due, nothing otherwise. */
export async function passoInformativa(page: Page, date = { comunicazione: "26/01/2026", conclusione: "04/02/2026" }): Promise<boolean> {
  await titolo(page, "Informativa sindacale");
  const dovuta = (await page.getByLabel("Data della comunicazione preventiva").count()) > 0;
  if (dovuta) {
    await page.getByLabel("Data della comunicazione preventiva").fill(date.comunicazione);
    await page.getByLabel(/^Data di conclusione della procedura/).fill(date.conclusione);
    await page.getByLabel(/^Organizzazioni sindacali territoriali/).fill("FIOM-CGIL, FIM-CISL e UILM-UIL");
    await spunta(page.getByRole("checkbox", { name: /^Dichiaro di aver svolto la procedura di informativa/ }));
  }
  await inviaEAttendi(page, SALVA, /\/pagamento$/);
  return dovuta;
}

/** "Modalità di pagamento": anticipo e conguaglio. */
export async function passoPagamentoConguaglio(page: Page): Promise<void> {
  await titolo(page, "Modalità di pagamento");
  await spunta(page.getByRole("radio", { name: "Anticipo e conguaglio" }));
  await inviaEAttendi(page, SALVA, /\/allegati$/);
}

export interface Bilancio {
  data: string;
  liquide: string;
  crediti: string;
  rimanenze: string;
  debiti: string;
}

/** Quick ratio (liquide + crediti) / debiti = 0,3: under the threshold of 1, direct payment confirmed. */
export const BILANCIO_IN_DIFFICOLTA: Bilancio = {
  data: "31/12/2025",
  liquide: "10.000,00",
  crediti: "20.000,00",
  rimanenze: "50.000,00",
  debiti: "100.000,00",
};

/** Quick ratio = 6: the company is liquid, direct payment refused. */
export const BILANCIO_SOLIDO: Bilancio = {
  data: "31/12/2025",
  liquide: "200.000,00",
  crediti: "100.000,00",
  rimanenze: "10.000,00",
  debiti: "50.000,00",
};

/** "Modalità di pagamento": asks for the direct payment; ends on the outcome (`?esito=1`). */
export async function passoPagamentoDiretto(page: Page, b: Bilancio): Promise<void> {
  await titolo(page, "Modalità di pagamento");
  await spunta(page.getByRole("radio", { name: "Pagamento diretto da parte dell'INPS" }));
  await page.getByLabel(/^Data del bilancio o della situazione contabile/).fill(b.data);
  await page.getByLabel("Disponibilità liquide (cassa e banche)").fill(b.liquide);
  await page.getByLabel("Crediti esigibili entro l'anno").fill(b.crediti);
  await page.getByLabel("Rimanenze di magazzino").fill(b.rimanenze);
  await page.getByLabel("Debiti esigibili entro l'anno").fill(b.debiti);
  await inviaEAttendi(page, SALVA, /\/pagamento\?esito=1$/);
}

/** "Allegati": optional for the causali used here; goes on to the summary. */
export async function passoAllegati(page: Page): Promise<void> {
  await titolo(page, "Allegati");
  await inviaEAttendi(page, SALVA, /\/riepilogo$/);
  await titolo(page, "Riepilogo della domanda");
}

/** From the summary: "Continua all'invio", both declarations, "Invia la domanda"; ends on the receipt. Returns the protocol. */
export async function inviaDallaRiepilogo(page: Page): Promise<string> {
  await titolo(page, "Riepilogo della domanda");
  await expect(page.getByText(/problem[ai] bloccant[ei]/)).toHaveCount(0);
  await Promise.all([page.waitForURL(/\/invio$/), page.getByRole("link", { name: "Continua all'invio" }).click()]);
  await titolo(page, "Invio della domanda");
  await spunta(page.getByRole("checkbox", { name: /^Dichiaro che i dati e le informazioni/ }));
  await spunta(page.getByRole("checkbox", { name: "Dichiaro di aver letto l'informativa sul trattamento dei dati personali" }));
  await inviaEAttendi(page, "Invia la domanda", /\/ricevuta$/);
  await titolo(page, "Domanda inviata");
  const protocollo = await page.getByRole("definition").first().textContent();
  expect(protocollo?.trim()).toBeTruthy();
  return protocollo!.trim();
}
