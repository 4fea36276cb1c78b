// The operators' desk (issue 11): the operator of Padova signs in, opens the queue, finds a CIGO domanda of the
// reference company C1 (seeded as sent: db/seed/domande-demo.ts, one per project since the projects share the
// database), takes it, sees the automatic checks and saves a checklist item; the operator of Milano cannot open it. The
// office manager of Padova reads the workload of the office and a case, read only (she changes nothing, so her test
// may run beside any other). Runs with and without JavaScript, on desktop and at 360 px (playwright.config.ts).
import { expect, test, accedi } from "./fixtures";
import { spunta } from "./support/domanda";
import { DIRIGENTE_PADOVA, DOMANDE_C1_DEMO, OPERATORE_MILANO, OPERATORE_PADOVA } from "../db/seed/index";
import { formatDataItaliana } from "../app/domain/date";

const PROGETTI = ["senza-js", "con-js", "telefono-senza-js", "telefono-con-js"];

test("scrivania: l'operatore di Padova prende in carico la CIGO di C1, vede i controlli e salva una voce della checklist", async ({ page }, info) => {
  test.setTimeout(120_000);
  const indice = PROGETTI.indexOf(info.project.name);
  expect(indice, `progetto senza una domanda dimostrativa: ${info.project.name}`).toBeGreaterThanOrEqual(0);
  const periodo = DOMANDE_C1_DEMO[indice];
  const testoPeriodo = `dal ${formatDataItaliana(periodo.inizio)} al ${formatDataItaliana(periodo.fine)}`;

  await accedi(page, OPERATORE_PADOVA.codiceFiscale, { profilo: /Operatore di sede/ });
  await expect(page.getByRole("heading", { level: 1, name: "Area riservata" })).toBeVisible();
  await page.getByRole("link", { name: "Domande da istruire" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Domande da istruire" })).toBeVisible();

  await page.getByLabel("Azienda o protocollo").fill("4712345601");
  await page.getByRole("button", { name: "Applica" }).click();
  await expect(page).toHaveURL(/cerca=4712345601/);
  const riga = page.getByRole("row").filter({ hasText: testoPeriodo });
  await expect(riga).toHaveCount(1);
  await expect(riga).toContainText("Officine Meccaniche Brenta");
  await expect(riga).toContainText("Nessuno");
  await riga.getByRole("link").click();

  await expect(page.getByRole("heading", { level: 1, name: /^Domanda INPS\.OMNIA\./ })).toBeVisible();
  const url = new URL(page.url()).pathname;
  const controlli = page.getByRole("region", { name: "Controlli automatici" });
  await expect(controlli.getByRole("heading", { name: /Termine di presentazione e prima data copribile/ })).toBeVisible();
  await expect(controlli.getByRole("heading", { name: /Durata massima complessiva nel quinquennio mobile/ })).toBeVisible();
  await expect(controlli).toContainText("art. 4 d.lgs. 148/2015");
  await expect(controlli.getByRole("heading", { name: /Requisiti dei lavoratori/ })).toBeVisible();

  await page.getByRole("button", { name: "Prendi in carico" }).click();
  await expect(page.getByRole("status")).toContainText("Hai preso in carico la domanda");
  await expect(page.getByText("Giorgio Operatore Esempio").first()).toBeVisible();
  await expect(page.getByRole("link", { name: "Decidi la domanda" })).toBeVisible();

  const gruppo = page.getByRole("group", { name: "Esito della verifica: Transitorietà della situazione" });
  await spunta(gruppo.getByRole("radio", { name: "Verificato", exact: true }));
  const voce = page.locator("#voce-transitorieta");
  await voce.getByLabel("Nota sulla verifica").fill("Ordini ripresi a settembre secondo la relazione tecnica.");
  await voce.getByRole("button", { name: /Salva la voce/ }).click();
  await expect(page.getByRole("status")).toContainText("Voce della checklist salvata");
  await expect(page.locator("#voce-transitorieta").getByRole("radio", { name: "Verificato", exact: true })).toBeChecked();
  await expect(page.locator("#voce-transitorieta").getByLabel("Nota sulla verifica")).toHaveValue("Ordini ripresi a settembre secondo la relazione tecnica.");

  await Promise.all([page.waitForURL((u) => !u.pathname.startsWith("/scrivania")), page.getByRole("button", { name: /^Esci/ }).click()]);
  await accedi(page, OPERATORE_MILANO.codiceFiscale, { profilo: /Operatore di sede/ });
  const risposta = await page.goto(url);
  expect(risposta?.status()).toBe(404);
});

test("carichi di lavoro: la dirigente di Padova legge i carichi dell'ufficio e una domanda, in sola lettura", async ({ page }) => {
  test.setTimeout(120_000);
  await accedi(page, DIRIGENTE_PADOVA.codiceFiscale);
  await expect(page.getByRole("heading", { level: 1, name: "Area riservata" })).toBeVisible();
  await page.getByRole("link", { name: "Carichi di lavoro e tempi dell'ufficio" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Carichi di lavoro dell'ufficio" })).toBeVisible();
  await expect(page.getByText("Vista in sola lettura.")).toBeVisible();
  await expect(page.getByText("Mediana dei giorni dall'invio alla decisione")).toBeVisible();
  await expect(page.getByText("Domande aperte oltre il termine per decidere")).toBeVisible();
  await expect(page.getByRole("table", { name: "Domande per operatore" }).getByRole("row", { name: /^Giorgio Operatore Esempio/ })).toHaveCount(1);
  await expect(page.getByRole("table", { name: "Domande inviate per stato" }).getByRole("rowheader", { name: "In istruttoria" })).toBeVisible();
  await expect(page.getByRole("table", { name: "Domande aperte per giorni dall'invio" })).toBeVisible();

  // Any case of the sede from the queue (whatever other specs did to it, she only reads): everything readable, no
  // action, no form of the checklist or the notes.
  await page.getByRole("link", { name: "Domande da istruire" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Domande da istruire" })).toBeVisible();
  await page.getByRole("row").filter({ has: page.getByRole("link") }).first().getByRole("link").first().click();
  await expect(page.getByRole("heading", { level: 1, name: /^Domanda INPS\.OMNIA\./ })).toBeVisible();
  await expect(page.getByText("Consulti la domanda in sola lettura.")).toBeVisible();
  await expect(page.getByRole("region", { name: "Controlli automatici" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Prendi in carico" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Decidi la domanda" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Richiedi informazioni o documenti all'azienda" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /^Salva la voce/ })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Aggiungi la nota" })).toHaveCount(0);
});
