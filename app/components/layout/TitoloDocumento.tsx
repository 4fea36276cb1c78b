// The document title of form pages: the deepest route's `handle.titolo`, prefixed with "Errore: " when the page
// shows errors (GOV.UK). Remix's `meta` cannot see action data, so the title is computed here, where the router
// state (including action data of a no-JS POST) is available.
import { useMatches } from "@remix-run/react";
import { useContext } from "react";
import { UNSAFE_DataRouterStateContext } from "react-router-dom";
import { titolo } from "~/components/form/titolo";

export interface HandleTitolo {
  titolo: string;
}

function haErrori(dati: unknown): boolean {
  if (!dati || typeof dati !== "object") return false;
  const d = dati as Record<string, unknown>;
  return d.status === "error" || Boolean(d.errore) || d.conErrori === true;
}

export function titoloDaHandle(handle: unknown): string | null {
  return handle && typeof handle === "object" && typeof (handle as HandleTitolo).titolo === "string"
    ? (handle as HandleTitolo).titolo
    : null;
}

export function TitoloDocumento() {
  const matches = useMatches();
  const stato = useContext(UNSAFE_DataRouterStateContext);
  const ultimo = [...matches].reverse().find((m) => titoloDaHandle(m.handle));
  if (!ultimo) return null;
  const conErrori =
    Object.values(stato?.actionData ?? {}).some(haErrori) || matches.some((m) => haErrori(m.data));
  return <title>{titolo(titoloDaHandle(ultimo.handle)!, conErrori)}</title>;
}
