// Step 8 "Modalità di pagamento" on a real database: conguaglio by default; D3 (C3, AIS FIS, by the intermediary)
// with pagamento diretto decided on submit by the indice di liquidità, once positive and once negative (PRG to the
// outcome with formula and inputs); hostile amounts, CSRF and access.
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { domande } from "#db/schema";
import { db } from "#db/connection";
import { LAURA_CONSULENTE, MARIO_ESEMPIO } from "#db/seed/index";
import Pagina, * as passo from "~/routes/domande.$id.pagamento";
import type { Contesto } from "~/services/accesso.server";
import { controlliPagamento } from "~/services/controlli/pagamento.server";
import { caricaDomanda } from "~/http/domanda.server";
import { usaDatabaseDiTest } from "../database";
import { nomiInterniIn, testoVisibile } from "../nomi-interni";
import { paginaResa } from "../remix-lato-server";
import { contesto, get, post, risposta, sessioneDi, type Identita } from "../richieste";
import { bozzaCompleta, contestoDi, idAzienda } from "./domanda-completa";

usaDatabaseDiTest();

// The page as the server renders it (no JS).
vi.mock("@remix-run/react", () => import("../remix-lato-server").then((m) => m.remixLatoServer()));
const html = (datiLoader: unknown) => paginaResa(Pagina, datiLoader);
/** The <input> of the radio with this value. */
const radio = (pagina: string, valore: string) =>
  [...pagina.matchAll(/<input[^>]*type="radio"[^>]*>/g)].map((m) => m[0]).find((i) => i.includes(`value="${valore}"`)) ?? "";

let laura: Identita;
let ctxLaura: Contesto;
let c3: number;

beforeAll(async () => {
  c3 = await idAzienda("C3");
  laura = await sessioneDi(LAURA_CONSULENTE.codiceFiscale, "intermediario");
  ctxLaura = await contestoDi(laura);
});

const args = (request: Request, id: number) => ({ request, params: { id: String(id) }, context: contesto });
const percorso = (id: number) => `/domande/${id}/pagamento`;

async function leggi(id: number) {
  const [d] = await db().select().from(domande).where(eq(domande.id, id));
  return d;
}

async function bozzaD3(): Promise<{ id: number; versione: number }> {
  const id = await bozzaCompleta(ctxLaura, c3, { prestazione: "AIS_FIS", finoA: "pagamento" });
  return { id, versione: (await leggi(id)).versione };
}

const DATA_BILANCIO = "30/06/2026";
const IN_DIFFICOLTA = { disponibilitaLiquide: "5.000,00", creditiBreve: "10.000", rimanenze: "50.000,00", debitiBreve: "40.000,00" };
const SOLIDA = { disponibilitaLiquide: "80.000,00", creditiBreve: "50.000,00", rimanenze: "5.000", debitiBreve: "40.000,00" };

describe("modalità di pagamento", () => {
  it("nessuna modalità è scelta in anticipo: l'utente sceglie, e senza scelta riceve l'errore", async () => {
    const { id, versione } = await bozzaD3();
    const dati = await (await risposta(() => passo.loader(args(get(percorso(id), laura), id)))).json();
    expect(dati.valori).toEqual({});
    expect(dati.esito).toBeNull();
    const pagina = html(dati);
    expect(radio(pagina, "conguaglio")).not.toMatch(/checked/);
    expect(radio(pagina, "diretto")).not.toMatch(/checked/);
    expect(testoVisibile(pagina)).toContain("Passo 7 di 10");
    const r = await risposta(() => passo.action(args(post(percorso(id), { versione: String(versione) }, laura), id)));
    expect(r.status).toBe(422);
    expect((await r.json()).error.modalita).toEqual(["Scegli la modalità di pagamento"]);
  });

  it("conguaglio: salvato e 303 agli allegati", async () => {
    const { id, versione } = await bozzaD3();
    const r = await risposta(() => passo.action(args(post(percorso(id), { modalita: "conguaglio", versione: String(versione) }, laura), id)));
    expect(r.status).toBe(303);
    expect(r.headers.get("Location")).toBe(`/domande/${id}/allegati`);
    expect((await leggi(id)).dati.pagamento).toEqual({ modalita: "conguaglio" });
  });

  it("D3, indice positivo (0,37 < 1): pagamento diretto confermato e mostrato subito con formula e dati", async () => {
    const { id, versione } = await bozzaD3();
    const campi = { modalita: "diretto", dataRiferimento: DATA_BILANCIO, ...IN_DIFFICOLTA, versione: String(versione) };
    const r = await risposta(() => passo.action(args(post(percorso(id), campi, laura), id)));
    expect(r.status).toBe(303);
    expect(r.headers.get("Location")).toBe(`/domande/${id}/pagamento?esito=1`);
    const salvato = (await leggi(id)).dati.pagamento as Record<string, unknown>;
    expect(salvato).toMatchObject({
      modalita: "diretto",
      bilancio: {
        dataRiferimento: "2026-06-30",
        disponibilitaLiquideCentesimi: 500_000,
        creditiBreveCentesimi: 1_000_000,
        rimanenzeCentesimi: 5_000_000,
        debitiBreveCentesimi: 4_000_000,
      },
      liquidita: { indice: "0.37", accettato: true, versione: "quick-ratio-provvisoria-1", provvisorio: true },
    });
    const pagina = await (await risposta(() => passo.loader(args(get(`${percorso(id)}?esito=1`, laura), id)))).json();
    expect(pagina.esito.liquidita.accettato).toBe(true);
    expect(pagina.esito.liquidita.formula).toBe("(liquidità immediate + liquidità differite) / passività correnti");
    expect(pagina.esito.liquidita.messaggio).toMatch(/Indice di liquidità 0,37, inferiore a 1,00: il pagamento diretto è accettato.*Regola provvisoria/);
    expect(pagina.prossimo).toBe(`/domande/${id}/allegati`);
    const resa = html(pagina);
    expect(radio(resa, "diretto")).toMatch(/checked/);
    expect(testoVisibile(resa)).toContain("Pagamento diretto confermato");
    expect(nomiInterniIn(testoVisibile(resa))).toEqual([]);
    const esiti = await controlliPagamento(await caricaDomanda(get("/x", laura), ctxLaura, id));
    expect(esiti.map((e) => [e.passo, e.gravita])).toEqual([["pagamento", "informazione"]]);
  });

  it("D3, indice negativo (3,25 ≥ 1): si prosegue con conguaglio, il calcolo resta per la Sede con un avviso", async () => {
    const { id, versione } = await bozzaD3();
    const campi = { modalita: "diretto", dataRiferimento: DATA_BILANCIO, ...SOLIDA, versione: String(versione) };
    const r = await risposta(() => passo.action(args(post(percorso(id), campi, laura), id)));
    expect(r.status).toBe(303);
    expect(r.headers.get("Location")).toBe(`/domande/${id}/pagamento?esito=1`);
    const salvato = (await leggi(id)).dati.pagamento as Record<string, unknown>;
    expect(salvato).toMatchObject({ modalita: "conguaglio", richiestoDiretto: true, liquidita: { indice: "3.25", accettato: false } });
    const pagina = await (await risposta(() => passo.loader(args(get(`${percorso(id)}?esito=1`, laura), id)))).json();
    expect(pagina.esito.liquidita.messaggio).toMatch(/non inferiore a 1,00: il pagamento diretto non è accettato/);
    // The form shows what the domanda now says (conguaglio), with the figures kept so they can be corrected.
    expect(pagina.valori).toMatchObject({ modalita: "conguaglio", disponibilitaLiquide: "80.000,00", dataRiferimento: DATA_BILANCIO });
    const resa = html(pagina);
    expect(radio(resa, "conguaglio")).toMatch(/checked/);
    expect(radio(resa, "diretto")).not.toMatch(/checked/);
    const testo = testoVisibile(resa);
    expect(testo).toContain("Pagamento diretto non accettato");
    expect(testo).toContain("La modalità di pagamento della domanda ora è «Anticipo e conguaglio»");
    expect(testo).toContain("Regola provvisoria: la formula e la soglia dell'indice di liquidità non sono ancora pubblicate");
    expect(nomiInterniIn(testo)).toEqual([]);
    expect(testo).not.toContain("Calcola di nuovo e salva");
    // Going on with conguaglio keeps the computation for the Sede.
    const { versione: v2 } = await leggi(id);
    const dopo = await risposta(() => passo.action(args(post(percorso(id), { modalita: "conguaglio", versione: String(v2) }, laura), id)));
    expect(dopo.status).toBe(303);
    expect((await leggi(id)).dati.pagamento).toMatchObject({ modalita: "conguaglio", richiestoDiretto: true, liquidita: { accettato: false } });
    const esiti = await controlliPagamento(await caricaDomanda(get("/x", laura), ctxLaura, id));
    expect(esiti.map((e) => [e.passo, e.gravita])).toEqual([["pagamento", "avviso"]]);
  });

  it("passività correnti a zero: indice non calcolabile, conguaglio", async () => {
    const { id, versione } = await bozzaD3();
    const campi = { modalita: "diretto", dataRiferimento: DATA_BILANCIO, ...IN_DIFFICOLTA, debitiBreve: "0", versione: String(versione) };
    expect((await risposta(() => passo.action(args(post(percorso(id), campi, laura), id)))).status).toBe(303);
    expect((await leggi(id)).dati.pagamento).toMatchObject({ modalita: "conguaglio", liquidita: { indice: null, accettato: false } });
  });

  it("importi negativi, assurdi o non numerici e date impossibili: 422 in italiano, valori restituiti, nulla salvato", async () => {
    const { id, versione } = await bozzaD3();
    const campi = {
      modalita: "diretto",
      dataRiferimento: "31/02/2026",
      disponibilitaLiquide: "-5.000",
      creditiBreve: "1.000.000.000.000.000",
      rimanenze: "<b>tanto</b>",
      debitiBreve: "",
      versione: String(versione),
    };
    const r = await risposta(() => passo.action(args(post(percorso(id), campi, laura), id)));
    expect(r.status).toBe(422);
    const { error, initialValue } = await r.json();
    expect(error.dataRiferimento).toEqual(["Inserisci la data del bilancio nel formato gg/mm/aaaa, ad esempio 31/12/2025"]);
    expect(error.disponibilitaLiquide).toEqual(["Le disponibilità liquide non possono essere negative: inserisci 0 se non ce ne sono"]);
    expect(error.creditiBreve[0]).toMatch(/crediti esigibili entro l'anno/);
    expect(error.rimanenze).toEqual(["Inserisci le rimanenze in euro con al massimo due decimali dopo la virgola, ad esempio 25.000,00"]);
    expect(initialValue.rimanenze).toBe("<b>tanto</b>");
    expect((await leggi(id)).dati.pagamento).toBeUndefined();
  });

  it("pagamento diretto senza dati di bilancio o con data futura: 422", async () => {
    const { id, versione } = await bozzaD3();
    const r = await risposta(() => passo.action(args(post(percorso(id), { modalita: "diretto", dataRiferimento: "01/01/2099", versione: String(versione) }, laura), id)));
    expect(r.status).toBe(422);
    const { error } = await r.json();
    expect(error.dataRiferimento).toEqual(["La data del bilancio non può essere successiva a oggi"]);
    expect(error.debitiBreve).toEqual(["Inserisci i debiti esigibili entro l'anno in euro, ad esempio 25.000,00 (0 se non ce ne sono)"]);
  });

  it("senza token CSRF: 403 e nulla cambia", async () => {
    const { id, versione } = await bozzaD3();
    const r = await risposta(() => passo.action(args(post(percorso(id), { modalita: "conguaglio", versione: String(versione) }, laura, { senzaCsrf: true }), id)));
    expect(r.status).toBe(403);
    expect((await leggi(id)).versione).toBe(versione);
  });

  it("il datore di un'altra azienda (Mario, C1) riceve 404", async () => {
    const { id, versione } = await bozzaD3();
    const mario = await sessioneDi(MARIO_ESEMPIO.codiceFiscale, "datore", await idAzienda("C1"));
    expect((await risposta(() => passo.loader(args(get(percorso(id), mario), id)))).status).toBe(404);
    expect((await risposta(() => passo.action(args(post(percorso(id), { modalita: "conguaglio", versione: String(versione) }, mario), id)))).status).toBe(404);
    expect((await leggi(id)).dati.pagamento).toBeUndefined();
  });
});
