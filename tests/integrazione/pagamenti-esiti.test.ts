// Lo storico degli esiti della banca per bonifico, con richieste vere e le pagine rese dal server: un bonifico respinto
// in un lotto (conto chiuso), approvato di nuovo e pagato in un secondo lotto ha due esiti; la pagina dell'importo li
// mostra entrambi, in ordine, e quella del primo lotto continua a dire che lì era stato respinto. Un altro file per il
// primo lotto che ripete l'esito non cambia nulla. Il dirigente legge, un'altra sede no (404).
import { within } from "@testing-library/dom";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { abilitazioniSede, esitiBonifico, importiCig, lottiPagamento, ruoliUtente, utenti } from "#db/schema";
import { db } from "#db/connection";
import { DIRIGENTE_PADOVA, MARIO_ESEMPIO, OPERATORE_MILANO, OPERATORE_PADOVA } from "#db/seed/index";
import * as scrivania from "~/routes/scrivania.pagamenti._index";
import PaginaImporto, * as importo from "~/routes/scrivania.pagamenti.importi.$id";
import PaginaLotto, * as lotto from "~/routes/scrivania.pagamenti.lotti.$id._index";
import * as esito from "~/routes/scrivania.pagamenti.lotti.$id.esito";
import type { Contesto } from "~/services/accesso.server";
import { usaDatabaseDiTest } from "../database";
import { pagina } from "../pagina";
import { paginaResa } from "../remix-lato-server";
import { contesto, get, ORIGINE, post, risposta, sessioneDi, type Identita } from "../richieste";
import { contestoDi, idAzienda } from "./domanda-completa";
import { autorizzata, esitoBanca, GIORNO_PIATTAFORMA, invia, righe, xml } from "./pagamento-diretto";

vi.mock("@remix-run/react", () => import("../remix-lato-server").then((m) => m.remixLatoServer()));
usaDatabaseDiTest();

const oraPrecedente = process.env.OMNIA_ORA_FISSA;
process.env.OMNIA_ORA_FISSA = GIORNO_PIATTAFORMA;
afterAll(() => {
  if (oraPrecedente === undefined) delete process.env.OMNIA_ORA_FISSA;
  else process.env.OMNIA_ORA_FISSA = oraPrecedente;
});

let giorgio: Identita;
let secondo: Identita;
let milano: Identita;
let dirigente: Identita;
let ctxMario: Contesto;
let ctxGiorgio: Contesto;
let c1: number;

beforeAll(async () => {
  c1 = await idAzienda("C1");
  ctxMario = await contestoDi(await sessioneDi(MARIO_ESEMPIO.codiceFiscale, "datore", c1));
  giorgio = await sessioneDi(OPERATORE_PADOVA.codiceFiscale, "operatore_sede");
  milano = await sessioneDi(OPERATORE_MILANO.codiceFiscale, "operatore_sede");
  dirigente = await sessioneDi(DIRIGENTE_PADOVA.codiceFiscale, "dirigente_sede");
  ctxGiorgio = await contestoDi(giorgio);
  // A second operator of the same sede: four eyes on approving and on recording the bank's results.
  const [u] = await db().insert(utenti).values({ codiceFiscale: "SCNLCU84R03G224A", nome: "Luca", cognome: "Secondo Esempio", email: "luca.secondo@esempio.it" }).returning();
  await db().insert(ruoliUtente).values({ utenteId: u.id, ruolo: "operatore_sede" });
  const [sede] = await db().select().from(abilitazioniSede).where(eq(abilitazioniSede.utenteId, ctxGiorgio.utente.id));
  await db().insert(abilitazioniSede).values({ utenteId: u.id, sedeCodice: sede.sedeCodice });
  secondo = await sessioneDi("SCNLCU84R03G224A", "operatore_sede");
});

const args = (request: Request, params: Record<string, string> = {}) => ({ request, params, context: contesto });

function caricaEsito(percorso: string, testo: string, chi: Identita, nome: string): Request {
  const form = new FormData();
  form.append("csrf", chi.csrf);
  form.append("file", new File([testo], nome, { type: "application/xml" }));
  return new Request(ORIGINE + percorso, { method: "POST", headers: { Cookie: chi.cookie, Origin: ORIGINE }, body: form });
}

/** Prepares (giorgio), approves (secondo) and sends (giorgio) the sede's next batch; returns its id and message id. */
async function lottoInviato(sede: string): Promise<{ id: string; messaggioId: string }> {
  const preparato = await risposta(() => scrivania.action(args(post("/scrivania/pagamenti", { intent: "prepara", sede }, giorgio))));
  expect(preparato.status).toBe(303);
  const percorso = preparato.headers.get("Location")!;
  const id = percorso.split("/").pop()!;
  expect((await risposta(() => lotto.action(args(post(percorso, { intent: "approva" }, secondo), { id })))).status).toBe(303);
  expect((await risposta(() => lotto.action(args(post(percorso, { intent: "invia" }, giorgio), { id })))).status).toBe(303);
  const [{ messaggioId }] = await db().select({ messaggioId: lottiPagamento.messaggioId }).from(lottiPagamento).where(eq(lottiPagamento.id, Number(id)));
  return { id, messaggioId };
}

async function paginaDelLotto(id: string, chi: Identita) {
  const dati = await (await risposta(() => lotto.loader(args(get(`/scrivania/pagamenti/lotti/${id}`, chi), { id })))).json();
  return pagina(paginaResa(PaginaLotto, dati));
}

async function paginaDellImporto(id: string, chi: Identita) {
  const dati = await (await risposta(() => importo.loader(args(get(`/scrivania/pagamenti/importi/${id}`, chi), { id })))).json();
  return pagina(paginaResa(PaginaImporto, dati));
}

/** The cells of a table's body rows, as text. */
const celle = (tabella: HTMLElement) =>
  within(tabella)
    .getAllByRole("row")
    .slice(1)
    .map((riga) => [...riga.querySelectorAll("th, td")].map((c) => (c.textContent ?? "").replace(/\s+/g, " ").trim()));

describe("storico degli esiti della banca per bonifico", () => {
  it("respinto nel primo lotto, pagato nel secondo: due esiti sulla pagina dell'importo, il primo lotto dice ancora «respinto»", async () => {
    const d = await autorizzata({ mario: ctxMario, giorgio: ctxGiorgio, c1 });
    const { competenza, righe: r } = await righe(d);
    await invia({ mario: ctxMario, giorgio: ctxGiorgio, c1 }, xml(competenza, d.ticket!, r));
    const sede = (await db().select().from(importiCig).where(eq(importiCig.domandaId, d.id)))[0].sedeCodice;

    const primo = await lottoInviato(sede);
    const nelPrimo = await db().select().from(importiCig).where(eq(importiCig.lottoId, Number(primo.id))).orderBy(importiCig.id);
    const respinto = nelPrimo[0];
    const idRespinto = String(respinto.id);
    // Prima di ogni esito la pagina del lotto lo dice.
    expect((await paginaDelLotto(primo.id, dirigente)).getByText("Nessun esito della banca registrato.")).toBeTruthy();

    const esitoPrimo = esitoBanca(primo.messaggioId, nelPrimo.map((i) => [`OMNIA-IMP-${i.id}`, i.id === respinto.id ? "RJCT" : "ACSC", i.id === respinto.id ? "AC04" : undefined]));
    expect((await risposta(() => esito.action(args(caricaEsito(`/scrivania/pagamenti/lotti/${primo.id}/esito`, esitoPrimo, secondo, "esito-primo.xml"), { id: primo.id })))).status).toBe(303);

    // La pagina del lotto (letta dal dirigente): un esito per bonifico, anche per il respinto che è uscito dal lotto.
    const lottoUno = await paginaDelLotto(primo.id, dirigente);
    const tabella = lottoUno.getByRole("table", { name: `Esiti della banca per bonifico (${nelPrimo.length}), dal più vecchio` });
    const righeLotto = celle(tabella);
    expect(righeLotto).toHaveLength(nelPrimo.length);
    expect(righeLotto[0]).toEqual([
      `${respinto.nominativo}${respinto.codiceFiscale}`, "Respinto", "conto del beneficiario chiuso (AC04) (RJCT)", "esito-primo.xml",
      expect.stringMatching(/^\d{2}\/\d{2}\/\d{4} alle \d{2}:\d{2}, Luca Secondo Esempio$/),
    ]);
    for (const riga of righeLotto.slice(1)) expect(riga.slice(1, 4)).toEqual(["Pagato", "accettata dalla banca (ACSC)", "esito-primo.xml"]);
    expect(within(tabella).getByRole("link", { name: respinto.nominativo }).getAttribute("href")).toBe(`/scrivania/pagamenti/importi/${idRespinto}`);

    // Approvato di nuovo (IBAN corretto), va nel secondo lotto, che la banca paga.
    const approvato = await risposta(() => importo.action(args(post(`/scrivania/pagamenti/importi/${idRespinto}`, { decisione: "approva", motivo: "IBAN corretto dal lavoratore presso la banca." }, giorgio), { id: idRespinto })));
    expect(approvato.status).toBe(303);
    const secondoLotto = await lottoInviato(sede);
    const esitoSecondo = esitoBanca(secondoLotto.messaggioId, [[`OMNIA-IMP-${respinto.id}`, "ACSC", undefined]]);
    expect((await risposta(() => esito.action(args(caricaEsito(`/scrivania/pagamenti/lotti/${secondoLotto.id}/esito`, esitoSecondo, secondo, "esito-secondo.xml"), { id: secondoLotto.id })))).status).toBe(303);

    // La pagina dell'importo: i due esiti in ordine, ciascuno con il suo lotto (collegato), il file, chi e quando.
    for (const chi of [giorgio, dirigente]) {
      const storico = (await paginaDellImporto(idRespinto, chi)).getByRole("table", { name: "Storico degli esiti della banca (2), dal più vecchio" });
      expect(celle(storico).map((c) => c.slice(0, 4))).toEqual([
        [primo.messaggioId, "Respinto", "conto del beneficiario chiuso (AC04) (RJCT)", "esito-primo.xml"],
        [secondoLotto.messaggioId, "Pagato", "accettata dalla banca (ACSC)", "esito-secondo.xml"],
      ]);
      expect(within(storico).getByRole("link", { name: primo.messaggioId }).getAttribute("href")).toBe(`/scrivania/pagamenti/lotti/${primo.id}`);
      expect(within(storico).getByRole("link", { name: secondoLotto.messaggioId }).getAttribute("href")).toBe(`/scrivania/pagamenti/lotti/${secondoLotto.id}`);
    }
    // L'esito corrente dell'importo è l'ultimo dello storico.
    expect((await db().select().from(importiCig).where(eq(importiCig.id, respinto.id)))[0]).toMatchObject({ stato: "pagato", esitoBanca: { lottoId: Number(secondoLotto.id), esito: "pagato" } });
    // Il primo lotto continua a dire che lì il bonifico era stato respinto.
    expect(celle((await paginaDelLotto(primo.id, giorgio)).getByRole("table", { name: /^Esiti della banca per bonifico/ }))[0].slice(1, 2)).toEqual(["Respinto"]);

    // Un altro file della banca per il primo lotto che ripete gli stessi esiti: accettato, nulla cambia.
    const ripetuto = esitoPrimo.replace(`<MsgId>BANCA-${nelPrimo.length}</MsgId>`, "<MsgId>BANCA-CONFERMA</MsgId>");
    const prima = await db().select().from(esitiBonifico).orderBy(esitiBonifico.id);
    expect((await risposta(() => esito.action(args(caricaEsito(`/scrivania/pagamenti/lotti/${primo.id}/esito`, ripetuto, secondo, "conferma.xml"), { id: primo.id })))).status).toBe(303);
    expect(await db().select().from(esitiBonifico).orderBy(esitiBonifico.id)).toEqual(prima);

    // Un'altra sede non vede né l'importo né il lotto.
    expect((await risposta(() => importo.loader(args(get(`/scrivania/pagamenti/importi/${idRespinto}`, milano), { id: idRespinto })))).status).toBe(404);
    expect((await risposta(() => lotto.loader(args(get(`/scrivania/pagamenti/lotti/${primo.id}`, milano), { id: primo.id })))).status).toBe(404);
  });
});
