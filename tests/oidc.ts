// The OpenID Connect sign-in in integration tests: the local test provider (server/oidc-prova.ts) runs on a real HTTP
// listener of 127.0.0.1 behind `trust proxy`, the platform's routes (/accedi, /accedi/ritorno) run as loaders and
// actions with real Requests, and the "browser" in between follows the redirects with a cookie jar. The public origin
// may differ from the listener (e.g. https://demo.esempio.it): the provider's requests then carry X-Forwarded-Host and
// X-Forwarded-Proto, as behind nginx.
import http from "node:http";
import type { AddressInfo } from "node:net";
import express from "express";
import { afterAll, beforeAll } from "vitest";
import * as accedi from "~/routes/accedi";
import * as ritorno from "~/routes/accedi_.ritorno";
import { PERCORSO_PROVA } from "~/services/identita/prova-comune";
import { Biscotti, moduli } from "../bench/lib/http";
import { registraCanaleProva, routerProva } from "../server/oidc-prova";
import { contesto, risposta } from "./richieste";

let server: http.Server | undefined;
let ascolto = "";

/** Starts the local test provider for this test file (after usaDatabaseDiTest). */
export function usaFornitoreProva(): void {
  beforeAll(async () => {
    const app = express();
    app.set("trust proxy", true);
    app.use(PERCORSO_PROVA, routerProva());
    registraCanaleProva();
    server = app.listen(0, "127.0.0.1");
    await new Promise<void>((ok) => server!.once("listening", () => ok()));
    ascolto = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server?.closeAllConnections();
    await new Promise<void>((ok) => (server ? server.close(() => ok()) : ok()));
  });
}

/** The origin of the provider's listener: a public origin that needs no proxy headers. */
export function origineProva(): string {
  return ascolto;
}

/** A request of the "browser" to the provider, through the listener, as seen at `origine`. */
export async function alFornitore(origine: string, url: URL, biscotti: Biscotti, corpo?: URLSearchParams): Promise<Response> {
  const o = new URL(origine);
  const r = await fetch(`${ascolto}${url.pathname}${url.search}`, {
    method: corpo ? "POST" : "GET",
    redirect: "manual",
    headers: {
      Cookie: biscotti.intestazione(),
      // With its port: like the Remix adapter, the server takes a missing port from the Host header (the listener's).
      "X-Forwarded-Host": `${o.hostname}:${o.port || (o.protocol === "https:" ? 443 : 80)}`,
      "X-Forwarded-Proto": o.protocol.slice(0, -1),
      ...(corpo ? { "Content-Type": "application/x-www-form-urlencoded", Origin: origine } : {}),
    },
    body: corpo,
  });
  biscotti.aggiorna(r);
  return r;
}

export interface OpzioniAccesso {
  /** The public origin (default: the listener's). */
  origine?: string;
  livello?: 1 | 2 | 3;
  ritorno?: string;
  /** Cookies the platform's browser already has (e.g. a session planted by an attacker). */
  cookie?: string;
  /** Changes the authorization URL before the browser follows it (tampering tests). */
  modificaAutorizzazione?: (u: URL) => void;
  /** Changes the callback URL before the browser follows it. */
  modificaRitorno?: (u: URL) => void | Promise<void>;
  /** Leaves the sign-in's transaction cookie out of the callback (a code injected into another browser). */
  senzaTransazione?: boolean;
  /** The browser's cookies at the provider, to sign in again in the same browser. */
  browser?: Biscotti;
}

export interface EsitoAccesso {
  /** The platform's answer at /accedi/ritorno. */
  risposta: Response;
  /** The callback as the browser followed it, and the cookie it sent (to replay it). */
  urlRitorno: URL;
  cookieRitorno: string;
}

function cookieDa(r: Response, nome: string): string | null {
  for (const riga of r.headers.getSetCookie()) {
    const m = new RegExp(`^${nome}=([^;]*)`).exec(riga);
    if (m) return m[1];
  }
  return null;
}

/** The platform's /accedi page and its POST ("Entra con SPID o CIE"), as the browser sends it: the action's answer. */
export async function inviaAccedi(origine: string = ascolto, gia: string[] = [], ritorno?: string): Promise<Response> {
  // The page itself sends a signed-in browser to the reserved area: a planted cookie is sent from the form on.
  const pagina = await risposta(() => accedi.loader({ request: new Request(`${origine}/accedi`), params: {}, context: contesto }));
  const csrf = cookieDa(pagina, "omnia_csrf");
  if (!csrf) throw new Error(`/accedi: ${pagina.status}, nessun cookie CSRF`);
  return risposta(() =>
    accedi.action({
      request: new Request(`${origine}/accedi`, {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: origine, Cookie: [...gia, `omnia_csrf=${csrf}`].join("; ") },
        body: new URLSearchParams({ csrf, ...(ritorno ? { ritorno } : {}) }),
      }),
      params: {},
      context: contesto,
    }),
  );
}

/** The platform's /accedi page and its POST: the authorization URL the browser is sent to, and the sign-in cookie. */
export async function avviaAutorizzazione(origine: string = ascolto, gia: string[] = [], ritorno?: string): Promise<{ autorizzazione: URL; transazione: string | null }> {
  const avvio = await inviaAccedi(origine, gia, ritorno);
  if (avvio.status !== 303) throw new Error(`POST /accedi: ${avvio.status} ${await avvio.text()}`);
  return { autorizzazione: new URL(avvio.headers.get("Location")!), transazione: cookieDa(avvio, "omnia_accesso") };
}

/** The whole sign-in of `cf` (see the top of this file). */
export async function accediOidc(cf: string, opzioni: OpzioniAccesso = {}): Promise<EsitoAccesso> {
  const origine = opzioni.origine ?? ascolto;
  const gia = opzioni.cookie ? [opzioni.cookie] : [];
  const { autorizzazione, transazione } = await avviaAutorizzazione(origine, gia, opzioni.ritorno);
  opzioni.modificaAutorizzazione?.(autorizzazione);

  const browser = opzioni.browser ?? new Biscotti();
  let r = await alFornitore(origine, autorizzazione, browser);
  for (let i = 0; r.status >= 300 && r.status < 400 && i < 5; i++) {
    r = await alFornitore(origine, new URL(r.headers.get("Location")!, origine), browser);
  }
  if (r.status !== 200) throw new Error(`fornitore di prova: ${r.status} invece della pagina di accesso (${r.url}): ${await r.text()}`);
  const schermo = moduli(await r.text());
  const livello = String(opzioni.livello ?? 2);
  const base = schermo.find((m) => m.campi.get("livello") === "2" && m.campi.get("codiceFiscale") === cf);
  if (!base) throw new Error(`identità ${cf} assente dal fornitore di prova`);
  const azione = new URL(/\baction="([^"]*)"/.exec(base.html)![1], origine);
  const corpo = new URLSearchParams([...base.campi]);
  corpo.set("livello", livello);
  r = await alFornitore(origine, azione, browser, corpo);
  let verso = new URL(r.headers.get("Location") ?? "", origine);
  for (let i = 0; verso.pathname.startsWith(`${PERCORSO_PROVA}/`) && i < 5; i++) {
    r = await alFornitore(origine, verso, browser);
    verso = new URL(r.headers.get("Location") ?? "", origine);
  }
  if (verso.pathname !== "/accedi/ritorno") throw new Error(`il fornitore non ha rimandato al servizio: ${r.status} ${verso}`);
  await opzioni.modificaRitorno?.(verso);
  const cookieRitorno = [...gia, ...(transazione && !opzioni.senzaTransazione ? [`omnia_accesso=${transazione}`] : [])].join("; ");
  const esito = await richiamaRitorno(verso, cookieRitorno);
  return { risposta: esito, urlRitorno: verso, cookieRitorno };
}

/** The platform's callback for this URL and cookie (also to replay a callback). */
export function richiamaRitorno(url: URL, cookie: string): Promise<Response> {
  return risposta(() => ritorno.loader({ request: new Request(url, { headers: { Cookie: cookie } }), params: {}, context: contesto }));
}
