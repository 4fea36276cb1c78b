// Security finding: free text accepted the C1 controls (U+0085 "next line") and the bidirectional overrides
// (U+202E), which make a text read differently on screen from what is stored. Both are refused, nothing stored.
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { domande } from "#db/schema";
import { db } from "#db/connection";
import { MARIO_ESEMPIO } from "#db/seed/index";
import * as passo from "~/routes/domande.$id.relazione-tecnica";
import type { Contesto } from "~/services/accesso.server";
import { usaDatabaseDiTest } from "../database";
import { bozzaCompleta, contestoDi, idAzienda } from "../integrazione/domanda-completa";
import { contesto, post, risposta, sessioneDi, type Identita } from "../richieste";

usaDatabaseDiTest();

let mario: Identita;
let ctxMario: Contesto;
let c1: number;

beforeAll(async () => {
  c1 = await idAzienda("C1");
  mario = await sessioneDi(MARIO_ESEMPIO.codiceFiscale, "datore", c1);
  ctxMario = await contestoDi(mario);
});

const RELAZIONE = {
  modalita: "strutturata",
  descrizione: "Lavorazioni meccaniche di precisione; calo degli ordini dal terzo trimestre.",
  misure: "Ferie residue smaltite, straordinari azzerati.",
  prospettive: "Due nuovi contratti firmati a gennaio 2026.",
  granularita: "anno",
  "indicatori[0].periodo": "2024",
  "indicatori[0].fatturato": "5.000.000",
  "indicatori[0].ordini": "4.000.000",
  "indicatori[0].risultatoOperativo": "200.000",
  "indicatori[1].periodo": "2025",
  "indicatori[1].fatturato": "3.000.000",
  "indicatori[1].ordini": "1.500.000",
  "indicatori[1].risultatoOperativo": "-100.000",
  dichiarazione: "si",
};

describe("testo libero con caratteri invisibili o ingannevoli", () => {
  const casi: Array<[string, string]> = [
    ["U+0085 (a capo C1)", "Calo degli ordini\u0085 dal terzo trimestre"],
    ["U+0080 (controllo C1)", "Calo\u0080 degli ordini"],
    ["U+009F (controllo C1)", "Calo\u009F degli ordini"],
    ["U+202E (scrittura da destra a sinistra forzata)", "Fatturato \u202E0002 ni otaL"],
    ["U+202A (incorporamento da sinistra a destra)", "Fatturato \u202Acalato"],
    ["U+2066 (isolamento da sinistra a destra)", "Fatturato \u2066calato\u2069"],
    ["U+2069 (fine isolamento)", "Fatturato calato\u2069"],
  ];
  for (const [nome, valore] of casi) {
    it(`${nome}: 422 con messaggio in italiano, testo restituito, nulla salvato`, async () => {
      const id = await bozzaCompleta(ctxMario, c1, { finoA: "relazioneTecnica" });
      const [prima] = await db().select().from(domande).where(eq(domande.id, id));
      const campi = { ...RELAZIONE, descrizione: valore, versione: String(prima.versione) };
      const request = post(`/domande/${id}/relazione-tecnica`, campi, mario);
      const r = await risposta(() => passo.action({ request, params: { id: String(id) }, context: contesto }));
      expect(r.status).toBe(422);
      const { error, initialValue } = await r.json();
      expect(error.descrizione).toEqual(["La descrizione contiene caratteri non ammessi"]);
      expect(initialValue.descrizione).toBe(valore);
      const [dopo] = await db().select().from(domande).where(eq(domande.id, id));
      expect(dopo.dati.relazioneTecnica).toBeUndefined();
      expect(dopo.versione).toBe(prima.versione);
    });
  }

  it("le lettere accentate, l'euro e le virgolette tipografiche restano ammesse", async () => {
    const id = await bozzaCompleta(ctxMario, c1, { finoA: "relazioneTecnica" });
    const [prima] = await db().select().from(domande).where(eq(domande.id, id));
    const valore = "Perché l’attività è calata: «ordini» −40 % e 1.000 € in meno — così è.";
    const campi = { ...RELAZIONE, descrizione: valore, versione: String(prima.versione) };
    const request = post(`/domande/${id}/relazione-tecnica`, campi, mario);
    const r = await risposta(() => passo.action({ request, params: { id: String(id) }, context: contesto }));
    expect(r.status).toBe(303);
    const [dopo] = await db().select().from(domande).where(eq(domande.id, id));
    expect((dopo.dati.relazioneTecnica as { descrizione: string }).descrizione).toBe(valore);
  });
});
