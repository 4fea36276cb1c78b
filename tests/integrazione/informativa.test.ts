// Step 7 "Informativa sindacale" on a real database: due or not (derived by the rule from the earlier steps), the
// declared dates checked against the 10/25-day terms (D1), strict dates, CSRF and access.
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { domande } from "#db/schema";
import { db } from "#db/connection";
import { LAURA_CONSULENTE, MARIO_ESEMPIO } from "#db/seed/index";
import Pagina, * as passo from "~/routes/domande.$id.informativa";
import { ETICHETTE_INFORMATIVA as E } from "~/passi/schemi/informativa";
import type { Contesto } from "~/services/accesso.server";
import { controlliInformativa } from "~/services/controlli/informativa.server";
import { caricaDomanda } from "~/http/domanda.server";
import { usaDatabaseDiTest } from "../database";
import { within } from "@testing-library/dom";
import { pagina, TITOLO_RIEPILOGO_ERRORI } from "../pagina";
import { paginaResa } from "../remix-lato-server";
import { contesto, get, post, risposta, sessioneDi, type Identita } from "../richieste";
import { bozzaCompleta, contestoDi, idAzienda } from "./domanda-completa";

usaDatabaseDiTest();

// The page as the server renders it (no JS): what the user reads after each answer of the action.
vi.mock("@remix-run/react", () => import("../remix-lato-server").then((m) => m.remixLatoServer()));
const html = (datiLoader: unknown, datiAction?: unknown) => paginaResa(Pagina, datiLoader, datiAction);
/** The fields by the labels the user reads; optional ones end with "(facoltativo)". */
const ETICHETTE: Record<string, string | RegExp> = {
  dataComunicazione: E.dataComunicazione,
  dataConclusione: E.dataConclusione,
  destinatariRsa: new RegExp(`^${E.destinatariRsa}`),
  destinatariTerritoriali: E.destinatariTerritoriali,
};

let mario: Identita;
let ctxMario: Contesto;
let c1: number;

beforeAll(async () => {
  c1 = await idAzienda("C1");
  mario = await sessioneDi(MARIO_ESEMPIO.codiceFiscale, "datore", c1);
  ctxMario = await contestoDi(mario);
});

const args = (request: Request, id: number) => ({ request, params: { id: String(id) }, context: contesto });
const percorso = (id: number) => `/domande/${id}/informativa`;

async function leggi(id: number) {
  const [d] = await db().select().from(domande).where(eq(domande.id, id));
  return d;
}

async function bozza(ctx = ctxMario, azienda = c1): Promise<{ id: number; versione: number }> {
  const id = await bozzaCompleta(ctx, azienda, { finoA: "informativa" });
  return { id, versione: (await leggi(id)).versione };
}

const D1 = {
  dataComunicazione: "26/01/2026",
  dataConclusione: "04/02/2026",
  destinatariRsa: "RSU aziendale",
  destinatariTerritoriali: "FIOM-CGIL, FIM-CISL e UILM-UIL di Padova",
  dichiarazione: "si",
};

describe("informativa sindacale", () => {
  it("per la CIGO di C1 (48 dipendenti, causale ordinaria) l'informativa è dovuta", async () => {
    const { id } = await bozza();
    const dati = await (await risposta(() => passo.loader(args(get(percorso(id), mario), id)))).json();
    expect(dati.dovuta).toBe(true);
    expect(dati.eone).toBe(false);
    expect(dati.valori).toEqual({});
    const p = pagina(html(dati));
    expect(p.getByRole("heading", { level: 1 }).textContent).toContain("Informativa sindacale");
    const date = p.getByRole("group", { name: "Date della procedura" });
    expect(within(date).getByLabelText(E.dataComunicazione)).toBe(p.campo(E.dataComunicazione).elemento);
    expect(p.campo(E.dataComunicazione).valore).toBe("");
    expect(p.campo(`${E.dataRichiestaEsame} (facoltativo)`).descrizione).toMatch(/^Solo se le rappresentanze sindacali/);
    expect(within(p.getByRole("group", { name: "Destinatari della comunicazione" })).getByLabelText(`${E.destinatariRsa} (facoltativo)`)).toBeTruthy();
    expect((within(p.gruppo(E.dichiarazione).elemento).getByRole("checkbox") as HTMLInputElement).checked).toBe(false);
    expect(p.queryByRole("heading", { name: TITOLO_RIEPILOGO_ERRORI })).toBeNull();
  });

  it("D1: comunicazione 26/01/2026, conclusione 04/02/2026 — salvata, entro i 10 giorni, 303 al pagamento", async () => {
    const { id, versione } = await bozza();
    const r = await risposta(() => passo.action(args(post(percorso(id), { ...D1, versione: String(versione) }, mario), id)));
    expect(r.status).toBe(303);
    expect(r.headers.get("Location")).toBe(`/domande/${id}/pagamento`);
    expect((await leggi(id)).dati.informativa).toEqual({
      dovuta: true,
      dataComunicazione: "2026-01-26",
      dataConclusione: "2026-02-04",
      destinatariRsa: "RSU aziendale",
      destinatariTerritoriali: "FIOM-CGIL, FIM-CISL e UILM-UIL di Padova",
      dichiarazione: true,
    });
    const esiti = await controlliInformativa(await caricaDomanda(get("/x", mario), ctxMario, id));
    expect(esiti).toHaveLength(1);
    expect(esiti[0]).toMatchObject({ passo: "informativa", regola: "informativa.durata", gravita: "informazione" });
    expect(esiti[0].messaggio).toMatch(/in 9 giorni .* entro i 10 previsti per aziende fino a 50 dipendenti/);
    // Back on the page: pre-filled with the saved answers, the outcome shown.
    const dati = await (await risposta(() => passo.loader(args(get(percorso(id), mario), id)))).json();
    expect(dati.esiti[0].messaggio).toMatch(/9 giorni/);
    const p = pagina(html(dati));
    expect(p.campo(E.dataComunicazione).valore).toBe("26/01/2026");
    expect(p.campo(E.destinatariTerritoriali).valore).toBe("FIOM-CGIL, FIM-CISL e UILM-UIL di Padova");
    expect((within(p.gruppo(E.dichiarazione).elemento).getByRole("checkbox") as HTMLInputElement).checked).toBe(true);
    expect(p.getByText(/9 giorni/)).toBeTruthy();
  });

  it("procedura conclusa oltre i 10 giorni: salvata con un avviso per la Sede", async () => {
    const { id, versione } = await bozza();
    const r = await risposta(() => passo.action(args(post(percorso(id), { ...D1, dataConclusione: "20/02/2026", versione: String(versione) }, mario), id)));
    expect(r.status).toBe(303);
    const esiti = await controlliInformativa(await caricaDomanda(get("/x", mario), ctxMario, id));
    expect(esiti.map((e) => e.gravita)).toEqual(["avviso"]);
    expect(esiti[0].messaggio).toMatch(/25 giorni dalla comunicazione: il massimo .* è 10 giorni/);
  });

  it("date impossibili, fine prima dell'inizio, comunicazione futura e testo ostile: 422 e nulla salvato", async () => {
    const { id, versione } = await bozza();
    const casi: Array<[Record<string, string>, string, string]> = [
      [{ dataComunicazione: "31/02/2026" }, "dataComunicazione", "Inserisci la data della comunicazione nel formato gg/mm/aaaa, ad esempio 26/01/2026"],
      [{ dataConclusione: "20/01/2026" }, "dataConclusione", "La data di conclusione deve essere uguale o successiva alla data della comunicazione"],
      [{ dataComunicazione: "01/01/2099", dataConclusione: "02/01/2099" }, "dataComunicazione", "La data della comunicazione non può essere successiva a oggi"],
      [{ destinatariTerritoriali: "FIOM\u0000" }, "destinatariTerritoriali", "L'elenco delle organizzazioni territoriali contiene caratteri non ammessi"],
      [{ destinatariTerritoriali: "x".repeat(301) }, "destinatariTerritoriali", "L'elenco delle organizzazioni territoriali può contenere al massimo 300 caratteri"],
      [{ dichiarazione: "" }, "dichiarazione", "Per proseguire dichiara di aver svolto la procedura di informativa e consultazione sindacale prevista dall'art. 14 del d.lgs. 148/2015"],
    ];
    const vuoto = await (await risposta(() => passo.loader(args(get(percorso(id), mario), id)))).json();
    // The HTML parser drops a NUL character: typed values are compared without it.
    const senzaNul = (t: string) => t.replace(/[\u0000\uFFFD]/g, "");
    for (const [modifica, campo, messaggio] of casi) {
      const r = await risposta(() => passo.action(args(post(percorso(id), { ...D1, ...modifica, versione: String(versione) }, mario), id)));
      expect(r.status).toBe(422);
      const p = pagina(html(vuoto, await r.json()));
      // The one error in the summary, its link reaching the field (or the declaration's group), said on the field too.
      expect(p.riepilogoErrori().voci.map((v) => v.testo), campo).toEqual([messaggio]);
      if (campo === "dichiarazione") {
        const g = p.erroreGruppo(E.dichiarazione);
        expect(g.riepilogo).toBe(messaggio);
        expect(g.descrizione).toContain(messaggio);
      } else {
        const c = p.erroreCampo(ETICHETTE[campo]);
        expect(c.riepilogo, campo).toBe(messaggio);
        expect(c.descrizione, campo).toContain(messaggio);
        expect(c.nonValido, campo).toBe(true);
        expect(senzaNul(c.valore), campo).toBe(senzaNul(modifica[campo]));
      }
      // What the user typed elsewhere comes back.
      expect(p.campo(ETICHETTE.destinatariRsa).valore).toBe("RSU aziendale");
    }
    expect((await leggi(id)).dati.informativa).toBeUndefined();
    expect((await leggi(id)).versione).toBe(versione);
  });

  it("edilizia entro 13 settimane continue: non dovuta, si salva senza dichiarazioni", async () => {
    const c2 = await idAzienda("C2");
    const mario2 = await sessioneDi(MARIO_ESEMPIO.codiceFiscale, "datore", c2);
    const { id, versione } = await bozza(await contestoDi(mario2), c2);
    const dati = await (await risposta(() => passo.loader(args(get(percorso(id), mario2), id)))).json();
    expect(dati.dovuta).toBe(false);
    expect(dati.motivoNonDovuta).toMatch(/edilizia e lapidei/);
    const p = pagina(html(dati));
    expect(p.getByText(/edilizia e lapidei/)).toBeTruthy();
    expect(p.queryByLabelText(E.dataComunicazione)).toBeNull();
    expect(p.getByText(/Non devi dichiarare nulla in questo passo/)).toBeTruthy();
    const r = await risposta(() => passo.action(args(post(percorso(id), { versione: String(versione) }, mario2), id)));
    expect(r.status).toBe(303);
    expect((await leggi(id)).dati.informativa).toEqual({ dovuta: false });
  });

  it("senza token CSRF: 403 e nulla cambia", async () => {
    const { id, versione } = await bozza();
    const r = await risposta(() => passo.action(args(post(percorso(id), { ...D1, versione: String(versione) }, mario, { senzaCsrf: true }), id)));
    expect(r.status).toBe(403);
    expect((await leggi(id)).versione).toBe(versione);
  });

  it("un intermediario senza delega su C1 riceve 404", async () => {
    const { id, versione } = await bozza();
    const laura = await sessioneDi(LAURA_CONSULENTE.codiceFiscale, "intermediario");
    expect((await risposta(() => passo.loader(args(get(percorso(id), laura), id)))).status).toBe(404);
    expect((await risposta(() => passo.action(args(post(percorso(id), { ...D1, versione: String(versione) }, laura), id)))).status).toBe(404);
    expect((await leggi(id)).dati.informativa).toBeUndefined();
  });
});
