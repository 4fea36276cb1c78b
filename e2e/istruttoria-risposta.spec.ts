// The interlocuzione seen from the intermediary's side (issue 11; art. 11 c.2 D.M. 95442/2016), on the AIS FIS domanda of
// C3 the seed prepares for each project (db/seed/risposte-demo.ts, taken by the operator of Milano, no request yet):
// the operator asks a supplemento istruttorio from the case; Laura Consulente, acting for C3 by delega, finds it in
// her inbox and in the domanda's thread, on the domanda and among the pending requests, is told what is missing when
// she answers without text or with a file that is not a PDF, then answers with text and a PDF; the operator finds the
// answer among the companies' unread messages, reads it on the case (highlighted, the PDF downloadable), sees the case
// back in istruttoria and goes on to the decision form. Runs in the four projects (with and without JavaScript, on a
// desktop and at 360 px); axe checks every page, and at 360 px none may scroll sideways (e2e/fixtures.ts).
import { PDFDocument } from "pdf-lib";
import { accedi, esci, expect, test } from "./fixtures";
import { indiceTraQuattroProgetti, spunta } from "./support/domanda";
import { DOMANDE_RISPOSTA_DEMO, LAURA_CONSULENTE, OPERATORE_MILANO } from "../db/seed/index";

test("supplemento istruttorio: l'intermediaria risponde con testo e PDF, l'operatrice legge la risposta e riprende", async ({ page }, info) => {
  test.setTimeout(180_000);
  const caso = DOMANDE_RISPOSTA_DEMO[indiceTraQuattroProgetti(info)];
  const domandaRichiesta = `Inviate i contratti disdetti dai clienti nel trimestre (progetto ${info.project.name}).`;
  const testoRisposta = `Alleghiamo le disdette dei due clienti principali (progetto ${info.project.name}).`;

  // The operator of Milano asks from inside the case.
  await accedi(page, OPERATORE_MILANO.codiceFiscale, { profilo: /Operatore di sede/ });
  await page.goto("/scrivania");
  await page.getByLabel("Azienda o protocollo").fill(caso.protocollo);
  await page.getByRole("button", { name: "Applica" }).click();
  await expect(page).toHaveURL(/cerca=INPS\.OMNIA/);
  const riga = page.getByRole("row").filter({ hasText: caso.protocollo });
  await expect(riga).toHaveCount(1);
  await riga.getByRole("link").first().click();
  await expect(page.getByRole("heading", { level: 1, name: `Domanda ${caso.protocollo}` })).toBeVisible();
  const urlCaso = new URL(page.url()).pathname;
  const id = Number(urlCaso.split("/").pop());
  await page.getByRole("link", { name: "Richiedi informazioni o documenti all'azienda" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Richiesta all'azienda" })).toBeVisible();
  await spunta(page.getByRole("radio", { name: "Supplemento istruttorio" }));
  await page.getByLabel("Che cosa chiedi all'azienda").fill(domandaRichiesta);
  await page.getByLabel(/^Documenti richiesti/).fill("Lettere di disdetta dei clienti");
  await page.getByRole("button", { name: "Invia la richiesta all'azienda" }).click();
  await expect(page).toHaveURL(new RegExp(`${urlCaso}$`));
  await expect(page.getByText("Sospesa in attesa di risposta").first()).toBeVisible();
  await esci(page);

  // The intermediary: the request is new in her inbox and in the domanda's thread.
  await accedi(page, LAURA_CONSULENTE.codiceFiscale, { profilo: /Intermediario/ });
  await page.goto("/area-riservata");
  await page.getByRole("main").getByRole("link", { name: /^Messaggi/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Messaggi" })).toBeVisible();
  const rigaCasella = page.getByRole("row").filter({ has: page.getByRole("link", { name: `Domanda ${caso.protocollo}` }) });
  await expect(rigaCasella).toHaveCount(1);
  await expect(rigaCasella.getByRole("cell").last()).toHaveText("1");
  await rigaCasella.getByRole("link", { name: `Domanda ${caso.protocollo}` }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Messaggi: Domanda ${caso.protocollo}` })).toBeVisible();
  const voceRichiesta = page.getByRole("listitem").filter({ hasText: "Supplemento istruttorio inviato all'azienda" });
  await expect(voceRichiesta).toContainText("Sede INPS");
  await expect(voceRichiesta).toContainText("Nuovo");

  // On the domanda: what the Sede asks and until when.
  await page.getByRole("link", { name: "Torna alla domanda" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Domanda ${caso.protocollo}` })).toBeVisible();
  await expect(page.getByRole("region", { name: "La Sede INPS ti chiede delle informazioni" })).toContainText("Fino alla risposta la domanda è sospesa");

  // Among the pending requests of her companies, and from there to the answer.
  await page.goto("/domande");
  await page.getByRole("link", { name: "vedi le richieste in attesa di risposta" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Richieste della Sede in attesa di risposta" })).toBeVisible();
  const rigaRichiesta = page.getByRole("row").filter({ hasText: caso.protocollo });
  await expect(rigaRichiesta).toContainText("Bottega Digitale");
  await expect(rigaRichiesta).toContainText("Supplemento istruttorio");
  await rigaRichiesta.getByRole("link", { name: `Rispondi alla richiesta sulla domanda ${caso.protocollo}` }).click();
  await expect(page).toHaveURL(new RegExp(`/domande/${id}/risposta$`));
  await expect(page.getByRole("heading", { level: 1, name: "Rispondi alla richiesta della Sede" })).toBeVisible();
  await expect(page.getByText(domandaRichiesta)).toBeVisible();
  await expect(page.getByText("Lettere di disdetta dei clienti")).toBeVisible();

  // No text and a file that is not a PDF: both said, GOV.UK style, nothing sent.
  await page.getByLabel(/^Documenti PDF/).setInputFiles({ name: "disdette.pdf", mimeType: "application/pdf", buffer: Buffer.from("MZ non sono un pdf") });
  await page.getByRole("button", { name: "Invia la risposta" }).click();
  await expect(page).toHaveTitle(/^Errore: /);
  const riepilogo = page.getByRole("alert").filter({ hasText: "C'è un problema" });
  await expect(riepilogo).toContainText("Scrivi la risposta alla richiesta della Sede");
  await expect(riepilogo).toContainText("disdette.pdf");
  await expect(page.getByLabel("La tua risposta")).toHaveAttribute("aria-invalid", "true");
  // With JavaScript the page may still be loading its data again after the action (or hydrating, if the first POST
  // went out as a plain form): let it settle before the second submission, as a person reading the errors would.
  await page.waitForLoadState("networkidle");

  const pdf = await PDFDocument.create();
  pdf.addPage().drawText("Disdette dei clienti nel trimestre", { x: 50, y: 700 });
  await page.getByLabel("La tua risposta").fill(testoRisposta);
  await page.getByLabel(/^Documenti PDF/).setInputFiles({ name: "disdette-clienti.pdf", mimeType: "application/pdf", buffer: Buffer.from(await pdf.save()) });
  await page.getByRole("button", { name: "Invia la risposta" }).click();
  await expect(page).toHaveURL(new RegExp(`/domande/${id}/dettaglio\\?risposta=inviata`));
  await expect(page.getByRole("status")).toContainText("La tua risposta è stata inviata");
  await expect(page.getByRole("region", { name: "La Sede INPS ti chiede delle informazioni" })).toHaveCount(0);
  await expect(page.getByRole("region", { name: /^Risposta dell'azienda del / })).toContainText(testoRisposta);
  // The request is no longer pending.
  await page.goto("/domande/richieste");
  await expect(page.getByRole("row").filter({ hasText: caso.protocollo })).toHaveCount(0);
  await esci(page);

  // The operator: the answer is unread among the companies' messages, highlighted on the case, its PDF downloadable.
  await accedi(page, OPERATORE_MILANO.codiceFiscale, { profilo: /Operatore di sede/ });
  await page.goto("/area-riservata");
  await page.getByRole("main").getByRole("link", { name: /^Messaggi delle aziende/ }).click();
  const rigaSede = page.getByRole("row").filter({ has: page.getByRole("link", { name: `Domanda ${caso.protocollo}` }) });
  await expect(rigaSede.getByRole("cell").last()).toHaveText("1");
  await rigaSede.getByRole("link", { name: `Domanda ${caso.protocollo}` }).click();
  await expect(page.getByRole("listitem").filter({ hasText: "L'azienda ha risposto alla richiesta della Sede con 1 documento" })).toContainText("Nuovo");
  await page.getByRole("link", { name: "Torna alla pratica" }).click();
  await expect(page).toHaveURL(new RegExp(`${urlCaso}$`));
  await expect(page.getByText("In istruttoria", { exact: true }).first()).toBeVisible();
  const risposta = page.getByRole("region", { name: /^Risposta dell'azienda del / });
  await expect(risposta).toContainText(testoRisposta);
  await expect(risposta).toContainText(`inviata da ${LAURA_CONSULENTE.nome} ${LAURA_CONSULENTE.cognome}`);
  const link = risposta.getByRole("link", { name: "disdette-clienti.pdf" });
  const scaricato = await page.request.get((await link.getAttribute("href"))!);
  expect(scaricato.status()).toBe(200);
  expect(scaricato.headers()["content-type"]).toContain("application/pdf");
  expect((await scaricato.body()).subarray(0, 5).toString()).toBe("%PDF-");

  // The istruttoria resumes: the decision form suggests a motivazione that cites the answered request.
  await page.getByRole("link", { name: "Decidi la domanda" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Decisione sulla domanda" })).toBeVisible();
  await spunta(page.getByRole("radio", { name: "Autorizzata", exact: true }));
  await expect(page.getByLabel("Motivazione", { exact: true })).toHaveValue(/art\. 11 c\.2 del D\.M\. 95442\/2016 \(ricevimento da parte dell'azienda: 10\/02\/2026\): l'azienda ha risposto il 10\/02\/2026\./);
});
