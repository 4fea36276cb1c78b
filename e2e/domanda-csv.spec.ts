// The workers' list uploaded as CSV with bad rows: nothing is loaded, each bad row is reported with its line
// number and the reason; the corrected file (only the good rows) is then loaded. The file is built in the test from
// two eligible workers read on the page.
import { expect, test } from "./fixtures";
import {
  accediComeDatore,
  creaBozza,
  inviaEAttendi,
  passoAzienda,
  passoPeriodo,
  passoUnita,
  titolo,
} from "./support/domanda";

test("elenco CSV con righe errate: nulla caricato, righe da correggere con il numero; il file corretto si carica", async ({ page }) => {
  test.setTimeout(120_000);
  await accediComeDatore(page, "C1");
  await creaBozza(page, "Officine Meccaniche Brenta S.r.l.", /^CIGO/);
  await passoAzienda(page);
  await passoUnita(page, /^Stabilimento di Padova/);
  await passoPeriodo(page, {
    causale: "Mancanza di lavoro o di commesse",
    tipo: "sospensione",
    inizio: "04/05/2026",
    fine: "31/05/2026",
    ore: "2000",
  });
  await titolo(page, "Lavoratori beneficiari");
  // Codici fiscali of two eligible workers (rows with an enabled checkbox): column "Codice fiscale".
  const ammissibili = page.getByRole("row").filter({ has: page.getByRole("checkbox", { disabled: false }) });
  const cf1 = (await ammissibili.nth(0).getByRole("cell").nth(1).textContent())!.trim();
  const cf2 = (await ammissibili.nth(1).getByRole("cell").nth(1).textContent())!.trim();
  expect(cf1).toMatch(/^[A-Z0-9]{16}$/);

  const csv = [
    "codice_fiscale;qualifica", // 1: header
    `${cf1};operaio`, // 2: good
    "RSSMRA85T10A562X;operaio", // 3: wrong check character
    `${cf2};astronauta`, // 4: unknown qualifica
    `${cf1};operaio`, // 5: duplicate of line 2
    "CMPLCU03S23G224Z;apprendista", // 6: Luca Campionato, not eligible (30 days)
    "RSSMRA85T10A562S;operaio", // 7: valid CF, not employed at the unit
    `${cf2};impiegato`, // 8: good
  ].join("\n");
  await page.getByLabel("File CSV dell'elenco").setInputFiles({
    name: "elenco-lavoratori.csv",
    mimeType: "text/csv",
    buffer: Buffer.from(csv, "utf8"),
  });
  await inviaEAttendi(page, "Carica l'elenco");

  await expect(page.getByRole("main")).toContainText("5 righe dell'elenco non sono valide: nessun lavoratore è stato caricato");
  const scartate = page.getByRole("table", { name: "Righe dell'elenco da correggere" });
  await expect(scartate.getByRole("rowheader")).toHaveText(["3", "4", "5", "6", "7"]);
  const riga = (n: string) => scartate.getByRole("row").filter({ has: page.getByRole("rowheader", { name: n, exact: true }) });
  await expect(riga("3")).toContainText("RSSMRA85T10A562X");
  await expect(riga("4")).toContainText("qualifica non riconosciuta");
  await expect(riga("5")).toContainText("codice fiscale già presente alla riga 2");
  await expect(riga("6")).toContainText("lavoratore non ammissibile");
  await expect(riga("7")).toContainText("non risulta occupato");
  // The corrected file: only the two good rows.
  await page.getByLabel("File CSV dell'elenco").setInputFiles({
    name: "elenco-lavoratori.csv",
    mimeType: "text/csv",
    buffer: Buffer.from([`${cf1};operaio`, `${cf2};impiegato`].join("\n"), "utf8"),
  });
  await inviaEAttendi(page, "Carica l'elenco");
  await expect(page.getByText("Selezionati: 2")).toBeVisible();
  await inviaEAttendi(page, "Conferma i lavoratori", /\/relazione-tecnica$/);
  await titolo(page, "Relazione tecnica");
});
