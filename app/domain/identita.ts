// What the platform accepts from an identity provider (SPID or CIE over OpenID Connect): the level of assurance
// and the person's codice fiscale, read from the claims of the ID token and of the userinfo answer.
//
// - Level: the `acr` claim carries the SPID level URI (https://www.spid.gov.it/SpidL1|L2|L3; CIE over OpenID Connect
//   uses the same values). The platform asks level 2 at least: the services of the Istituto that act on a person's or a
//   company's position need an authentication with two factors (DPCM 24 ottobre 2014 art. 6: levels of SPID;
//   d.lgs. 82/2005 art. 64: SPID and CIE to reach online public services). A level-1 answer is refused.
// - Codice fiscale: the attribute `https://attributes.eid.gov.it/fiscal_number`, "TINIT-" followed by the 16 characters.
import { messaggiIdentita } from "~/testi/identita";

export const ACR_SPID = {
  1: "https://www.spid.gov.it/SpidL1",
  2: "https://www.spid.gov.it/SpidL2",
  3: "https://www.spid.gov.it/SpidL3",
} as const;

export type LivelloSpid = 1 | 2 | 3;

export const LIVELLO_MINIMO: LivelloSpid = 2;

export const CLAIM_CODICE_FISCALE = "https://attributes.eid.gov.it/fiscal_number";

/** The SPID level an `acr` value names, or null for anything else (missing, unknown URI, wrong type). */
export function livelloDaAcr(acr: unknown): LivelloSpid | null {
  if (typeof acr !== "string") return null;
  for (const livello of [1, 2, 3] as const) if (acr === ACR_SPID[livello]) return livello;
  return null;
}

/** "TINIT-RSSMRA85T10A562S" (or the bare 16 characters) → "RSSMRA85T10A562S"; anything else → null. */
export function codiceFiscaleDaClaim(valore: unknown): string | null {
  if (typeof valore !== "string") return null;
  const cf = valore.startsWith("TINIT-") ? valore.slice("TINIT-".length) : valore;
  const maiuscolo = cf.toUpperCase();
  return /^[A-Z0-9]{16}$/.test(maiuscolo) ? maiuscolo : null;
}

export type EsitoIdentita =
  | { ok: true; codiceFiscale: string; livello: LivelloSpid }
  | { ok: false; motivo: "livello_insufficiente" | "livello_assente" | "codice_fiscale_assente"; messaggio: string };

/** The identity the platform accepts from these claims (acr from the ID token, attributes from either answer). */
export function identitaDaClaim(claims: Record<string, unknown>): EsitoIdentita {
  const livello = livelloDaAcr(claims.acr);
  if (livello === null) return { ok: false, motivo: "livello_assente", messaggio: messaggiIdentita.livelloAssente };
  if (livello < LIVELLO_MINIMO) {
    return { ok: false, motivo: "livello_insufficiente", messaggio: messaggiIdentita.livelloInsufficiente };
  }
  const codiceFiscale = codiceFiscaleDaClaim(claims[CLAIM_CODICE_FISCALE]);
  if (!codiceFiscale) return { ok: false, motivo: "codice_fiscale_assente", messaggio: messaggiIdentita.codiceFiscaleAssente };
  return { ok: true, codiceFiscale, livello };
}
