// Flussi UniEmens-Cig, as an intermediary uses them: the published example (C3, a ticket the platform does not know)
// checked without sending (the report as a page, then as a CSV download), then sent; the report shows the rejected
// row with its code, which links to the public catalogue; the list shows the flow. Both JS modes and the phone width run it; axe checks every page. A file above the
// synchronous limit shows its self-refreshing progress page until the report (without JS only).
import { readFile } from "node:fs/promises";
import { expect, test } from "./fixtures";
import { accediComeIntermediaria, inviaEAttendi, titolo } from "./support/domanda";

const ESEMPIO = new URL("../public/flussi/esempi/flusso-c3-marzo-2026.xml", import.meta.url);
const ESEMPIO_CSV = new URL("../public/flussi/esempi/flusso-c3-marzo-2026.csv", import.meta.url);

test("verifica e invio di un flusso UniEmens-Cig con una riga scartata", async ({ page }) => {
  test.setTimeout(120_000);
  await accediComeIntermediaria(page);
  await Promise.all([page.waitForURL(/\/flussi$/), page.getByRole("link", { name: "Flussi UniEmens-Cig per il pagamento diretto" }).click()]);
  await titolo(page, "Flussi UniEmens-Cig");

  // Nessun file scelto: l'errore del campo, con il riepilogo e il titolo "Errore:".
  await inviaEAttendi(page, "Invia il flusso");
  await expect(page).toHaveTitle(/^Errore: /);
  await expect(page.getByRole("alert")).toContainText("Scegli il file del flusso da inviare");

  const contenuto = await readFile(ESEMPIO);
  const file = { name: "flusso-c3-marzo-2026.xml", mimeType: "application/xml", buffer: contenuto };
  await page.getByLabel("File del flusso").setInputFiles(file);
  await inviaEAttendi(page, "Verifica senza inviare", /\/flussi\/verifica$/);
  await titolo(page, "Esito della verifica (nulla è stato inviato)");
  const scarti = page.getByRole("table", { name: "Righe scartate" });
  await expect(scarti).toContainText("UNI41-E021");
  await expect(scarti).toContainText("non corrisponde a nessuna domanda inviata");

  // The CSV report of a file that is neither XML nor CSV: back to the form with the error, its summary and title.
  await page.getByLabel("File del flusso").setInputFiles({ name: "flusso.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.4") });
  await inviaEAttendi(page, "Verifica e scarica il rapporto (CSV)", /\/flussi\/verifica\?errore=formatoFile$/);
  await expect(page).toHaveTitle(/^Errore: /);
  await expect(page.getByRole("alert")).toContainText("Il file deve essere un XML (.xml) o un CSV (.csv)");

  // The same check with the whole report as a CSV download: the page stays, nothing is sent.
  await page.getByLabel("File del flusso").setInputFiles(file);
  const [rapportoCsv] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Verifica e scarica il rapporto (CSV)" }).click()]);
  expect(rapportoCsv.suggestedFilename()).toBe("verifica-flusso.csv");
  const linee = (await readFile((await rapportoCsv.path())!, "utf8")).replace(/^\uFEFF/, "").trim().split("\r\n");
  expect(linee[0]).toBe("Riga;Tipo;Codice;Messaggio");
  expect(linee.filter((l) => /^\d+;Errore;UNI41-E021;/.test(l))).toHaveLength(2);

  await page.getByLabel("File del flusso").setInputFiles(file);
  await inviaEAttendi(page, "Invia il flusso", /\/flussi\/\d+$/);
  await titolo(page, "Esito del flusso");
  await expect(page.getByRole("main")).toContainText("Completato");
  // The example's two workers (one paid by the month, one by the hour) are both on the ticket the platform does not know.
  await expect(page.getByRole("table", { name: "Righe scartate" }).getByRole("link", { name: "UNI41-E021" })).toHaveCount(2);
  await expect(page.getByRole("link", { name: "Scarica le righe scartate (CSV)" })).toBeVisible();

  await Promise.all([page.waitForURL(/\/flussi\/catalogo/), page.getByRole("link", { name: "UNI41-E021" }).first().click()]);
  await expect(page.getByRole("heading", { name: /UNI41-E021 · Errore: Ticket sconosciuto/ })).toBeVisible();

  await page.goto("/flussi");
  await expect(page.getByRole("table", { name: "Ultimi flussi inviati" })).toContainText("flusso-c3-marzo-2026.xml");
});

test("un file oltre il limite sincrono: la pagina di avanzamento, aggiornata da sola quando lo si chiede, fino all'esito", async ({ page }, info) => {
  // Without JS is the case the meta refresh exists for; one project is enough for a job that runs on the server.
  test.skip(info.project.name !== "senza-js", "solo senza JavaScript");
  test.setTimeout(120_000);
  // The published CSV example's first return 5,000 times (e2e/run.ts: above 500 returns the file goes to the job).
  const [intestazione, riga] = (await readFile(ESEMPIO_CSV, "utf8")).split("\n");
  const contenuto = Buffer.from([intestazione, ...Array.from({ length: 5_000 }, () => riga), ""].join("\n"));
  await accediComeIntermediaria(page);
  await page.goto("/flussi");
  await page.getByLabel("File del flusso").setInputFiles({ name: "grande.csv", mimeType: "text/csv", buffer: contenuto });
  await inviaEAttendi(page, "Invia il flusso", /\/flussi\/\d+\/avanzamento$/);
  await titolo(page, "Controllo del flusso");
  await expect(page.getByRole("main")).toContainText(/Denunce controllate: \d[\d.]* di 5\.000/);
  await expect(page.getByRole("link", { name: "Vai all'esito del flusso" })).toHaveCount(0);
  // It does not reload unasked (WCAG 2.2.1); asked, it does, and can be stopped. On a fast machine the job may be done
  // by the time the asked page loads: then that page is the final one, with no refresh (the running case's page is
  // also checked on the loader, tests/integrazione/flussi-in-coda.test.ts).
  await expect(page.locator('meta[http-equiv="refresh"]')).toHaveCount(0);
  await Promise.all([page.waitForURL(/\?aggiorna=automatico$/), page.getByRole("link", { name: "Aggiorna automaticamente ogni 5 secondi" }).click()]);
  if (!(await page.getByRole("main").textContent())?.includes("Il controllo è concluso.")) {
    await expect(page.locator('meta[http-equiv="refresh"]')).toHaveAttribute("content", "5");
    await expect(page.getByRole("link", { name: "Ferma l'aggiornamento automatico" })).toBeVisible();
  }

  // The page reloads itself (no script) until the job is done: then the totals and the link to the report.
  await expect(page.getByRole("main")).toContainText("Il controllo è concluso.", { timeout: 90_000 });
  await expect(page.locator('meta[http-equiv="refresh"]')).toHaveCount(0);
  await Promise.all([page.waitForURL(/\/flussi\/\d+$/), page.getByRole("link", { name: "Vai all'esito del flusso" }).click()]);
  await titolo(page, "Esito del flusso");
  await expect(page.getByRole("main")).toContainText(/Scartate\D*5\.000/);
});

test("eliminazione di una denuncia: errori dei campi e una chiave che non c'è", async ({ page }) => {
  await accediComeIntermediaria(page);
  await page.goto("/flussi");
  await Promise.all([page.waitForURL(/\/flussi\/eliminazione$/), page.getByRole("link", { name: "Elimina una denuncia già accolta" }).click()]);
  await titolo(page, "Elimina una denuncia");

  await page.getByLabel("Matricola INPS dell'azienda").fill("12ab");
  await page.getByLabel("Mese di competenza").fill("13/2026");
  await inviaEAttendi(page, "Cerca la denuncia");
  await expect(page).toHaveTitle(/^Errore: /);
  const riepilogo = page.getByRole("alert");
  await expect(riepilogo).toContainText("Scrivi la matricola INPS: 10 cifre");
  await expect(riepilogo).toContainText("Scrivi il mese di competenza come mese e anno");
  // What was typed stays in the fields.
  await expect(page.getByLabel("Matricola INPS dell'azienda")).toHaveValue("12ab");
  await expect(page.getByLabel("Mese di competenza")).toHaveValue("13/2026");

  await page.getByLabel("Matricola INPS dell'azienda").fill("4734567803");
  await page.getByLabel("Codice fiscale del lavoratore").fill("RSSMRA85T10A562S");
  await page.getByLabel("Mese di competenza").fill("03/2026");
  for (const [campo, valore] of [["Qualifica1", "1"], ["Qualifica2", "F"], ["Qualifica3", "A"], ["TipoContribuzione", "00"]] as const) {
    await page.getByLabel(campo, { exact: true }).fill(valore);
  }
  await inviaEAttendi(page, "Cerca la denuncia");
  await expect(page).toHaveTitle(/^Errore: /);
  await expect(page.getByRole("alert")).toContainText("Non c'è una denuncia accolta con questi dati");
});

test("chiavi per i programmi paghe: creata, mostrata una volta, revocata", async ({ page }) => {
  await accediComeIntermediaria(page);
  await page.goto("/flussi");
  await Promise.all([page.waitForURL(/\/flussi\/chiavi$/), page.getByRole("link", { name: "Chiavi per i programmi paghe" }).click()]);
  await titolo(page, "Chiavi per i programmi paghe");

  await inviaEAttendi(page, "Crea la chiave");
  await expect(page).toHaveTitle(/^Errore: /);
  await expect(page.getByRole("alert")).toContainText("Scrivi un nome per la chiave");

  const nome = `Paghe ${test.info().project.name}`;
  await page.getByLabel("Nome della chiave").fill(nome);
  await inviaEAttendi(page, "Crea la chiave");
  const avviso = page.getByRole("status").filter({ hasText: "La tua nuova chiave" });
  await expect(avviso).toContainText(/omnia_[a-z0-9]+/);
  const riga = page.getByRole("row", { name: new RegExp(nome) });
  await expect(riga).toContainText("omnia_");

  // Shown once: after a reload only its first characters remain.
  await page.reload();
  await expect(page.getByText("La tua nuova chiave")).toHaveCount(0);

  await Promise.all([
    page.waitForResponse((r) => r.request().method() === "POST"),
    riga.getByRole("button", { name: `Revoca la chiave ${nome}` }).click(),
  ]);
  await expect(page.getByRole("row", { name: new RegExp(nome) })).toContainText("Revocata il");
});
