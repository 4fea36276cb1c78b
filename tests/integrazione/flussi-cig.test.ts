// Flussi UniEmens-Cig (issue 12): una denuncia corretta è accolta e scritta, una sbagliata scartata con il suo codice;
// la stessa denuncia non è mai accolta due volte (nemmeno da due flussi inviati insieme); la prova non scrive nulla;
// chi non ha la delega della matricola non invia; un file che si interrompe lascia accolte le denunce precedenti.
import { and, eq, isNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, denunceCig, flussiCig, flussiCigDomande, oreTicketFlussiCig, scartiFlussoCig } from "#db/schema";
import { db } from "#db/connection";
import { LAURA_CONSULENTE, MARIO_ESEMPIO, OPERATORE_PADOVA } from "#db/seed/index";
import { addDays } from "~/domain/date";
import type { Contesto } from "~/services/accesso.server";
import { eliminaDenuncia } from "~/services/flussi/eliminazione.server";
import { riceviFlusso, type RapportoFlusso } from "~/services/flussi/invio-flusso.server";
import { oggi } from "~/services/orologio.server";
import { usaDatabaseDiTest } from "../database";
import { sessioneDi } from "../richieste";
import { contestoDi, idAzienda, MATRICOLE } from "./domanda-completa";
import { domandaDiretta as domandaDirettaDi, righeDi, xml } from "./flusso-cig";
import { autorizzata, diretta, GIORNO_PIATTAFORMA } from "./pagamento-diretto";

usaDatabaseDiTest();
// A fixed platform day: the authorised domanda of the hours test is on days that must not be late for it.
const oraPrecedente = process.env.OMNIA_ORA_FISSA;
process.env.OMNIA_ORA_FISSA = GIORNO_PIATTAFORMA;
afterAll(() => {
  if (oraPrecedente === undefined) delete process.env.OMNIA_ORA_FISSA;
  else process.env.OMNIA_ORA_FISSA = oraPrecedente;
});

let mario: Contesto;
let laura: Contesto;
let giorgio: Contesto;
let c1: number;

beforeAll(async () => {
  c1 = await idAzienda("C1");
  mario = await contestoDi(await sessioneDi(MARIO_ESEMPIO.codiceFiscale, "datore", c1));
  laura = await contestoDi(await sessioneDi(LAURA_CONSULENTE.codiceFiscale, "intermediario"));
  giorgio = await contestoDi(await sessioneDi(OPERATORE_PADOVA.codiceFiscale, "operatore_sede"));
});

async function* byte(testo: string): AsyncGenerator<Uint8Array> {
  yield Buffer.from(testo);
}

const domandaDiretta = () => domandaDirettaDi(mario, c1);

async function invia(ctx: Contesto, testo: string, prova = false): Promise<RapportoFlusso> {
  const r = await riceviFlusso(ctx, { nome: "flusso.xml", formato: "xml", contenuto: byte(testo) }, { prova });
  if (!r.ok) throw new Error(r.motivo);
  return r.valore;
}

describe("invio di un flusso UniEmens-Cig", () => {
  it("accoglie le denunce corrette e scarta le altre, ciascuna con la riga e il codice del catalogo", async () => {
    const d = await domandaDiretta();
    const { competenza, righe } = await righeDi(d);
    expect(righe.length).toBeGreaterThanOrEqual(2);
    const file = xml(MATRICOLE.C1, competenza, d.ticket!, [
      ...righe,
      { ...righe[0], cf: "RSSMRA85T10A562S" },
      { ...righe[1], iban: "IT00X0000000000000000000000" },
    ]);
    const r = await invia(mario, file);
    expect(r).toMatchObject({ prova: false, denunce: righe.length + 2, accolte: righe.length, scartate: 2 });
    // La riga con l'IBAN sbagliato ripete anche la chiave della seconda: ogni errore della riga è riportato.
    expect(r.scarti.map((s) => s.codice).sort()).toEqual(["UNI41-E031", "UNI41-E060", "UNI41-E070"]);
    // Non ancora decisa: il pagamento attende l'autorizzazione (avviso, non scarto).
    expect(r.avvisi.some((a) => a.codice === "UNI41-W082")).toBe(true);
    const scritte = await db().select().from(denunceCig).where(eq(denunceCig.flussoId, r.flussoId!));
    expect(scritte.map((x) => x.codiceFiscale).sort()).toEqual(righe.map((x) => x.cf).sort());
    const [flusso] = await db().select().from(flussiCig).where(eq(flussiCig.id, r.flussoId!));
    expect(flusso).toMatchObject({ stato: "completato", denunce: righe.length + 2, accolte: righe.length, scartate: 2 });
    expect(await db().select().from(scartiFlussoCig).where(eq(scartiFlussoCig.flussoId, r.flussoId!))).toHaveLength(3);
    const audit = await db().select().from(auditLog).where(and(eq(auditLog.azione, "invio_flusso_cig"), eq(auditLog.oggettoId, String(r.flussoId))));
    expect(audit).toHaveLength(1);

    // Lo stesso file di nuovo: ogni denuncia è già presente (E070), nulla di nuovo è scritto.
    const di_nuovo = await invia(mario, file);
    expect(di_nuovo.accolte).toBe(0);
    expect(di_nuovo.scarti.filter((s) => s.codice === "UNI41-E070")).toHaveLength(righe.length + 1);
  });

  it("ogni denuncia accolta è scritta com'è stata letta, anche con virgolette, barre e graffe nei nomi; gli scarti con il loro messaggio", async () => {
    const d = await domandaDiretta();
    const { competenza, righe } = await righeDi(d);
    // The batch travels as one array per column (text[]): the characters that array literals escape must survive.
    const cognome = `D'ANGELO "DETTO" \\ {PRIMO}, SECONDO`;
    const file = xml(MATRICOLE.C1, competenza, d.ticket!, [...righe, { ...righe[0], iban: "IT00X0000000000000000000000" }])
      .replace("<Cognome>ESEMPIO</Cognome>", `<Cognome>${cognome}</Cognome>`);
    const r = await invia(mario, file);
    expect(r).toMatchObject({ accolte: righe.length, scartate: 1 });
    const scritte = await db().select().from(denunceCig).where(eq(denunceCig.flussoId, r.flussoId!)).orderBy(denunceCig.riga);
    expect(scritte[0]).toMatchObject({ codiceFiscale: righe[0].cf, competenza: `${competenza}-01`, ticket: d.ticket, iban: righe[0].iban, aziendaId: c1, domandaId: d.id });
    expect(scritte[0].dati).toMatchObject({ cognome, cfLavoratore: righe[0].cf, competenza, giorni: righe[0].giorni.map((g) => ({ giorno: Number(g), oreCentesimi: 800 })) });
    expect(scritte[0].oreCentesimi).toBe(800 * righe[0].giorni.length);
    // Warnings of an accepted return (not yet authorised) as the report gave them.
    expect(scritte[0].avvisi).toEqual(r.avvisi.filter((a) => a.riga === scritte[0].riga).map(({ codice, messaggio }) => ({ codice, messaggio })));
    expect(scritte[0].avvisi.length).toBeGreaterThan(0);
    const scarti = await db().select().from(scartiFlussoCig).where(eq(scartiFlussoCig.flussoId, r.flussoId!)).orderBy(scartiFlussoCig.id);
    expect(scarti.map(({ riga, codice, messaggio }) => ({ riga, codice, messaggio }))).toEqual(r.scarti);
  });

  it("la prova fa gli stessi controlli e non scrive nulla", async () => {
    const d = await domandaDiretta();
    const { competenza, righe } = await righeDi(d);
    const prima = await db().$count(denunceCig);
    const flussiPrima = await db().$count(flussiCig);
    const r = await invia(mario, xml(MATRICOLE.C1, competenza, d.ticket!, righe), true);
    expect(r.flussoId).toBeNull();
    expect(r.denunce).toBe(righe.length);
    expect(await db().$count(denunceCig)).toBe(prima);
    expect(await db().$count(flussiCig)).toBe(flussiPrima);
  });

  it("la prova elenca i primi 1.000 errori e conta gli altri; l'invio dello stesso file li scrive tutti", async () => {
    const d = await domandaDiretta();
    const { competenza, righe } = await righeDi(d);
    // 1.003 righe di un lavoratore che non è nella domanda: ognuna scartata.
    const file = xml(MATRICOLE.C1, competenza, d.ticket!, Array.from({ length: 1_003 }, () => ({ ...righe[0], cf: "RSSMRA85T10A562S" })));
    const prova = await invia(mario, file, true);
    expect(prova).toMatchObject({ denunce: 1_003, accolte: 0, scartate: 1_003 });
    expect(prova.scarti).toHaveLength(1_000);
    expect(prova.nonElencate.scarti).toBeGreaterThan(0);
    const inviato = await invia(mario, file);
    expect(inviato.nonElencate.scarti).toBeGreaterThan(0);
    const scritti = await db().$count(scartiFlussoCig, eq(scartiFlussoCig.flussoId, inviato.flussoId!));
    expect(prova.scarti.length + prova.nonElencate.scarti).toBe(scritti);
    expect(prova.nonElencate.avvisi).toBe(0);
  }, 60_000);

  // 700 returns checked twice (dry run and upload) on a real database: more than the default 30 s on a busy 2-core machine.
  it("oltre un lotto, le ore autorizzate si contano allo stesso modo nella prova e nell'invio (E091 sulle stesse righe)", async () => {
    const attori = { mario, giorgio, c1 };
    const d = await autorizzata(attori, await diretta(attori));
    const { competenza, righe } = await righeDi(d);
    // 24 hours authorised (2,400 hundredths); 700 returns of 0.04 hours each, every one with its own key: the first
    // batch of 500 (20 hours) fits, the second reaches the limit at its 100th return.
    const q = (n: number) => "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"[n % 36];
    const giorno = righe[0].giorni[0];
    const linee = [`Matricola;AnnoMeseDenuncia;CFLavoratore;Cognome;Nome;Qualifica1;Qualifica2;Qualifica3;TipoContribuzione;OrarioContrattuale;IBAN;Ticket;DetrazLavDip;DetrazCarichiFam;OreCigGG${giorno}`];
    for (let i = 0; i < 700; i++) {
      const r = righe[i % righe.length];
      const k = Math.floor(i / righe.length);
      linee.push(`${MATRICOLE.C1};${competenza};${r.cf};ESEMPIO;LAVORATORE;${q(k)};${q(Math.floor(k / 36))};Z;Z${i % righe.length};${r.orario};${r.iban};${d.ticket};S;S;4`);
    }
    const file = linee.join("\n") + "\n";
    const manda = async (prova: boolean) => {
      const r = await riceviFlusso(mario, { nome: "ore.csv", formato: "csv", contenuto: byte(file) }, { prova });
      if (!r.ok) throw new Error(r.motivo);
      return r.valore;
    };
    const prova = await manda(true);
    const invio = await manda(false);
    const e091 = (x: RapportoFlusso) => x.scarti.filter((s) => s.codice === "UNI41-E091").map((s) => s.riga);
    expect(invio).toMatchObject({ denunce: 700, accolte: 600, scartate: 100 });
    expect(e091(invio)).toHaveLength(100);
    expect(prova).toMatchObject({ denunce: 700, accolte: 600, scartate: 100 });
    expect(e091(prova)).toEqual(e091(invio));
  }, 120_000);

  it("le ore autorizzate contano quelle accolte dagli altri flussi e non quelle delle denunce eliminate; il totale per ticket e flusso segue le denunce", async () => {
    const attori = { mario, giorgio, c1 };
    const d = await autorizzata(attori, await diretta(attori));
    const { competenza, righe } = await righeDi(d);
    const giorno = righe[0].giorni[0];
    // 24 hours authorised; every return carries 8 hours on the one day, with its own key (Qualifica3).
    const csv = (q3: string[]) =>
      [
        `Matricola;AnnoMeseDenuncia;CFLavoratore;Cognome;Nome;Qualifica1;Qualifica2;Qualifica3;TipoContribuzione;OrarioContrattuale;IBAN;Ticket;DetrazLavDip;DetrazCarichiFam;OreCigGG${giorno}`,
        ...q3.map((q, i) => `${MATRICOLE.C1};${competenza};${righe[i % righe.length].cf};ESEMPIO;LAVORATORE;1;H;${q};00;${righe[i % righe.length].orario};${righe[i % righe.length].iban};${d.ticket};S;S;800`),
      ].join("\n") + "\n";
    const manda = async (q3: string[], prova = false) => {
      const r = await riceviFlusso(mario, { nome: "ore.csv", formato: "csv", contenuto: byte(csv(q3)) }, { prova });
      if (!r.ok) throw new Error(r.motivo);
      return r.valore;
    };
    const totali = async () =>
      (await db().select().from(oreTicketFlussiCig).where(eq(oreTicketFlussiCig.ticket, d.ticket!))).map((o) => [o.flussoId, o.oreCentesimi]).sort((a, b) => a[0] - b[0]);
    const daDenunce = async () => {
      const vive = await db().select().from(denunceCig).where(and(eq(denunceCig.ticket, d.ticket!), isNull(denunceCig.eliminataIl)));
      const perFlusso = new Map<number, number>();
      for (const x of vive) perFlusso.set(x.flussoId, (perFlusso.get(x.flussoId) ?? 0) + x.oreCentesimi);
      return perFlusso;
    };

    const a = await manda(["A", "B"]);
    expect(a).toMatchObject({ accolte: 2, scartate: 0 });
    // 16 hours from the first flow: the second's first return fits, its second would reach 32.
    const b = await manda(["C", "D"]);
    expect(b).toMatchObject({ accolte: 1, scartate: 1 });
    expect(b.scarti.map((x) => x.codice)).toEqual(["UNI41-E091"]);
    expect(await manda(["E"], true)).toMatchObject({ accolte: 0, scartate: 1 });
    expect(await totali()).toEqual([[a.flussoId, 1600], [b.flussoId, 800]]);

    // A return of the first flow withdrawn: its 8 hours are free again, for a dry run and for an upload.
    const [ritirata] = await db().select({ id: denunceCig.id }).from(denunceCig).where(and(eq(denunceCig.flussoId, a.flussoId!), eq(denunceCig.riga, 2)));
    expect((await eliminaDenuncia(mario, ritirata.id, { inPagamento: "in pagamento" })).ok).toBe(true);
    expect(await totali()).toEqual([[a.flussoId, 800], [b.flussoId, 800]]);
    expect(await manda(["E"], true)).toMatchObject({ accolte: 1, scartate: 0 });
    const c = await manda(["E", "F"]);
    expect(c).toMatchObject({ accolte: 1, scartate: 1 });

    // Written any other way (a statement on the table, as the seeds and tests do), the totals still follow the returns.
    await db().update(denunceCig).set({ eliminataIl: null }).where(eq(denunceCig.id, ritirata.id));
    await db().update(denunceCig).set({ oreCentesimi: 100 }).where(and(eq(denunceCig.flussoId, c.flussoId!)));
    const attese = [...(await daDenunce())].sort((x, y) => x[0] - y[0]);
    expect(await totali()).toEqual(attese);
    expect(attese).toEqual([[a.flussoId, 1600], [b.flussoId, 800], [c.flussoId, 100]]);
  }, 60_000);

  it("due flussi con le stesse denunce inviati insieme: ciascuna è accolta una volta sola", async () => {
    const d = await domandaDiretta();
    const { competenza, righe } = await righeDi(d);
    const file = xml(MATRICOLE.C1, competenza, d.ticket!, righe);
    const [a, b] = await Promise.all([invia(mario, file), invia(mario, file)]);
    expect(a.accolte + b.accolte).toBe(righe.length);
    const scritte = await db().select().from(denunceCig).where(eq(denunceCig.ticket, d.ticket!));
    expect(scritte).toHaveLength(righe.length);
  });

  it("un mese non ancora iniziato è scartato (E041)", async () => {
    const d = await domandaDiretta();
    const { righe } = await righeDi(d);
    const prossimo = addDays(`${oggi().slice(0, 7)}-01`, 40).slice(0, 7);
    const r = await invia(mario, xml(MATRICOLE.C1, prossimo, d.ticket!, righe.map((x) => ({ ...x, giorni: ["03"] }))));
    expect(r.accolte).toBe(0);
    expect(r.scarti.map((s) => s.codice)).toContain("UNI41-E041");
  });

  it("una matricola senza delega di chi invia: ogni denuncia è scartata con E010", async () => {
    const d = await domandaDiretta();
    const { competenza, righe } = await righeDi(d);
    const r = await invia(laura, xml(MATRICOLE.C1, competenza, d.ticket!, righe));
    expect(r.accolte).toBe(0);
    expect(r.scarti.every((s) => s.codice === "UNI41-E010")).toBe(true);
  });

  it("un file troncato: le denunce lette prima restano valutate, il flusso è «interrotto» e il rapporto dice dove", async () => {
    const d = await domandaDiretta();
    const { competenza, righe } = await righeDi(d);
    const r = await invia(mario, xml(MATRICOLE.C1, competenza, d.ticket!, righe, 1));
    expect(r.interrotto?.codice).toBe("UNI41-E001");
    expect(r.denunce).toBe(1);
    const [flusso] = await db().select().from(flussiCig).where(eq(flussiCig.id, r.flussoId!));
    expect(flusso.stato).toBe("interrotto");
  });

  it("ogni denuncia accolta rimanda al flusso, alla domanda e all'azienda registrati insieme: il database rifiuta le altre e non cancella il flusso", async () => {
    const d = await domandaDiretta();
    const { competenza, righe } = await righeDi(d);
    const r = await invia(mario, xml(MATRICOLE.C1, competenza, d.ticket!, righe));
    expect(r.accolte).toBe(righe.length);
    // One row for the flow and its domanda, however many returns (ADR 038).
    expect(await db().select().from(flussiCigDomande).where(eq(flussiCigDomande.flussoId, r.flussoId!))).toEqual([{ flussoId: r.flussoId, domandaId: d.id, aziendaId: c1 }]);

    const [scritta] = await db().select().from(denunceCig).where(eq(denunceCig.flussoId, r.flussoId!)).limit(1);
    const { id: _id, ...campi } = scritta;
    const [altro] = await db().insert(flussiCig).values({ inviatoDa: mario.utente.id, ruolo: "datore", nomeFile: "altro.xml", formato: "xml", versioneSchema: "1", stato: "completato" }).returning({ id: flussiCig.id });
    const c3 = await idAzienda("C3");
    // The driver's error, under drizzle's (postgres.js names the constraint constraint_name, PGlite constraint).
    type ErroreDb = { code?: string; constraint_name?: string; constraint?: string };
    const violazione = (e: unknown) => {
      const causa = (e as { cause?: ErroreDb }).cause ?? (e as ErroreDb);
      return { codice: causa.code, vincolo: causa.constraint_name ?? causa.constraint };
    };
    const rifiutata = (e: unknown) => violazione(e).codice === "23503" && violazione(e).vincolo === "denunce_cig_flusso_domanda_fk";
    // Another company than the domanda's, or a flow that has not registered the domanda: refused, nothing written.
    await expect(db().insert(denunceCig).values({ ...campi, chiave: `${campi.chiave}-a`, aziendaId: c3 })).rejects.toSatisfy(rifiutata);
    await expect(db().insert(denunceCig).values({ ...campi, chiave: `${campi.chiave}-f`, flussoId: altro.id })).rejects.toSatisfy(rifiutata);
    expect(await db().select().from(denunceCig).where(eq(denunceCig.domandaId, d.id))).toHaveLength(righe.length);

    // The flow's registration cannot go while its returns are there, nor the flow with it.
    const registrazione = (e: unknown) => violazione(e).codice === "23503";
    await expect(db().delete(flussiCigDomande).where(eq(flussiCigDomande.flussoId, r.flussoId!))).rejects.toSatisfy(rifiutata);
    await expect(db().delete(flussiCig).where(eq(flussiCig.id, r.flussoId!))).rejects.toSatisfy(registrazione);
    expect(await db().select().from(flussiCig).where(eq(flussiCig.id, r.flussoId!))).toHaveLength(1);
  });
});
