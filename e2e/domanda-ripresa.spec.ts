// A draft left after some steps and resumed after signing in again, from "Le tue domande": the saved answers are
// there and the task list shows what is done.
import { expect, test } from "./fixtures";
import { esci } from "./fixtures";
import { accediComeDatore, creaBozza, passoAzienda, passoPeriodo, passoUnita, titolo } from "./support/domanda";

test("bozza ripresa: si esce dopo due passi, si rientra e si continua da Le tue domande", async ({ page }) => {
  test.setTimeout(120_000);
  await accediComeDatore(page, "C1");
  const id = await creaBozza(page, "Officine Meccaniche Brenta S.r.l.", /^CIGO/);
  await passoAzienda(page, "Referente della ripresa");
  await passoUnita(page, /^Reparto montaggio di Vicenza/);
  await titolo(page, "Periodo e causale");
  await esci(page);

  await accediComeDatore(page, "C1");
  await page.getByRole("link", { name: "Le tue domande" }).first().click();
  await titolo(page, "Le tue domande");
  const riga = page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: `Bozza n. ${id}`, exact: true }) });
  await expect(riga).toContainText("Bozza");
  await expect(riga).toContainText("Reparto montaggio di Vicenza");
  await Promise.all([
    page.waitForURL(new RegExp(`/domande/${id}$`)),
    riga.getByRole("link", { name: new RegExp(`^Continua la compilazione`) }).click(),
  ]);
  await titolo(page, "La tua domanda");
  const passi = page.getByRole("list").filter({ has: page.getByRole("link", { name: "Dati dell'azienda" }) });
  await expect(passi.getByRole("listitem").filter({ hasText: "Dati dell'azienda" })).toContainText("Completato");
  await expect(passi.getByRole("listitem").filter({ hasText: "Unità produttiva" })).toContainText("Completato");

  // The saved answers are there.
  await page.getByRole("link", { name: "Dati dell'azienda" }).click();
  await expect(page.getByLabel(/^Referente per la domanda/)).toHaveValue("Referente della ripresa");
  await page.getByRole("link", { name: "Torna all'elenco dei passi" }).click();
  await page.getByRole("link", { name: "Periodo e causale" }).click();
  await passoPeriodo(page, {
    causale: "Mancanza di lavoro o di commesse",
    tipo: "sospensione",
    inizio: "01/06/2026",
    fine: "28/06/2026",
    ore: "2400",
  });
  await titolo(page, "Lavoratori beneficiari");
});
