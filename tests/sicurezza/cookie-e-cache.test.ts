// Security findings on cookies: the Secure flag is decided per request at run time (on in production; in a demo
// environment on unless the request came over plain HTTP, where a Secure cookie would never come back).
import { afterEach, describe, expect, it, vi } from "vitest";
import { MARIO_ESEMPIO } from "#db/seed/index";
import * as accedi from "~/routes/accedi";
import { accediOidc, usaFornitoreProva } from "../oidc";
import * as esci from "~/routes/esci";
import { usaDatabaseDiTest } from "../database";
import { contesto, risposta, sessioneDi } from "../richieste";

usaDatabaseDiTest();
usaFornitoreProva();

afterEach(() => {
  vi.unstubAllEnvs();
});

const setCookie = (r: Response) => r.headers.get("Set-Cookie") ?? "";

/** The whole OpenID Connect sign-in as seen at `origine` (tests/oidc.ts); the platform's answer at the callback. */
async function accediSu(origine: string, cf: string): Promise<Response> {
  return (await accediOidc(cf, { origine })).risposta;
}

describe("flag Secure dei cookie deciso a ogni richiesta", () => {
  it("demo in produzione (DEMO_LOGIN=1) su HTTP semplice: la sessione resta possibile, cookie senza Secure", async () => {
    vi.stubEnv("NODE_ENV", "production");
    vi.stubEnv("DEMO_LOGIN", "1");
    const r = await accediSu("http://demo.esempio.it:8080", MARIO_ESEMPIO.codiceFiscale);
    expect(r.status).toBe(303);
    expect(setCookie(r)).toMatch(/omnia_sessione=[a-z0-9]+;/);
    expect(setCookie(r)).not.toMatch(/Secure/);
  });

  it("demo in produzione su HTTPS: cookie di sessione e anti-CSRF con Secure", async () => {
    vi.stubEnv("NODE_ENV", "production");
    vi.stubEnv("DEMO_LOGIN", "1");
    const pagina = await risposta(() => accedi.loader({ request: new Request("https://demo.esempio.it/accedi"), params: {}, context: contesto }));
    expect(setCookie(pagina)).toMatch(/omnia_csrf=.*; Secure/);
    const r = await accediSu("https://demo.esempio.it", MARIO_ESEMPIO.codiceFiscale);
    expect(r.status).toBe(303);
    expect(r.headers.getSetCookie().find((c) => c.startsWith("omnia_sessione="))).toMatch(/; Secure$/);
    expect(r.headers.getSetCookie().find((c) => c.startsWith("omnia_accesso="))).toMatch(/; Secure$/);
  });

  it("produzione senza identità dimostrative: Secure sempre, anche se la richiesta arriva in HTTP", async () => {
    vi.stubEnv("NODE_ENV", "production");
    vi.stubEnv("DEMO_LOGIN", "");
    const pagina = await risposta(() => accedi.loader({ request: new Request("http://omnia.esempio.it/accedi"), params: {}, context: contesto }));
    expect(setCookie(pagina)).toMatch(/omnia_csrf=.*; Secure/);
    const mario = await sessioneDi(MARIO_ESEMPIO.codiceFiscale, "datore");
    const uscita = new Request("http://omnia.esempio.it/esci", {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: "http://omnia.esempio.it", Cookie: mario.cookie },
      body: new URLSearchParams({ csrf: mario.csrf }),
    });
    const r = await risposta(() => esci.action({ request: uscita, params: {}, context: contesto }));
    expect(r.status).toBe(303);
    expect(setCookie(r)).toMatch(/^omnia_sessione=;.*Max-Age=0.*; Secure/);
  });
});
