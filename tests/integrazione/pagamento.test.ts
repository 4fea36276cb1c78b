// Step 8 "Modalità di pagamento" on a real database: conguaglio by default; D3 (C3, AIS FIS, by the intermediary)
// with pagamento diretto decided on submit by the indice di liquidità, once positive and once negative (PRG to the
// outcome with formula and inputs); hostile amounts, CSRF and access.
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { domande } from "#db/schema";
import { db } from "#db/connection";
import { LAURA_CONSULENTE, MARIO_ESEMPIO } from "#db/seed/index";
import Pagina, * as passo from "~/routes/domande.$id.pagamento";
import { ETICHETTE_MODALITA_PAGAMENTO as MODALITA, ETICHETTE_PAGAMENTO as E } from "~/passi/schemi/pagamento";
import type { Contesto } from "~/services/accesso.server";
import { controlliPagamento } from "~/services/controlli/pagamento.server";
import { caricaDomanda } from "~/http/domanda.server";
import { usaDatabaseDiTest } from "../database";
import { nomiInterniIn, testoVisibile } from "../nomi-interni";
import { paginaResa } from "../remix-lato-server";
import { within } from "@testing-library/dom";
import { pagina, TITOLO_RIEPILOGO_ERRORI } from "../pagina";
import { contesto, get, post, risposta, sessioneDi, type Identita } from "../richieste";
import { bozzaCompleta, contestoDi, idAzienda } from "./domanda-completa";

usaDatabaseDiTest();

// The page as the server renders it (no JS).
vi.mock("@remix-run/react", () => import("../remix-lato-server").then((m) => m.remixLatoServer()));
const html = (datiLoader: unknown, datiAction?: unknown) => paginaResa(Pagina, datiLoader, datiAction);
/** Whether the radio labelled `etichetta` is chosen on the page. */
const scelto = (p: ReturnType<typeof pagina>, etichetta: string) => (p.getByRole("radio", { name: etichetta }) as HTMLInputElement).checked;

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
    let p = pagina(html(dati));
    expect(p.gruppo(E.modalita).elemento.tagName).toBe("FIELDSET");
    expect(scelto(p, MODALITA.conguaglio)).toBe(false);
    expect(scelto(p, MODALITA.diretto)).toBe(false);
    expect(p.getByText(/Passo 7 di 10/)).toBeTruthy();
    expect(p.queryByRole("heading", { name: TITOLO_RIEPILOGO_ERRORI })).toBeNull();
    const r = await risposta(() => passo.action(args(post(percorso(id), { versione: String(versione) }, laura), id)));
    expect(r.status).toBe(422);
    p = pagina(html(dati, await r.json()));
    // One error, in the summary with a link to the first choice, and on the group (legend, aria-describedby).
    expect(p.riepilogoErrori().voci.map((v) => v.testo)).toEqual(["Scegli la modalità di pagamento"]);
    const modalita = p.erroreGruppo(E.modalita);
    expect(modalita.riepilogo).toBe("Scegli la modalità di pagamento");
    expect(modalita.descrizione).toContain("Scegli la modalità di pagamento");
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
    const datiPagina = await (await risposta(() => passo.loader(args(get(`${percorso(id)}?esito=1`, laura), id)))).json();
    expect(datiPagina.esito.liquidita.accettato).toBe(true);
    expect(datiPagina.esito.liquidita.formula).toBe("(liquidità immediate + liquidità differite) / passività correnti");
    expect(datiPagina.esito.liquidita.messaggio).toMatch(/Indice di liquidità 0,37, inferiore a 1,00: il pagamento diretto è accettato.*Regola provvisoria/);
    expect(datiPagina.prossimo).toBe(`/domande/${id}/allegati`);
    const resa = html(datiPagina);
    const p = pagina(resa);
    expect(scelto(p, MODALITA.diretto)).toBe(true);
    expect(within(p.getByRole("status")).getByRole("heading", { name: "Pagamento diretto confermato" })).toBeTruthy();
    const tabella = p.getByRole("table", { name: "Dati del bilancio al 30/06/2026 usati nel calcolo" });
    expect(within(tabella).getByRole("row", { name: /^Disponibilità liquide \(liquidità immediate\)/ }).textContent).toMatch(/5\.000,00/);
    expect(p.getByRole("link", { name: "Continua" }).getAttribute("href")).toBe(`/domande/${id}/allegati`);
    expect(p.getByRole("button", { name: "Calcola di nuovo e salva" })).toBeTruthy();
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
    const datiPagina = await (await risposta(() => passo.loader(args(get(`${percorso(id)}?esito=1`, laura), id)))).json();
    expect(datiPagina.esito.liquidita.messaggio).toMatch(/non inferiore a 1,00: il pagamento diretto non è accettato/);
    // The form shows what the domanda now says (conguaglio), with the figures kept so they can be corrected.
    expect(datiPagina.valori).toMatchObject({ modalita: "conguaglio", disponibilitaLiquide: "80.000,00", dataRiferimento: DATA_BILANCIO });
    const resa = html(datiPagina);
    const p = pagina(resa);
    expect(scelto(p, MODALITA.conguaglio)).toBe(true);
    expect(scelto(p, MODALITA.diretto)).toBe(false);
    expect(p.campo(E.disponibilitaLiquide).valore).toBe("80.000,00");
    expect(within(p.getByRole("status")).getByRole("heading", { name: "Pagamento diretto non accettato" })).toBeTruthy();
    const esito = p.getByRole("status").textContent;
    expect(esito).toContain("La modalità di pagamento della domanda ora è «Anticipo e conguaglio»");
    expect(esito).toContain("Regola provvisoria: la formula e la soglia dell'indice di liquidità non sono ancora pubblicate");
    expect(nomiInterniIn(testoVisibile(resa))).toEqual([]);
    expect(p.queryByRole("button", { name: "Calcola di nuovo e salva" })).toBeNull();
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
    const vuoto = await (await risposta(() => passo.loader(args(get(percorso(id), laura), id)))).json();
    const p = pagina(html(vuoto, await r.json()));
    const attesi: Array<[string, string | RegExp, string]> = [
      [E.dataRiferimento, "Inserisci la data del bilancio nel formato gg/mm/aaaa, ad esempio 31/12/2025", "31/02/2026"],
      [E.disponibilitaLiquide, "Le disponibilità liquide non possono essere negative: inserisci 0 se non ce ne sono", "-5.000"],
      [E.creditiBreve, /crediti esigibili entro l'anno/, "1.000.000.000.000.000"],
      [E.rimanenze, "Inserisci le rimanenze in euro con al massimo due decimali dopo la virgola, ad esempio 25.000,00", "<b>tanto</b>"],
    ];
    for (const [etichetta, messaggio, digitato] of attesi) {
      const c = p.erroreCampo(etichetta);
      // In the summary with a link to the field, on the field (aria-describedby, aria-invalid), the typed value kept.
      if (typeof messaggio === "string") expect(c.riepilogo, etichetta).toBe(messaggio);
      else expect(c.riepilogo, etichetta).toMatch(messaggio);
      expect(c.descrizione, etichetta).toContain(c.riepilogo);
      expect(c.nonValido, etichetta).toBe(true);
      expect(c.valore, etichetta).toBe(digitato);
    }
    expect((await leggi(id)).dati.pagamento).toBeUndefined();
  });

  it("pagamento diretto senza dati di bilancio o con data futura: 422", async () => {
    const { id, versione } = await bozzaD3();
    const r = await risposta(() => passo.action(args(post(percorso(id), { modalita: "diretto", dataRiferimento: "01/01/2099", versione: String(versione) }, laura), id)));
    expect(r.status).toBe(422);
    const vuoto = await (await risposta(() => passo.loader(args(get(percorso(id), laura), id)))).json();
    const p = pagina(html(vuoto, await r.json()));
    expect(p.erroreCampo(E.dataRiferimento).riepilogo).toBe("La data del bilancio non può essere successiva a oggi");
    expect(p.erroreCampo(E.dataRiferimento).descrizione).toContain("La data del bilancio non può essere successiva a oggi");
    const debiti = p.erroreCampo(E.debitiBreve);
    expect(debiti.riepilogo).toBe("Inserisci i debiti esigibili entro l'anno in euro, ad esempio 25.000,00 (0 se non ce ne sono)");
    expect(debiti.descrizione).toContain(debiti.riepilogo);
    expect(debiti.nonValido).toBe(true);
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
