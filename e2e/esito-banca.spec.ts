// The bank's results for a sent SEPA batch (issue 12, pain.002.001.03), in the four projects (with and without
// JavaScript, desktop and 360 px), each on its own batch seeded already sent (db/seed/esiti-banca-demo.ts): the operator
// of Milano who did not prepare it downloads the batch's file to read its transfers, uploads a report that breaks the
// official schema (refused with the error summary, nothing recorded), then the real one: one transfer paid, one
// rejected (account closed). The batch shows its outcome and the results per transfer; the rejected transfer's page
// shows its history and the exception for a person. Axe checks every page; the phone projects measure them at 360 px.
import { readFile } from "node:fs/promises";
import { accedi, expect, test } from "./fixtures";
import { indiceTraQuattroProgetti, inviaEAttendi, titolo } from "./support/domanda";
import { LOTTI_INVIATI_DEMO, OPERATORE_MILANO } from "../db/seed/index";

function pain002(messaggioId: string, stati: Array<[string, string, string?]>, { conData = true } = {}): Buffer {
  const tx = stati
    .map(([id, stato, motivo]) => `<TxInfAndSts><OrgnlEndToEndId>${id}</OrgnlEndToEndId><TxSts>${stato}</TxSts>${motivo ? `<StsRsnInf><Rsn><Cd>${motivo}</Cd></Rsn></StsRsnInf>` : ""}</TxInfAndSts>`)
    .join("\n      ");
  return Buffer.from(`<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.002.001.03">
  <CstmrPmtStsRpt>
    <GrpHdr><MsgId>BANCA-${messaggioId.slice(-11)}</MsgId>${conData ? "<CreDtTm>2026-02-10T08:30:00</CreDtTm>" : ""}</GrpHdr>
    <OrgnlGrpInfAndSts><OrgnlMsgId>${messaggioId}</OrgnlMsgId><OrgnlMsgNmId>pain.001.001.03</OrgnlMsgNmId><GrpSts>PART</GrpSts></OrgnlGrpInfAndSts>
    <OrgnlPmtInfAndSts>
      <OrgnlPmtInfId>${messaggioId}</OrgnlPmtInfId>
      ${tx}
    </OrgnlPmtInfAndSts>
  </CstmrPmtStsRpt>
</Document>
`);
}

test("esito della banca per un lotto inviato: un file fuori schema rifiutato, poi un bonifico pagato e uno respinto", async ({ page }, info) => {
  test.setTimeout(120_000);
  const { messaggioId } = LOTTI_INVIATI_DEMO[indiceTraQuattroProgetti(info)];

  await accedi(page, OPERATORE_MILANO.codiceFiscale, { profilo: /Operatore di sede/ });
  await page.goto("/scrivania/pagamenti");
  await titolo(page, "Pagamenti diretti");
  await page.getByRole("table", { name: /Lotti di pagamento/ }).getByRole("link", { name: messaggioId }).click();
  await titolo(page, `Lotto ${messaggioId}`);
  await expect(page.getByRole("main")).toContainText("Stato: Inviato alla banca");
  await expect(page.getByRole("main")).toContainText("Nessun esito della banca registrato.");

  // The transfers' EndToEndIds are in the batch's SEPA file, in the order of the batch's table.
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: /^Scarica il file SEPA del lotto/ }).click()]);
  const ids = [...(await readFile((await download.path())!, "utf8")).matchAll(/<EndToEndId>([^<]+)<\/EndToEndId>/g)].map((m) => m[1]);
  expect(ids).toHaveLength(2);
  const bonifici = page.getByRole("table", { name: /Bonifici del lotto/ }).getByRole("row");
  const respinto = ((await bonifici.nth(2).getByRole("rowheader").innerText()).split("\n")[0] ?? "").trim();

  await page.getByRole("link", { name: "Registra l'esito della banca (pain.002)" }).click();
  await titolo(page, "Registra l'esito della banca");

  // A report without its creation date: the official schema refuses it, with the line; nothing is recorded.
  await page.getByLabel("File di esito della banca").setInputFiles({ name: "esito-senza-data.xml", mimeType: "application/xml", buffer: pain002(messaggioId, [[ids[0], "ACSC"]], { conData: false }) });
  await inviaEAttendi(page, "Registra l'esito");
  await expect(page).toHaveTitle(/^Errore: /);
  await expect(page.getByRole("alert")).toContainText("non rispetta lo schema ufficiale ISO 20022 pain.002.001.03 alla riga 4");
  await expect(page.getByRole("link", { name: /non rispetta lo schema/ })).toHaveAttribute("href", "#esito-file");

  await page.getByLabel("File di esito della banca").setInputFiles({ name: "esito-banca.xml", mimeType: "application/xml", buffer: pain002(messaggioId, [[ids[0], "ACSC"], [ids[1], "RJCT", "AC04"]]) });
  await inviaEAttendi(page, "Registra l'esito", /^\/scrivania\/pagamenti\/lotti\/\d+$/);
  await titolo(page, `Lotto ${messaggioId}`);
  await expect(page.getByRole("main")).toContainText("Stato: Esito della banca ricevuto: pagato in parte");
  const esiti = page.getByRole("table", { name: "Esiti della banca per bonifico (2), dal più vecchio" });
  await expect(esiti.getByRole("row")).toHaveCount(3);
  await expect(esiti.getByRole("row").nth(1)).toContainText("Pagato");
  const rigaRespinta = esiti.getByRole("row").filter({ hasText: "Respinto" });
  await expect(rigaRespinta).toContainText("conto del beneficiario chiuso (AC04) (RJCT)");
  await expect(rigaRespinta).toContainText("esito-banca.xml");
  await expect(rigaRespinta).toContainText(`${OPERATORE_MILANO.nome} ${OPERATORE_MILANO.cognome}`);

  // The rejected transfer: its history, and the exception that waits for a person.
  await rigaRespinta.getByRole("link", { name: respinto }).click();
  await titolo(page, new RegExp(`^Importo di ${respinto} per `));
  await expect(page.getByRole("main")).toContainText("Stato: Eccezione da esaminare");
  await expect(page.getByRole("main")).toContainText("Bonifico respinto dalla banca");
  const storico = page.getByRole("table", { name: "Storico degli esiti della banca (1), dal più vecchio" });
  await expect(storico.getByRole("row").nth(1)).toContainText("Respinto");
  await expect(storico.getByRole("link", { name: messaggioId })).toHaveAttribute("href", /^\/scrivania\/pagamenti\/lotti\/\d+$/);
});
