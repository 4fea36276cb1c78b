// Deleghe and sub-abilitazioni in the browser, with records of the test's own (each project its own company and
// employee): the intermediary asks Mario's company for a delega, Mario refuses it; Mario enables an employee, who
// signs in with the employer's profile for that company only, then Mario revokes the abilitazione.
import { LAURA_CONSULENTE, MARIO_ESEMPIO } from "../db/seed/utenti-demo";
import { messaggiAccesso, messaggiDeleghe as m } from "../app/testi";
import { accedi, esci, expect, test } from "./fixtures";

const PROGETTO = {
  "senza-js": { azienda: "Edil Costruzioni Adige", matricola: "4723456702", dipendente: { cf: "DPNSNZ80A01L736X", nome: "Sara", cognome: "Senza Script" } },
  "con-js": { azienda: "Officine Meccaniche Brenta", matricola: "4712345601", dipendente: { cf: "DPNCNJ80A01L736X", nome: "Carlo", cognome: "Con Script" } },
} as const;

test("l'intermediaria chiede una delega, il legale rappresentante la rifiuta", async ({ page }, info) => {
  test.setTimeout(120_000);
  const p = PROGETTO[info.project.name as keyof typeof PROGETTO];
  await accedi(page, LAURA_CONSULENTE.codiceFiscale, { profilo: new RegExp(`^${messaggiAccesso.ruoli.intermediario}`) });
  await page.getByRole("link", { name: "Deleghe e abilitazioni" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(m.titolo);
  await page.getByRole("link", { name: m.richiediNuova }).click();

  // Errors first: GOV.UK summary with focus, "Errore:" title, messages by the fields.
  await page.getByLabel(m.matricola).fill("12ab");
  await page.getByRole("button", { name: m.invia }).click();
  await expect(page).toHaveTitle(/^Errore: /);
  await expect(page.getByRole("alert")).toContainText(m.matricolaNonValida);
  await expect(page.locator("#riepilogo-errori")).toBeFocused();

  await page.getByLabel(m.matricola).fill(p.matricola);
  await page.getByText(m.modalitaConferma).click();
  await page.getByRole("button", { name: m.invia }).click();
  await expect(page).toHaveURL(/\/deleghe\?esito=richiesta$/);
  await expect(page.getByRole("status")).toHaveText(m.esiti.richiesta);
  // Beside the seed's expired delega on C2, the new request.
  await expect(page.getByRole("row").filter({ hasText: p.azienda }).filter({ hasText: m.stati.richiesta })).toHaveCount(1);
  await esci(page);

  await accedi(page, MARIO_ESEMPIO.codiceFiscale, { profilo: new RegExp(p.azienda) });
  await page.goto("/deleghe");
  const richiesta = page.getByRole("row").filter({ hasText: LAURA_CONSULENTE.codiceFiscale }).filter({ hasText: m.stati.richiesta });
  await richiesta.getByRole("button", { name: new RegExp(`^${m.azioni.rifiuta}`) }).click();
  await expect(page.getByRole("status")).toHaveText(m.esiti.rifiuta);
  await expect(page.getByRole("row").filter({ hasText: LAURA_CONSULENTE.codiceFiscale }).filter({ hasText: m.stati.rifiutata }).first()).toBeVisible();
});

test("il legale rappresentante abilita un dipendente, che opera solo per quell'azienda fino alla revoca", async ({ page }, info) => {
  test.setTimeout(120_000);
  const p = PROGETTO[info.project.name as keyof typeof PROGETTO];
  await accedi(page, MARIO_ESEMPIO.codiceFiscale, { profilo: new RegExp(p.azienda) });
  await page.goto("/deleghe");
  await page.getByRole("link", { name: m.abilitaDipendente }).click();
  await page.getByLabel(m.codiceFiscale).fill(p.dipendente.cf);
  await page.getByLabel(m.nome, { exact: true }).fill(p.dipendente.nome);
  await page.getByLabel(m.cognome, { exact: true }).fill(p.dipendente.cognome);
  await page.getByRole("button", { name: m.abilita }).click();
  await expect(page.getByRole("status")).toHaveText(m.esiti.abilitato);
  await esci(page);

  // The employee signs in (the provider lists the new person) and acts with the employer's profile for that company.
  await accedi(page, p.dipendente.cf);
  await expect(page).toHaveURL(/\/area-riservata$/);
  await expect(page.getByRole("banner")).toContainText(`${messaggiAccesso.incaricato} — ${p.azienda}`);
  await expect(page.getByRole("main")).toContainText(p.azienda);
  await page.goto("/deleghe");
  await expect(page.getByRole("heading", { level: 1 })).not.toHaveText(m.titolo);
  await esci(page);

  await accedi(page, MARIO_ESEMPIO.codiceFiscale, { profilo: new RegExp(p.azienda) });
  await page.goto("/deleghe");
  await page.getByRole("row").filter({ hasText: p.dipendente.cf }).getByRole("button", { name: new RegExp(`^${m.revocaAbilitazione}`) }).click();
  await expect(page.getByRole("status")).toHaveText(m.esiti.abilitazioneRevocata);
  await expect(page.getByRole("row").filter({ hasText: p.dipendente.cf })).toContainText(m.stati.revocata);
});
