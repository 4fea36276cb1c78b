// L'«Eliminazione» di una denuncia UniEmens-Cig con richieste vere: la denuncia cercata per chiave (come nel servizio
// INPS), la pagina di conferma, il ritiro registrato con chi e quando e nel registro delle attività, la stessa
// denuncia di nuovo accolta in un flusso successivo; un secondo ritiro è un conflitto; chiavi sbagliate, aziende non
// proprie, operatori e richieste senza CSRF non cambiano nulla.
import { and, eq, isNull } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditLog, denunceCig } from "#db/schema";
import { db } from "#db/connection";
import { LAURA_CONSULENTE, MARIO_ESEMPIO, OPERATORE_PADOVA } from "#db/seed/index";
import * as elenco from "~/routes/flussi._index";
import * as ricerca from "~/routes/flussi.eliminazione";
import * as conferma from "~/routes/flussi.denunce.$id.elimina";
import type { Contesto } from "~/services/accesso.server";
import { usaDatabaseDiTest } from "../database";
import { contesto, get, ORIGINE, post, risposta, sessioneDi, type Identita } from "../richieste";
import { contestoDi, idAzienda, MATRICOLE } from "./domanda-completa";
import { domandaDiretta, righeDi, xml } from "./flusso-cig";

usaDatabaseDiTest();

let mario: Identita;
let ctxMario: Contesto;
let c1: number;

beforeAll(async () => {
  c1 = await idAzienda("C1");
  mario = await sessioneDi(MARIO_ESEMPIO.codiceFiscale, "datore", c1);
  ctxMario = await contestoDi(mario);
});

const args = (request: Request, params: Record<string, string> = {}) => ({ request, params, context: contesto });

function caricaFlusso(testo: string, chi: Identita): Request {
  const form = new FormData();
  form.set("csrf", chi.csrf);
  form.append("file", new File([testo], "marzo.xml", { type: "application/xml" }));
  return new Request(`${ORIGINE}/flussi?index`, { method: "POST", headers: { Cookie: chi.cookie, Origin: ORIGINE }, body: form });
}

/** A flow of one domanda accepted whole; returns the key fields of its first return and the flow's XML. */
async function flussoAccolto() {
  const d = await domandaDiretta(ctxMario, c1);
  const { competenza, righe } = await righeDi(d);
  const q3 = `${Math.floor(Math.random() * 10)}`;
  const testo = xml(MATRICOLE.C1, competenza, d.ticket!, righe, undefined, q3);
  const r = await risposta(() => elenco.action(args(caricaFlusso(testo, mario))));
  expect(r.status).toBe(303);
  const chiave = {
    matricola: MATRICOLE.C1, cfLavoratore: righe[0].cf, competenza, qualifica1: "1", qualifica2: "F", qualifica3: q3, tipoContribuzione: "00",
  };
  return { chiave, testo, righe: righe.length };
}

function moduloRicerca(campi: Record<string, string>, chi: Identita) {
  return post("/flussi/eliminazione", campi, chi);
}

async function cerca(campi: Record<string, string>, chi: Identita = mario) {
  return risposta(() => ricerca.action(args(moduloRicerca(campi, chi))));
}

const attiva = (chiave: string) => db().select().from(denunceCig).where(and(eq(denunceCig.chiave, chiave), isNull(denunceCig.eliminataIl)));

describe("eliminazione di una denuncia UniEmens-Cig", () => {
  it("cercata per chiave (mese come 3/2026, codice fiscale in minuscolo), confermata, eliminata e poi accolta di nuovo", async () => {
    const { chiave, testo, righe } = await flussoAccolto();
    const [mm, aaaa] = [chiave.competenza.slice(5, 7), chiave.competenza.slice(0, 4)];
    const trovata = await cerca({ ...chiave, cfLavoratore: chiave.cfLavoratore.toLowerCase(), competenza: `${Number(mm)}/${aaaa}` });
    expect(trovata.status).toBe(303);
    const percorso = trovata.headers.get("Location")!;
    const id = percorso.split("/")[3];
    expect(percorso).toBe(`/flussi/denunce/${id}/elimina`);

    const prima = await (await risposta(() => conferma.loader(args(get(percorso, mario), { id })))).json();
    expect(prima).toMatchObject({ mese: `${mm}/${aaaa}`, eliminataIl: null, azienda: expect.stringContaining(MATRICOLE.C1) });
    expect(prima.lavoratore).toContain(chiave.cfLavoratore);

    const eliminata = await risposta(() => conferma.action(args(post(percorso, {}, mario), { id })));
    expect(eliminata.status).toBe(303);
    expect(eliminata.headers.get("Location")).toBe(percorso);
    const dopo = await (await risposta(() => conferma.loader(args(get(percorso, mario), { id })))).json();
    expect(dopo.eliminataIl).toEqual(expect.any(String));

    const [riga] = await db().select().from(denunceCig).where(eq(denunceCig.id, Number(id)));
    expect(riga.eliminataIl).not.toBeNull();
    expect(riga.eliminataDa).toBe(ctxMario.utente.id);
    const voci = await db().select().from(auditLog).where(and(eq(auditLog.azione, "eliminazione_denuncia_cig"), eq(auditLog.oggettoId, id)));
    expect(voci).toHaveLength(1);

    // The other returns of the flow stay; the withdrawn one is accepted again when sent anew.
    const chiaveTesto = [chiave.matricola, chiave.cfLavoratore, chiave.competenza, "1", "F", chiave.qualifica3, "00"].join("|");
    expect(await attiva(chiaveTesto)).toHaveLength(0);
    const ancora = await risposta(() => elenco.action(args(caricaFlusso(testo, mario))));
    expect(ancora.status).toBe(303);
    expect(await attiva(chiaveTesto)).toHaveLength(1);
    expect(righe).toBeGreaterThan(1);
  });

  it("eliminarla una seconda volta: 409 con il messaggio, nessun secondo ritiro", async () => {
    const { chiave } = await flussoAccolto();
    const id = (await cerca(chiave)).headers.get("Location")!.split("/")[3];
    const percorso = `/flussi/denunce/${id}/elimina`;
    expect((await risposta(() => conferma.action(args(post(percorso, {}, mario), { id })))).status).toBe(303);
    const [{ eliminataIl }] = await db().select().from(denunceCig).where(eq(denunceCig.id, Number(id)));
    const doppio = await risposta(() => conferma.action(args(post(percorso, {}, mario), { id })));
    expect(doppio.status).toBe(409);
    expect((await doppio.json()).errore).toMatch(/già stata eliminata/);
    const [dopo] = await db().select().from(denunceCig).where(eq(denunceCig.id, Number(id)));
    expect(dopo.eliminataIl).toEqual(eliminataIl);
    expect(await db().$count(auditLog, and(eq(auditLog.azione, "eliminazione_denuncia_cig"), eq(auditLog.oggettoId, id)))).toBe(1);
  });

  it("due ritiri nello stesso istante: uno riesce, l'altro è un conflitto", async () => {
    const { chiave } = await flussoAccolto();
    const id = (await cerca(chiave)).headers.get("Location")!.split("/")[3];
    const percorso = `/flussi/denunce/${id}/elimina`;
    const stati = await Promise.all([1, 2].map(() => risposta(() => conferma.action(args(post(percorso, {}, mario), { id }))).then((r) => r.status)));
    expect(stati.sort()).toEqual([303, 409]);
    expect(await db().$count(auditLog, and(eq(auditLog.azione, "eliminazione_denuncia_cig"), eq(auditLog.oggettoId, id)))).toBe(1);
  });

  it("campi sbagliati: 422 con un messaggio per campo e i valori scritti restituiti", async () => {
    const r = await cerca({ matricola: "12ab", cfLavoratore: "", competenza: "13/2026", qualifica1: "11", qualifica2: "F", qualifica3: "A", tipoContribuzione: "0" });
    expect(r.status).toBe(422);
    const dati = await r.json();
    expect(Object.keys(dati.error).sort()).toEqual(["cfLavoratore", "competenza", "matricola", "qualifica1", "tipoContribuzione"]);
    expect(dati.error.competenza[0]).toBe("Scrivi il mese di competenza come mese e anno, ad esempio 03/2026");
    expect(dati.initialValue.matricola).toBe("12ab");
  });

  it("una chiave che non c'è, o di un'azienda non propria: lo stesso messaggio, nessuna pagina di conferma", async () => {
    const { chiave } = await flussoAccolto();
    const nessuna = await cerca({ ...chiave, tipoContribuzione: "ZZ" });
    expect(nessuna.status).toBe(422);
    const messaggio = (await nessuna.json()).error[""];
    expect(messaggio[0]).toMatch(/Non c'è una denuncia accolta con questi dati/);
    const laura = await sessioneDi(LAURA_CONSULENTE.codiceFiscale, "intermediario");
    const altrui = await cerca(chiave, laura);
    expect(altrui.status).toBe(422);
    expect((await altrui.json()).error[""]).toEqual(messaggio);
  });

  it("la conferma e il ritiro di una denuncia non propria, o senza CSRF, o da un operatore: rifiutati e nulla cambia", async () => {
    const { chiave } = await flussoAccolto();
    const id = (await cerca(chiave)).headers.get("Location")!.split("/")[3];
    const percorso = `/flussi/denunce/${id}/elimina`;
    const laura = await sessioneDi(LAURA_CONSULENTE.codiceFiscale, "intermediario");
    expect((await risposta(() => conferma.loader(args(get(percorso, laura), { id })))).status).toBe(404);
    expect((await risposta(() => conferma.action(args(post(percorso, {}, laura), { id })))).status).toBe(404);
    const senzaToken = post(percorso, {}, mario, { senzaCsrf: true });
    expect((await risposta(() => conferma.action(args(senzaToken, { id })))).status).toBe(403);
    const operatore = await sessioneDi(OPERATORE_PADOVA.codiceFiscale, "operatore_sede");
    expect((await risposta(() => conferma.loader(args(get(percorso, operatore), { id })))).status).toBe(404);
    expect((await risposta(() => ricerca.loader(args(get("/flussi/eliminazione", operatore))))).status).toBe(404);
    expect((await risposta(() => conferma.loader(args(get("/flussi/denunce/abc/elimina", mario), { id: "abc" })))).status).toBe(404);
    const [riga] = await db().select().from(denunceCig).where(eq(denunceCig.id, Number(id)));
    expect(riga.eliminataIl).toBeNull();
  });
});
