// Whether a provider's trust marks are still active, asked of their issuers (OpenID Federation 1.0 §8.4, Trust Mark
// Status; SPID/CIE OpenID Connect, "Endpoint di Federazione": the Trust Anchor and its intermediaries serve a trust mark
// status endpoint, to which the query «DEVE essere inviata al soggetto che ha rilasciato quel TM»). A trust mark's
// signature and `exp` say it was issued and for how long; only its issuer can say it has not been revoked since.
//
// The request is a POST of `trust_mark` (the JWT) to the issuer's `federation_trust_mark_status_endpoint`. The answer
// is a JWT of `typ` trust-mark-status-response+jwt signed with the issuer's federation key as the chain confirmed it,
// `iss` the issuer, `trust_mark` the one asked about, `status` "active" (or "expired", "revoked", "invalid"); 404 when
// the issuer does not know it. The JSON `{"active": bool}` of earlier drafts, which the SPID/CIE reference
// implementation answers, is read too (over https from the endpoint the verified chain names).
//
// Answers are kept per process for DURATA_RISPOSTA_MS. When the endpoint cannot be reached (network, timeout, 5xx, an
// answer that does not verify) the platform fails closed: the trust mark does not count, unless the issuer said
// "active" less than RISERVA_GUASTO_MS ago (ADR 025, session 8).
import { createLocalJWKSet, decodeJwt, jwtVerify } from "jose";
import type { Scaricatore, TrustMarkRicevuto } from "./catena-fiducia.server";

/** An answer of the issuer is reused this long (a revocation takes effect within it). */
export const DURATA_RISPOSTA_MS = 10 * 60_000;
/** An "active" answer still counts this long after it was given, while the endpoint cannot be reached. */
export const RISERVA_GUASTO_MS = 60 * 60_000;
const TIMEOUT_MS = 5_000;
const DIMENSIONE_MASSIMA = 100_000;
const RISPOSTE_MASSIME = 500;

export type EsitoStato = { stato: "attivo" | "non_attivo"; dettaglio: string } | { stato: "ignoto"; dettaglio: string };

const risposte = new Map<string, { attivo: boolean; dettaglio: string; il: number }>();
/** The last "active" answer for each trust mark (for an outage of its issuer). */
const ultimiAttivi = new Map<string, number>();

function ricorda<T>(m: Map<string, T>, chiave: string, valore: T): void {
  m.delete(chiave);
  m.set(chiave, valore);
  if (m.size > RISPOSTE_MASSIME) m.delete(m.keys().next().value!);
}

/** The issuer's answer as read from the wire: active or not, or null when it is no answer the platform can trust. */
async function chiedi(t: TrustMarkRicevuto & { statoPresso: NonNullable<TrustMarkRicevuto["statoPresso"]> }, scaricatore: Scaricatore, adesso: Date): Promise<{ attivo: boolean; dettaglio: string }> {
  const r = await Promise.race([
    scaricatore(t.statoPresso.endpoint, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Accept: "application/trust-mark-status-response+jwt, application/json" },
      body: new URLSearchParams({ trust_mark: t.trust_mark }).toString(),
    }),
    new Promise<never>((_, ko) => setTimeout(() => ko(new Error(`nessuna risposta in ${TIMEOUT_MS} ms`)), TIMEOUT_MS).unref()),
  ]);
  // The issuer does not know this trust mark (§8.4.2): it is not active.
  if (r.status === 404) return { attivo: false, dettaglio: "sconosciuto all'emittente (404)" };
  if (r.status !== 200) throw new Error(`HTTP ${r.status}`);
  const testo = (await r.text()).trim();
  if (testo.length > DIMENSIONE_MASSIMA) throw new Error("risposta troppo grande");
  if (testo.startsWith("{")) {
    const attivo = (JSON.parse(testo) as { active?: unknown }).active;
    if (typeof attivo !== "boolean") throw new Error("JSON senza active");
    return { attivo, dettaglio: `active ${attivo}` };
  }
  const { payload } = await jwtVerify(testo, createLocalJWKSet(t.statoPresso.jwks), {
    typ: "trust-mark-status-response+jwt",
    issuer: decodeJwt(t.trust_mark).iss,
    currentDate: adesso,
    requiredClaims: ["iat"],
  });
  if (payload.trust_mark !== t.trust_mark) throw new Error("la risposta riguarda un altro trust mark");
  if (typeof payload.status !== "string") throw new Error("risposta senza status");
  return { attivo: payload.status === "active", dettaglio: `status ${payload.status}` };
}

/** The status of one trust mark (see the top of this file); one without a status endpoint counts as active. */
export async function statoTrustMark(t: TrustMarkRicevuto, scaricatore: Scaricatore, adesso = new Date()): Promise<EsitoStato> {
  if (!t.statoPresso) return { stato: "attivo", dettaglio: "nessun endpoint di stato dichiarato dall'emittente" };
  const chiave = `${t.statoPresso.endpoint} ${t.trust_mark}`;
  const gia = risposte.get(chiave);
  if (gia && adesso.getTime() - gia.il < DURATA_RISPOSTA_MS && gia.il <= adesso.getTime()) {
    return { stato: gia.attivo ? "attivo" : "non_attivo", dettaglio: `${gia.dettaglio} (in memoria)` };
  }
  try {
    const risposta = await chiedi({ ...t, statoPresso: t.statoPresso }, scaricatore, adesso);
    ricorda(risposte, chiave, { ...risposta, il: adesso.getTime() });
    if (risposta.attivo) ricorda(ultimiAttivi, chiave, adesso.getTime());
    else ultimiAttivi.delete(chiave);
    return { stato: risposta.attivo ? "attivo" : "non_attivo", dettaglio: risposta.dettaglio };
  } catch (e) {
    const motivo = e instanceof Error ? e.message : String(e);
    const ultimo = ultimiAttivi.get(chiave);
    if (ultimo !== undefined && ultimo <= adesso.getTime() && adesso.getTime() - ultimo < RISERVA_GUASTO_MS) {
      return { stato: "attivo", dettaglio: `endpoint non raggiungibile (${motivo}); attivo secondo la risposta di ${Math.round((adesso.getTime() - ultimo) / 60_000)} minuti fa` };
    }
    return { stato: "ignoto", dettaglio: `endpoint non raggiungibile (${motivo})` };
  }
}

/**
 * Whether this process's last answer for `t` said it is not active (however old: a revocation is not taken back by
 * time). For the platform's resolve endpoint, which must not republish trust marks no longer valid and asks nobody.
 */
export function notoNonAttivo(t: TrustMarkRicevuto): boolean {
  if (!t.statoPresso) return false;
  const r = risposte.get(`${t.statoPresso.endpoint} ${t.trust_mark}`);
  return r !== undefined && !r.attivo;
}

/** Tests: forget the answers of this process. */
export function dimenticaStatiTrustMark(): void {
  risposte.clear();
  ultimiAttivi.clear();
}
