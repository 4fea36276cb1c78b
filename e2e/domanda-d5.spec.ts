// D5 (reference scenario): CISOA for Azienda Agricola Colle Verde Fittizia (C5) for seasonal bad weather, by the
// intermediary: Nicola Prototipo (OTI, 150 days) and Rosa Bozzetto (OTD, outside derogation periods) are listed as
// not eligible with the reason and cannot be selected; the eligible OTI (Irina Dimostrato among them) are.
// The domanda is sent: 3 whole days, distinct per project (a sent domanda blocks an overlapping one).
import { expect, test } from "./fixtures";
import {
  accediComeIntermediaria,
  creaBozza,
  indiceProgetto,
  inviaEAttendi,
  inviaDallaRiepilogo,
  passoAllegati,
  passoAzienda,
  passoInformativa,
  passoPagamentoConguaglio,
  passoPeriodo,
  passoRelazioneTecnica,
  passoUnita,
  rigaLavoratore,
  titolo,
} from "./support/domanda";

const GIORNI = [
  ["02/02/2026", "03/02/2026", "04/02/2026"],
  ["26/01/2026", "27/01/2026", "28/01/2026"],
] as const;

test("D5: CISOA per C5, i lavoratori non ammissibili (Nicola, Rosa) sono indicati come tali", async ({ page }, info) => {
  test.setTimeout(150_000);
  const giorni = GIORNI[indiceProgetto(info)];
  await accediComeIntermediaria(page);
  await creaBozza(page, "Azienda Agricola Colle Verde Fittizia", /^CISOA Suggerita/);
  await passoAzienda(page);
  await passoUnita(page, /^Oliveto e frutteto/);
  await passoPeriodo(page, {
    causale: "Intemperie stagionali — evento oggettivamente non evitabile",
    tipo: "sospensione",
    inizio: giorni[0],
    fine: giorni[2],
    ore: "78",
    giorni: [...giorni],
    lavorazione: "Potatura dell'oliveto all'aperto, impedita da pioggia e vento forte.",
  });

  await titolo(page, "Lavoratori beneficiari");
  for (const nome of ["Prototipo Nicola", "Bozzetto Rosa"]) {
    const riga = rigaLavoratore(page, nome);
    await expect(riga).toContainText("Non ammissibile:");
    await expect(riga.getByRole("checkbox")).toBeDisabled();
  }
  await expect(rigaLavoratore(page, "Prototipo Nicola")).toContainText(/181|180/);
  const irina = rigaLavoratore(page, "Dimostrato Irina");
  await expect(irina).toContainText("Ammissibile");
  await expect(irina.getByRole("checkbox")).toBeEnabled();

  await inviaEAttendi(page, "Seleziona tutti gli ammissibili");
  await expect(page.getByText("Selezionati: 4")).toBeVisible();
  await expect(irina.getByRole("checkbox")).toBeChecked();
  await expect(rigaLavoratore(page, "Prototipo Nicola").getByRole("checkbox")).not.toBeChecked();
  await Promise.all([page.waitForURL(/\/relazione-tecnica$/), page.getByRole("button", { name: "Conferma i lavoratori" }).click()]);

  await passoRelazioneTecnica(page);
  await passoInformativa(page);
  // CISOA: the payment step, if any (nothing is pre-selected: the user chooses), then the attachments.
  if (new URL(page.url()).pathname.endsWith("/pagamento")) await passoPagamentoConguaglio(page);
  await passoAllegati(page);
  await expect(page.getByRole("main")).toContainText("CISOA");
  await inviaDallaRiepilogo(page);
  await expect(page.getByRole("main")).toContainText("Azienda Agricola Colle Verde Fittizia");
});
