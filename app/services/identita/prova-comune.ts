// What the local test provider (server/oidc-prova.ts) and the platform's OpenID client share: its mount path, the
// client's callback path, and the key under which the provider registers its back-channel fetch on globalThis (the
// Remix build bundles its own copy of app code, so a module-level variable could not be shared).
export const PERCORSO_PROVA = "/oidc-prova";
export const PERCORSO_RITORNO = "/accedi/ritorno";

/**
 * The local federation that stands in for the SPID and CIE ones (server/oidc-prova-federazione.ts): the test provider
 * (entity `<origin>/oidc-prova`) below an intermediary, below a Trust Anchor, all served under the provider's mount.
 */
export function entitaFederazioneProva(origine: string) {
  return {
    fornitore: `${origine}${PERCORSO_PROVA}`,
    intermedio: `${origine}${PERCORSO_PROVA}/federazione/intermedio`,
    ancora: `${origine}${PERCORSO_PROVA}/federazione/ancora`,
  };
}
export const CHIAVE_FETCH_PROVA = Symbol.for("omnia-is.oidc-prova.fetch");

export type FetchProva = (url: string, init?: RequestInit) => Promise<Response>;

export function fetchProva(): FetchProva | undefined {
  return (globalThis as Record<symbol, unknown>)[CHIAVE_FETCH_PROVA] as FetchProva | undefined;
}
