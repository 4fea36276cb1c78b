// The bench's one sign-in, kept in one small function so the way in can change without touching the scenarios: today
// the demo identity form of /accedi (bench/lib/http.ts, accediDemo); with OpenID Connect (issue 14, helper
// "identita") the non-browser sign-in helper of the local provider takes its place here.
import { accediDemo, type Biscotti } from "../http";

export type Profilo = "intermediario" | "datore" | "operatore";

const IDENTITA: Record<Profilo, { chi: RegExp; profilo?: RegExp }> = {
  // Laura Consulente: intermediary with deleghe on about 30 companies (she is also an employer: she picks the profile).
  intermediario: { chi: /Laura/, profilo: /intermediari/i },
  // Mario Esempio: legal representative of C1 and C2.
  datore: { chi: /Mario/ },
  // Giorgio, operator of the Padova sede (the bench runs with OMNIA_ASSEGNAZIONE=pool: every sede's cases).
  operatore: { chi: /Giorgio/ },
};

/** Signs in as the demo identity of `profilo` on `base`; the cookie jar of the new session. */
export async function accedi(base: string, profilo: Profilo): Promise<Biscotti> {
  const { chi, profilo: scelta } = IDENTITA[profilo];
  const { biscotti } = await accediDemo(base, chi, scelta ?? chi);
  return biscotti;
}
