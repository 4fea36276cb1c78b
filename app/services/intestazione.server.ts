// What the page header needs on every request: who is signed in, as what, and the CSRF token for "Esci".
import { eq } from "drizzle-orm";
import { aziende } from "#db/schema";
import { db } from "#db/connection";
import { messaggiAccesso } from "~/testi";
import { sessioneDaRichiesta } from "./sessione.server";

export async function datiIntestazione(request: Request, nonce?: string) {
  const valida = await sessioneDaRichiesta(request);
  if (!valida) return { utente: null, csrfToken: null, nonce };
  const { sessione, utente } = valida;
  let profilo: string | null = null;
  if (sessione.ruoloAttivo) {
    profilo = messaggiAccesso.ruoli[sessione.ruoloAttivo];
    if (sessione.ruoloAttivo === "datore" && sessione.aziendaAttivaId != null) {
      const [a] = await db()
        .select({ ragioneSociale: aziende.ragioneSociale })
        .from(aziende)
        .where(eq(aziende.id, sessione.aziendaAttivaId));
      if (a) profilo = `${profilo} — ${a.ragioneSociale}`;
    }
  }
  return {
    utente: { nome: `${utente.nome} ${utente.cognome}`, profilo },
    csrfToken: sessione.csrfToken,
    nonce,
  };
}
