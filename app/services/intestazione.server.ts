// What the page header needs on every request: who is signed in, as what, the CSRF token for "Esci", and the link to
// the profile's inbox with the entries not read yet (the company's side /messaggi, the office /scrivania/messaggi).
import { eq, sql } from "drizzle-orm";
import { aziende } from "#db/schema";
import { preparata } from "#db/connection";
import { messaggiAccesso } from "~/testi";
import { latoDelRuolo } from "~/domain/comunicazioni";
import { totaleNonLetti } from "./comunicazioni/filo.server";
import type { SessioneValida } from "./sessione.server";

/** `valida`: the request's session (app/http/sessione.server.ts), or null when nobody is signed in. */
export async function datiIntestazione(valida: SessioneValida | null, nonce?: string) {
  if (!valida) return { utente: null, csrfToken: null, nonce };
  const { sessione, utente } = valida;
  let profilo: string | null = null;
  if (sessione.ruoloAttivo) {
    profilo = messaggiAccesso.ruoli[sessione.ruoloAttivo];
    if (sessione.ruoloAttivo === "datore" && sessione.aziendaAttivaId != null) {
      // Every page of an employer: the company was read with the session (validaToken), one statement fewer.
      const a = valida.aziendaAttiva !== undefined ? valida.aziendaAttiva : await aziendaDellIntestazione(sessione.aziendaAttivaId);
      // An employee enabled by the legal representative acts as "incaricato", not as the employer.
      if (a) profilo = `${a.cfLegaleRappresentante === utente.codiceFiscale ? profilo : messaggiAccesso.incaricato} — ${a.ragioneSociale}`;
    }
  }
  const messaggi = sessione.ruoloAttivo
    ? {
        href: latoDelRuolo(sessione.ruoloAttivo) === "azienda" ? "/messaggi" : "/scrivania/messaggi",
        nonLetti: await totaleNonLetti({ utente, sessione, ruolo: sessione.ruoloAttivo, aziendaAttivaId: sessione.aziendaAttivaId }),
      }
    : null;
  return {
    utente: { nome: `${utente.nome} ${utente.cognome}`, profilo, messaggi },
    csrfToken: sessione.csrfToken,
    nonce,
  };
}

/** The chosen company of a session not read by validaToken (prepared once: see README, Misure). */
async function aziendaDellIntestazione(id: number) {
  const [a] = await preparata("intestazione_azienda", (d) =>
    d
      .select({ ragioneSociale: aziende.ragioneSociale, cfLegaleRappresentante: aziende.cfLegaleRappresentante })
      .from(aziende)
      .where(eq(aziende.id, sql.placeholder("id")))
      .prepare("intestazione_azienda"),
  ).execute({ id });
  return a ?? null;
}
