// D3 (reference scenario): AIS del FIS for Bottega Digitale (C3, 4 employees) by the intermediary Laura Consulente, with
// the pagamento diretto: once the indice di liquidità confirms it, once it refuses it and the domanda goes on with
// anticipo e conguaglio. Each test creates its own draft and stops at the summary (drafts claim no weeks of the
// FIS cap, so the tests do not depend on each other or on the other project).
import { expect, test } from "./fixtures";
import {
  BILANCIO_IN_DIFFICOLTA,
  BILANCIO_SOLIDO,
  accediComeIntermediaria,
  creaBozza,
  eTelefono,
  passoAllegati,
  passoAzienda,
  passoInformativa,
  passoLavoratoriTutti,
  passoPagamentoDiretto,
  passoPeriodo,
  passoRelazioneTecnica,
  passoUnita,
  titolo,
} from "./support/domanda";

async function finoAlPagamento(page: import("@playwright/test").Page): Promise<void> {
  await accediComeIntermediaria(page);
  await creaBozza(page, "Bottega Digitale S.n.c.", /^AIS del FIS Suggerita/);
  await expect(page.getByRole("main")).toContainText("07654320154");
  await passoAzienda(page);
  await passoUnita(page, /^Negozio di Milano/);
  // 8 weeks of suspension, within the 13 weeks of the biennio for employers up to 5 employees.
  await passoPeriodo(page, {
    causale: "Crisi di mercato",
    tipo: "sospensione",
    inizio: "02/03/2026",
    fine: "26/04/2026",
    ore: "1088",
  });
  await passoLavoratoriTutti(page);
  await passoRelazioneTecnica(page);
  await passoInformativa(page);
}

test("D3: AIS FIS per C3 dall'intermediaria, pagamento diretto confermato dall'indice di liquidità", async ({ page }, info) => {
  test.setTimeout(eTelefono(info) ? 300_000 : 150_000);
  await finoAlPagamento(page);
  await passoPagamentoDiretto(page, BILANCIO_IN_DIFFICOLTA);
  const esito = page.getByRole("region", { name: "Pagamento diretto confermato" });
  await expect(esito).toBeVisible();
  await expect(esito).toContainText("Il pagamento diretto è confermato");
  await expect(esito).toContainText("0,3");
  await expect(esito.getByRole("table")).toContainText("100.000,00 €");
  await Promise.all([page.waitForURL(/\/allegati$/), esito.getByRole("link", { name: "Continua" }).click()]);
  await passoAllegati(page);
  await expect(page.getByRole("main")).toContainText(/Pagamento diretto/i);
});

test("D3: AIS FIS per C3 dall'intermediaria, pagamento diretto rifiutato: si prosegue a conguaglio", async ({ page }, info) => {
  test.setTimeout(eTelefono(info) ? 300_000 : 150_000);
  await finoAlPagamento(page);
  await passoPagamentoDiretto(page, BILANCIO_SOLIDO);
  const esito = page.getByRole("region", { name: "Pagamento diretto non accettato" });
  await expect(esito).toBeVisible();
  await expect(esito).toContainText("la domanda prosegue con anticipo e conguaglio");
  await expect(esito).toContainText("6");
  // The form now says what the domanda says: conguaglio chosen, not the refused direct payment; no internal names.
  await expect(page.getByRole("radio", { name: "Anticipo e conguaglio" })).toBeChecked();
  await expect(page.getByRole("radio", { name: "Pagamento diretto da parte dell'INPS" })).not.toBeChecked();
  await expect(esito).toContainText("Regola provvisoria: la formula e la soglia dell'indice di liquidità");
  await expect(page.getByRole("main")).not.toContainText("quick-ratio");
  await expect(page.getByRole("main")).not.toContainText("liquidita.formula");
  await Promise.all([page.waitForURL(/\/allegati$/), esito.getByRole("link", { name: "Continua" }).click()]);
  await passoAllegati(page);
  await titolo(page, "Riepilogo della domanda");
  await expect(page.getByRole("main")).toContainText(/conguaglio/i);
});
