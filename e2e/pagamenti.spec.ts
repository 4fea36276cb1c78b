// The direct payment end to end (issue 12, C3 journey), with and without JavaScript, on the authorised domanda the
// seed prepares per project (db/seed/pagamenti-demo.ts): the intermediary sends the UniEmens-Cig flow of the week with
// two good returns and a bad one; the operator of Milano prepares the day's SEPA batch (she cannot approve it: four
// eyes), downloads its file; the second operator of Milano approves it and marks it sent; the intermediary downloads
// the per-worker amounts for the payroll. The two projects share the sede's batch of the day when they run together:
// each test finds the batch that holds its own authorisation. Axe checks every page.
import { readFile } from "node:fs/promises";
import type { Page } from "@playwright/test";
import { accedi, esci, expect, test } from "./fixtures";
import { accediComeIntermediaria, indiceProgetto, inviaEAttendi, spunta, titolo } from "./support/domanda";
import { DOMANDE_PAGAMENTO_DEMO, OPERATORE_MILANO, OPERATORE_MILANO_BIS } from "../db/seed/index";
import { formatDataItaliana as gma } from "../app/domain/date";

const CHIARA = { cf: "SMPCHR99T41F205E", orario: 2400, oreGiorno: 480, retribuzione: "1100.00", iban: "IT21S9900101001000000100006" };
const DAVIDE = { cf: "SMLDVD85H14F205O", orario: 4000, oreGiorno: 800, retribuzione: "1800.00", iban: "IT95T9900101001000000100007" };

function flusso(competenza: string, ticket: string, giorni: string[]): string {
  const riga = (r: typeof CHIARA, cf = r.cf, q3 = "D") => `
      <DenunciaIndividuale>
        <CFLavoratore>${cf}</CFLavoratore><Cognome>ESEMPIO</Cognome><Nome>LAVORATORE</Nome>
        <Qualifica1>2</Qualifica1><Qualifica2>P</Qualifica2><Qualifica3>${q3}</Qualifica3><TipoContribuzione>00</TipoContribuzione>
        <OrarioContrattuale>${r.orario}</OrarioContrattuale><IBAN>${r.iban}</IBAN><Ticket>${ticket}</Ticket>
        <DetrazLavDip>S</DetrazLavDip><DetrazCarichiFam>S</DetrazCarichiFam>
        <DatiRetributivi><RetribTeorica>${r.retribuzione}</RetribTeorica>${giorni.map((g) => `<GiornoCig GG="${g}"><OreCig>${r.oreGiorno}</OreCig></GiornoCig>`).join("")}</DatiRetributivi>
      </DenunciaIndividuale>`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<DenunceMensili>
  <Azienda><AnnoMeseDenuncia>${competenza}</AnnoMeseDenuncia><CFAzienda>07654320154</CFAzienda>
    <PosContributiva><Matricola>4734567803</Matricola>${riga(CHIARA)}${riga(DAVIDE)}${riga(CHIARA, "RSSMRA85T10A562S")}${riga({ ...CHIARA, iban: "IT60X0542811101000000123456" }, CHIARA.cf, "E")}
    </PosContributiva>
  </Azienda>
</DenunceMensili>`;
}

/** The batch of the sede that holds this authorisation's transfers: the newest batches first. */
async function apriLottoCon(page: Page, numero: string): Promise<string> {
  await page.goto("/scrivania/pagamenti");
  const lotti = page.getByRole("table", { name: /Lotti di pagamento/ }).getByRole("link");
  const indirizzi = await lotti.evaluateAll((a) => a.map((x) => (x as HTMLAnchorElement).getAttribute("href")!));
  for (const indirizzo of indirizzi.slice(0, 5)) {
    await page.goto(indirizzo);
    if ((await page.getByRole("table", { name: /Bonifici del lotto/ }).getByText(numero).count()) > 0) return indirizzo;
  }
  throw new Error(`nessun lotto con l'autorizzazione ${numero}`);
}

test("C3, pagamento diretto: flusso con righe buone e sbagliate, lotto SEPA a quattro occhi, importi per lavoratore", async ({ page }, info) => {
  test.setTimeout(240_000);
  const caso = DOMANDE_PAGAMENTO_DEMO[indiceProgetto(info)];
  const competenza = caso.inizio.slice(0, 7);
  const giorni = Array.from({ length: 5 }, (_, i) => String(Number(caso.inizio.slice(8, 10)) + i).padStart(2, "0"));
  const numero = `${caso.ticket}-01`;

  // 1. The intermediary sends the flow: the third return (a worker not in the domanda) is rejected; the fourth (another
  // classification of the same worker) is accepted with an IBAN that is not the registered one: an exception.
  await accediComeIntermediaria(page);
  await page.goto("/flussi");
  await titolo(page, "Flussi UniEmens-Cig");
  await page.getByLabel("File del flusso").setInputFiles({ name: `c3-${competenza}.xml`, mimeType: "application/xml", buffer: Buffer.from(flusso(competenza, caso.ticket, giorni)) });
  await inviaEAttendi(page, "Invia il flusso", /\/flussi\/\d+$/);
  await titolo(page, "Esito del flusso");
  await expect(page.getByRole("table", { name: "Righe scartate" })).toContainText("UNI41-E031");
  await expect(page.getByRole("main")).toContainText(/Accolte\D*3/);
  await esci(page);

  // 2. The operator of Milano rejects the exception (a reason is required), then prepares the day's batch (unless the
  // other project's batch already took these amounts).
  await accedi(page, OPERATORE_MILANO.codiceFiscale, { profilo: /Operatore di sede/ });
  await page.goto("/scrivania/pagamenti");
  await titolo(page, "Pagamenti diretti");
  const eccezione = page.getByRole("table", { name: "Importi con eccezioni da esaminare" }).getByRole("row").filter({ hasText: numero });
  await expect(eccezione).toContainText("IBAN da verificare");
  await eccezione.getByRole("link").click();
  await titolo(page, /^Importo di Chiara Esempietto per /);
  await expect(page.getByRole("main")).toContainText("non è quello registrato");
  await inviaEAttendi(page, "Registra la decisione");
  await expect(page).toHaveTitle(/^Errore: /);
  await expect(page.getByRole("alert")).toContainText("Scegli se approvare o respingere l'importo");
  await expect(page.getByRole("alert")).toContainText("Scrivi il motivo della decisione");
  await spunta(page.getByRole("radio", { name: /^Respingi/ }));
  await page.getByLabel("Motivo della decisione").fill("Il conto non risulta intestato alla lavoratrice: si paga con bonifico domiciliato.");
  await inviaEAttendi(page, "Registra la decisione", /^\/scrivania\/pagamenti$/);
  await titolo(page, "Pagamenti diretti");
  const prepara = page.getByRole("button", { name: /^Prepara il lotto di oggi per la sede di Milano/ });
  if ((await prepara.count()) > 0) await inviaEAttendi(page, /^Prepara il lotto di oggi per la sede di Milano/);
  const lotto = await apriLottoCon(page, numero);
  const bonifici = page.getByRole("table", { name: /Bonifici del lotto/ });
  await expect(bonifici.getByRole("row").filter({ hasText: numero })).toHaveCount(2);
  // 1.100,00 € al mese, 24 h su 24: 80% = 203,08 € entro il massimale, meno il 5,84% = 191,22 €.
  await expect(bonifici.getByRole("row").filter({ hasText: CHIARA.cf }).filter({ hasText: numero })).toContainText("191,22 €");
  if ((await page.getByRole("main").getByText("Stato: Preparato").count()) > 0) {
    // Four eyes: she prepared it, she cannot approve it.
    await expect(page.getByRole("note")).toContainText("deve approvarlo un altro operatore");
    await expect(page.getByRole("button", { name: "Approva il lotto" })).toHaveCount(0);
  }
  const [file] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: /^Scarica il file SEPA del lotto/ }).click()]);
  expect(file.suggestedFilename()).toMatch(/^OMNIA-\d{4}-20260210-\d{2}\.xml$/);
  const xml = await readFile((await file.path())!, "utf8");
  expect(xml).toContain("urn:iso:std:iso:20022:tech:xsd:pain.001.001.03");
  expect(xml).toContain('<InstdAmt Ccy="EUR">191.22</InstdAmt>');
  await esci(page);

  // 3. The second operator approves it and marks it sent (the other project may have done one of the two already).
  await accedi(page, OPERATORE_MILANO_BIS.codiceFiscale, { profilo: /Operatore di sede/ });
  await page.goto(lotto);
  await titolo(page, /^Lotto OMNIA-/);
  if ((await page.getByRole("button", { name: "Approva il lotto" }).count()) > 0) {
    await inviaEAttendi(page, "Approva il lotto");
    await page.goto(lotto);
  }
  await expect(page.getByRole("main")).toContainText(/Stato: (Approvato|Inviato alla banca)/);
  if ((await page.getByRole("button", { name: "Segna il lotto come inviato alla banca" }).count()) > 0) {
    await inviaEAttendi(page, "Segna il lotto come inviato alla banca");
    await page.goto(lotto);
  }
  await expect(page.getByRole("main")).toContainText("Stato: Inviato alla banca");
  await expect(page.getByRole("main")).toContainText(`Approvato da ${OPERATORE_MILANO_BIS.nome} ${OPERATORE_MILANO_BIS.cognome}`);
  await esci(page);

  // 4. The intermediary downloads the per-worker amounts of the domanda for the payroll.
  await accediComeIntermediaria(page);
  await page.goto("/domande?cerca=07654320154&stato=autorizzata");
  const riga = page.getByRole("row").filter({ hasText: gma(caso.inizio) });
  await expect(riga).toHaveCount(1);
  await Promise.all([page.waitForURL(/\/domande\/\d+\/dettaglio$/), riga.getByRole("link").first().click()]);
  const importi = page.getByRole("region", { name: "Pagamento diretto ai lavoratori" });
  await expect(importi).toContainText("di cui 2 pagati");
  const [csv] = await Promise.all([page.waitForEvent("download"), importi.getByRole("link", { name: /^Scarica gli importi per lavoratore/ }).click()]);
  const testo = await readFile((await csv.path())!, "utf8");
  const linee = testo.replace(/^\uFEFF/, "").trim().split("\r\n");
  expect(linee).toHaveLength(4);
  expect(linee.find((l) => l.includes("Non pagato"))).toContain("bonifico domiciliato");
  expect(linee.filter((l) => l.startsWith(`${numero};${CHIARA.cf};`))).toHaveLength(2);
  expect(linee.find((l) => l.includes(CHIARA.cf) && l.includes(";Pagato;"))).toContain(";191,22;Pagato;");
  // Davide's month is over the ceiling: the net is the published net ceiling proportioned to his hours.
  expect(linee.find((l) => l.includes(DAVIDE.cf))).toContain(competenza.startsWith("2025") ? ";305,09;Pagato;" : ";309,36;Pagato;");
});
