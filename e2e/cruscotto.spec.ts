// Cruscotti: the public service-time pages (no sign-in), the company's cruscotto autorizzato/fruito and the
// intermediary's portfolio. axe checks every page visited (fixture); the phone projects measure them at 360 px.
import { expect, test } from "./fixtures";

test("tempi di risposta: pagina pubblica per prestazione, senza accesso, con i dati in CSV", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("contentinfo").getByRole("link", { name: "Tempi di risposta delle domande" }).click();
  await expect(page).toHaveURL(/\/prestazioni\/cigo\/tempi$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/Tempi di risposta: .*CIGO/);
  const tabella = page.getByRole("table", { name: /Tempi di risposta/ });
  await expect(tabella.getByRole("rowheader", { name: "Giorni dall'invio alla decisione, mediana" })).toBeVisible();
  await expect(tabella.getByRole("rowheader", { name: "Domande in attesa di decisione" })).toBeVisible();
  // "Come è calcolato" opens without JavaScript (native details).
  await tabella.getByText("Come è calcolato").first().click();
  await expect(tabella.getByText(/Riferimento normativo/).first()).toBeVisible();
  await page.getByRole("navigation", { name: "Altre prestazioni" }).getByRole("link", { name: /CISOA/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/CISOA/);
  const csv = await page.request.get("/prestazioni/cisoa/tempi.csv");
  expect(csv.status()).toBe(200);
  expect(csv.headers()["content-disposition"]).toMatch(/attachment; filename="tempi-cisoa-/);
  expect(await csv.text()).toContain("Misura;Valore;Dato");
});
