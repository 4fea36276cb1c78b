// Withdrawal (rinuncia) of a sent domanda: the employer sends a CIGO domanda for Edil Costruzioni Adige (C2),
// withdraws it from its detail page and sees the new state. Distinct one-week periods per project.
import { expect, test } from "./fixtures";
import {
  accediComeDatore,
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
  titolo,
} from "./support/domanda";

const PERIODI = [
  { inizio: "02/03/2026", fine: "08/03/2026" },
  { inizio: "09/03/2026", fine: "15/03/2026" },
] as const;

test("rinuncia a una domanda inviata", async ({ page }, info) => {
  test.setTimeout(180_000);
  const periodo = PERIODI[indiceProgetto(info)];
  await accediComeDatore(page, "C2");
  const id = await creaBozza(page, "Edil Costruzioni Adige S.p.A.", /^CIGO/);
  await passoAzienda(page);
  await passoUnita(page, /^Deposito di Verona/);
  await passoPeriodo(page, { causale: "Crisi di mercato", tipo: "sospensione", inizio: periodo.inizio, fine: periodo.fine, ore: "880" });
  await passoLavoratoriTutti(page);
  await passoRelazioneTecnica(page);
  await passoInformativa(page);
  await passoPagamentoConguaglio(page);
  await passoAllegati(page);
  const protocollo = await inviaDallaRiepilogo(page);

  await Promise.all([page.waitForURL(/\/dettaglio$/), page.getByRole("link", { name: "Vedi il dettaglio della domanda" }).click()]);
  await titolo(page, `Domanda ${protocollo}`);
  await expect(page.getByRole("main")).toContainText("Stato: Inviata");
  await Promise.all([page.waitForURL(/\/rinuncia$/), page.getByRole("link", { name: "Rinuncia alla domanda" }).click()]);
  await titolo(page, "Confermi la rinuncia?");
  await expect(page.getByRole("main")).toContainText(protocollo);
  await inviaEAttendi(page, "Sì, rinuncio alla domanda", new RegExp(`/domande/${id}/dettaglio$`));
  await expect(page.getByRole("main")).toContainText("Stato: Rinunciata");
  await expect(page.getByRole("link", { name: "Rinuncia alla domanda" })).toHaveCount(0);
  await expect(page.getByRole("table", { name: /Eventi della domanda/ })).toContainText(/[Rr]inuncia/);

  // A second withdrawal is refused with an explanation.
  await page.goto(`/domande/${id}/rinuncia`);
  await expect(page.getByRole("main")).toContainText("Non è più possibile rinunciare alla domanda");
});
