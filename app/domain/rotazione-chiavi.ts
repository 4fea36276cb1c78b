// When the platform's keys as a Relying Party of SPID and CIE rotate (ADR 025), as a pure rule over the keys of one
// use and their `firma_dal` (the instant each starts signing):
//
// - announce: when the key signing now has signed for `periodo` less `preavviso` and no successor is announced, a new
//   key is published that signs only `preavviso` later (providers cache the platform's JWKS and entity configuration:
//   the SPID/CIE rules give the entity configuration a validity, 24 h here, and providers refresh it on expiry);
// - retire: a key older than the one signing now stays published for `sovrapposizione` after its successor started
//   signing, the longest life of what it signed or encrypted for (an entity configuration, 24 h; a provider's cached
//   copy of the JWKS to which it encrypts the userinfo answer), then goes.
// Key sizes and algorithms: SPID/CIE OpenID Connect, "Algoritmi crittografici" (RSA ≥ 2048, RS256, RSA-OAEP-256).

export interface ChiaveInRotazione {
  kid: string;
  firmaDal: Date;
}

export interface PoliticaRotazione {
  periodoMs: number;
  preavvisoMs: number;
  sovrapposizioneMs: number;
}

const ORA = 3_600_000;
const GIORNO = 24 * ORA;

/** A year's keys, announced a day ahead, the old one kept two days (24 h validity plus a day of margin). */
export const POLITICA_ROTAZIONE_PREDEFINITA: PoliticaRotazione = { periodoMs: 365 * GIORNO, preavvisoMs: GIORNO, sovrapposizioneMs: 2 * GIORNO };

export interface PianoRotazione {
  /** The instant the new key should start signing, or null: no new key now. */
  nuovaDal: Date | null;
  /** Keys to remove. */
  ritira: string[];
}

export function pianoRotazione(chiavi: readonly ChiaveInRotazione[], adesso: Date, politica: PoliticaRotazione): PianoRotazione {
  const ordinate = [...chiavi].sort((a, b) => a.firmaDal.getTime() - b.firmaDal.getTime());
  const attive = ordinate.filter((c) => c.firmaDal <= adesso);
  const corrente = attive.at(-1);
  // No key yet: the first one is made on first use (chiavi.server.ts), not by the schedule.
  if (!corrente) return { nuovaDal: null, ritira: [] };
  const annunciata = ordinate.some((c) => c.firmaDal > adesso);
  const daQuando = adesso.getTime() - corrente.firmaDal.getTime();
  const ritira = daQuando >= politica.sovrapposizioneMs ? attive.slice(0, -1).map((c) => c.kid) : [];
  const nuovaDal = !annunciata && daQuando >= politica.periodoMs - politica.preavvisoMs ? new Date(adesso.getTime() + politica.preavvisoMs) : null;
  return { nuovaDal, ritira };
}

/** The policy from the environment (OIDC_ROTAZIONE_GIORNI, OIDC_ROTAZIONE_PREAVVISO_ORE, OIDC_ROTAZIONE_SOVRAPPOSIZIONE_ORE). */
export function politicaDaAmbiente(env: Record<string, string | undefined>): PoliticaRotazione {
  const numero = (v: string | undefined, predefinito: number, unita: number) => {
    const n = Number(v);
    return v !== undefined && v !== "" && Number.isFinite(n) && n > 0 ? n * unita : predefinito;
  };
  const p = POLITICA_ROTAZIONE_PREDEFINITA;
  return {
    periodoMs: numero(env.OIDC_ROTAZIONE_GIORNI, p.periodoMs, GIORNO),
    preavvisoMs: numero(env.OIDC_ROTAZIONE_PREAVVISO_ORE, p.preavvisoMs, ORA),
    sovrapposizioneMs: numero(env.OIDC_ROTAZIONE_SOVRAPPOSIZIONE_ORE, p.sovrapposizioneMs, ORA),
  };
}
