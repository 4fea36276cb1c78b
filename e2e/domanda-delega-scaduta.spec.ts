// An intermediary whose delega expired (Laura Consulente on Edil Costruzioni Adige, C2, until 31/12/2025) is refused:
// the employer's draft for C2 and the company's choice answer with the 404 page, not with the data.
import { messaggiInterfaccia as m } from "../app/testi/interfaccia";
import { esci, expect, test } from "./fixtures";
import { accediComeDatore, accediComeIntermediaria, creaBozza, passoAzienda } from "./support/domanda";

test("l'intermediaria con delega scaduta su C2 riceve la pagina 404", async ({ page }) => {
  test.setTimeout(120_000);
  await accediComeDatore(page, "C2");
  const id = await creaBozza(page, "Edil Costruzioni Adige S.p.A.", /^CIGO/);
  await passoAzienda(page);
  await esci(page);

  await accediComeIntermediaria(page);
  for (const percorso of [`/domande/${id}`, `/domande/${id}/azienda`, `/domande/${id}/unita-produttiva`]) {
    const risposta = await page.goto(percorso);
    expect(risposta?.status(), percorso).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toContainText(m.errori[404].titolo);
    await expect(page.getByRole("main")).not.toContainText("Edil Costruzioni Adige");
  }
  // C2 is not among her companies for a new domanda.
  await page.goto("/domande/nuova");
  await expect(page.getByRole("link", { name: /Edil Costruzioni Adige/ })).toHaveCount(0);
  await expect(page.getByRole("link", { name: /Bottega Digitale/ })).toHaveCount(1);
  // Nor does "Le tue domande" list the draft.
  await page.goto("/domande");
  await expect(page.getByRole("main")).not.toContainText(`Bozza n. ${id}`);
});
