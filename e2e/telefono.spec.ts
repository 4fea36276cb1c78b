// The applicant's journey on a 360×740 phone (projects telefono-senza-js and telefono-con-js, playwright.config.ts):
// every page of a CIGO domanda by the employer, from the public pages to the receipt, the detail page and the
// withdrawal, plus the intermediary's pages. The fixture (e2e/fixtures.ts) fails any page that is wider than the
// screen (sideways scrolling, WCAG 1.4.10) or that axe faults; each page is visited once, to keep the run short.
// Edil Costruzioni Adige (C2), Deposito di Verona: one-week periods distinct from the other specs and per project.
import { expect, test } from "./fixtures";
import {
  accediComeDatore,
  accediComeIntermediaria,
  creaBozza,
  indiceProgetto,
  inviaDallaRiepilogo,
  inviaEAttendi,
  passoAllegati,
  passoAzienda,
  passoInformativa,
  passoLavoratoriTutti,
  passoPagamentoConguaglio,
  passoPeriodo,
  passoRelazioneTecnica,
  passoUnita,
  SALVA,
  titolo,
} from "./support/domanda";
import { esci } from "./fixtures";

const PERIODI = [
  { inizio: "16/03/2026", fine: "22/03/2026" },
  { inizio: "23/03/2026", fine: "29/03/2026" },
] as const;

test("telefono: pagine pubbliche e accesso", async ({ page }) => {
  for (const percorso of ["/", "/documenti", "/dichiarazione-accessibilita", "/privacy", "/accedi"]) {
    const risposta = await page.goto(percorso);
    expect(risposta?.status()).toBe(200);
  }
});

test("telefono: domanda CIGO dal datore, dall'elenco alla rinuncia", async ({ page }, info) => {
  // About 25 pages, each checked with axe and measured at the end of the test: generous on a busy 2-core machine.
  test.setTimeout(480_000);
  const periodo = PERIODI[indiceProgetto(info)];
  await accediComeDatore(page, "C2");
  await titolo(page, "Area riservata");
  await page.goto("/domande");
  await titolo(page, "Le tue domande");
  const id = await creaBozza(page, "Edil Costruzioni Adige S.p.A.", /^CIGO/);
  await passoAzienda(page);
  await passoUnita(page, /^Deposito di Verona/);

  // An invalid step on a phone: the error page too must fit the screen.
  await titolo(page, "Periodo e causale");
  await page.getByLabel("Data di inizio").fill("31/02/2027");
  await page.getByRole("button", { name: SALVA }).click();
  await expect(page.getByRole("heading", { name: "C'è un problema" })).toBeVisible();

  await passoPeriodo(page, { causale: "Crisi di mercato", tipo: "sospensione", inizio: periodo.inizio, fine: periodo.fine, ore: "880" });

  // Lavoratori: a search, a CSV with a bad row, then every eligible worker.
  await titolo(page, "Lavoratori beneficiari");
  await page.getByLabel("Cerca per nome o codice fiscale").fill("Rossi");
  await page.getByRole("button", { name: "Cerca", exact: true }).click();
  await expect(page).toHaveURL(/q=Rossi/);
  await page.goto(`/domande/${id}/lavoratori`);
  await page.getByLabel("File CSV dell'elenco").setInputFiles({
    name: "elenco.csv",
    mimeType: "text/csv",
    buffer: Buffer.from("codice_fiscale;qualifica\nRSSMRA85T10A562X;operaio\n", "utf8"),
  });
  await inviaEAttendi(page, "Carica l'elenco");
  await expect(page.getByRole("main")).toContainText("RSSMRA85T10A562X");
  await passoLavoratoriTutti(page);

  await passoRelazioneTecnica(page);
  await passoInformativa(page);
  await passoPagamentoConguaglio(page);
  await passoAllegati(page);
  await page.goto(`/domande/${id}/riepilogo?stampa=1`);
  await titolo(page, "Anteprima di stampa della domanda");
  await page.goto(`/domande/${id}/riepilogo`);
  const protocollo = await inviaDallaRiepilogo(page);

  await Promise.all([page.waitForURL(/\/dettaglio$/), page.getByRole("link", { name: "Vedi il dettaglio della domanda" }).click()]);
  await titolo(page, `Domanda ${protocollo}`);
  await Promise.all([page.waitForURL(/\/rinuncia$/), page.getByRole("link", { name: "Rinuncia alla domanda" }).click()]);
  await inviaEAttendi(page, "Sì, rinuncio alla domanda", new RegExp(`/domande/${id}/dettaglio$`));
  await expect(page.getByRole("main")).toContainText("Stato: Rinunciata");
  await page.goto("/domande");
  await expect(page.getByRole("rowheader", { name: protocollo })).toBeVisible();
  await page.goto("/area-riservata");
  await esci(page);
});

test("telefono: le pagine dell'intermediaria (31 aziende)", async ({ page }) => {
  test.setTimeout(120_000);
  await accediComeIntermediaria(page);
  await titolo(page, "Area riservata");
  await page.goto("/domande/nuova");
  await titolo(page, "Nuova domanda");
  await page.goto("/domande");
  await titolo(page, "Le tue domande");
});
