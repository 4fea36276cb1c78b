// Presa in carico (issue 11): an operator of the competent sede takes a sent case; of two operators taking it at
// once exactly one wins; outside the assignment the case does not exist; the timeline names the operator.
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditLog, domande, eventiDomanda } from "#db/schema";
import { db } from "#db/connection";
import { DIRIGENTE_PADOVA, MARIO_ESEMPIO, OPERATORE_MILANO, OPERATORE_PADOVA } from "#db/seed/index";
import type { Contesto } from "~/services/accesso.server";
import { attoreSistema } from "~/services/autorizzazione.server";
import { prendiInCarico } from "~/services/istruttoria/presa-in-carico.server";
import { usaDatabaseDiTest } from "../database";
import { sessioneDi } from "../richieste";
import { contestoDi, idAzienda } from "./domanda-completa";
import { domandaInviata } from "./domanda-inviata";

usaDatabaseDiTest();

let mario: Contesto;
let padova: Contesto;
let padova2: Contesto;
let milano: Contesto;
let dirigente: Contesto;
let c1: number;

beforeAll(async () => {
  c1 = await idAzienda("C1");
  mario = await contestoDi(await sessioneDi(MARIO_ESEMPIO.codiceFiscale, "datore", c1));
  padova = await contestoDi(await sessioneDi(OPERATORE_PADOVA.codiceFiscale, "operatore_sede"));
  padova2 = await contestoDi(await sessioneDi(OPERATORE_PADOVA.codiceFiscale, "operatore_sede"));
  milano = await contestoDi(await sessioneDi(OPERATORE_MILANO.codiceFiscale, "operatore_sede"));
  dirigente = await contestoDi(await sessioneDi(DIRIGENTE_PADOVA.codiceFiscale, "dirigente_sede"));
});

describe("presa in carico", () => {
  it("the submission fills the queue's columns: competent sede, causale, 75-day deadline", async () => {
    const d = await domandaInviata(mario, c1);
    expect(d.stato).toBe("inviata");
    expect(d.sedeCodice).toMatch(/^[0-9]{4}$/);
    expect(d.causale).toBe("mancanza_lavoro");
    expect(d.scadenzaDecisione).not.toBeNull();
    expect(d.operatoreId).toBeNull();
  });

  it("moves the case to in_istruttoria with the operator, the timeline and the audit", async () => {
    const d = await domandaInviata(mario, c1);
    const r = await prendiInCarico(padova, d.id, d.versione);
    expect(r).toEqual({ ok: true, valore: { versione: d.versione + 1, operatore: "Giorgio Operatore Esempio" } });
    const [dopo] = await db().select().from(domande).where(eq(domande.id, d.id));
    expect(dopo.stato).toBe("in_istruttoria");
    expect(dopo.operatoreId).toBe(padova.utente.id);
    expect(dopo.presaInCaricoIl).not.toBeNull();
    const eventi = await db().select().from(eventiDomanda).where(eq(eventiDomanda.domandaId, d.id));
    expect(eventi.map((e) => e.descrizione)).toContain("Presa in carico da Giorgio Operatore Esempio per l'istruttoria");
    const audit = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.azione, "prendi_in_carico"), eq(auditLog.oggettoId, String(d.id))));
    expect(audit.map((a) => a.esito)).toEqual(["ok"]);
  });

  it("of two takes at once exactly one wins; the other is a conflict and changes nothing", async () => {
    const d = await domandaInviata(mario, c1);
    const esiti = await Promise.all([prendiInCarico(padova, d.id, d.versione), prendiInCarico(padova2, d.id, d.versione)]);
    expect(esiti.filter((e) => e.ok)).toHaveLength(1);
    expect(esiti.filter((e) => !e.ok)).toEqual([{ ok: false, motivo: "conflitto" }]);
    const [dopo] = await db().select().from(domande).where(eq(domande.id, d.id));
    expect(dopo.versione).toBe(d.versione + 1);
    // Taking it again, even with the new version, is a conflict: the state machine allows it only from "inviata".
    expect(await prendiInCarico(padova, d.id, dopo.versione)).toEqual({ ok: false, motivo: "conflitto" });
  });

  it("a stale version is a conflict", async () => {
    const d = await domandaInviata(mario, c1);
    expect(await prendiInCarico(padova, d.id, d.versione - 1)).toEqual({ ok: false, motivo: "conflitto" });
  });

  it("outside the assignment, for a manager, the company or the system actor the case is not found", async () => {
    const d = await domandaInviata(mario, c1);
    for (const attore of [milano, dirigente, mario, attoreSistema("prova")]) {
      expect(await prendiInCarico(attore, d.id, d.versione)).toEqual({ ok: false, motivo: "non_trovato" });
    }
    const [dopo] = await db().select().from(domande).where(eq(domande.id, d.id));
    expect(dopo.stato).toBe("inviata");
  });

  it("with the pool every operator may take it", async () => {
    const d = await domandaInviata(mario, c1);
    process.env.OMNIA_ASSEGNAZIONE = "pool";
    try {
      expect((await prendiInCarico(milano, d.id, d.versione)).ok).toBe(true);
    } finally {
      delete process.env.OMNIA_ASSEGNAZIONE;
    }
  });
});
