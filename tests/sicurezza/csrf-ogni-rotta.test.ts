/// <reference types="vite/client" />
// ASVS 4.0.3 V4.2.2 / V13.2.3: every route with an action refuses a POST without the form's CSRF token, whoever
// sends it — the routes are enumerated from app/routes (the build's route modules), so a new route with an action is
// covered without touching this file. Each is posted as a signed-in user the route is for (multipart, as a form with
// files would; the same with urlencoded), on the user's own resources, and must answer 403 with nothing changed
// (no audit entry "ok", no domanda, delega or session touched). Routes that read only multipart (the streamed
// UniEmens-Cig files) answer an urlencoded post 415 before reading it.
import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditLog, deleghe, domande, sessioni } from "#db/schema";
import { db } from "#db/connection";
import { LAURA_CONSULENTE, MARIO_ESEMPIO, OPERATORE_PADOVA } from "#db/seed/index";
import { inviaDomanda, nuovaChiaveInvio } from "~/services/invio.server";
import { usaDatabaseDiTest } from "../database";
import { contesto, ORIGINE, risposta, sessioneDi, type Identita } from "../richieste";
import { bozzaCompleta, contestoDi, idAzienda } from "../integrazione/domanda-completa";

usaDatabaseDiTest();

type ModuloRotta = { action?: (args: { request: Request; params: Record<string, string>; context: typeof contesto }) => Promise<unknown> };
const MODULI: Record<string, ModuloRotta> = import.meta.glob<ModuloRotta>("../../app/routes/*.tsx", { eager: true });
const CON_AZIONE = Object.entries(MODULI)
  .filter(([, m]) => typeof m.action === "function")
  .map(([file, m]) => ({ nome: file.replace(/^.*\/routes\//, "").replace(/\.tsx$/, ""), action: m.action! }));

/** Routes on resources this test does not create (payment amounts and batches): an unknown id answers 404 first. */
const SENZA_RISORSA = /^scrivania\.pagamenti\.(importi|lotti)\.\$id/;

let chi: Record<"datore" | "intermediario" | "operatore", Identita>;
let bozza: number;
let inviata: number;

beforeAll(async () => {
  const c1 = await idAzienda("C1");
  chi = {
    datore: await sessioneDi(MARIO_ESEMPIO.codiceFiscale, "datore", c1),
    intermediario: await sessioneDi(LAURA_CONSULENTE.codiceFiscale, "intermediario"),
    operatore: await sessioneDi(OPERATORE_PADOVA.codiceFiscale, "operatore_sede"),
  };
  const mario = await contestoDi(chi.datore);
  inviata = await bozzaCompleta(mario, c1);
  const [d] = await db().select({ versione: domande.versione }).from(domande).where(eq(domande.id, inviata));
  const invio = await inviaDomanda(mario, inviata, d.versione, nuovaChiaveInvio());
  if (!invio.ok) throw new Error(`la domanda di prova non si invia: ${JSON.stringify(invio)}`);
  // A draft of the same unit and days: never sent, so the overlap does not matter.
  bozza = await bozzaCompleta(mario, c1);
}, 120_000);

/** The URL, params and who posts, from the route module's name (flat routes of Remix). */
function richiesta(nome: string): { percorso: string; params: Record<string, string>; chi: Identita | null } {
  const sede = nome.startsWith("scrivania");
  const id = String(sede || /rinuncia|risposta/.test(nome) ? inviata : bozza);
  const params: Record<string, string> = {};
  const percorso =
    "/" +
    nome
      .replace(/_index$/, "")
      .split(".")
      .filter(Boolean)
      .map((p) => p.replace(/_$/, ""))
      .map((p) => {
        if (!p.startsWith("$")) return p.replace(/^\[|\]$/g, "");
        const v = p === "$id" ? id : "1";
        params[p.slice(1)] = v;
        return v;
      })
      .join("/");
  const utente = nome === "accedi" ? null : nome === "deleghe.nuova" ? chi.intermediario : sede ? chi.operatore : chi.datore;
  return { percorso: percorso.replace(/\/$/, "") || "/", params, chi: utente };
}

async function impronta() {
  const [a] = await db().select({ n: sql<number>`count(*)::int` }).from(auditLog).where(eq(auditLog.esito, "ok"));
  const [d] = await db().select({ h: sql<string>`md5(coalesce(string_agg(${domande.id}::text || ':' || ${domande.versione} || ':' || ${domande.stato}, ',' order by ${domande.id}), ''))` }).from(domande);
  const [g] = await db().select({ n: sql<number>`count(*)::int` }).from(deleghe);
  const [s] = await db().select({ n: sql<number>`count(*)::int` }).from(sessioni);
  return { audit: a.n, domande: d.h, deleghe: g.n, sessioni: s.n };
}

describe("CSRF su ogni rotta con un'azione", () => {
  it("le rotte con un'azione sono enumerate dai moduli (nessuna sfugge)", () => {
    expect(CON_AZIONE.length).toBeGreaterThanOrEqual(20);
    expect(CON_AZIONE.map((r) => r.nome)).toEqual(expect.arrayContaining(["accedi", "esci", "profilo", "deleghe._index", "domande.$id.invio", "scrivania_.$id.decisione"]));
  });

  for (const { nome, action } of CON_AZIONE) {
    it(`${nome}: senza token CSRF 403 e nulla cambia (multipart e urlencoded)`, async () => {
      const { percorso, params, chi: utente } = richiesta(nome);
      const prima = await impronta();
      for (const tipo of ["multipart", "urlencoded"] as const) {
        const campi = { intent: "salva", motivo: "prova", id: "1", profilo: "datore:1", matricola: "4723456702", modalita: "dichiarazione", dichiarazione: "si" };
        const corpo = tipo === "multipart" ? new FormData() : new URLSearchParams();
        for (const [k, v] of Object.entries(campi)) corpo.append(k, v);
        const headers: Record<string, string> = { Origin: ORIGINE };
        if (utente) headers.Cookie = utente.cookie;
        const r = await risposta(() => action({ request: new Request(ORIGINE + percorso, { method: "POST", headers, body: corpo }), params, context: contesto }));
        // A route that streams a file reads multipart only: an urlencoded post is refused before anything (415). The
        // API (api.v1.*) takes a Bearer key only: a session cookie opens nothing (401), so CSRF cannot apply.
        // Payment amounts and batches of the Sede: this test makes none, so the id names nothing (404, audited).
        const atteso = nome.startsWith("api.")
          ? 401
          : tipo === "urlencoded" && r.status === 415
            ? 415
            : SENZA_RISORSA.test(nome) && r.status === 404
              ? 404
              : 403;
        expect(`${percorso} (${tipo}) → ${r.status}`).toBe(`${percorso} (${tipo}) → ${atteso}`);
      }
      expect(await impronta()).toEqual(prima);
    });
  }
});
