// The one result type of the services: success with a value, or a failure with a reason and, for invalid input,
// messages per field. Services return it instead of throwing HTTP responses, so a background job or the operator
// side can call them without a Request; the routes turn it into HTTP with one helper (app/http/risposta.server.ts):
// 422 invalid input (conform's reply), 409 stale version, 404 not found or not allowed.

export type MotivoFallimento = "non_valido" | "conflitto" | "non_trovato";

export type Fallimento =
  | {
      ok: false;
      motivo: "non_valido";
      /** Messages per field name, as the form names its fields. */
      campi: Record<string, string[]>;
      /** Messages about the whole form. */
      modulo: string[];
    }
  /** Someone changed the object since the form was shown (optimistic locking), or its state no longer allows it. */
  | { ok: false; motivo: "conflitto" }
  /** The object does not exist or this actor may not see it: the two are indistinguishable to the caller. */
  | { ok: false; motivo: "non_trovato" };

export type Risultato<T = undefined> = { ok: true; valore: T } | Fallimento;

export function riuscito<T>(valore: T): { ok: true; valore: T };
export function riuscito(): { ok: true; valore: undefined };
export function riuscito<T>(valore?: T) {
  return { ok: true as const, valore };
}

export function nonValido(campi: Record<string, string | string[] | undefined>, modulo: string[] = []): Fallimento {
  const perCampo: Record<string, string[]> = {};
  for (const [nome, m] of Object.entries(campi)) {
    if (m === undefined) continue;
    perCampo[nome] = Array.isArray(m) ? m : [m];
  }
  return { ok: false, motivo: "non_valido", campi: perCampo, modulo };
}

export const conflitto: Fallimento = { ok: false, motivo: "conflitto" };
export const nonTrovato: Fallimento = { ok: false, motivo: "non_trovato" };
