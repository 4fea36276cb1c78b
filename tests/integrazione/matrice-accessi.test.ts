// The access matrix: every role × every route that exists, on real Requests against a real database. Each cell says
// whether the role reaches the page (any answer but 404, with the domanda's routes redirecting where the state asks)
// or gets "not found" (404, nothing leaked). The expectation comes from the policy in words below, not from the code.
import { readdirSync } from "node:fs";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { denunceCig, domande } from "#db/schema";
import { db } from "#db/connection";
import { DIRIGENTE_PADOVA, LAURA_CONSULENTE, MARIO_ESEMPIO, OPERATORE_MILANO, OPERATORE_PADOVA } from "#db/seed/index";
import { creaBozza } from "~/services/domande.server";
import { riceviFlusso } from "~/services/flussi/invio-flusso.server";
import { inviaDomanda, nuovaChiaveInvio } from "~/services/invio.server";
import * as eliminazioni from "~/routes/api.v1.eliminazioni";
import { usaDatabaseDiTest } from "../database";
import { contesto, get, post, risposta, sessioneDi, type Identita } from "../richieste";
import { bozzaCompleta, contestoDi, idAzienda, MATRICOLE } from "./domanda-completa";
import { domandaDiretta, righeDi, xml } from "./flusso-cig";

usaDatabaseDiTest();

type Chi = "anonimo" | "datore C1" | "intermediario (delega C3)" | "operatore Padova" | "operatrice Milano" | "dirigente Padova";
type Risorsa = "bozza C1" | "inviata C1" | "bozza C3";

/** The company's side acts on its own domande; the office reads and examines sent ones of its sede; drafts are private. */
function attesoDomanda(chi: Chi, risorsa: Risorsa, rotta: string): "accesso" | "404" | "accedi" {
  if (chi === "anonimo") return "accedi";
  // A draft has no PDF receipt, for anyone (the receipt page sends the company's side back to its draft).
  if (risorsa.startsWith("bozza") && rotta === "ricevuta.pdf") return "404";
  const azienda = risorsa.endsWith("C1") ? "C1" : "C3";
  const bozza = risorsa.startsWith("bozza");
  if (chi === "datore C1") return azienda === "C1" ? "accesso" : "404";
  if (chi === "intermediario (delega C3)") return azienda === "C3" ? "accesso" : "404";
  // Office staff: the competent sede of C1 is Padova; drafts are never theirs to see, nor the company's acts.
  const sedeGiusta = chi !== "operatrice Milano";
  // The task list ("") is for compiling a draft: not the office's page.
  const lettura = ["dettaglio", "ricevuta", "ricevuta.pdf", "riepilogo", "provvedimento.pdf"].includes(rotta);
  return sedeGiusta && azienda === "C1" && !bozza && lettura ? "accesso" : "404";
}

/**
 * The Sede's desk on one case: the office of the assignment rule only (Padova for C1), never on drafts; the forms that
 * act (requests, decision) are the operator's, the office manager reads.
 */
function attesoScrivania(chi: Chi, risorsa: Risorsa, rotta: string): "accesso" | "404" | "accedi" {
  if (chi === "anonimo") return "accedi";
  if (risorsa !== "inviata C1" || !["operatore Padova", "dirigente Padova"].includes(chi)) return "404";
  const agisce = ["richiesta", "decisione"].includes(rotta);
  return agisce && chi === "dirigente Padova" ? "404" : "accesso";
}

const ROTTE_SCRIVANIA = ["richiesta", "decisione", "provvedimento.pdf", "risposte/1", "messaggi", "messaggi/allegati/1"] as const;

function moduliScrivania(rotta: string): string[] {
  if (rotta === "risposte/1") return ["scrivania_.$id.risposte.$allegatoId"];
  if (rotta === "messaggi/allegati/1") return ["scrivania_.$id.messaggi.allegati.$allegatoId"];
  if (rotta === "provvedimento.pdf") return ["scrivania_.$id.provvedimento[.pdf]"];
  return [`scrivania_.$id.${rotta}`];
}

const ROTTE_DOMANDA = [
  "", // the layout domande.$id with the task list (domande.$id._index)
  "azienda",
  "unita-produttiva",
  "periodo",
  "lavoratori",
  "relazione-tecnica",
  "informativa",
  "pagamento",
  "allegati",
  "allegati/1",
  "riepilogo",
  "invio",
  "dettaglio",
  "ricevuta",
  "ricevuta.pdf",
  "rinuncia",
  "elimina",
  "risposta",
  "provvedimento.pdf",
  "importi.csv",
  "messaggi",
  "messaggi/allegati/1",
] as const;

/** Routes outside a domanda: public for everyone, or reserved (the sign-in page for the anonymous). */
const ROTTE_GENERALI: Record<
  string,
  { modulo: string; riservata: boolean; soloAzienda?: boolean; soloSede?: boolean; soloDirigente?: boolean; soloIntermediario?: boolean; soloDatore?: boolean; sviluppo?: boolean }
> = {
  "/": { modulo: "_index", riservata: false },
  "/accedi": { modulo: "accedi", riservata: false },
  // The OpenID Connect callback: without a sign-in in progress an Italian 400 page for anyone.
  "/accedi/ritorno": { modulo: "accedi_.ritorno", riservata: false },
  "/documenti": { modulo: "documenti", riservata: false },
  "/privacy": { modulo: "privacy", riservata: false },
  "/dichiarazione-accessibilita": { modulo: "dichiarazione-accessibilita", riservata: false },
  "/area-riservata": { modulo: "area-riservata", riservata: true },
  "/profilo": { modulo: "profilo", riservata: true },
  "/domande": { modulo: "domande._index", riservata: true, soloAzienda: true },
  "/domande/nuova": { modulo: "domande.nuova", riservata: true, soloAzienda: true },
  "/domande/richieste": { modulo: "domande.richieste", riservata: true, soloAzienda: true },
  "/esci": { modulo: "esci", riservata: false },
  // The Sede's desk: the queue for operators and managers, the office view for managers only.
  "/scrivania": { modulo: "scrivania._index", riservata: true, soloSede: true },
  "/scrivania/carichi": { modulo: "scrivania.carichi", riservata: true, soloDirigente: true },
  // Direct payments: amounts, exceptions and batches of the sedi of the assignment rule (operators and managers).
  "/scrivania/pagamenti": { modulo: "scrivania.pagamenti._index", riservata: true, soloSede: true },
  // UniEmens-Cig flows: sent and checked by the company's side; the catalogue of errors is public.
  "/flussi": { modulo: "flussi._index", riservata: true, soloAzienda: true },
  "/flussi/verifica": { modulo: "flussi.verifica", riservata: true, soloAzienda: true },
  "/flussi/verifica.csv": { modulo: "flussi.verifica[.csv]", riservata: true, soloAzienda: true },
  "/flussi/catalogo": { modulo: "flussi.catalogo", riservata: false },
  // Deleghe: the intermediary's own and the legal representative's company's; asking is the intermediary's,
  // enabling an employee the legal representative's.
  "/deleghe": { modulo: "deleghe._index", riservata: true, soloAzienda: true },
  "/deleghe/nuova": { modulo: "deleghe.nuova", riservata: true, soloIntermediario: true },
  "/deleghe/abilita": { modulo: "deleghe.abilita", riservata: true, soloDatore: true },
  "/flussi/eliminazione": { modulo: "flussi.eliminazione", riservata: true, soloAzienda: true },
  "/flussi/chiavi": { modulo: "flussi.chiavi", riservata: true, soloAzienda: true },
  "/api/v1/openapi.json": { modulo: "api.v1.openapi[.json]", riservata: false },
  // The platform's public keys and entity configuration as a Relying Party of SPID and CIE: public by nature.
  "/.well-known/jwks.json": { modulo: "[.well-known].jwks[.json]", riservata: false },
  "/.well-known/openid-federation": { modulo: "[.well-known].openid-federation", riservata: false },
  // The federation resolve endpoint: public; without sub and trust_anchor a JSON 400.
  "/federazione/risolvi": { modulo: "federazione.risolvi", riservata: false },
  // Cruscotti: /cruscotto sends the company's side on (employer: its company; intermediary: the portfolio).
  "/cruscotto": { modulo: "cruscotto", riservata: true, soloAzienda: true },
  "/portafoglio": { modulo: "portafoglio", riservata: true, soloIntermediario: true },
  "/portafoglio.csv": { modulo: "portafoglio[.csv]", riservata: true, soloIntermediario: true },
  // Inboxes of the threads (issue 13): the company's side, the office.
  "/messaggi": { modulo: "messaggi", riservata: true, soloAzienda: true },
  "/scrivania/messaggi": { modulo: "scrivania.messaggi", riservata: true, soloSede: true },
  // The development mail page: only from this machine while the sink runs (not here: 404 for everyone).
  "/sviluppo/posta": { modulo: "sviluppo.posta", riservata: false, sviluppo: true },
};

/**
 * The pages of one amount and of one batch of the direct payment (and its file): the operators and managers of the
 * amount's or batch's sede only; their matrix, on real amounts and batches, is in pagamenti-pagine.test.ts.
 */
const ROTTE_PAGAMENTI = [
  "scrivania.pagamenti.importi.$id", "scrivania.pagamenti.lotti.$id._index", "scrivania.pagamenti.lotti.$id.file[.xml]", "scrivania.pagamenti.lotti.$id.esito",
] as const;

/**
 * The flows API answers to a key only (tests/integrazione/api-flussi.test.ts): a session cookie opens none of it, so a
 * page of another site can never make a signed-in browser call it.
 */
const ROTTE_API = { "/api/v1/flussi": "api.v1.flussi", "/api/v1/flussi/1": "api.v1.flussi.$id" } as const;

/** A flow's report and its CSV: the person who sent it (the employer of C1 here), nobody else. */
const ROTTE_FLUSSO = ["flussi.$id", "flussi.$id.scarti[.csv]"] as const;
/**
 * The progress page of a flow (issue 12, large files checked by a job): whoever sent it (the employer of C1 here) and
 * the office staff of a sede competent for a company the flow carries returns for (Padova for C1); nobody else.
 */
const ROTTA_AVANZAMENTO = "flussi.$id_.avanzamento";
/** The public service times per benefit and their CSV: anyone, signed in or not. */
const ROTTE_TEMPI = ["prestazioni.$codice.tempi", "prestazioni.$codice.tempi[.csv]"] as const;
/** A company's cruscotto and its CSV: the employer of the company chosen at sign-in (C1), the intermediary with a
 * delega on it (C3); nobody else. */
const ROTTE_CRUSCOTTO = ["aziende.$id.cruscotto", "aziende.$id.cruscotto[.csv]"] as const;
/** The withdrawal of an accepted return: whoever may send flows for its company (C1: its employer), nobody else. */
const ROTTA_DENUNCIA = "flussi.denunce.$id.elimina";

/** The Sede's case page: operators and the manager of the competent sede (Padova for C1), sent domande only. */
function attesoCaso(chi: Chi, risorsa: Risorsa): "accesso" | "404" | "accedi" {
  if (chi === "anonimo") return "accedi";
  const sede = chi === "operatore Padova" || chi === "dirigente Padova";
  return sede && risorsa === "inviata C1" ? "accesso" : "404";
}

type ModuloRotta = { loader?: (args: { request: Request; params: Record<string, string>; context: typeof contesto }) => Promise<unknown> };

async function modulo(nome: string): Promise<ModuloRotta> {
  return (await import(`../../app/routes/${nome}.tsx`)) as ModuloRotta;
}

/** The route module that serves /domande/:id/<rotta> (the layout first, as Remix runs both). */
function moduliDomanda(rotta: string): string[] {
  if (rotta === "") return ["domande.$id", "domande.$id._index"];
  if (rotta === "allegati/1") return ["domande.$id", "domande.$id.allegati.$allegatoId"];
  if (rotta === "messaggi/allegati/1") return ["domande.$id", "domande.$id.messaggi.allegati.$allegatoId"];
  if (rotta === "ricevuta.pdf") return ["domande.$id", "domande.$id.ricevuta[.pdf]"];
  if (rotta === "provvedimento.pdf") return ["domande.$id", "domande.$id.provvedimento[.pdf]"];
  if (rotta === "importi.csv") return ["domande.$id", "domande.$id.importi[.csv]"];
  return ["domande.$id", `domande.$id.${rotta}`];
}

/** Runs the loaders of a URL as Remix does (all of them) and returns the first non-200 answer, or the last one. */
async function apri(percorso: string, moduli: string[], params: Record<string, string>, chi?: Identita): Promise<Response> {
  let ultima: Response | null = null;
  for (const nome of moduli) {
    const m = await modulo(nome);
    if (!m.loader) continue;
    const r = await risposta(() => m.loader!({ request: get(percorso, chi), params, context: contesto }));
    if (r.status !== 200) return r;
    ultima = r;
  }
  return ultima ?? new Response(null, { status: 200 });
}

function esito(r: Response): "accesso" | "404" | "accedi" {
  if (r.status === 404) return "404";
  const verso = r.headers.get("Location") ?? "";
  if (r.status >= 300 && r.status < 400 && verso.startsWith("/accedi")) return "accedi";
  expect(r.status, `stato inatteso ${r.status}`).toBeLessThan(500);
  return "accesso";
}

let identita: Record<Exclude<Chi, "anonimo">, Identita>;
let id: Record<Risorsa, number>;
let flusso: number;
let flussoAccolto: number;
let denuncia: number;
let aziendaC1: number;
let aziendaC3: number;

beforeAll(async () => {
  const [c1, c3] = [await idAzienda("C1"), await idAzienda("C3")];
  [aziendaC1, aziendaC3] = [c1, c3];
  identita = {
    "datore C1": await sessioneDi(MARIO_ESEMPIO.codiceFiscale, "datore", c1),
    "intermediario (delega C3)": await sessioneDi(LAURA_CONSULENTE.codiceFiscale, "intermediario"),
    "operatore Padova": await sessioneDi(OPERATORE_PADOVA.codiceFiscale, "operatore_sede"),
    "operatrice Milano": await sessioneDi(OPERATORE_MILANO.codiceFiscale, "operatore_sede"),
    "dirigente Padova": await sessioneDi(DIRIGENTE_PADOVA.codiceFiscale, "dirigente_sede"),
  };
  const mario = await contestoDi(identita["datore C1"]);
  const laura = await contestoDi(identita["intermediario (delega C3)"]);
  const inviata = await bozzaCompleta(mario, c1);
  const [d] = await db().select({ versione: domande.versione }).from(domande).where(eq(domande.id, inviata));
  const invio = await inviaDomanda(mario, inviata, d.versione, nuovaChiaveInvio());
  if (!invio.ok) throw new Error(`la domanda di prova non si invia: ${JSON.stringify(invio)}`);
  id = {
    "bozza C1": await creaBozza(mario, { aziendaId: c1, prestazione: "CIGO", fondo: null, nonSuggerita: false }),
    "inviata C1": inviata,
    "bozza C3": await creaBozza(laura, { aziendaId: c3, prestazione: "AIS_FIS", fondo: null, nonSuggerita: false }),
  };
  const inviato = await riceviFlusso(mario, { nome: "prova.csv", formato: "csv", contenuto: (async function* () {
    yield Buffer.from("Matricola;AnnoMeseDenuncia;CFLavoratore\n4712345601;2026-01;X\n");
  })() }, { prova: false });
  if (!inviato.ok || inviato.valore.flussoId === null) throw new Error("il flusso di prova non si invia");
  flusso = inviato.valore.flussoId;
  // An accepted return of C1 (a direct-payment domanda and its workers as rows), for the withdrawal's page.
  const diretta = await domandaDiretta(mario, c1);
  const { competenza, righe } = await righeDi(diretta);
  const accolto = await riceviFlusso(mario, { nome: "accolto.xml", formato: "xml", contenuto: (async function* () {
    yield Buffer.from(xml(MATRICOLE.C1, competenza, diretta.ticket!, righe));
  })() }, { prova: false });
  if (!accolto.ok || accolto.valore.accolte === 0) throw new Error("il flusso con denunce accolte non si invia");
  flussoAccolto = accolto.valore.flussoId!;
  [{ id: denuncia }] = await db().select({ id: denunceCig.id }).from(denunceCig).where(eq(denunceCig.flussoId, accolto.valore.flussoId!)).limit(1);
}, 120_000);

const CHI: Chi[] = ["anonimo", "datore C1", "intermediario (delega C3)", "operatore Padova", "operatrice Milano", "dirigente Padova"];
const RISORSE: Risorsa[] = ["bozza C1", "inviata C1", "bozza C3"];

describe("matrice degli accessi", () => {
  it("covers every route module of app/routes", () => {
    const coperti = new Set([
      ...Object.values(ROTTE_GENERALI).map((r) => r.modulo),
      ...ROTTE_DOMANDA.flatMap(moduliDomanda),
      ...ROTTE_SCRIVANIA.flatMap(moduliScrivania),
      ...ROTTE_FLUSSO,
      ROTTA_DENUNCIA,
      ROTTA_AVANZAMENTO,
      ...ROTTE_TEMPI,
      ...ROTTE_PAGAMENTI,
      ...Object.values(ROTTE_API),
      "api.v1.eliminazioni",
      ...ROTTE_CRUSCOTTO,
      "scrivania.$id._index",
    ]);
    const esistenti = readdirSync("app/routes").map((f) => f.replace(/\.tsx$/, ""));
    expect(esistenti.filter((m) => !coperti.has(m))).toEqual([]);
  });

  for (const chi of CHI) {
    it(`${chi}: pages outside a domanda`, async () => {
      for (const [percorso, r] of Object.entries(ROTTE_GENERALI)) {
        const risp = await apri(percorso, [r.modulo], {}, chi === "anonimo" ? undefined : identita[chi]);
        const atteso =
          r.sviluppo ? "404"
          : chi === "anonimo" ? (r.riservata ? "accedi" : "accesso")
          : r.soloAzienda && !["datore C1", "intermediario (delega C3)"].includes(chi) ? "404"
          : r.soloSede && !["operatore Padova", "operatrice Milano", "dirigente Padova"].includes(chi) ? "404"
          : r.soloDirigente && chi !== "dirigente Padova" ? "404"
          : r.soloIntermediario && chi !== "intermediario (delega C3)" ? "404"
          : r.soloDatore && chi !== "datore C1" ? "404"
          : "accesso";
        expect(`${percorso} → ${esito(risp)}`).toBe(`${percorso} → ${atteso}`);
      }
    });

    it(`${chi}: a UniEmens-Cig flow's report and CSV`, async () => {
      for (const nome of ROTTE_FLUSSO) {
        const percorso = nome === "flussi.$id" ? `/flussi/${flusso}` : `/flussi/${flusso}/scarti.csv`;
        const r = await apri(percorso, [nome], { id: String(flusso) }, chi === "anonimo" ? undefined : identita[chi]);
        const atteso = chi === "anonimo" ? "accedi" : chi === "datore C1" ? "accesso" : "404";
        expect(`${percorso} → ${esito(r)}`).toBe(`${percorso} → ${atteso}`);
      }
    });

    it(`${chi}: the progress page of a flow of C1`, async () => {
      const percorso = `/flussi/${flussoAccolto}/avanzamento`;
      const r = await apri(percorso, [ROTTA_AVANZAMENTO], { id: String(flussoAccolto) }, chi === "anonimo" ? undefined : identita[chi]);
      const atteso = chi === "anonimo" ? "accedi" : ["datore C1", "operatore Padova", "dirigente Padova"].includes(chi) ? "accesso" : "404";
      expect(`${percorso} → ${esito(r)}`).toBe(`${percorso} → ${atteso}`);
    });

    it(`${chi}: the flows API without a key, whatever the session: 401`, async () => {
      for (const [percorso, nome] of Object.entries(ROTTE_API)) {
        const r = await apri(percorso, [nome], { id: "1" }, chi === "anonimo" ? undefined : identita[chi]);
        expect(`${percorso} → ${r.status}`).toBe(`${percorso} → 401`);
      }
      const r = await risposta(() => eliminazioni.action({ request: post("/api/v1/eliminazioni", {}, chi === "anonimo" ? undefined : identita[chi]), params: {}, context: contesto }));
      expect(r.status).toBe(401);
    });

    it(`${chi}: the public service times of a benefit and their CSV`, async () => {
      for (const nome of ROTTE_TEMPI) {
        const percorso = nome.endsWith("[.csv]") ? "/prestazioni/cigo/tempi.csv" : "/prestazioni/cigo/tempi";
        const r = await apri(percorso, [nome], { codice: "cigo" }, chi === "anonimo" ? undefined : identita[chi]);
        expect(`${percorso} → ${esito(r)}`).toBe(`${percorso} → accesso`);
      }
    });

    it(`${chi}: the cruscotto of C1 and of C3, and their CSV`, async () => {
      for (const [azienda, chiPuo] of [[aziendaC1, "datore C1"], [aziendaC3, "intermediario (delega C3)"]] as const) {
        for (const nome of ROTTE_CRUSCOTTO) {
          const percorso = nome.endsWith("[.csv]") ? `/aziende/${azienda}/cruscotto.csv?tabella=unita` : `/aziende/${azienda}/cruscotto`;
          const r = await apri(percorso, [nome], { id: String(azienda) }, chi === "anonimo" ? undefined : identita[chi]);
          const atteso = chi === "anonimo" ? "accedi" : chi === chiPuo ? "accesso" : "404";
          expect(`${percorso} → ${esito(r)}`).toBe(`${percorso} → ${atteso}`);
        }
      }
    });

    it(`${chi}: the withdrawal of an accepted return of C1`, async () => {
      const percorso = `/flussi/denunce/${denuncia}/elimina`;
      const r = await apri(percorso, [ROTTA_DENUNCIA], { id: String(denuncia) }, chi === "anonimo" ? undefined : identita[chi]);
      const atteso = chi === "anonimo" ? "accedi" : chi === "datore C1" ? "accesso" : "404";
      expect(`${percorso} → ${esito(r)}`).toBe(`${percorso} → ${atteso}`);
    });

    it(`${chi}: every route of a domanda, for a draft and a sent one of C1 and a draft of C3`, async () => {
      const righe: string[] = [];
      const attese: string[] = [];
      for (const risorsa of RISORSE) {
        for (const rotta of ROTTE_DOMANDA) {
          const percorso = `/domande/${id[risorsa]}${rotta ? `/${rotta}` : ""}`;
          const params = { id: String(id[risorsa]), ...(rotta === "allegati/1" || rotta === "messaggi/allegati/1" ? { allegatoId: "1" } : {}) };
          const r = await apri(percorso, moduliDomanda(rotta), params, chi === "anonimo" ? undefined : identita[chi]);
          let e = esito(r);
          // An attachment that does not exist is "not found" for whoever may see the domanda.
          if ((rotta === "allegati/1" || rotta === "messaggi/allegati/1") && e === "404" && attesoDomanda(chi, risorsa, rotta) === "accesso") e = "accesso";
          // No decision yet: the provvedimento is "not found" for whoever may see the domanda (its access is tested with
          // an issued act in istruttoria-decisione.test.ts).
          if (rotta === "provvedimento.pdf" && e === "404" && attesoDomanda(chi, risorsa, rotta) === "accesso") e = "accesso";
          righe.push(`${risorsa} /${rotta}: ${e}`);
          attese.push(`${risorsa} /${rotta}: ${attesoDomanda(chi, risorsa, rotta)}`);
        }
      }
      expect(righe).toEqual(attese);
    }, 120_000);

    it(`${chi}: the Sede's desk on a case`, async () => {
      const righe: string[] = [];
      const attese: string[] = [];
      for (const risorsa of RISORSE) {
        for (const rotta of ROTTE_SCRIVANIA) {
          const percorso = `/scrivania/${id[risorsa]}/${rotta}`;
          const params = { id: String(id[risorsa]), ...(rotta === "risposte/1" || rotta === "messaggi/allegati/1" ? { allegatoId: "1" } : {}) };
          const r = await apri(percorso, moduliScrivania(rotta), params, chi === "anonimo" ? undefined : identita[chi]);
          let e = esito(r);
          // A document that does not exist is "not found" for whoever may see the case.
          if (["risposte/1", "provvedimento.pdf", "messaggi/allegati/1"].includes(rotta) && e === "404" && attesoScrivania(chi, risorsa, rotta) === "accesso") e = "accesso";
          righe.push(`${risorsa} /scrivania/${rotta}: ${e}`);
          attese.push(`${risorsa} /scrivania/${rotta}: ${attesoScrivania(chi, risorsa, rotta)}`);
        }
      }
      expect(righe).toEqual(attese);
    }, 120_000);

    it(`${chi}: the Sede's case page of each domanda, and its actions`, async () => {
      const chiHa = chi === "anonimo" ? undefined : identita[chi];
      for (const risorsa of RISORSE) {
        const percorso = `/scrivania/${id[risorsa]}`;
        const r = await apri(percorso, ["scrivania.$id._index"], { id: String(id[risorsa]) }, chiHa);
        expect(`${risorsa}: ${esito(r)}`).toBe(`${risorsa}: ${attesoCaso(chi, risorsa)}`);
        // Every action of the page (take, checklist, note): only an operator of the assignment acts; a manager reads
        // only, the company's side and other sedi find nothing (404), and nothing changes.
        const m = (await import("~/routes/scrivania.$id._index")) as { action: (a: unknown) => Promise<unknown> };
        const azioni: Array<Record<string, string>> = [
          { intent: "prendi", versione: "1" },
          { intent: "nota", testo: "Nota di prova della matrice" },
          { intent: "checklist", chiave: "transitorieta", stato: "verificato", versione: "0" },
        ];
        for (const campi of azioni) {
          const a = await risposta(() => m.action({ request: post(percorso, campi, chiHa), params: { id: String(id[risorsa]) }, context: contesto }));
          const ammesso = chi === "operatore Padova" && risorsa === "inviata C1";
          const atteso = chi === "anonimo" ? "accedi" : ammesso ? "accesso" : "404";
          expect(`${risorsa} POST ${campi.intent}: ${esito(a)}`).toBe(`${risorsa} POST ${campi.intent}: ${atteso}`);
        }
      }
    }, 120_000);
  }
});
