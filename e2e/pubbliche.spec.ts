// Public pages: each renders in Italian with the common layout and is axe-clean (the fixture checks every page
// visited, in both projects: JavaScript off and on).
import { messaggiInterfaccia as m } from "../app/testi/interfaccia";
import { expect, test } from "./fixtures";

const PAGINE = [
  { percorso: "/", titolo: m.titoli.home },
  { percorso: "/documenti", titolo: m.titoli.documenti },
  { percorso: "/dichiarazione-accessibilita", titolo: m.titoli.accessibilita },
  { percorso: "/privacy", titolo: m.titoli.privacy },
];

for (const { percorso, titolo } of PAGINE) {
  test(`${percorso} risponde 200 con intestazione, contenuto e piè di pagina`, async ({ page }) => {
    const risposta = await page.goto(percorso);
    expect(risposta?.status()).toBe(200);
    await expect(page.locator("html")).toHaveAttribute("lang", "it");
    await expect(page).toHaveTitle(new RegExp(`${m.siglaServizio}`));
    await expect(page.getByRole("heading", { level: 1 })).toHaveCount(1);
    await expect(page.getByRole("heading", { level: 1 })).toContainText(titolo.split(":")[0]);
    await expect(page.getByRole("banner")).toContainText(m.nomeServizio);
    await expect(page.getByRole("main")).toBeVisible();
    const piede = page.getByRole("contentinfo").getByRole("navigation", { name: m.piede.etichettaNavigazione });
    for (const voce of [m.piede.documenti, m.piede.accessibilita, m.piede.privacy]) {
      await expect(piede.getByRole("link", { name: voce })).toBeVisible();
    }
  });
}

test("la home presenta il servizio e porta all'accesso", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("main")).toContainText(/CIGO/);
  await page.getByRole("banner").getByRole("link", { name: m.intestazione.accedi, exact: true }).click();
  await expect(page).toHaveURL(/\/accedi$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(/Accedi/);
});

test("i link del piè di pagina portano alle pagine pubbliche", async ({ page }) => {
  await page.goto("/");
  const piede = page.getByRole("contentinfo");
  for (const [voce, percorso] of [
    [m.piede.documenti, "/documenti"],
    [m.piede.accessibilita, "/dichiarazione-accessibilita"],
    [m.piede.privacy, "/privacy"],
    [m.piede.home, "/"],
  ] as const) {
    await piede.getByRole("link", { name: voce }).click();
    await expect(page).toHaveURL(new RegExp(`${percorso === "/" ? "/" : percorso}$`));
  }
});

test("una pagina che non esiste risponde 404 con la pagina d'errore italiana", async ({ page }) => {
  const risposta = await page.goto("/pagina-che-non-esiste");
  expect(risposta?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(m.errori[404].titolo);
  await expect(page.getByRole("main")).toContainText(m.errori[404].testo);
  await expect(page.getByRole("link", { name: m.errori.tornaHome })).toHaveAttribute("href", "/");
});

test("lo skip link è il primo elemento raggiungibile e porta il focus al contenuto principale", async ({ page }) => {
  await page.goto("/");
  await page.keyboard.press("Tab");
  const salto = page.getByRole("link", { name: m.intestazione.vaiAlContenuto });
  await expect(salto).toBeFocused();
  await expect(salto).toBeVisible();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/#contenuto$/);
  await expect(page.locator("main#contenuto")).toBeFocused();
});

test("le intestazioni di sicurezza sono presenti", async ({ page }) => {
  const risposta = await page.goto("/");
  const h = risposta!.headers();
  expect(h["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(h["x-content-type-options"]).toBe("nosniff");
  expect(h["referrer-policy"]).toBeTruthy();
});
