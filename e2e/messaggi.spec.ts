// The message thread of a domanda (issue 13), with and without JavaScript, on the records the seed prepares per project
// (db/seed/comunicazioni-demo.ts): the intermediary finds the Sede's unread message in the inbox, reads it in the
// domanda's thread, is told what is missing when sending an empty message, answers with a PDF and downloads it; the
// operator of Milano finds the answer among the office's unread messages, reads it on the case's thread, downloads the
// PDF and replies with one of the office's. Axe checks every page (e2e/fixtures.ts).
import type { Locator, Page } from "@playwright/test";
import { PDFDocument } from "pdf-lib";
import { accedi, esci, expect, test } from "./fixtures";
import { indiceProgetto, spunta } from "./support/domanda";
import { DOMANDE_POSTA_DEMO, LAURA_CONSULENTE, MESSAGGIO_SEDE_DEMO, OPERATORE_MILANO } from "../db/seed/index";

async function pdf(testo: string): Promise<Buffer> {
  const documento = await PDFDocument.create();
  documento.addPage().drawText(testo, { x: 50, y: 700 });
  return Buffer.from(await documento.save());
}

/** The message's PDF is listed under it and downloads as a PDF (the link of this side's thread). */
async function scaricaAllegato(page: Page, voce: Locator, nomeFile: string): Promise<void> {
  const link = voce.getByRole("list", { name: "Documenti allegati al messaggio" }).getByRole("link", { name: nomeFile, exact: true });
  const scaricato = await page.request.get((await link.getAttribute("href"))!);
  expect(scaricato.status()).toBe(200);
  expect(scaricato.headers()["content-type"]).toContain("application/pdf");
  expect((await scaricato.body()).subarray(0, 5).toString()).toBe("%PDF-");
}

test("filo dei messaggi: l'intermediario risponde alla Sede, l'operatrice di Milano legge e replica", async ({ page }, info) => {
  test.setTimeout(120_000);
  const caso = DOMANDE_POSTA_DEMO[indiceProgetto(info)];
  const risposta = `Il calo riguarda anche il negozio online (progetto ${info.project.name}).`;
  const replica = `Grazie, ne terremo conto (progetto ${info.project.name}).`;

  await accedi(page, LAURA_CONSULENTE.codiceFiscale, { profilo: /Intermediario/ });
  await page.goto("/area-riservata");
  await page.getByRole("main").getByRole("link", { name: /^Messaggi/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Messaggi" })).toBeVisible();
  // Only the threads with something to read: the seeded one has the Sede's message.
  await spunta(page.getByLabel("Solo le domande con messaggi da leggere"));
  await page.getByRole("button", { name: "Filtra" }).click();
  await expect(page).toHaveURL(/solo=non-letti/);
  const riga = page.getByRole("row").filter({ has: page.getByRole("link", { name: `Domanda ${caso.protocollo}` }) });
  await expect(riga).toHaveCount(1);
  await expect(riga.getByRole("cell").last()).toHaveText("1");
  await riga.getByRole("link", { name: `Domanda ${caso.protocollo}` }).click();

  await expect(page.getByRole("heading", { level: 1, name: `Messaggi: Domanda ${caso.protocollo}` })).toBeVisible();
  await expect(page.getByText("1 messaggio nuovo.")).toBeVisible();
  const voceSede = page.getByRole("listitem").filter({ hasText: MESSAGGIO_SEDE_DEMO });
  await expect(voceSede).toContainText("Sede INPS");
  await expect(voceSede).toContainText("Nuovo");

  // An empty message: the error summary, the field's message, the title, the same with and without JavaScript.
  await page.getByRole("button", { name: "Invia il messaggio" }).click();
  await expect(page.getByRole("alert")).toContainText("C'è un problema");
  await expect(page.getByRole("alert")).toContainText("Scrivi il testo del messaggio");
  await expect(page).toHaveTitle(/^Errore: /);
  await expect(page.getByRole("textbox", { name: "Scrivi un messaggio alla Sede INPS" })).toHaveAttribute("aria-invalid", "true");

  await page.getByRole("textbox", { name: "Scrivi un messaggio alla Sede INPS" }).fill(risposta);
  await page.getByLabel(/^Documenti PDF/).setInputFiles({ name: "vendite-online.pdf", mimeType: "application/pdf", buffer: await pdf("Vendite online del trimestre") });
  await page.getByRole("button", { name: "Invia il messaggio" }).click();
  await expect(page.getByRole("status")).toHaveText("Messaggio inviato.");
  const inviato = page.getByRole("listitem").filter({ hasText: risposta });
  await expect(inviato).toContainText("Azienda");
  await scaricaAllegato(page, inviato, "vendite-online.pdf");
  // Read now: the Sede's message is no longer new.
  await expect(page.getByText("Nessun messaggio nuovo.")).toBeVisible();
  await esci(page);

  await accedi(page, OPERATORE_MILANO.codiceFiscale, { profilo: /Operatore di sede/ });
  await page.goto("/area-riservata");
  await page.getByRole("link", { name: /^Messaggi delle aziende/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Messaggi delle aziende" })).toBeVisible();
  const rigaSede = page.getByRole("row").filter({ has: page.getByRole("link", { name: `Domanda ${caso.protocollo}` }) });
  await expect(rigaSede.getByRole("cell").last()).toHaveText("1");
  await rigaSede.getByRole("link", { name: `Domanda ${caso.protocollo}` }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Messaggi: domanda ${caso.protocollo}` })).toBeVisible();
  const ricevuto = page.getByRole("listitem").filter({ hasText: risposta });
  await expect(ricevuto).toContainText("Nuovo");
  await scaricaAllegato(page, ricevuto, "vendite-online.pdf");
  await page.getByRole("textbox", { name: "Scrivi un messaggio all'azienda" }).fill(replica);
  await page.getByLabel(/^Documenti PDF/).setInputFiles({ name: "nota-sede.pdf", mimeType: "application/pdf", buffer: await pdf("Nota della Sede") });
  await page.getByRole("button", { name: "Invia il messaggio" }).click();
  await expect(page.getByRole("status")).toHaveText("Messaggio inviato.");
  const replicata = page.getByRole("listitem").filter({ hasText: replica });
  await expect(replicata).toContainText("Sede INPS");
  await scaricaAllegato(page, replicata, "nota-sede.pdf");
  // From the case page too.
  await page.getByRole("link", { name: "Torna alla pratica" }).click();
  await expect(page.getByRole("link", { name: /^Messaggi con l'azienda/ })).toBeVisible();
});
