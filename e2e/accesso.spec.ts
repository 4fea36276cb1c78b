// Sign-in over OpenID Connect with the local test identity provider for every demo role, the header's "who and as what",
// sign-out, and what each profile may see. Every page visited is also checked with axe by the fixture.
import {
  DELEGHE_VALIDE_DEMO,
  DIRIGENTE_PADOVA,
  LAURA_CONSULENTE,
  MARIO_ESEMPIO,
  OPERATORE_MILANO,
  OPERATORE_PADOVA,
} from "../db/seed/utenti-demo";
import { messaggiAccesso } from "../app/testi";
import { messaggiInterfaccia as m } from "../app/testi/interfaccia";
import { accedi, esci, expect, SCHERMO_PROVA, test } from "./fixtures";

const ruoli = messaggiAccesso.ruoli;

const CASI = [
  { utente: MARIO_ESEMPIO, profilo: /Officine Meccaniche Brenta/, comeChi: `${ruoli.datore} — Officine Meccaniche Brenta` },
  { utente: LAURA_CONSULENTE, profilo: new RegExp(`^${ruoli.intermediario}`), comeChi: ruoli.intermediario },
  { utente: OPERATORE_PADOVA, profilo: undefined, comeChi: ruoli.operatore_sede },
  { utente: OPERATORE_MILANO, profilo: undefined, comeChi: ruoli.operatore_sede },
  { utente: DIRIGENTE_PADOVA, profilo: undefined, comeChi: ruoli.dirigente_sede },
];

test("«Entra con SPID o CIE» porta al fornitore di prova, che elenca le identità dimostrative con i loro ruoli", async ({ page }) => {
  await page.goto("/accedi");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await page.getByRole("button", { name: "Entra con SPID o CIE" }).click();
  await expect(page).toHaveURL(SCHERMO_PROVA);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Fornitore di identità di prova");
  for (const { utente } of CASI) {
    const pulsante = page.getByRole("button", { name: new RegExp(`${utente.nome} ${utente.cognome}`) });
    await expect(pulsante).toBeVisible();
    await expect(pulsante).toContainText(utente.codiceFiscale);
  }
});

for (const { utente, profilo, comeChi } of CASI) {
  test(`accesso ed uscita come ${utente.nome} ${utente.cognome} (${utente.ruoli.join(", ")})`, async ({ page }) => {
    await accedi(page, utente.codiceFiscale, { profilo });
    await expect(page).toHaveURL(/\/area-riservata$/);
    const intestazione = page.getByRole("banner");
    await expect(intestazione).toContainText(`${utente.nome} ${utente.cognome}`);
    await expect(intestazione).toContainText(comeChi);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Area riservata");

    await esci(page);
    await expect(page.getByRole("banner").getByRole("link", { name: m.intestazione.accedi, exact: true })).toBeVisible();
    await expect(page.getByRole("banner")).not.toContainText(utente.cognome);
    // The session is over: a protected page sends back to the sign-in.
    await page.goto("/area-riservata");
    await expect(page).toHaveURL(/\/accedi(\?|$)/);
  });
}

test("senza sessione le pagine riservate rimandano ad /accedi", async ({ page }) => {
  for (const percorso of ["/area-riservata", "/profilo"]) {
    await page.goto(percorso);
    await expect(page).toHaveURL(/\/accedi(\?|$)/);
  }
});

test("chi ha più profili sceglie su /profilo e può cambiarlo", async ({ page }) => {
  await accedi(page, LAURA_CONSULENTE.codiceFiscale, { profilo: new RegExp(`^${ruoli.intermediario}`) });
  await expect(page.getByRole("banner")).toContainText(ruoli.intermediario);
  await page.getByRole("banner").getByRole("link", { name: m.intestazione.cambiaProfilo }).click();
  await expect(page).toHaveURL(/\/profilo$/);
  await page.locator("label").filter({ hasText: new RegExp(`^${ruoli.datore}`) }).click();
  await page.getByRole("button", { name: "Continua" }).click();
  await expect(page).toHaveURL(/\/area-riservata$/);
  await expect(page.getByRole("banner")).toContainText(ruoli.datore);
});

test("l'intermediaria vede solo le aziende con delega valida", async ({ page }) => {
  await accedi(page, LAURA_CONSULENTE.codiceFiscale, { profilo: new RegExp(`^${ruoli.intermediario}`) });
  const tabella = page.getByRole("table");
  await expect(tabella).toBeVisible();
  const righe = tabella.locator("tbody tr");
  await expect(righe).toHaveCount(DELEGHE_VALIDE_DEMO);
  for (const valida of [/Bottega Digitale/, /Studio Associato Fontana Esempio/, /Azienda Agricola Colle Verde/]) {
    await expect(tabella.getByRole("rowheader", { name: valida })).toHaveCount(1);
  }
  // Delega scaduta il 31/12/2025: nessun accesso.
  await expect(tabella).not.toContainText("Edil Costruzioni Adige");
  // Companies of which she is neither delegate nor legal representative.
  await expect(tabella).not.toContainText("Officine Meccaniche Brenta");
});

test("il datore opera per una delle sue aziende alla volta, e solo per quelle", async ({ page }) => {
  await accedi(page, MARIO_ESEMPIO.codiceFiscale, { profilo: /Officine Meccaniche Brenta/ });
  const tabella = page.getByRole("table");
  await expect(tabella.locator("tbody tr")).toHaveCount(1);
  await expect(tabella).toContainText("Officine Meccaniche Brenta");
  await page.goto("/profilo");
  const opzioni = page.getByRole("radio");
  await expect(opzioni).toHaveCount(2);
  await expect(page.getByRole("radio", { name: /Officine Meccaniche Brenta/ })).toBeChecked();
  await expect(page.getByRole("radio", { name: /Edil Costruzioni Adige/ })).toHaveCount(1);
});

test("l'operatore vede solo le proprie sedi", async ({ page }) => {
  await accedi(page, OPERATORE_MILANO.codiceFiscale);
  const sedi = page.getByRole("region", { name: /sedi/i });
  await expect(sedi).toContainText("Milano");
  await expect(sedi).not.toContainText("Padova");
  await expect(page.getByRole("table")).toHaveCount(0);
});

test("SPID di livello 1: il servizio rifiuta l'accesso con un messaggio in italiano e non crea la sessione", async ({ page }) => {
  await page.goto("/accedi");
  await page.getByRole("button", { name: "Entra con SPID o CIE" }).click();
  await expect(page).toHaveURL(SCHERMO_PROVA);
  await page.getByLabel("Identità").selectOption(MARIO_ESEMPIO.codiceFiscale);
  await page.getByRole("button", { name: "Accedi con SPID di livello 1" }).click();
  await expect(page).toHaveURL(/\/accedi\/ritorno\?/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Accesso non riuscito");
  await expect(page.getByRole("alert")).toContainText("SPID di livello 2");
  await expect(page).toHaveTitle(/^Errore: /);
  await page.getByRole("link", { name: "Riprova ad accedere" }).click();
  await expect(page).toHaveURL(/\/accedi$/);
  await page.goto("/area-riservata");
  await expect(page).toHaveURL(/\/accedi\?/);
});

test("annullare sul fornitore di prova riporta al servizio senza accesso", async ({ page }) => {
  await page.goto("/accedi");
  await page.getByRole("button", { name: "Entra con SPID o CIE" }).click();
  await page.getByRole("button", { name: "Annulla e torna al servizio" }).click();
  await expect(page).toHaveURL(/\/accedi\/ritorno\?/);
  await expect(page.getByRole("alert")).toContainText("Hai annullato l'accesso");
});
