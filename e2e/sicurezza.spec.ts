// Security findings checked on the built server in production mode: a body over the cap answers 413 with the
// Italian page before it is read; a body that is not a form answers 4xx with the Italian page and no stack trace;
// signed-in pages are never cached.
import { expect, test } from "./fixtures";
import { accediComeDatore } from "./support/domanda";

test("un corpo troppo grande ad /accedi: 413 con la pagina in italiano", async ({ request, baseURL }) => {
  const r = await request.post("/accedi", {
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: baseURL! },
    data: "a=" + "b".repeat(2 * 1024 * 1024),
  });
  expect(r.status()).toBe(413);
  const html = await r.text();
  expect(html).toContain("<h1>Dati inviati troppo grandi</h1>");
  expect(html).toContain("Non è stato salvato nulla");
});

test("pagine dell'area riservata con Cache-Control: no-store; un corpo JSON risponde 415 in italiano, senza traccia dello stack", async ({
  page,
  baseURL,
}) => {
  await accediComeDatore(page);
  const pagina = await page.goto("/area-riservata");
  expect(pagina?.headers()["cache-control"]).toBe("no-store");
  const r = await page.request.post("/profilo", {
    headers: { "Content-Type": "application/json", Origin: baseURL! },
    data: JSON.stringify({ profilo: "datore" }),
  });
  expect(r.status()).toBe(415);
  const html = await r.text();
  expect(html).toContain("<h1>Richiesta non valida</h1>");
  expect(html).not.toMatch(/\bat [\w.<>]+ \(|\.tsx?:\d+|node_modules/);
});
