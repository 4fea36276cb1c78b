// Test fixture: every page a test visits is checked with axe (WCAG 2.0/2.1 A and AA), in both projects.
//
// How pages are collected: every HTML document the main frame receives (page.goto, a link, a form POST that answers
// with a page, the page after a redirect) is kept as the server sent it; with JavaScript on, the live DOM once the
// document has loaded replaces it, and the client-side navigations of Remix (no new document) are captured as DOM
// snapshots; at the end the page the test ends on is captured too. Each distinct page is checked once, at the end of the test, in a separate JavaScript-ENABLED context
// with the page's own scripts removed and blocked (axe cannot run in a context with JavaScript disabled; STACK-NOTES):
// the HTML is served at its own URL through page.route, so its CSS and fonts load from the server as for a user.
// axe-core is added to that context as a script of every new document (addInitScript): one evaluation per page,
// where @axe-core/playwright's AxeBuilder evaluated its 570 KB source twice per page and then configured it; and
// only violations are gathered (resultTypes), so axe builds no selectors for the nodes that pass (with the reuse
// below, a seventh of the e2e suite's time: README, Misure, "Nona finestra"). A page whose content, address and screen size were already checked
// by this worker, in any test, is not checked again: its outcome (violations included) is reused, so a page with a
// violation fails every test that visits it.
//
// In a project whose viewport is narrower than 400 px (the phone projects), each page is also measured at that width
// in the same context: a page wider than the viewport (document.documentElement.scrollWidth) scrolls sideways and
// fails as a violation `scorrimento-orizzontale` (WCAG 1.4.10 Reflow), naming the elements that stick out.
//
// `await verificaAccessibilita(page)` checks the current page at once (useful after an interaction that changes
// the page without navigating); `test.use({ controlloAccessibilita: false })` turns the automatic check off.
import { createHash } from "node:crypto";
import axe from "axe-core";
import { test as base, expect, type APIRequestContext, type Browser, type Page, type Response } from "@playwright/test";

export const TAG_WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

/**
 * axe rules not applied to some pages, each with its reason, never a way to make a page pass. The flow's progress
 * page reloads itself every 5 s (meta refresh) only after the user chose it with a link on the page, which also stops
 * it (?aggiorna=automatico): WCAG 2.2.1 is met by that choice (technique F41 fails a refresh the user cannot turn off),
 * but axe's meta-refresh rule cannot see the choice and counts any delayed refresh. The page as first shown (no
 * reload) is checked with every rule.
 */
const ECCEZIONI_AXE: ReadonlyArray<{ regola: string; percorso: RegExp }> = [
  { regola: "meta-refresh", percorso: /^\/flussi\/\d+\/avanzamento\?aggiorna=automatico$/ },
];

export interface Istantanea {
  url: string;
  html: string;
  origine: string;
}

interface Violazione {
  url: string;
  origine: string;
  id: string;
  impatto: string;
  aiuto: string;
  nodi: string[];
}

/** Outcomes of the pages this worker has checked, by screen and page (chiave): their violations, or none. */
const esitiVerificati = new Map<string, Array<Omit<Violazione, "url" | "origine">>>();

function senzaScript(html: string): string {
  return html
    .replace(/<script\b[^>]*>[\s\S]*?<\/script\s*>/gi, "")
    .replace(/<link\b[^>]*rel=["']?modulepreload["']?[^>]*>/gi, "");
}

/** A key that ignores what changes on every request (CSRF tokens, nonces) so that a page is checked once. */
function chiave(s: Istantanea): string {
  const u = new URL(s.url);
  const normalizzato = senzaScript(s.html)
    .replace(/(<input\b[^>]*type=["']?hidden["']?[^>]*value=)("[^"]*"|'[^']*')/gi, "$1''")
    .replace(/\snonce="[^"]*"/gi, "");
  return `${u.pathname}${u.search}#${createHash("sha256").update(normalizzato).digest("hex")}`;
}

/** Viewports at most this wide are phones: pages are measured for sideways scrolling there. */
export const LARGHEZZA_TELEFONO = 400;

declare global {
  interface Window {
    axe: typeof axe;
  }
}

type Schermo = { width: number; height: number } | null | undefined;

/**
 * The violations of these pages (axe, and at most 400 px wide the sideways scrolling), each page loaded as its own
 * document in a new JavaScript-enabled context; pages this worker has already checked on the same screen are not
 * loaded again, their outcome is reused.
 */
export async function analizza(browser: Browser, tutte: Istantanea[], schermo?: Schermo): Promise<Violazione[]> {
  const schermata = schermo ? `${schermo.width}x${schermo.height}` : "predefinito";
  const violazioni: Violazione[] = [];
  const istantanee: Array<Istantanea & { esito: string }> = [];
  for (const s of tutte) {
    const esito = `${schermata} ${chiave(s)}`;
    const gia = esitiVerificati.get(esito);
    if (gia) violazioni.push(...gia.map((v) => ({ ...v, url: s.url, origine: s.origine })));
    else istantanee.push({ ...s, esito });
  }
  if (istantanee.length === 0) return violazioni;
  const contesto = await browser.newContext({
    javaScriptEnabled: true,
    locale: "it-IT",
    ...(schermo ? { viewport: schermo } : {}),
  });
  const misura = Boolean(schermo && schermo.width <= LARGHEZZA_TELEFONO);
  try {
    const pagina = await contesto.newPage();
    // After newPage: its about:blank does not need axe.
    await contesto.addInitScript({ content: axe.source });
    let corrente: { indirizzo: string; html: string } | undefined;
    await pagina.route("**/*", async (route) => {
      const richiesta = route.request();
      if (corrente && richiesta.isNavigationRequest() && richiesta.url().split("#")[0] === corrente.indirizzo) {
        await route.fulfill({ status: 200, contentType: "text/html; charset=utf-8", body: corrente.html });
      } else if (richiesta.resourceType() === "script" || richiesta.isNavigationRequest()) {
        await route.abort();
      } else {
        await route.continue();
      }
    });
    for (const s of istantanee) {
      const trovate: Violazione[] = [];
      corrente = { indirizzo: s.url.split("#")[0], html: senzaScript(s.html) };
      await pagina.goto(corrente.indirizzo, { waitUntil: "load" });
      await pagina.evaluate(() => document.fonts.ready.then(() => undefined));
      if (misura) {
        const larghezza = await pagina.evaluate(() => {
          const vista = document.documentElement.clientWidth;
          // The elements whose right edge passes the viewport, outermost first (their children follow them).
          const fuori = [...document.querySelectorAll("body *")]
            .filter((el) => {
              const r = el.getBoundingClientRect();
              if (r.width === 0 || r.right <= vista + 0.5) return false;
              for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
                const o = getComputedStyle(a).overflowX;
                if (o === "auto" || o === "scroll" || o === "hidden" || o === "clip") return false;
              }
              return true;
            })
            .slice(0, 5)
            .map((el) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""}${el.className && typeof el.className === "string" ? `.${el.className.trim().split(/\s+/).join(".")}` : ""} (fino a ${Math.round(el.getBoundingClientRect().right)} px)  ${el.outerHTML.slice(0, 120)}`);
          return { pagina: document.documentElement.scrollWidth, vista, fuori };
        });
        if (larghezza.pagina > larghezza.vista) {
          trovate.push({
            url: s.url,
            origine: s.origine,
            id: "scorrimento-orizzontale",
            impatto: "serious",
            aiuto: `la pagina è larga ${larghezza.pagina} px su uno schermo di ${larghezza.vista} px (WCAG 1.4.10)`,
            nodi: larghezza.fuori,
          });
        }
      }
      // axe runs in the page itself (the snapshots have no iframes).
      const risultati = await pagina.evaluate(
        (tag) => window.axe.run(document, { runOnly: { type: "tag", values: tag }, resultTypes: ["violations"] }),
        TAG_WCAG,
      );
      const { pathname, search } = new URL(s.url);
      const percorso = pathname + search;
      for (const v of risultati.violations) {
        if (ECCEZIONI_AXE.some((e) => e.regola === v.id && e.percorso.test(percorso))) continue;
        trovate.push({
          url: s.url,
          origine: s.origine,
          id: v.id,
          impatto: v.impact ?? "?",
          aiuto: v.help,
          nodi: v.nodes.map((n) => `${n.target.join(" ")}  ${n.html.slice(0, 160)}`),
        });
      }
      esitiVerificati.set(s.esito, trovate.map(({ url: _url, origine: _origine, ...v }) => v));
      violazioni.push(...trovate);
    }
    return violazioni;
  } finally {
    await contesto.close();
  }
}

export function formattaViolazioni(violazioni: Violazione[]): string {
  return violazioni
    .map(
      (v) =>
        `- ${v.url} (${v.origine}): [${v.impatto}] ${v.id}: ${v.aiuto}\n` +
        v.nodi.map((n) => `    · ${n}`).join("\n"),
    )
    .join("\n");
}

async function istantaneaCorrente(page: Page, origine: string): Promise<Istantanea> {
  return { url: page.url(), html: await page.content(), origine };
}

/** Checks the page as it is now with axe (same method as the automatic check) and fails on any violation. */
export async function verificaAccessibilita(page: Page): Promise<void> {
  const s = await istantaneaCorrente(page, "verificaAccessibilita");
  const violazioni = await analizza(page.context().browser()!, [s], page.viewportSize());
  expect(violazioni, `violazioni di accessibilità (axe, ${TAG_WCAG.join(", ")}):\n${formattaViolazioni(violazioni)}`).toEqual([]);
}

export const test = base.extend<{ controlloAccessibilita: boolean }>({
  controlloAccessibilita: [true, { option: true }],
  page: async ({ page, browser, controlloAccessibilita }, use, testInfo) => {
    const raccolta = { istantanee: [] as Istantanea[], attese: [] as Promise<unknown>[] };
    const documenti = new Set<string>();

    // Every HTML document of the main frame, as sent by the server (redirects have no body and are skipped). The slot
    // is taken at once, in navigation order; the body fills it when it arrives.
    page.on("response", (risposta: Response) => {
      const richiesta = risposta.request();
      if (!richiesta.isNavigationRequest() || risposta.frame() !== page.mainFrame()) return;
      if (risposta.status() >= 300 && risposta.status() < 400) return;
      if (!(risposta.headers()["content-type"] ?? "").includes("text/html")) return;
      documenti.add(risposta.url());
      const posto: Istantanea = { url: risposta.url(), html: "", origine: `${richiesta.method()} documento` };
      raccolta.istantanee.push(posto);
      raccolta.attese.push(
        risposta
          .text()
          .then((html) => {
            if (!posto.html) posto.html = html;
          })
          .catch(() => undefined),
      );
    });
    // JavaScript on: once a document has loaded (and React has hydrated it), its live DOM replaces the server's HTML.
    page.on("load", () => {
      if (!testInfo.project.use.javaScriptEnabled) return;
      const url = page.url();
      const posto = [...raccolta.istantanee].reverse().find((x) => x.url === url && x.origine.endsWith("documento"));
      raccolta.attese.push(
        page
          .waitForTimeout(50)
          .then(() => (page.url() === url ? istantaneaCorrente(page, "DOM dopo il caricamento") : undefined))
          .then((s) => {
            if (s && posto) Object.assign(posto, s);
            else if (s) raccolta.istantanee.push(s);
          })
          .catch(() => undefined),
      );
    });
    // Client-side navigations (JavaScript on): no new document, so take the DOM once React has rendered.
    page.on("framenavigated", (frame) => {
      if (frame !== page.mainFrame() || !testInfo.project.use.javaScriptEnabled) return;
      const url = frame.url();
      if (documenti.has(url) || url === "about:blank") return;
      const posto: Istantanea = { url, html: "", origine: "navigazione lato client" };
      raccolta.istantanee.push(posto);
      raccolta.attese.push(
        page
          .waitForTimeout(100)
          .then(() => (page.url() === url ? istantaneaCorrente(page, posto.origine) : undefined))
          .then((s) => s && Object.assign(posto, s))
          .catch(() => undefined),
      );
    });

    await use(page);

    if (!controlloAccessibilita || testInfo.status !== testInfo.expectedStatus) return;
    await Promise.all(raccolta.attese);
    // The page the test ends on: with JavaScript, its DOM may have changed since it loaded; without, it is the last
    // document unless the test ended on something else.
    if (!page.isClosed() && page.url() !== "about:blank") {
      const finale = await istantaneaCorrente(page, "fine del test").catch(() => undefined);
      const ultima = raccolta.istantanee.at(-1);
      const stessa = ultima && finale && ultima.url.split("#")[0] === finale.url.split("#")[0];
      if (finale && (testInfo.project.use.javaScriptEnabled || !stessa)) raccolta.istantanee.push(finale);
    }
    const distinte = new Map<string, Istantanea>();
    for (const s of raccolta.istantanee) {
      const k = chiave(s);
      if (s.html && !distinte.has(k)) distinte.set(k, s);
    }
    const violazioni = await analizza(browser, [...distinte.values()], page.viewportSize());
    await testInfo.attach("pagine verificate con axe", {
      body: [...distinte.values()].map((s) => `${s.url} (${s.origine})`).join("\n"),
      contentType: "text/plain",
    });
    if (violazioni.length > 0) {
      throw new Error(
        `Violazioni di accessibilità (axe, ${TAG_WCAG.join(", ")}) su ${new Set(violazioni.map((v) => v.url)).size} pagine:\n` +
          formattaViolazioni(violazioni),
      );
    }
  },
});

export { expect };

/** The local test OpenID provider's login screen (server/oidc-prova.ts). */
export const SCHERMO_PROVA = /\/oidc-prova\/interazione\//;

/**
 * Signs in over OpenID Connect (ADR 018) as a demo identity: "Entra con SPID o CIE" on /accedi, then, on the local
 * test provider's login screen, the button of the user with that codice fiscale (SPID level 2); the browser comes
 * back through /accedi/ritorno. When the platform asks at /profilo which role or company to act as, picks the option
 * whose label matches `profilo` (text or RegExp), or the first one when `profilo` is not given.
 */
export async function accedi(page: Page, cf: string, opzioni: { profilo?: string | RegExp } = {}): Promise<void> {
  await page.goto("/accedi");
  await Promise.all([
    page.waitForURL(SCHERMO_PROVA),
    page.getByRole("button", { name: "Entra con SPID o CIE" }).click(),
  ]);
  const modulo = page.locator("form").filter({ has: page.locator(`input[name="codiceFiscale"][value="${cf}"]`) });
  await expect(modulo, `nessuna identità dimostrativa con codice fiscale ${cf} sul fornitore di prova`).toHaveCount(1);
  await Promise.all([
    page.waitForURL((u) => !u.pathname.startsWith("/oidc-prova/") && u.pathname !== "/accedi/ritorno"),
    modulo.getByRole("button").click(),
  ]);
  if (new URL(page.url()).pathname === "/profilo") {
    // Bootstrap Italia draws its own radio and hides the input: click the label, as a person would.
    const etichetta = opzioni.profilo
      ? page.locator("label").filter({ hasText: opzioni.profilo })
      : page.locator(".form-check label").first();
    await etichetta.click();
    await expect(page.getByRole("radio", { checked: true })).toHaveCount(1);
    await Promise.all([
      page.waitForURL((u) => u.pathname !== "/profilo"),
      page.getByRole("button", { name: "Continua" }).click(),
    ]);
  }
}

/** Signs out with the header's "Esci" button. */
export async function esci(page: Page): Promise<void> {
  await Promise.all([
    page.waitForURL((u) => !u.pathname.startsWith("/area-riservata")),
    page.getByRole("button", { name: /^Esci/ }).click(),
  ]);
}

export interface IdentitaDemo {
  codiceFiscale: string;
  /** The button text: "Accedi come Nome Cognome" followed by roles and codice fiscale. */
  testo: string;
}

/**
 * The demo identities listed on the local test provider's login screen, read with HTTP requests (no page visit):
 * /accedi's form is sent and its redirects followed to the screen.
 */
export async function identitaDemo(request: APIRequestContext): Promise<IdentitaDemo[]> {
  const accesso = await (await request.get("/accedi")).text();
  const csrf = /name="csrf"[^>]*value="([^"]+)"|value="([^"]+)"[^>]*name="csrf"/.exec(accesso);
  const schermo = await request.post("/accedi", { form: { csrf: csrf?.[1] ?? csrf?.[2] ?? "" } });
  const html = await schermo.text();
  return [...html.matchAll(/<form\b[\s\S]*?<\/form>/gi)]
    .filter(([f]) => /name="livello" value="2"/.test(f))
    .map(([f]) => ({
      codiceFiscale: /name="codiceFiscale"[^>]*value="([^"]+)"|value="([^"]+)"[^>]*name="codiceFiscale"/.exec(f),
      testo: f.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ").trim(),
    }))
    .filter((x) => x.codiceFiscale)
    .map((x) => ({ codiceFiscale: x.codiceFiscale![1] ?? x.codiceFiscale![2], testo: x.testo }));
}
