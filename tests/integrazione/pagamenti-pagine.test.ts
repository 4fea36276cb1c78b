// Le pagine dei pagamenti diretti con richieste vere: la scrivania prepara il lotto (303 alla sua pagina), chi l'ha
// preparato non lo approva (422 con il messaggio), un secondo operatore sì; il file SEPA si scarica; un'eccezione senza
// motivo è un errore del modulo; l'azienda scarica il CSV degli importi per lavoratore. Matrice degli accessi:
// l'operatore di un'altra sede e l'azienda non vedono la scrivania (404), un'azienda non sua o la Sede non scaricano il
// CSV (404).
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { abilitazioniSede, auditLog, esitiBanca, importiCig, lottiPagamento, ruoliUtente, utenti } from "#db/schema";
import { db } from "#db/connection";
import { DIRIGENTE_PADOVA, LAURA_CONSULENTE, MARIO_ESEMPIO, OPERATORE_MILANO, OPERATORE_PADOVA } from "#db/seed/index";
import * as scrivania from "~/routes/scrivania.pagamenti._index";
import * as importo from "~/routes/scrivania.pagamenti.importi.$id";
import * as lotto from "~/routes/scrivania.pagamenti.lotti.$id._index";
import * as fileXml from "~/routes/scrivania.pagamenti.lotti.$id.file[.xml]";
import * as esito from "~/routes/scrivania.pagamenti.lotti.$id.esito";
import * as csv from "~/routes/domande.$id.importi[.csv]";
import * as dettaglio from "~/routes/domande.$id.dettaglio";
import type { Contesto } from "~/services/accesso.server";
import { usaDatabaseDiTest } from "../database";
import { contesto, get, ORIGINE, post, risposta, sessioneDi, type Identita } from "../richieste";
import { contestoDi, idAzienda } from "./domanda-completa";
import { autorizzata, esitoBanca, GIORNO_PIATTAFORMA, invia, righe, xml } from "./pagamento-diretto";

usaDatabaseDiTest();

const oraPrecedente = process.env.OMNIA_ORA_FISSA;
process.env.OMNIA_ORA_FISSA = GIORNO_PIATTAFORMA;
afterAll(() => {
  if (oraPrecedente === undefined) delete process.env.OMNIA_ORA_FISSA;
  else process.env.OMNIA_ORA_FISSA = oraPrecedente;
});

let mario: Identita;
let giorgio: Identita;
let secondo: Identita;
let milano: Identita;
let dirigente: Identita;
let laura: Identita;
let ctxMario: Contesto;
let ctxGiorgio: Contesto;
let c1: number;

beforeAll(async () => {
  c1 = await idAzienda("C1");
  mario = await sessioneDi(MARIO_ESEMPIO.codiceFiscale, "datore", c1);
  giorgio = await sessioneDi(OPERATORE_PADOVA.codiceFiscale, "operatore_sede");
  milano = await sessioneDi(OPERATORE_MILANO.codiceFiscale, "operatore_sede");
  dirigente = await sessioneDi(DIRIGENTE_PADOVA.codiceFiscale, "dirigente_sede");
  laura = await sessioneDi(LAURA_CONSULENTE.codiceFiscale, "intermediario");
  ctxMario = await contestoDi(mario);
  ctxGiorgio = await contestoDi(giorgio);
  const [u] = await db().insert(utenti).values({ codiceFiscale: "SCNLCU84R03G224A", nome: "Luca", cognome: "Secondo Esempio", email: "luca.secondo@esempio.it" }).returning();
  await db().insert(ruoliUtente).values({ utenteId: u.id, ruolo: "operatore_sede" });
  const [sede] = await db().select().from(abilitazioniSede).where(eq(abilitazioniSede.utenteId, ctxGiorgio.utente.id));
  await db().insert(abilitazioniSede).values({ utenteId: u.id, sedeCodice: sede.sedeCodice });
  secondo = await sessioneDi("SCNLCU84R03G224A", "operatore_sede");
});

const args = (request: Request, params: Record<string, string> = {}) => ({ request, params, context: contesto });

/** The upload form's multipart body: the token first, then the file. */
function caricaEsito(percorso: string, testo: string, chi: Identita, opzioni: { senzaCsrf?: boolean } = {}): Request {
  const form = new FormData();
  if (!opzioni.senzaCsrf) form.append("csrf", chi.csrf);
  form.append("file", new File([testo], "esito.xml", { type: "application/xml" }));
  return new Request(ORIGINE + percorso, { method: "POST", headers: { Cookie: chi.cookie, Origin: ORIGINE }, body: form });
}
const attori = () => ({ mario: ctxMario, giorgio: ctxGiorgio, c1 });

describe("scrivania dei pagamenti diretti", () => {
  it("prepara il lotto, quattro occhi (422 per chi l'ha preparato), approva un secondo operatore, file SEPA scaricabile", async () => {
    const d = await autorizzata(attori());
    const { competenza, righe: r } = await righe(d);
    await invia(attori(), xml(competenza, d.ticket!, r));

    const pagina = await (await risposta(() => scrivania.loader(args(get("/scrivania/pagamenti", giorgio))))).json();
    expect(pagina.daPagare.map((x: { codiceFiscale: string }) => x.codiceFiscale)).toEqual(expect.arrayContaining(r.map((x) => x.cf)));
    const sede = pagina.sedi[0].codice as string;

    // Il dirigente legge ma non prepara; l'azienda non vede la scrivania.
    expect((await risposta(() => scrivania.action(args(post("/scrivania/pagamenti", { intent: "prepara", sede }, dirigente))))).status).toBe(404);
    expect((await risposta(() => scrivania.loader(args(get("/scrivania/pagamenti", mario))))).status).toBe(404);

    const preparato = await risposta(() => scrivania.action(args(post("/scrivania/pagamenti", { intent: "prepara", sede }, giorgio))));
    expect(preparato.status).toBe(303);
    const percorso = preparato.headers.get("Location")!;
    expect(percorso).toMatch(/^\/scrivania\/pagamenti\/lotti\/\d+$/);
    const id = percorso.split("/").pop()!;

    const suo = await (await risposta(() => lotto.loader(args(get(percorso, giorgio), { id })))).json();
    expect(suo).toMatchObject({ stato: "preparato", preparatoDaMe: true, puoApprovare: false, disposizioni: r.length });
    const rifiutato = await risposta(() => lotto.action(args(post(percorso, { intent: "approva" }, giorgio), { id })));
    expect(rifiutato.status).toBe(422);
    expect(JSON.stringify(await rifiutato.json())).toContain("quattro occhi");

    expect((await (await risposta(() => lotto.loader(args(get(percorso, secondo), { id })))).json()).puoApprovare).toBe(true);
    expect((await risposta(() => lotto.action(args(post(percorso, { intent: "approva" }, secondo), { id })))).status).toBe(303);
    expect((await risposta(() => lotto.action(args(post(percorso, { intent: "invia" }, giorgio), { id })))).status).toBe(303);
    expect((await (await risposta(() => lotto.loader(args(get(percorso, dirigente), { id })))).json()).stato).toBe("inviato");

    const file = await risposta(() => fileXml.loader(args(get(`${percorso}/file.xml`, giorgio), { id })));
    expect(file.headers.get("Content-Type")).toBe("application/xml; charset=utf-8");
    expect(file.headers.get("Content-Disposition")).toMatch(/attachment; filename="OMNIA-\d{4}-\d{8}-01\.xml"/);
    expect(await file.text()).toContain(`<NbOfTxs>${r.length}</NbOfTxs>`);

    // L'esito della banca (pain.002.001.03): una disposizione respinta (conto chiuso), le altre accettate.
    const [{ messaggioId }] = await db().select({ messaggioId: lottiPagamento.messaggioId }).from(lottiPagamento).where(eq(lottiPagamento.id, Number(id)));
    const nelLotto = await db().select().from(importiCig).where(eq(importiCig.lottoId, Number(id))).orderBy(importiCig.id);
    const respinto = nelLotto[0];
    const pain002 = esitoBanca(messaggioId, nelLotto.map((i) => [`OMNIA-IMP-${i.id}`, i.id === respinto.id ? "RJCT" : "ACSC", i.id === respinto.id ? "AC04" : undefined]));
    const percorsoEsito = `${percorso}/esito`;
    expect((await (await risposta(() => lotto.loader(args(get(percorso, secondo), { id })))).json()).puoRegistrareEsito).toBe(true);
    expect(await (await risposta(() => esito.loader(args(get(percorsoEsito, secondo), { id })))).json()).toMatchObject({ preparatoDaMe: false, messaggioId });
    // Chi ha preparato il lotto non registra l'esito (quattro occhi); il dirigente, un'altra sede, l'azienda: 404.
    const suoEsito = await risposta(() => esito.action(args(caricaEsito(percorsoEsito, pain002, giorgio), { id })));
    expect(suoEsito.status).toBe(422);
    expect(JSON.stringify(await suoEsito.json())).toContain("quattro occhi");
    for (const chi of [dirigente, milano, mario]) {
      expect((await risposta(() => esito.loader(args(get(percorsoEsito, chi), { id })))).status).toBe(404);
      expect((await risposta(() => esito.action(args(caricaEsito(percorsoEsito, pain002, chi), { id })))).status).toBe(404);
    }
    expect((await risposta(() => esito.action(args(caricaEsito(percorsoEsito, pain002, secondo, { senzaCsrf: true }), { id })))).status).toBe(403);
    // Un file ostile: errore del modulo, nulla cambia.
    const bomba = `<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;">]><Document>&b;</Document>`;
    const ostile = await risposta(() => esito.action(args(caricaEsito(percorsoEsito, bomba, secondo), { id })));
    expect(ostile.status).toBe(422);
    expect(JSON.stringify(await ostile.json())).toContain("DOCTYPE");
    expect((await db().select().from(importiCig).where(eq(importiCig.id, respinto.id)))[0].stato).toBe("pagato");
    // Un file che il lettore accetterebbe ma che non rispetta lo schema ufficiale (manca la data di creazione): 422
    // con il messaggio, nessun esito registrato, nessun importo cambiato.
    const prima = await db().select().from(importiCig).where(eq(importiCig.id, respinto.id));
    const fuoriSchema = await risposta(() => esito.action(args(caricaEsito(percorsoEsito, pain002.replace(/<CreDtTm>[^<]*<\/CreDtTm>/, ""), secondo), { id })));
    expect(fuoriSchema.status).toBe(422);
    expect((await fuoriSchema.json()).error.file[0]).toMatch(/^Il file non è stato registrato: Il contenuto non rispetta lo schema ufficiale ISO 20022 pain\.002\.001\.03 alla riga 1 \(dettaglio: .*CreDtTm/);
    expect(await db().select().from(esitiBanca).where(eq(esitiBanca.lottoId, Number(id)))).toHaveLength(0);
    expect(await db().select().from(importiCig).where(eq(importiCig.id, respinto.id))).toEqual(prima);

    const registrato = await risposta(() => esito.action(args(caricaEsito(percorsoEsito, pain002, secondo), { id })));
    expect(registrato.status).toBe(303);
    expect(registrato.headers.get("Location")).toBe(percorso);
    const dopoEsito = async () => db().select().from(importiCig).where(sql`${importiCig.id} in (${sql.join(nelLotto.map((i) => sql`${i.id}`), sql`, `)})`).orderBy(importiCig.id);
    const [tornato, ...pagati] = await dopoEsito();
    // Il respinto esce dal lotto e torna tra le eccezioni con il motivo della banca; gli altri restano pagati.
    expect(tornato).toMatchObject({ stato: "eccezione", lottoId: null, esitoBanca: { lottoId: Number(id), esito: "respinto", motivo: "AC04" } });
    expect(tornato.eccezioni.at(-1)).toEqual({ codice: "rifiuto_banca", messaggio: "La banca ha respinto il bonifico: conto del beneficiario chiuso (AC04)." });
    for (const p of pagati) expect(p).toMatchObject({ stato: "pagato", lottoId: Number(id), esitoBanca: { esito: "pagato", stato: "ACSC" } });
    const vistaLotto = await (await risposta(() => lotto.loader(args(get(percorso, dirigente), { id })))).json();
    expect(vistaLotto).toMatchObject({ stato: "esito_ricevuto", etichettaStato: r.length > 1 ? "Esito della banca ricevuto: pagato in parte" : "Esito della banca ricevuto: tutti i bonifici respinti" });
    const idTornato = String(tornato.id);
    const vistaImporto = await (await risposta(() => importo.loader(args(get(`/scrivania/pagamenti/importi/${idTornato}`, giorgio), { id: idTornato })))).json();
    expect(vistaImporto).toMatchObject({ puoDecidere: true, eccezioni: [expect.objectContaining({ titolo: "Bonifico respinto dalla banca" })] });
    // Lo stesso file di nuovo: 303, nulla cambia (un solo esito registrato); l'audit lo dice.
    expect((await risposta(() => esito.action(args(caricaEsito(percorsoEsito, pain002, secondo), { id })))).status).toBe(303);
    expect(await dopoEsito()).toEqual([tornato, ...pagati]);
    expect(await db().select().from(esitiBanca).where(eq(esitiBanca.lottoId, Number(id)))).toHaveLength(1);
    const registrazioni = await db().select().from(auditLog).where(and(eq(auditLog.azione, "registra_esito_banca"), eq(auditLog.oggettoId, id)));
    expect(registrazioni.map((a) => a.esito)).toEqual(["negato", "errore", "errore", "ok", "ok"]);
    expect(registrazioni[2].dettagli).toMatchObject({ errore: expect.stringMatching(/schema ufficiale/) });
    expect(registrazioni[4].dettagli).toMatchObject({ ripetuto: true, cambi: 0 });

    // Un'altra sede: 404 per il lotto, il file e la scrivania non lo elenca; POST senza CSRF: nulla cambia.
    expect((await risposta(() => lotto.loader(args(get(percorso, milano), { id })))).status).toBe(404);
    expect((await risposta(() => lotto.loader(args(get(percorso, mario), { id })))).status).toBe(404);
    expect((await risposta(() => fileXml.loader(args(get(`${percorso}/file.xml`, laura), { id })))).status).toBe(404);
    expect((await risposta(() => lotto.loader(args(get(percorso), { id })))).headers.get("Location")).toMatch(/^\/accedi/);
    expect((await risposta(() => fileXml.loader(args(get(`${percorso}/file.xml`, milano), { id })))).status).toBe(404);
    expect((await risposta(() => lotto.loader(args(get("/scrivania/pagamenti/lotti/abc", giorgio), { id: "abc" })))).status).toBe(404);
    const senzaCsrf = await risposta(() => scrivania.action(args(post("/scrivania/pagamenti", { intent: "prepara", sede }, giorgio, { senzaCsrf: true }))));
    expect(senzaCsrf.status).toBe(403);
  });

  it("un'eccezione: motivo obbligatorio (422, errore sul campo), poi la decisione torna alla scrivania; un'altra sede 404", async () => {
    const d = await autorizzata(attori());
    const { competenza, righe: r } = await righe(d);
    await invia(attori(), xml(competenza, d.ticket!, [{ ...r[0], iban: "IT60X0542811101000000123456" }]));
    const [eccezione] = await db().select().from(importiCig).where(eq(importiCig.domandaId, d.id));
    expect(eccezione.stato).toBe("eccezione");
    const id = String(eccezione.id);
    const percorso = `/scrivania/pagamenti/importi/${id}`;
    const vista = await (await risposta(() => importo.loader(args(get(percorso, giorgio), { id })))).json();
    expect(vista).toMatchObject({ puoDecidere: true, eccezioni: [expect.objectContaining({ titolo: "IBAN da verificare" })] });
    expect(vista.spiegazione).toMatch(/Regola provvisoria.*Riferimento normativo: art\. 3 d\.lgs\. 148\/2015; art\. 26 L\. 41\/1986\.$/);
    expect(vista.contributo.messaggio).toMatch(/quinquennio mobile .*Riferimento normativo: art\. 5 c\.1(-ter)? d\.lgs\. 148\/2015\.$/);
    expect((await risposta(() => importo.loader(args(get(percorso, milano), { id })))).status).toBe(404);
    expect((await risposta(() => importo.loader(args(get(percorso, laura), { id })))).status).toBe(404);
    expect((await risposta(() => importo.loader(args(get(percorso, mario), { id })))).status).toBe(404);
    expect((await (await risposta(() => importo.loader(args(get(percorso, dirigente), { id })))).json()).puoDecidere).toBe(false);

    const senzaMotivo = await risposta(() => importo.action(args(post(percorso, { decisione: "approva", motivo: "" }, giorgio), { id })));
    expect(senzaMotivo.status).toBe(422);
    expect((await senzaMotivo.json()).error).toMatchObject({ motivo: ["Scrivi il motivo della decisione"] });
    const ok = await risposta(() => importo.action(args(post(percorso, { decisione: "approva", motivo: "SR163 verificato." }, giorgio), { id })));
    expect(ok.status).toBe(303);
    expect(ok.headers.get("Location")).toBe("/scrivania/pagamenti");
    // Già decisa: 409.
    expect((await risposta(() => importo.action(args(post(percorso, { decisione: "respingi", motivo: "x" }, secondo), { id })))).status).toBe(409);
  });
});

describe("importi per lavoratore dell'azienda (CSV)", () => {
  it("il datore scarica il CSV con gli importi calcolati; la pagina della domanda lo collega; un'azienda non sua e la Sede no", async () => {
    const d = await autorizzata(attori());
    const { competenza, righe: r } = await righe(d);
    await invia(attori(), xml(competenza, d.ticket!, r));
    const id = String(d.id);
    const scarico = await risposta(() => csv.loader(args(get(`/domande/${id}/importi.csv`, mario), { id })));
    expect(scarico.status).toBe(200);
    expect(scarico.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    const byte = new Uint8Array(await scarico.arrayBuffer());
    expect([...byte.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const linee = new TextDecoder().decode(byte).trim().split("\r\n");
    expect(linee[0]).toBe(
      "Numero autorizzazione;Codice fiscale;Lavoratore;Mese;Ore integrate;Retribuzione persa;Importo lordo;Importo lordo entro il massimale;Riduzione 5,84%;Importo netto;Stato;Motivo;Come è calcolato",
    );
    expect(linee).toHaveLength(r.length + 1);
    const prima = linee.find((l) => l.includes(r[0].cf))!.split(";");
    expect(prima.slice(3, 12)).toEqual([competenza, "8,00", "69,23", "55,38", "55,38", "3,23", "52,15", "Approvato, in attesa di pagamento", ""]);
    // Come è calcolato, con il riferimento normativo e la regola provvisoria (proporzionamento del massimale incerto).
    // L'ultima cella contiene un punto e virgola: è tra virgolette.
    expect(linee.find((l) => l.includes(r[0].cf))).toMatch(/;"CIGO: 80% della retribuzione mensile di 1\.500,00 € .*Regola provvisoria: .*Riferimento normativo: art\. 3 d\.lgs\. 148\/2015; art\. 26 L\. 41\/1986\."$/);
    expect(prima[0]).toMatch(new RegExp(`^${d.ticket}-01$`));

    const pagina = await (await risposta(() => dettaglio.loader(args(get(`/domande/${id}/dettaglio`, mario), { id })))).json();
    expect(pagina.importi).toMatchObject({ numero: r.length, pagati: 0 });

    // Laura non ha la delega di C1; la Sede ha la sua scrivania; un id non valido.
    expect((await risposta(() => csv.loader(args(get(`/domande/${id}/importi.csv`, laura), { id })))).status).toBe(404);
    expect((await risposta(() => csv.loader(args(get(`/domande/${id}/importi.csv`, giorgio), { id })))).status).toBe(404);
    expect((await risposta(() => csv.loader(args(get("/domande/0/importi.csv", mario), { id: "0" })))).status).toBe(404);
  });
});
