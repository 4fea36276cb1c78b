// One error behaviour with JavaScript off and on (GOV.UK error pattern): after an invalid submit the error summary
// "C'è un problema" has the focus, the document title starts with "Errore: ", each field shows its own message
// (linked with aria-describedby) and what the user typed is kept. Runs in both projects (senza-js, con-js).
import { expect, test } from "./fixtures";
import { accediComeDatore, creaBozza, passoAzienda, passoUnita, SALVA, titolo } from "./support/domanda";

test("periodo non valido: riepilogo con il focus, titolo con Errore, messaggi accanto ai campi, valori mantenuti", async ({ page }) => {
  test.setTimeout(120_000);
  await accediComeDatore(page, "C1");
  await creaBozza(page, "Officine Meccaniche Brenta S.r.l.", /^CIGO/);
  await passoAzienda(page);
  await passoUnita(page, /^Stabilimento di Padova/);
  await titolo(page, "Periodo e causale");
  await expect(page).not.toHaveTitle(/^Errore: /);

  await page.getByLabel("Data di inizio").fill("31/02/2027");
  await page.getByLabel("Data di fine").fill("aprile");
  await page.getByRole("button", { name: SALVA }).click();

  const riepilogo = page.locator(".riepilogo-errori");
  await expect(riepilogo.getByRole("heading", { name: "C'è un problema" })).toBeVisible();
  await expect(riepilogo).toBeFocused();
  await expect(page).toHaveTitle(/^Errore: Periodo e causale/);
  // The date has the right format but does not exist: say so, not "use the format".
  const inizio = page.getByLabel("Data di inizio");
  await expect(inizio).toHaveValue("31/02/2027");
  await expect(inizio).toHaveAccessibleDescription(/La data di inizio non esiste/);
  await expect(page.getByLabel("Data di fine")).toHaveAccessibleDescription(/nel formato gg\/mm\/aaaa/);
  await expect(page.getByLabel("Data di fine")).toHaveValue("aprile");
  const id = await inizio.getAttribute("id");
  await expect(riepilogo.getByRole("link", { name: /La data di inizio non esiste/ })).toHaveAttribute("href", `#${id}`);
});

test("il pulsante Esci mostra il focus da tastiera (WCAG 2.4.7)", async ({ page }) => {
  await accediComeDatore(page, "C1");
  const esci = page.getByRole("button", { name: /^Esci/ });
  await esci.focus();
  await expect(esci).toBeFocused();
  await expect(esci).toHaveCSS("outline-style", "solid");
  await expect(esci).toHaveCSS("outline-width", "3px");
});
