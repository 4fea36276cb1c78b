// The origins of the providers the sign-in page offers, for the server's CSP form-action (server/intestazioni.ts):
// Chrome applies form-action to the redirect that follows the sign-in form, so the page must allow the origin of every
// provider it lists. The list is computed by the Remix build's copy of oidc.server.ts and read by server.ts, two copies
// of the app code: hence globalThis under a registered symbol (as the test provider's back channel, prova-comune.ts).
const CHIAVE = Symbol.for("omnia-is.oidc.origini-fornitori");

/** Records the origins of the providers the sign-in page lists now (replacing the earlier list). */
export function registraOriginiFornitori(identificativi: string[]): void {
  const origini = new Set<string>();
  for (const id of identificativi) {
    try {
      origini.add(new URL(id).origin);
    } catch {
      // Not a URL: nothing to allow.
    }
  }
  (globalThis as Record<symbol, unknown>)[CHIAVE] = [...origini];
}

/** The origins recorded by the last listing of this process (none before the first). */
export function originiFornitori(): string[] {
  return ((globalThis as Record<symbol, unknown>)[CHIAVE] as string[] | undefined) ?? [];
}
