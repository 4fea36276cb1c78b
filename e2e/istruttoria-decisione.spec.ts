// Interlocuzione and decision (issue 11), with and without JavaScript, on a desktop and at 360 px (axe on every page, and
// no page may scroll sideways at 360 px: e2e/fixtures.ts), each project on its own cases from the seed
// (db/seed/decisioni-demo.ts): the operator of Padova takes the CIGO domanda of C1, asks a supplemento istruttorio, the
// employer answers with a PDF, the operator authorises partially excluding one worker with its reason, the employer
// reads the decision and downloads the provvedimento; the operator of Milano rejects a FIS domanda of C3 with a
// motivazione after its request expired; a late CIGO domanda is authorised from the first coverable day.
import { PDFDocument } from "pdf-lib";
import type { Page } from "@playwright/test";
import { accedi, esci, expect, test } from "./fixtures";
import { accediComeDatore, indiceTraQuattroProgetti, spunta } from "./support/domanda";
import { DOMANDE_DECISIONE_DEMO, OPERATORE_MILANO, OPERATORE_PADOVA, TESTO_SUPPLEMENTO_DEMO } from "../db/seed/index";
import { addDays, formatDataItaliana as gma } from "../app/domain/date";

const periodo = (p: { inizio: string; fine: string }) => `dal ${gma(p.inizio)} al ${gma(p.fine)}`;

/** From the queue, filtered by the company's matricola, to the case whose period is `testoPeriodo`. */
async function apriCaso(page: Page, matricola: string, testoPeriodo: string): Promise<string> {
  await page.goto("/scrivania");
  await page.getByLabel("Azienda o protocollo").fill(matricola);
  await page.getByRole("button", { name: "Applica" }).click();
  await expect(page).toHaveURL(new RegExp(`cerca=${matricola}`));
  const riga = page.getByRole("row").filter({ hasText: testoPeriodo });
  await expect(riga).toHaveCount(1);
  await riga.getByRole("link").first().click();
  await expect(page.getByRole("heading", { level: 1, name: /^Domanda INPS\.OMNIA\./ })).toBeVisible();
  return new URL(page.url()).pathname;
}

async function decidi(page: Page, esito: string) {
  await page.getByRole("link", { name: "Decidi la domanda" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Decisione sulla domanda" })).toBeVisible();
  await spunta(page.getByRole("radio", { name: esito, exact: true }));
}

async function confermaDecisione(page: Page) {
  await page.getByRole("button", { name: "Continua", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Controlla la decisione prima di emetterla" })).toBeVisible();
  await page.getByRole("button", { name: "Conferma ed emetti il provvedimento" }).click();
  await expect(page.getByRole("status")).toContainText(/Provvedimento n\. \S+ emesso/);
}

test("CIGO di C1: supplemento istruttorio, risposta del datore, autorizzazione parziale, provvedimento scaricato", async ({ page }, info) => {
  test.setTimeout(180_000);
  const caso = DOMANDE_DECISIONE_DEMO[indiceTraQuattroProgetti(info)].cigo;

  await accedi(page, OPERATORE_PADOVA.codiceFiscale, { profilo: /Operatore di sede/ });
  const url = await apriCaso(page, "4712345601", periodo(caso));
  const id = Number(url.split("/").pop());
  await page.getByRole("button", { name: "Prendi in carico" }).click();
  await expect(page.getByRole("status")).toContainText("Hai preso in carico la domanda");

  await page.getByRole("link", { name: "Richiedi informazioni o documenti all'azienda" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Richiesta all'azienda" })).toBeVisible();
  // Without a choice and a text the page says what is missing, GOV.UK style.
  await page.getByRole("button", { name: "Invia la richiesta all'azienda" }).click();
  await expect(page.getByRole("alert")).toContainText("Scegli il tipo di richiesta");
  await expect(page).toHaveTitle(/^Errore: /);
  await spunta(page.getByRole("radio", { name: "Supplemento istruttorio" }));
  await page.getByLabel("Che cosa chiedi all'azienda").fill(TESTO_SUPPLEMENTO_DEMO);
  await page.getByLabel(/^Documenti richiesti/).fill("Elenco degli ordini annullati");
  await page.getByRole("button", { name: "Invia la richiesta all'azienda" }).click();
  await expect(page).toHaveURL(new RegExp(`${url}$`));
  await expect(page.getByText("Sospesa in attesa di risposta").first()).toBeVisible();
  await esci(page);

  // The employer sees the pending request and answers with a PDF.
  await accediComeDatore(page, "C1");
  await page.goto("/domande");
  await page.getByRole("link", { name: "vedi le richieste in attesa di risposta" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Richieste della Sede in attesa di risposta" })).toBeVisible();
  await page.locator(`a[href="/domande/${id}/risposta"]`).click();
  await expect(page.getByRole("heading", { level: 1, name: "Rispondi alla richiesta della Sede" })).toBeVisible();
  await expect(page.getByText(TESTO_SUPPLEMENTO_DEMO)).toBeVisible();
  const pdf = await PDFDocument.create();
  pdf.addPage().drawText("Ordini annullati nel trimestre", { x: 50, y: 700 });
  await page.getByLabel("La tua risposta").fill("Alleghiamo l'elenco degli ordini annullati dai due clienti principali.");
  await page.getByLabel(/^Documenti PDF/).setInputFiles({ name: "ordini-annullati.pdf", mimeType: "application/pdf", buffer: Buffer.from(await pdf.save()) });
  await page.getByRole("button", { name: "Invia la risposta" }).click();
  await expect(page).toHaveURL(new RegExp(`/domande/${id}/dettaglio`));
  await expect(page.getByRole("status")).toContainText("La tua risposta è stata inviata");
  await esci(page);

  // The operator finds the answer on the case and authorises in part, excluding one worker with the reason.
  await accedi(page, OPERATORE_PADOVA.codiceFiscale, { profilo: /Operatore di sede/ });
  await page.goto(url);
  await expect(page.getByRole("region", { name: /Risposta dell'azienda del/ })).toContainText("ordini annullati dai due clienti");
  await expect(page.getByRole("link", { name: "ordini-annullati.pdf" })).toBeVisible();
  await decidi(page, "Autorizzata parzialmente");
  await expect(page.getByLabel("Motivazione", { exact: true })).toHaveValue(/Supplemento istruttorio ai sensi dell'art\. 11 c\.2/);
  const escluso = page.getByRole("checkbox", { name: /^Escludi / }).first();
  const nome = ((await escluso.getAttribute("id")) ?? "").replace("escluso-", "");
  await spunta(escluso);
  // A worker excluded without a reason: the field says so.
  await page.getByRole("button", { name: "Continua", exact: true }).click();
  await expect(page.getByRole("alert")).toContainText("Indica il motivo dell'esclusione di questo lavoratore");
  await page.locator(`#decisione-motivo-${nome}`).fill("Assunto all'unità produttiva da meno di 30 giorni alla data della domanda");
  await confermaDecisione(page);
  await esci(page);

  // The employer reads the decision, the exclusion with its reason and the appeal, and downloads the provvedimento.
  await accediComeDatore(page, "C1");
  await page.goto(`/domande/${id}/dettaglio`);
  const decisione = page.getByRole("region", { name: "Decisione della Sede INPS" });
  await expect(decisione).toContainText("Autorizzata parzialmente");
  await expect(decisione).toContainText("Assunto all'unità produttiva da meno di 30 giorni");
  await expect(decisione).toContainText("Comitato amministratore");
  const [scaricato] = await Promise.all([page.waitForEvent("download"), decisione.getByRole("link", { name: /^Scarica il provvedimento n\./ }).click()]);
  expect(scaricato.suggestedFilename()).toMatch(/^provvedimento-DEMO\d+-01\.pdf$/);
});

test("FIS di C3: respinta con motivazione dopo la scadenza del supplemento istruttorio", async ({ page }, info) => {
  test.setTimeout(120_000);
  const caso = DOMANDE_DECISIONE_DEMO[indiceTraQuattroProgetti(info)].fis;
  await accedi(page, OPERATORE_MILANO.codiceFiscale, { profilo: /Operatore di sede/ });
  await apriCaso(page, "4734567803", periodo(caso));
  await expect(page.getByRole("heading", { name: /Supplemento istruttorio del/ })).toBeVisible();
  await page.getByRole("link", { name: "Chiudi la richiesta all'azienda e riprendi l'istruttoria" }).click();
  await expect(page.getByText("il termine è già scaduto")).toBeVisible();
  await page.getByRole("button", { name: "Riprendi l'istruttoria" }).click();
  await expect(page.getByText("Scaduta senza risposta").first()).toBeVisible();

  await decidi(page, "Respinta");
  await spunta(page.getByRole("checkbox", { name: "Il rigetto è per mancanza di elementi di valutazione" }));
  await page
    .getByLabel("Motivazione", { exact: true })
    .fill(
      `Con il supplemento istruttorio del ${gma(caso.richiestaIl)} (art. 11 c.2 D.M. 95442/2016) sono stati chiesti gli ordini annullati: il termine è scaduto senza risposta e la relazione tecnica non dimostra la transitorietà della crisi.`,
    );
  await confermaDecisione(page);
  await expect(page.getByRole("region", { name: "Provvedimenti emessi" })).toContainText("respinta");
});

test("CIGO tardiva: autorizzata dalla prima data copribile", async ({ page }, info) => {
  test.setTimeout(120_000);
  const caso = DOMANDE_DECISIONE_DEMO[indiceTraQuattroProgetti(info)].tardiva;
  const primo = addDays(caso.inviataIl, -7);
  await accedi(page, OPERATORE_PADOVA.codiceFiscale, { profilo: /Operatore di sede/ });
  await apriCaso(page, "4712345601", periodo(caso));
  await decidi(page, "Autorizzata");
  await expect(page.getByText(`La domanda è tardiva: il periodo autorizzato può iniziare al più presto il ${gma(primo)}`)).toBeVisible();
  await expect(page.getByLabel(/^Inizio del periodo autorizzato/)).toHaveValue(gma(primo));
  await page.getByRole("button", { name: "Continua", exact: true }).click();
  await expect(page.getByText(`dal ${gma(primo)} al ${gma(caso.fine)}`, { exact: true })).toBeVisible();
  await page.getByRole("button", { name: "Conferma ed emetti il provvedimento" }).click();
  await expect(page.getByRole("status")).toContainText(/Provvedimento n\. \S+ emesso/);
});
