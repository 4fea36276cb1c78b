// Cruscotti: the public service-time pages (no sign-in), the company's cruscotto autorizzato/fruito and the
// intermediary's portfolio. axe checks every page visited (fixture); the phone projects measure them at 360 px.
import { expect, test } from "./fixtures";
import { accediComeDatore, accediComeIntermediaria, spunta } from "./support/domanda";

test("tempi di risposta: pagina pubblica per prestazione, senza accesso, con i dati in CSV", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("contentinfo").getByRole("link", { name: "Tempi di risposta delle domande" }).click();
  await expect(page).toHaveURL(/\/prestazioni\/cigo\/tempi$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/Tempi di risposta: .*CIGO/);
  const tabella = page.getByRole("table", { name: /Tempi di risposta/ });
  await expect(tabella.getByRole("rowheader", { name: "Giorni dall'invio alla decisione, mediana" })).toBeVisible();
  await expect(tabella.getByRole("rowheader", { name: "Domande in attesa di decisione" })).toBeVisible();
  // "Come è calcolato" opens without JavaScript (native details).
  await tabella.getByText("Come è calcolato").first().click();
  await expect(tabella.getByText(/Riferimento normativo/).first()).toBeVisible();
  await page.getByRole("navigation", { name: "Altre prestazioni" }).getByRole("link", { name: /CISOA/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/CISOA/);
  const csv = await page.request.get("/prestazioni/cisoa/tempi.csv");
  expect(csv.status()).toBe(200);
  expect(csv.headers()["content-disposition"]).toMatch(/attachment; filename="tempi-cisoa-/);
  expect(await csv.text()).toContain("Misura;Valore;Dato");
});

test("cruscotto del datore: autorizzato e fruito, capacità, scadenze, grafici con tabella e CSV (C2, Cantiere Lungadige)", async ({ page, browser }) => {
  // Figures of db/seed/cruscotto-demo.ts on the e2e day 10/02/2026.
  await accediComeDatore(page, "C2");
  await page.goto("/area-riservata");
  await page.getByRole("link", { name: /^Cruscotto: autorizzato, fruito/ }).click();
  await expect(page).toHaveURL(/\/aziende\/\d+\/cruscotto$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Cruscotto: Edil Costruzioni Adige S.p.A.");
  await expect(page.getByRole("heading", { level: 2, name: /Cantiere Lungadige/ })).toBeVisible();
  await expect(page.getByText(/CIGO.*sì, dal 10\/02\/2026; restano 49 settimane nel biennio mobile/)).toBeVisible();
  const domande = page.getByRole("table", { name: /Autorizzato e fruito per domanda/ });
  const riga = domande.getByRole("row", { name: /INPS\.OMNIA\.2025\.0900001/ });
  await expect(riga).toContainText("1200 ore"); // Italian style: no separator in four-digit numbers (CLDR)
  await expect(riga).toContainText("280 ore");
  await expect(riga).toContainText("920 ore");
  await expect(riga).toContainText("34 / 15");
  await expect(riga).toContainText("6,8 / 3");
  // The chart has a text alternative and the table beside it has the same figures.
  await expect(page.getByRole("img", { name: "Ore autorizzate e fruite per domanda" })).toBeVisible();
  const scadenze = page.getByRole("table", { name: /Scadenze/ });
  await expect(scadenze.getByRole("row", { name: /mese 11\/2025/ })).toContainText("scaduta da 10 giorni");
  await expect(scadenze.getByRole("row", { name: /mese 12\/2025/ })).toContainText("restano 18 giorni");
  // Every figure explains itself: formula, inputs, legal reference.
  await riga.getByText("Come è calcolato").click();
  await expect(riga.getByText(/34 giorni lavorabili ÷ 5 = 6,8 settimane/)).toBeVisible();
  await expect(riga.getByText(/Riferimento normativo: art\. 7/)).toBeVisible();
  const indirizzo = new URL(page.url());
  const csv = await page.request.get(`${indirizzo.pathname}.csv?tabella=domande`);
  expect(csv.status()).toBe(200);
  expect(csv.headers()["content-disposition"]).toMatch(/^attachment; filename="cruscotto-\d+-up\d+-domande-2026-02-10\.csv"$/);
  expect(await csv.text()).toContain(";1200;280;920;34;15;6.8;3");
  // The other unit, chosen with a plain link.
  await page.getByRole("link", { name: /Deposito di Verona/ }).click();
  await expect(page.getByRole("heading", { level: 2, name: /Deposito di Verona/ })).toBeVisible();

  // The intermediary whose delega on C2 expired gets the 404 page for the same address.
  const altro = await browser.newContext({ javaScriptEnabled: false });
  const laura = await altro.newPage();
  await accediComeIntermediaria(laura);
  const r = await laura.goto(indirizzo.pathname);
  expect(r?.status()).toBe(404);
  await altro.close();
});

test("portafoglio dell'intermediaria: tutte le aziende delegate, filtri e ordinamento con moduli GET, CSV", async ({ page }) => {
  await accediComeIntermediaria(page);
  await page.goto("/area-riservata");
  await page.getByRole("link", { name: /^Portafoglio delle aziende delegate/ }).click();
  await expect(page).toHaveURL(/\/portafoglio$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Portafoglio delle aziende");
  await expect(page.getByRole("status")).toContainText(/\d+ aziende; pagina 1 di \d+/);
  const tabella = page.getByRole("table", { name: /Aziende delegate/ });
  await expect(tabella.getByRole("row")).not.toHaveCount(1);
  // The filter "Con richieste della Sede da rispondere" is not used here: the seeded requests of C3 are answered or
  // decided by istruttoria-decisione.spec.ts in the desktop projects, before the phone projects run (the filters are
  // covered by tests/integrazione/portafoglio.test.ts).
  // The header links the intermediary's inbox; the table has the unread column, the form its filter (counts depend on
  // what other specs read: the counts are covered by tests/integrazione/portafoglio.test.ts).
  await expect(page.getByRole("banner").getByRole("link", { name: /^Messaggi/ })).toHaveAttribute("href", "/messaggi");
  await expect(tabella.getByRole("columnheader", { name: "Messaggi da leggere" })).toBeVisible();
  await spunta(page.getByLabel("Con messaggi da leggere"));
  await page.getByLabel("Ordina per").selectOption("messaggi");
  await page.getByRole("button", { name: "Applica" }).click();
  await expect(page).toHaveURL(/solo=messaggi&ordina=messaggi/);
  await expect(page.getByRole("status")).toContainText(/aziend|Nessuna azienda/);
  await page.getByRole("link", { name: "Azzera i filtri" }).click();
  await expect(page).toHaveURL(/\/portafoglio$/);
  await page.getByLabel("Cerca per ragione sociale, matricola o codice fiscale").fill("Bottega");
  await page.getByLabel("Ordina per").selectOption("richieste");
  await page.getByRole("button", { name: "Applica" }).click();
  await expect(page).toHaveURL(/q=Bottega/);
  await expect(page.getByRole("status")).toContainText("1 azienda; pagina 1 di 1.");
  const c3 = tabella.getByRole("row", { name: /Bottega Digitale/ });
  await expect(c3).toBeVisible();
  const csv = await page.request.get(`/portafoglio.csv${new URL(page.url()).search}`);
  expect(csv.status()).toBe(200);
  expect(await csv.text()).toContain("Bottega Digitale");
  await c3.getByRole("link", { name: /Bottega Digitale/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/Cruscotto: Bottega Digitale/);
  await page.getByRole("link", { name: "Torna al portafoglio delle aziende" }).click();
  await expect(page).toHaveURL(/\/portafoglio$/);
});
