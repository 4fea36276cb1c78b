// D4 (reference scenario): AIS of the Fondo di solidarietà bilaterale per le attività professionali for Studio Associato
// Fontana Esempio (C4) by the intermediary: the routing suggests the fund and marks the FIS as not compatible.
// The domanda is sent; the two projects use distinct 4-week periods (a sent domanda blocks an overlapping one).
import { expect, test } from "./fixtures";
import {
  accediComeIntermediaria,
  creaBozza,
  indiceProgetto,
  inviaDallaRiepilogo,
  passoAllegati,
  passoAzienda,
  passoInformativa,
  passoLavoratoriTutti,
  passoPagamentoConguaglio,
  passoPeriodo,
  passoRelazioneTecnica,
  passoUnita,
} from "./support/domanda";

const FONDO = "AIS del Fondo di solidarietà bilaterale per le attività professionali";
const PERIODI = [
  { inizio: "02/03/2026", fine: "29/03/2026" },
  { inizio: "06/04/2026", fine: "03/05/2026" },
] as const;

test("D4: AIS del fondo attività professionali per C4, suggerito dall'instradamento (FIS non compatibile)", async ({ page }, info) => {
  test.setTimeout(150_000);
  const periodo = PERIODI[indiceProgetto(info)];
  await accediComeIntermediaria(page);
  await creaBozza(page, "Studio Associato Fontana Esempio", new RegExp(`^${FONDO} Suggerita`), async () => {
    await expect(page.getByRole("radio", { name: new RegExp(`^${FONDO} Suggerita`) })).toBeChecked();
    await expect(page.getByRole("radio", { name: /^AIS del FIS Non compatibile/ })).not.toBeChecked();
  });
  await passoAzienda(page);
  await passoUnita(page, /^Studio di Roma/);
  await passoPeriodo(page, {
    causale: "Mancanza di lavoro o di commesse",
    tipo: "sospensione",
    inizio: periodo.inizio,
    fine: periodo.fine,
    ore: "1440",
  });
  await passoLavoratoriTutti(page);
  await passoRelazioneTecnica(page);
  await passoInformativa(page);
  await passoPagamentoConguaglio(page);
  await passoAllegati(page);
  await expect(page.getByRole("main")).toContainText(FONDO.replace("AIS del ", ""));
  const protocollo = await inviaDallaRiepilogo(page);
  await expect(page.getByRole("main")).toContainText("Studio Associato Fontana Esempio");
  await expect(page.getByRole("definition").filter({ hasText: "attività professionali" })).toHaveCount(1);
  expect(protocollo).not.toBe("");
});
