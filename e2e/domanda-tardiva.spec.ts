// A late CIGO domanda: the suspension started on 05/01/2026, the term (15 days) ended on 20/01/2026 and the platform's
// today is 10/02/2026. The domanda is not refused: the period step shows the alert with the earliest covered date,
// one week before filing (03/02/2026), and lets the user go on.
import { expect, test } from "./fixtures";
import { accediComeDatore, creaBozza, passoAzienda, passoPeriodo, passoUnita, titolo } from "./support/domanda";

test("CIGO tardiva: il passo Periodo indica la prima data coperta", async ({ page }) => {
  test.setTimeout(120_000);
  await accediComeDatore(page, "C1");
  const id = await creaBozza(page, "Officine Meccaniche Brenta S.r.l.", /^CIGO/);
  await passoAzienda(page);
  await passoUnita(page, /^Reparto montaggio di Vicenza/);
  await passoPeriodo(
    page,
    { causale: "Crisi di mercato", tipo: "sospensione", inizio: "05/01/2026", fine: "27/02/2026", ore: "4800" },
    { poi: "fermati" },
  );
  await expect(page).toHaveURL(new RegExp(`/domande/${id}/periodo\\?salvato=1$`));
  const controlli = page.getByRole("region", { name: "Controlli sul periodo salvato" });
  const avviso = controlli.getByRole("listitem").filter({ hasText: "tardiva" });
  // The severity in words (with an icon beside it), the legal reference as a note.
  await expect(avviso).toContainText("Avviso");
  await expect(avviso).toContainText("Riferimento normativo: art. 15 d.lgs. 148/2015");
  await expect(avviso).toContainText("termine 20/01/2026");
  await expect(avviso).toContainText("al più presto dal 03/02/2026");
  await expect(page.getByRole("status")).toContainText("Il periodo è stato salvato");
  // The saved values are shown again, and the user may go on.
  await expect(page.getByLabel("Data di inizio")).toHaveValue("05/01/2026");
  await Promise.all([
    page.waitForURL(/\/lavoratori$/),
    page.getByRole("link", { name: "continuare con il passo successivo" }).click(),
  ]);
  await titolo(page, "Lavoratori beneficiari");
});
