// Trust chain resolution of an identity provider (OpenID Federation 1.0 §10; SPID and CIE OpenID Connect technical
// rules, "Acquisire i Metadata" and "Entity Statement"): the platform takes a provider's metadata only from a chain
// that ends at a Trust Anchor it was configured with, never from the provider's own discovery document.
//
// Bottom-up (§10.1): the provider's entity configuration (`<entity>/.well-known/openid-federation`), then for each
// `authority_hints` entry the superior's entity configuration and, through its `federation_fetch_endpoint`, the
// subordinate statement it issued about the entity below; up to a configured Trust Anchor. Top-down (§10.2) every
// statement is verified: the Trust Anchor's configuration and its statements with the keys pinned in configuration,
// each lower statement with the keys its superior's statement lists for its issuer (never with the keys an entity
// declares about itself), iss/sub linked, `iat` not in the future, `exp` not past, `constraints.max_path_length`.
// Then the chain's metadata policy (app/domain/politiche-metadati.ts) is applied to the provider's metadata.
//
// The chain is valid until its lowest `exp`: kept in memory per process and in `catene_fiducia` (so the federation
// resolve endpoint of every instance answers for it) until then. JWS verification is jose's, RS256/RS512/PS256/ES256.
import { and, eq, gt } from "drizzle-orm";
import { createLocalJWKSet, decodeJwt, decodeProtectedHeader, jwtVerify, type JSONWebKeySet, type JWTPayload } from "jose";
import { cateneFiducia } from "#db/schema";
import { db } from "#db/connection";
import { dimenticaStatiTrustMark, statoTrustMark } from "./stato-trust-mark.server";
import { applicaPolitica, ErrorePoliticaMetadati, operatoriCriticiIgnoti, unisciPolitiche, type Metadati, type PoliticaMetadati } from "~/domain/politiche-metadati";

export const TIPO_STATEMENT = "entity-statement+jwt";
const ALGORITMI = ["RS256", "RS512", "PS256", "PS512", "ES256", "ES512"];
/** Intermediaries between the provider and the Trust Anchor at most (SPID has none, CIE may have one). */
const PROFONDITA_MASSIMA = 4;
const TIMEOUT_MS = 5_000;
/** A statement is a few kilobytes: anything far larger is not one (and is not read whole). */
const DIMENSIONE_MASSIMA = 100_000;

export type MotivoCatena =
  | "configurazione_entita"
  | "authority_hints"
  | "ancora_sconosciuta"
  | "firma"
  | "scaduta"
  | "politica"
  | "trust_mark"
  | "trust_mark_revocato"
  | "trust_mark_stato_ignoto"
  | "metadati";

export class ErroreCatenaFiducia extends Error {
  constructor(
    readonly motivo: MotivoCatena,
    messaggio: string,
  ) {
    super(messaggio);
    this.name = "ErroreCatenaFiducia";
  }
}

/** A Trust Anchor as configured: its entity identifier and its public federation keys (pinned, not fetched). */
export interface AncoraFiducia {
  id: string;
  jwks: JSONWebKeySet;
}

/** How the resolver reaches the federation: a GET, or the POST of the trust mark status request. */
export type Scaricatore = (url: string, init?: RequestInit) => Promise<Response>;

export interface TrustMarkRicevuto {
  id: string;
  trust_mark: string;
  /**
   * Where to ask whether it is still active: its issuer's `federation_trust_mark_status_endpoint` and the issuer's
   * keys as the chain confirmed them (to verify the signed answer). Absent when the issuer declares no endpoint.
   */
  statoPresso?: { endpoint: string; jwks: JSONWebKeySet };
}

export interface CatenaRisolta {
  soggetto: string;
  ancora: string;
  /** The statements as received: the subject's entity configuration, the subordinate statements up, the Trust Anchor's configuration. */
  catena: string[];
  metadati: Metadati;
  /** The subject's trust marks that verified (issued by an entity of the chain, not expired). */
  trustMark: TrustMarkRicevuto[];
  risoltaIl: Date;
  scadeIl: Date;
}

type Contenuto = JWTPayload & {
  jwks?: JSONWebKeySet;
  authority_hints?: unknown;
  metadata?: Metadati;
  metadata_policy?: PoliticaMetadati;
  metadata_policy_crit?: unknown;
  constraints?: { max_path_length?: number };
  trust_marks?: unknown;
};

interface Statement {
  jwt: string;
  contenuto: Contenuto;
}

/** `<entity>/.well-known/openid-federation`, with one slash between them whether the identifier ends with one or not. */
export function urlConfigurazioneEntita(id: string): string {
  return `${id.replace(/\/+$/, "")}/.well-known/openid-federation`;
}

function decodifica(jwt: string, dove: string): Statement {
  try {
    const intestazione = decodeProtectedHeader(jwt);
    if (intestazione.typ !== TIPO_STATEMENT) throw new Error(`typ ${String(intestazione.typ)}`);
    return { jwt, contenuto: decodeJwt(jwt) as Contenuto };
  } catch (e) {
    throw new ErroreCatenaFiducia("configurazione_entita", `${dove}: non è un entity statement (${e instanceof Error ? e.message : String(e)})`);
  }
}

async function scarica(scaricatore: Scaricatore, url: string, dove: string, motivo: MotivoCatena): Promise<Statement> {
  return decodifica(await scaricaTesto(scaricatore, url, dove, motivo), dove);
}

/** The body of a federation answer (a compact JWT), within TIMEOUT_MS and DIMENSIONE_MASSIMA. */
async function scaricaTesto(scaricatore: Scaricatore, url: string, dove: string, motivo: MotivoCatena): Promise<string> {
  let testo: string;
  try {
    const r = await Promise.race([
      scaricatore(url),
      new Promise<never>((_, ko) => setTimeout(() => ko(new Error(`nessuna risposta in ${TIMEOUT_MS} ms`)), TIMEOUT_MS).unref()),
    ]);
    if (r.status !== 200) throw new Error(`HTTP ${r.status}`);
    if (Number(r.headers.get("content-length") ?? 0) > DIMENSIONE_MASSIMA) throw new Error("risposta troppo grande");
    testo = (await r.text()).trim();
    if (testo.length > DIMENSIONE_MASSIMA) throw new Error("risposta troppo grande");
  } catch (e) {
    throw new ErroreCatenaFiducia(motivo, `${dove} (${url}): ${e instanceof Error ? e.message : String(e)}`);
  }
  return testo;
}

/**
 * The provider's keys from its `signed_jwks_uri` (OpenID Federation 1.0 §5.2.1): a JWT of `typ` jwk-set+jwt signed
 * with the provider's federation key — here the keys its superior's statement lists for it, not the ones it declares
 * itself — with `iss` and `sub` the provider and `keys` the JWKS. Its `exp` (when present) bounds the chain's life.
 */
async function jwksFirmato(
  soggetto: string,
  url: unknown,
  chiaviFederazione: JSONWebKeySet,
  scaricatore: Scaricatore,
  adesso: Date,
  soloHttps: boolean,
): Promise<{ jwks: JSONWebKeySet; scade: number }> {
  const dove = `signed_jwks_uri di ${soggetto}`;
  if (!indirizzoAmmesso(url, soloHttps)) throw new ErroreCatenaFiducia("metadati", `${dove}: indirizzo non ammesso`);
  const jwt = await scaricaTesto(scaricatore, url, dove, "metadati");
  try {
    const { payload } = await jwtVerify(jwt, createLocalJWKSet(chiaviFederazione), {
      algorithms: ALGORITMI,
      typ: "jwk-set+jwt",
      issuer: soggetto,
      subject: soggetto,
      currentDate: adesso,
    });
    const chiavi = (payload as { keys?: unknown }).keys;
    if (!Array.isArray(chiavi) || chiavi.length === 0) throw new Error("nessuna chiave");
    return { jwks: { keys: chiavi as JSONWebKeySet["keys"] }, scade: payload.exp ?? Infinity };
  } catch (e) {
    throw new ErroreCatenaFiducia("metadati", `${dove}: non valido (${e instanceof Error ? e.message : String(e)})`);
  }
}

async function verifica(s: Statement, jwks: JSONWebKeySet | undefined, adesso: Date, dove: string): Promise<void> {
  if (!jwks || !Array.isArray(jwks.keys) || jwks.keys.length === 0) throw new ErroreCatenaFiducia("firma", `${dove}: nessuna chiave per verificarlo`);
  try {
    await jwtVerify(s.jwt, createLocalJWKSet(jwks), { algorithms: ALGORITMI, typ: TIPO_STATEMENT, currentDate: adesso, requiredClaims: ["iss", "sub", "iat", "exp"] });
  } catch (e) {
    const codice = (e as { code?: string }).code;
    if (codice === "ERR_JWT_EXPIRED") throw new ErroreCatenaFiducia("scaduta", `${dove}: scaduto`);
    if (codice === "ERR_JWT_CLAIM_VALIDATION_FAILED" && (e as { claim?: string }).claim === "iat") {
      throw new ErroreCatenaFiducia("scaduta", `${dove}: emesso nel futuro`);
    }
    throw new ErroreCatenaFiducia("firma", `${dove}: firma non valida (${e instanceof Error ? e.message : String(e)})`);
  }
}

/** Where the resolver may go: https only, except the local federation of development and tests (loopback http). */
function indirizzoAmmesso(u: unknown, soloHttps: boolean): u is string {
  return typeof u === "string" && (soloHttps ? /^https:\/\//.test(u) : /^https?:\/\//.test(u));
}

function suggerimenti(c: Contenuto, soloHttps: boolean): string[] {
  return Array.isArray(c.authority_hints) ? c.authority_hints.filter((h): h is string => indirizzoAmmesso(h, soloHttps)) : [];
}

function endpointFetch(c: Contenuto, soloHttps: boolean): string | null {
  const e = c.metadata?.federation_entity?.federation_fetch_endpoint;
  return indirizzoAmmesso(e, soloHttps) ? e : null;
}

/** One step up: the superior's entity configuration and its statement about `soggetto`. */
interface Passo {
  superiore: string;
  configurazione: Statement;
  subordinato: Statement;
}

/** The steps from `soggetto` up to one of the anchors (first hint that leads to one), or an error. */
async function sali(
  soggetto: string,
  configurazioneSoggetto: Statement,
  ancore: Map<string, AncoraFiducia>,
  scaricatore: Scaricatore,
  visitati: Set<string>,
  soloHttps: boolean,
): Promise<Passo[]> {
  const hint = suggerimenti(configurazioneSoggetto.contenuto, soloHttps);
  if (hint.length === 0) {
    if (ancore.has(soggetto)) return [];
    const motivo = visitati.size > 1 ? "ancora_sconosciuta" : "authority_hints";
    throw new ErroreCatenaFiducia(motivo, `${soggetto}: nessuna authority_hints verso un Trust Anchor configurato`);
  }
  if (visitati.size > PROFONDITA_MASSIMA + 1) throw new ErroreCatenaFiducia("authority_hints", `catena oltre ${PROFONDITA_MASSIMA} intermediari`);
  let ultimo: ErroreCatenaFiducia | undefined;
  for (const superiore of hint) {
    if (visitati.has(superiore)) continue;
    try {
      const configurazione = await scarica(scaricatore, urlConfigurazioneEntita(superiore), `configurazione di ${superiore}`, "authority_hints");
      if (configurazione.contenuto.iss !== superiore || configurazione.contenuto.sub !== superiore) {
        throw new ErroreCatenaFiducia("configurazione_entita", `configurazione di ${superiore}: iss e sub diversi dall'identificativo`);
      }
      const fetch = endpointFetch(configurazione.contenuto, soloHttps);
      if (!fetch) throw new ErroreCatenaFiducia("authority_hints", `${superiore}: nessun federation_fetch_endpoint`);
      const url = new URL(fetch);
      url.searchParams.set("sub", soggetto);
      const subordinato = await scarica(scaricatore, url.href, `statement di ${superiore} su ${soggetto}`, "authority_hints");
      if (subordinato.contenuto.iss !== superiore || subordinato.contenuto.sub !== soggetto) {
        throw new ErroreCatenaFiducia("configurazione_entita", `statement di ${superiore} su ${soggetto}: iss o sub non corrispondono`);
      }
      const passo = { superiore, configurazione, subordinato };
      if (ancore.has(superiore)) return [passo];
      return [passo, ...(await sali(superiore, configurazione, ancore, scaricatore, new Set([...visitati, superiore]), soloHttps))];
    } catch (e) {
      if (!(e instanceof ErroreCatenaFiducia)) throw e;
      ultimo = e;
    }
  }
  throw ultimo ?? new ErroreCatenaFiducia("authority_hints", `${soggetto}: authority_hints circolari`);
}

/**
 * The subject's trust marks that verify (SPID/CIE OpenID Connect, "Trust Mark"; OpenID Federation 1.0 §7): the
 * issuer (`iss`) is one the Trust Anchor's entity configuration lists for that trust mark's id in
 * `trust_mark_issuers` (or the Trust Anchor itself), its keys are ones the chain confirmed (the pinned anchor's or an
 * intermediary's from its superior's statement: an issuer outside the chain is not trusted here), the signature holds,
 * `sub` is the subject, `iat` is present and not in the future, `exp` (when present) not past, and the id in the JWT
 * (`id`; `trust_mark_id` in later drafts) is the one the entity configuration declares. Each with its expiry.
 */
async function trustMarkValidi(
  soggetto: string,
  grezzi: unknown,
  emittentiAmmessi: unknown,
  ancora: string,
  chiaviEmittenti: Map<string, JSONWebKeySet>,
  endpointStato: Map<string, string>,
  adesso: Date,
): Promise<Array<TrustMarkRicevuto & { scade: number }>> {
  if (!Array.isArray(grezzi)) return [];
  const ammessi = (emittentiAmmessi && typeof emittentiAmmessi === "object" ? emittentiAmmessi : {}) as Record<string, unknown>;
  const validi: Array<TrustMarkRicevuto & { scade: number }> = [];
  for (const t of grezzi as Array<Partial<TrustMarkRicevuto>>) {
    if (typeof t?.id !== "string" || typeof t?.trust_mark !== "string") continue;
    try {
      const emittente = decodeJwt(t.trust_mark).iss;
      const elenco = ammessi[t.id];
      if (!emittente || (emittente !== ancora && !(Array.isArray(elenco) && elenco.includes(emittente)))) continue;
      const jwks = chiaviEmittenti.get(emittente);
      if (!jwks) continue;
      const { payload } = await jwtVerify(t.trust_mark, createLocalJWKSet(jwks), { algorithms: ALGORITMI, currentDate: adesso, subject: soggetto, requiredClaims: ["iat"] });
      if (Number(payload.iat) > adesso.getTime() / 1000 + 60) continue;
      if (payload.id !== t.id && payload.trust_mark_id !== t.id) continue;
      const endpoint = endpointStato.get(emittente);
      validi.push({ id: t.id, trust_mark: t.trust_mark, ...(endpoint ? { statoPresso: { endpoint, jwks } } : {}), scade: payload.exp ?? Infinity });
    } catch {
      // A trust mark that does not verify is left out; a provider left with none is refused below.
    }
  }
  return validi;
}

// Alike catenaFornitore below (duplicates): the same inputs (subject, trust anchors, downloader); this one resolves and
// verifies a chain and stores nothing
/**
 * Resolves and verifies the chain of `soggetto` (an OpenID Provider) up to one of `ancore`. Throws ErroreCatenaFiducia
 * with the reason; nothing is stored here.
 */
export async function risolviCatena(
  soggetto: string,
  ancoreConfigurate: AncoraFiducia[],
  scaricatore: Scaricatore,
  adesso = new Date(),
  soloHttps = true,
): Promise<CatenaRisolta> {
  const ancore = new Map(ancoreConfigurate.map((a) => [a.id, a]));
  const foglia = await scarica(scaricatore, urlConfigurazioneEntita(soggetto), `configurazione di ${soggetto}`, "configurazione_entita");
  if (foglia.contenuto.iss !== soggetto || foglia.contenuto.sub !== soggetto) {
    throw new ErroreCatenaFiducia("configurazione_entita", `configurazione di ${soggetto}: iss e sub diversi dall'identificativo`);
  }
  if (ancore.has(soggetto)) throw new ErroreCatenaFiducia("configurazione_entita", `${soggetto} è un Trust Anchor, non un fornitore`);
  // Self-signed: checked here only to refuse early a broken statement; what counts is the superior's keys (below).
  await verifica(foglia, foglia.contenuto.jwks, adesso, `configurazione di ${soggetto}`);
  const passi = await sali(soggetto, foglia, ancore, scaricatore, new Set([soggetto]), soloHttps);
  const ancora = ancore.get(passi.at(-1)!.superiore)!;

  // Top-down: the anchor's keys are the pinned ones; each statement gives the keys of the entity below.
  const chiaviEmittenti = new Map<string, JSONWebKeySet>([[ancora.id, ancora.jwks]]);
  await verifica(passi.at(-1)!.configurazione, ancora.jwks, adesso, `configurazione del Trust Anchor ${ancora.id}`);
  let chiaviSuperiore = ancora.jwks;
  for (let i = passi.length - 1; i >= 0; i--) {
    const p = passi[i];
    const sotto = i === 0 ? soggetto : passi[i - 1].superiore;
    if (i < passi.length - 1) await verifica(p.configurazione, chiaviSuperiore, adesso, `configurazione di ${p.superiore}`);
    await verifica(p.subordinato, chiaviSuperiore, adesso, `statement di ${p.superiore} su ${sotto}`);
    // max_path_length: how many intermediaries may stand below the issuer of this statement.
    const massimo = p.subordinato.contenuto.constraints?.max_path_length;
    if (typeof massimo === "number" && i > massimo) throw new ErroreCatenaFiducia("politica", `${p.superiore}: max_path_length ${massimo} superato`);
    chiaviSuperiore = p.subordinato.contenuto.jwks as JSONWebKeySet;
    if (i > 0) chiaviEmittenti.set(sotto, chiaviSuperiore);
  }
  await verifica(foglia, chiaviSuperiore, adesso, `configurazione di ${soggetto} (chiavi dichiarate dal superiore)`);

  // Metadata: the leaf's, with what its immediate superior states about it, under the chain's merged policy.
  const subordinati = passi.map((p) => p.subordinato.contenuto);
  for (const s of subordinati) {
    const ignoti = operatoriCriticiIgnoti(s.metadata_policy_crit);
    if (ignoti.length > 0) throw new ErroreCatenaFiducia("politica", `operatori critici non supportati: ${ignoti.join(", ")}`);
  }
  const base: Metadati = structuredClone(foglia.contenuto.metadata ?? {});
  for (const [tipo, valori] of Object.entries(subordinati[0].metadata ?? {})) base[tipo] = { ...(base[tipo] ?? {}), ...valori };
  let metadati: Metadati;
  try {
    metadati = applicaPolitica(base, unisciPolitiche([...subordinati].reverse().map((s) => s.metadata_policy)));
  } catch (e) {
    if (e instanceof ErrorePoliticaMetadati) throw new ErroreCatenaFiducia("politica", e.message);
    throw e;
  }
  const op = metadati.openid_provider;
  // The provider's keys from its signed_jwks_uri when it publishes one (then they are the ones that count).
  let scadenzaJwks = Infinity;
  if (op?.signed_jwks_uri !== undefined) {
    const firmato = await jwksFirmato(soggetto, op.signed_jwks_uri, chiaviSuperiore, scaricatore, adesso, soloHttps);
    op.jwks = firmato.jwks;
    scadenzaJwks = firmato.scade;
  }
  const senzaBarra = (u: unknown) => String(u).replace(/\/+$/, "");
  if (!op || senzaBarra(op.issuer) !== senzaBarra(soggetto) || !op.jwks) throw new ErroreCatenaFiducia("metadati", `${soggetto}: metadati openid_provider assenti o incompleti`);

  // SPID and CIE make trust marks mandatory ("Differenze con OIDC Federation"): a provider without one that verifies
  // is not trusted. The chain is kept no longer than its last valid trust mark.
  const configurazioneAncora = passi.at(-1)!.configurazione.contenuto as Contenuto & { trust_mark_issuers?: unknown };
  // Each authority's trust mark status endpoint, from its entity configuration (verified above).
  const endpointStato = new Map<string, string>();
  for (const p of passi) {
    const e = p.configurazione.contenuto.metadata?.federation_entity?.federation_trust_mark_status_endpoint;
    if (indirizzoAmmesso(e, soloHttps)) endpointStato.set(p.superiore, e);
  }
  const trustMark = await trustMarkValidi(soggetto, foglia.contenuto.trust_marks, configurazioneAncora.trust_mark_issuers, ancora.id, chiaviEmittenti, endpointStato, adesso);
  if (trustMark.length === 0) throw new ErroreCatenaFiducia("trust_mark", `${soggetto}: nessun trust mark valido di un emittente riconosciuto dal Trust Anchor`);

  const tutti = [foglia, ...passi.flatMap((p) => [p.subordinato, p.configurazione])];
  const scade = Math.min(...tutti.map((s) => Number(s.contenuto.exp)), Math.max(...trustMark.map((t) => t.scade)), scadenzaJwks);
  return {
    soggetto,
    ancora: ancora.id,
    catena: [foglia.jwt, ...passi.map((p) => p.subordinato.jwt), passi.at(-1)!.configurazione.jwt],
    metadati,
    trustMark: trustMark.map(({ scade: _s, ...t }) => t),
    risoltaIl: adesso,
    scadeIl: new Date(scade * 1000),
  };
}

/** The entity identifiers a superior lists (OpenID Federation 1.0 §8.2, subordinate listing: a JSON array of strings). */
async function elencaSubordinati(scaricatore: Scaricatore, endpoint: string, parametri: Record<string, string>, soloHttps: boolean): Promise<string[]> {
  const url = new URL(endpoint);
  for (const [k, v] of Object.entries(parametri)) url.searchParams.set(k, v);
  const r = await Promise.race([
    scaricatore(url.href),
    new Promise<never>((_, ko) => setTimeout(() => ko(new Error(`nessuna risposta in ${TIMEOUT_MS} ms`)), TIMEOUT_MS).unref()),
  ]);
  if (r.status !== 200) throw new Error(`${url.href}: HTTP ${r.status}`);
  const testo = await r.text();
  if (testo.length > DIMENSIONE_MASSIMA * 10) throw new Error(`${url.href}: risposta troppo grande`);
  const elenco = JSON.parse(testo) as unknown;
  if (!Array.isArray(elenco)) throw new Error(`${url.href}: non è un elenco`);
  return elenco.filter((e): e is string => indirizzoAmmesso(e, soloHttps));
}

/** At most this many providers are taken from a federation's listings (SPID has about a dozen). */
const FORNITORI_MASSIMI = 50;

/**
 * The OpenID Providers the configured Trust Anchors list (SPID/CIE OpenID Connect, "Endpoint di Federazione": the
 * TA's and intermediaries' entity listing endpoint; OpenID Federation 1.0 §8.2, `federation_list_endpoint` with
 * `entity_type=openid_provider`, and `intermediate=true` to go down through intermediaries, at most
 * PROFONDITA_MASSIMA levels). Each Trust Anchor's entity configuration is verified with its pinned keys before its
 * endpoint is used; an intermediary's only gives where to list (what it lists is trusted only once each provider's
 * own chain verifies, which the caller does). Unverified identifiers, in listing order, without repeats.
 */
export async function fornitoriElencati(ancore: AncoraFiducia[], scaricatore: Scaricatore, adesso = new Date(), soloHttps = true): Promise<string[]> {
  const trovati = new Set<string>();
  for (const ancora of ancore) {
    const configurazione = await scarica(scaricatore, urlConfigurazioneEntita(ancora.id), `configurazione del Trust Anchor ${ancora.id}`, "ancora_sconosciuta");
    await verifica(configurazione, ancora.jwks, adesso, `configurazione del Trust Anchor ${ancora.id}`);
    const visitate = new Set<string>([ancora.id]);
    let livello: Contenuto[] = [configurazione.contenuto];
    for (let profondita = 0; livello.length > 0 && profondita <= PROFONDITA_MASSIMA; profondita++) {
      const prossimo: Contenuto[] = [];
      for (const autorita of livello) {
        const endpoint = autorita.metadata?.federation_entity?.federation_list_endpoint;
        if (!indirizzoAmmesso(endpoint, soloHttps)) continue;
        for (const op of await elencaSubordinati(scaricatore, endpoint, { entity_type: "openid_provider" }, soloHttps)) {
          if (trovati.size < FORNITORI_MASSIMI) trovati.add(op);
        }
        for (const intermedio of await elencaSubordinati(scaricatore, endpoint, { intermediate: "true" }, soloHttps)) {
          if (visitate.has(intermedio)) continue;
          visitate.add(intermedio);
          try {
            prossimo.push((await scarica(scaricatore, urlConfigurazioneEntita(intermedio), `configurazione di ${intermedio}`, "authority_hints")).contenuto);
          } catch (e) {
            if (!(e instanceof ErroreCatenaFiducia)) throw e;
            // An intermediary that does not answer hides only its own subordinates.
          }
        }
      }
      livello = prossimo;
    }
  }
  return [...trovati];
}

/**
 * The chain as usable now: each trust mark asked of its issuer's status endpoint (stato-trust-mark.server.ts). At
 * least one must be active; else ErroreCatenaFiducia `trust_mark_revocato` when an issuer said one is not, or
 * `trust_mark_stato_ignoto` when none could be asked (fail closed). Trust marks not active are left out of the answer.
 */
export async function conTrustMarkAttivi(c: CatenaRisolta, scaricatore: Scaricatore, adesso = new Date()): Promise<CatenaRisolta> {
  const attivi: TrustMarkRicevuto[] = [];
  const esiti: string[] = [];
  let revocato = false;
  for (const t of c.trustMark) {
    const esito = await statoTrustMark(t, scaricatore, adesso);
    esiti.push(`${t.id}: ${esito.dettaglio}`);
    if (esito.stato === "attivo") attivi.push(t);
    else if (esito.stato === "non_attivo") revocato = true;
  }
  if (attivi.length > 0) return attivi.length === c.trustMark.length ? c : { ...c, trustMark: attivi };
  if (revocato) throw new ErroreCatenaFiducia("trust_mark_revocato", `${c.soggetto}: nessun trust mark attivo secondo il suo emittente (${esiti.join("; ")})`);
  throw new ErroreCatenaFiducia("trust_mark_stato_ignoto", `${c.soggetto}: stato dei trust mark non verificabile (${esiti.join("; ")})`);
}

const memoria = new Map<string, CatenaRisolta>();

// Alike risolviCatena above (duplicates): the same inputs; this one reuses a chain until it expires and stores what
// risolviCatena resolved
/**
 * The provider's chain, resolved once and reused until it expires (memory of this process, then `catene_fiducia`);
 * a chain resolved here is stored, a chain that fails is not.
 */
export async function catenaFornitore(
  soggetto: string,
  ancore: AncoraFiducia[],
  scaricatore: Scaricatore,
  adesso = new Date(),
  soloHttps = true,
): Promise<CatenaRisolta> {
  const ids = new Set(ancore.map((a) => a.id));
  // A chain kept until its expiry is still asked about its trust marks at each use (their answers are cached briefly):
  // a revocation must stop the provider before the chain expires.
  for (const c of memoria.values()) if (c.soggetto === soggetto && ids.has(c.ancora) && c.scadeIl > adesso) return conTrustMarkAttivi(c, scaricatore, adesso);
  const [riga] = await db()
    .select()
    .from(cateneFiducia)
    .where(and(eq(cateneFiducia.soggetto, soggetto), gt(cateneFiducia.scadeIl, adesso)))
    .limit(5)
    .then((r) => r.filter((x) => ids.has(x.ancora)));
  if (riga) {
    const c: CatenaRisolta = { ...riga };
    memoria.set(`${soggetto} ${riga.ancora}`, c);
    return conTrustMarkAttivi(c, scaricatore, adesso);
  }
  const c = await risolviCatena(soggetto, ancore, scaricatore, adesso, soloHttps);
  // A chain whose trust marks are not active is not stored (as one that does not verify).
  const attiva = await conTrustMarkAttivi(c, scaricatore, adesso);
  await conservaCatena(c);
  return attiva;
}

/** Stores a chain just resolved (replacing the one of the same subject and anchor) and keeps it in this process. */
export async function conservaCatena(c: CatenaRisolta): Promise<void> {
  const valori = { catena: c.catena, metadati: c.metadati, trustMark: c.trustMark, risoltaIl: c.risoltaIl, scadeIl: c.scadeIl };
  await db()
    .insert(cateneFiducia)
    .values({ soggetto: c.soggetto, ancora: c.ancora, ...valori })
    .onConflictDoUpdate({ target: [cateneFiducia.soggetto, cateneFiducia.ancora], set: valori });
  memoria.set(`${c.soggetto} ${c.ancora}`, c);
  if (memoria.size > 32) memoria.delete(memoria.keys().next().value!);
}

/** A chain the platform resolved and that is still valid (for the federation resolve endpoint), or null. */
export async function catenaGiaRisolta(soggetto: string, ancora: string, adesso = new Date()): Promise<CatenaRisolta | null> {
  const [riga] = await db()
    .select()
    .from(cateneFiducia)
    .where(and(eq(cateneFiducia.soggetto, soggetto), eq(cateneFiducia.ancora, ancora), gt(cateneFiducia.scadeIl, adesso)));
  return riga ?? null;
}

/** Tests switch databases and tamper with statements: forget the chains this process resolved. */
export function dimenticaCateneFiducia(): void {
  memoria.clear();
  dimenticaStatiTrustMark();
}
