// D1 (reference scenario): a CIGO domanda for Officine Meccaniche Brenta (C1), Stabilimento di Padova (C1-UP1), by the
// employer, from the choice of the company to the receipt and its PDF. The platform's today is 10/02/2026
// (OMNIA_ORA_FISSA in e2e/run.ts). The projects share one database and a sent domanda blocks another one on the
// same unit and period: with JavaScript the reference period, without the 12 weeks after it, on a phone two more.
// With E2E_SCREENSHOTS=1 the project with JavaScript saves the screenshots of the README into docs/screenshots/.
import { expect, test } from "./fixtures";
import {
  accediComeDatore,
  creaBozza,
  eTelefono,
  indiceProgetto,
  inviaDallaRiepilogo,
  passoAllegati,
  passoAzienda,
  passoInformativa,
  passoPagamentoConguaglio,
  passoPeriodo,
  passoRelazioneTecnica,
  passoUnita,
  rigaLavoratore,
  spunta,
  titolo,
} from "./support/domanda";

// Without JS, with JS, then the phone projects without and with JS. The same unit holds the decision demo's CIGO
// domande (db/seed/decisioni-demo.ts, January–May 2027): the phone projects ask periods of 2029, which overlap none of
// them and whose rolling biennio holds only their own 24 weeks (within the 52 of art. 12 d.lgs. 148/2015).
const PERIODI = [
  { inizio: "27/04/2026", fine: "19/07/2026" },
  { inizio: "02/02/2026", fine: "26/04/2026" },
  { inizio: "02/04/2029", fine: "24/06/2029" },
  { inizio: "02/07/2029", fine: "23/09/2029" },
] as const;

test("D1: CIGO per C1-UP1 dal datore, dalla scelta dell'azienda alla ricevuta in PDF", async ({ page }, info) => {
  // On a phone every page is also measured for sideways scrolling: more time on a busy 2-core machine.
  test.setTimeout(eTelefono(info) ? 360_000 : 180_000);
  const foto = process.env.E2E_SCREENSHOTS === "1" && indiceProgetto(info) === 1 && !eTelefono(info);
  const scatta = async (nome: string) => {
    if (!foto) return;
    await page.screenshot({ path: `docs/screenshots/${nome}.png`, fullPage: true });
  };
  if (foto) await page.setViewportSize({ width: 1280, height: 800 });
  const periodo = PERIODI[indiceProgetto(info) + (eTelefono(info) ? 2 : 0)];

  await accediComeDatore(page, "C1");
  await page.goto("/domande/nuova");
  await scatta("01-nuova-domanda");
  // Routing: CIGO suggested (and pre-selected) for an industrial company.
  const id = await creaBozza(page, "Officine Meccaniche Brenta S.r.l.", /^CIGO/, async () => {
    await expect(page.getByRole("radio", { name: /^CIGO Suggerita/ })).toBeChecked();
    await scatta("02-prestazione");
  });

  await expect(page.getByRole("main")).toContainText("09876540288");
  await scatta("03-azienda");
  await passoAzienda(page);

  await scatta("04-unita-produttiva");
  await passoUnita(page, /^Stabilimento di Padova/);
  // The step indicator, from the step contract, describes the page's heading.
  await expect(page.getByRole("heading", { level: 1, name: "Periodo e causale" })).toHaveAccessibleDescription("Passo 3 di 10");

  await passoPeriodo(
    page,
    {
      causale: "Mancanza di lavoro o di commesse",
      tipo: "riduzione",
      oreRidotte: "24",
      inizio: periodo.inizio,
      fine: periodo.fine,
      ore: "3840",
    },
    { primaDiSalvare: () => scatta("05-periodo") },
  );
  await expect(page).toHaveURL(new RegExp(`/domande/${id}/lavoratori$`));

  // Lavoratori: Luca Campionato (hired 20 days before the domanda) is listed as not eligible, without a checkbox.
  await titolo(page, "Lavoratori beneficiari");
  await page.getByLabel("Cerca per nome o codice fiscale").fill("Campionato");
  await page.getByRole("button", { name: "Cerca", exact: true }).click();
  await expect(page).toHaveURL(/q=Campionato/);
  const luca = rigaLavoratore(page, "Campionato Luca");
  await expect(luca).toContainText("Non ammissibile");
  await expect(luca.getByRole("checkbox")).toBeDisabled();
  await page.goto(`/domande/${id}/lavoratori`);
  // Picks eligible workers by hand on the first page: Marco Esempio and the next ones up to 20.
  const selezionabili = page.getByRole("checkbox", { name: /^Seleziona / }).and(page.locator(":enabled"));
  await expect(rigaLavoratore(page, "Esempio Marco")).toContainText("Ammissibile");
  const quanti = Math.min(20, await selezionabili.count());
  for (let i = 0; i < quanti; i++) await spunta(selezionabili.nth(i));
  await scatta("06-lavoratori");
  await Promise.all([
    page.waitForURL(/\/relazione-tecnica$/),
    page.getByRole("button", { name: "Conferma i lavoratori" }).click(),
  ]);

  // Structured report with the quarterly indicators 2025-Q1..Q4 (the screenshot shows it filled in).
  await passoRelazioneTecnica(page, { primaDiSalvare: () => scatta("07-relazione-tecnica") });

  await scatta("08-informativa");
  expect(await passoInformativa(page, { comunicazione: "26/01/2026", conclusione: "04/02/2026" })).toBe(true);

  await scatta("09-pagamento");
  await passoPagamentoConguaglio(page);
  await scatta("10-allegati");
  await passoAllegati(page);

  // Summary: the answers of every step.
  const main = page.getByRole("main");
  await expect(main).toContainText("Stabilimento di Padova");
  await expect(main).toContainText(`${periodo.inizio}`);
  await expect(main).toContainText("2025-Q4");
  await expect(main).toContainText(/conguaglio/i);
  await scatta("11-riepilogo");

  const protocollo = await inviaDallaRiepilogo(page);
  expect(protocollo).toMatch(/\S{6,}/);
  await expect(page.getByRole("main")).toContainText(`Il numero di protocollo è ${protocollo}`);
  await expect(page.getByRole("main")).toContainText("Officine Meccaniche Brenta S.r.l.");
  await expect(page.getByRole("main")).toContainText(`${periodo.inizio}`);
  await scatta("12-ricevuta");

  // The PDF receipt: a download with JavaScript on or off (the link has `download`); checked as an HTTP response too.
  const link = page.getByRole("link", { name: "Scarica la ricevuta in PDF" });
  await expect(link).toHaveAttribute("href", `/domande/${id}/ricevuta.pdf`);
  const [scaricato] = await Promise.all([page.waitForEvent("download"), link.click()]);
  expect(scaricato.suggestedFilename()).toMatch(/^ricevuta-.+\.pdf$/);
  const risposta = await page.request.get(`/domande/${id}/ricevuta.pdf`);
  expect(risposta.status()).toBe(200);
  expect(risposta.headers()["content-type"]).toBe("application/pdf");
  expect((await risposta.body()).subarray(0, 5).toString("latin1")).toBe("%PDF-");

  // "Le tue domande" lists it as sent.
  await page.getByRole("link", { name: "Torna a Le tue domande" }).click();
  await titolo(page, "Le tue domande");
  const riga = page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: protocollo }) });
  await expect(riga).toContainText("Inviata");
});
