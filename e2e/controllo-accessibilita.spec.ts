// The accessibility check of every page (e2e/fixtures.ts) on pages made for it: it finds what axe and the width
// measurement must find, and a page it has already checked in this worker keeps its outcome, violations included.
// The pages are served by the check's own route at an address of the server; nothing is asked of the server.
import { expect, test, analizza, type Istantanea } from "./fixtures";

const pagina = (corpo: string) =>
  `<!DOCTYPE html><html lang="it"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Prova</title></head><body><main><h1>Prova</h1>${corpo}</main></body></html>`;

const TELEFONO = { width: 360, height: 740 };

test("una pagina senza difetti non ha violazioni; un'immagine senza testo alternativo e un campo senza etichetta sì, anche quando la pagina è già stata verificata", async ({
  browser,
  baseURL,
}) => {
  const pulita: Istantanea = { url: `${baseURL}/prova-axe/pulita`, html: pagina("<p>Testo.</p>"), origine: "prova" };
  expect(await analizza(browser, [pulita])).toEqual([]);

  // An address of its own in each project, so that its first check here loads the page, whatever this worker checked before.
  const difettosa: Istantanea = {
    url: `${baseURL}/prova-axe/difettosa-${test.info().project.name}`,
    html: pagina('<img src="/favicon.ico"><form><input type="text" name="nome"></form>'),
    origine: "prova",
  };
  const prima = await analizza(browser, [difettosa]);
  expect(prima.map((v) => v.id).sort()).toEqual(["image-alt", "label"]);
  expect(prima.every((v) => v.url === difettosa.url && v.nodi.length === 1)).toBe(true);

  const dinuovo = await analizza(browser, [{ ...difettosa, origine: "di nuovo" }]);
  expect(dinuovo.map((v) => v.id).sort()).toEqual(["image-alt", "label"]);
  expect(dinuovo.every((v) => v.origine === "di nuovo")).toBe(true);
});

test("a 360 px una pagina più larga dello schermo è una violazione (WCAG 1.4.10), la stessa su uno schermo largo no", async ({ browser, baseURL }) => {
  const larga: Istantanea = {
    url: `${baseURL}/prova-axe/larga-${test.info().project.name}`,
    html: pagina('<div style="width: 900px">Una riga che non va a capo.</div>'),
    origine: "prova",
  };
  const alTelefono = await analizza(browser, [larga], TELEFONO);
  expect(alTelefono.map((v) => v.id)).toEqual(["scorrimento-orizzontale"]);
  expect(alTelefono[0].aiuto).toMatch(/larga \d+ px su uno schermo di 360 px/);
  expect(await analizza(browser, [larga], { width: 1280, height: 800 })).toEqual([]);
});
