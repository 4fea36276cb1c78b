// Pagamento diretto, lato operatori (issue 12): le denunce accolte sono abbinate all'autorizzazione subito dopo
// l'accoglienza del flusso (o, se arrivano prima della decisione, dal job); gli importi sono quelli calcolati a mano
// qui sotto; le eccezioni aspettano una persona; i lotti SEPA sono validi per lo schema ISO 20022, con NbOfTxs e
// CtrlSum, approvati da un secondo operatore e mai con gli stessi importi due volte, nemmeno preparati in
// contemporanea; ogni sede vede solo i propri.
import { readFile } from "node:fs/promises";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { validateXML } from "xmllint-wasm";
import { addDays, addYears, formatDataItaliana } from "~/domain/date";
import { abilitazioniSede, auditLog, aziende, contributiAddizionali, domande, denunceCig, esitiBanca, importiCig, lavoratori, lottiPagamento, ruoliUtente, utenti, type Domanda } from "#db/schema";
import { db } from "#db/connection";
import { MARIO_ESEMPIO, OPERATORE_MILANO, OPERATORE_PADOVA, DIRIGENTE_PADOVA } from "#db/seed/index";
import type { Contesto } from "~/services/accesso.server";
import { attoreSistema } from "~/services/autorizzazione.server";
import { eliminaDenuncia } from "~/services/flussi/eliminazione.server";
import { abbinaDenunce } from "~/services/pagamenti/abbinamento.server";
import { registraEsitoBanca } from "~/services/pagamenti/esiti-banca.server";
import { approvaLotto, dettaglioLotto, fileLotto, preparaLotto, segnaLottoInviato } from "~/services/pagamenti/lotti.server";
import { dettaglioImporto, panoramicaPagamenti, risolviEccezione } from "~/services/pagamenti/scrivania.server";
import { usaDatabaseDiTest } from "../database";
import { autorizzata as autorizzataDi, byte, diretta as direttaDi, esitoBanca, GIORNO_PIATTAFORMA, invia as inviaDi, righe, xml } from "./pagamento-diretto";
import { sessioneDi } from "../richieste";
import { contestoDi, idAzienda } from "./domanda-completa";

usaDatabaseDiTest();

// A fixed platform day, so the competence months (days already past) and their ceilings are always those of 2026.
const oraPrecedente = process.env.OMNIA_ORA_FISSA;
process.env.OMNIA_ORA_FISSA = GIORNO_PIATTAFORMA;
afterAll(() => {
  if (oraPrecedente === undefined) delete process.env.OMNIA_ORA_FISSA;
  else process.env.OMNIA_ORA_FISSA = oraPrecedente;
});

let mario: Contesto;
let giorgio: Contesto;
let secondo: Contesto;
let milano: Contesto;
let dirigente: Contesto;
let c1: number;

const SECONDO_PADOVA = "SCNLCU84R03G224A";

beforeAll(async () => {
  c1 = await idAzienda("C1");
  mario = await contestoDi(await sessioneDi(MARIO_ESEMPIO.codiceFiscale, "datore", c1));
  giorgio = await contestoDi(await sessioneDi(OPERATORE_PADOVA.codiceFiscale, "operatore_sede"));
  milano = await contestoDi(await sessioneDi(OPERATORE_MILANO.codiceFiscale, "operatore_sede"));
  dirigente = await contestoDi(await sessioneDi(DIRIGENTE_PADOVA.codiceFiscale, "dirigente_sede"));
  // A second operator of Padova, this file's own: the four-eyes rule needs two people of the same sede.
  const [u] = await db().insert(utenti).values({ codiceFiscale: SECONDO_PADOVA, nome: "Luca", cognome: "Secondo Esempio", email: "luca.secondo@esempio.it" }).returning();
  await db().insert(ruoliUtente).values({ utenteId: u.id, ruolo: "operatore_sede" });
  const [sedeGiorgio] = await db().select().from(abilitazioniSede).where(eq(abilitazioniSede.utenteId, giorgio.utente.id));
  await db().insert(abilitazioniSede).values({ utenteId: u.id, sedeCodice: sedeGiorgio.sedeCodice });
  secondo = await contestoDi(await sessioneDi(SECONDO_PADOVA, "operatore_sede"));
});

const attori = () => ({ mario, giorgio, c1 });
const autorizzata = (d?: Domanda) => autorizzataDi(attori(), d);
const diretta = () => direttaDi(attori());
const invia = (testo: string) => inviaDi(attori(), testo);

const importiDi = (domandaId: number) => db().select().from(importiCig).where(eq(importiCig.domandaId, domandaId)).orderBy(importiCig.id);

async function valida(xmlLotto: string) {
  const schema = await readFile(new URL("../../docs/pagamenti/pain.001.001.03.xsd", import.meta.url), "utf8");
  return validateXML({ xml: [{ fileName: "lotto.xml", contents: xmlLotto }], schema: [{ fileName: "pain.001.001.03.xsd", contents: schema }] });
}

describe("abbinamento e importi", () => {
  it("le denunce di un flusso accolto sono abbinate subito all'autorizzazione, con gli importi calcolati a mano", async () => {
    const d = await autorizzata();
    const { competenza, righe: r } = await righe(d);
    expect(r.length).toBeGreaterThanOrEqual(2);
    const rapporto = await invia(xml(competenza, d.ticket!, r));
    expect(rapporto.accolte).toBe(r.length);
    const importi = await importiDi(d.id);
    expect(importi).toHaveLength(r.length);
    // 1.500,00 € al mese, 40 h settimanali, 8 h integrate: 1.500,00 × 8 / (40 × 52 / 12) = 69,23 € persi; 80% = 55,38 €,
    // entro il massimale 2026 rapportato (1.423,69 × 8 / 173,33 = 65,71 €); 5,84% di 55,38 = 3,2342 → 3,23 €; netto 52,15 €.
    for (const i of importi) {
      expect(i).toMatchObject({
        stato: "approvato", oreCentesimi: 800, retribuzionePersaCentesimi: 6_923, lordoCentesimi: 5_538, lordoLimitatoCentesimi: 5_538,
        riduzioneCentesimi: 323, nettoCentesimi: 5_215, eccezioni: [],
      });
      expect(i.calcolo.messaggio).toMatch(/entro il massimale di 65,71 €/);
    }
    // Il contributo addizionale dell'autorizzazione: prima fascia con l'aliquota ridotta del 6% (nessuna integrazione
    // salariale dell'azienda nei 24 mesi prima, dal 2025: art. 5 c.1-ter) sulla retribuzione persa.
    const [contributo] = await db().select().from(contributiAddizionali).where(eq(contributiAddizionali.provvedimentoId, importi[0].provvedimentoId));
    expect(contributo.retribuzionePersaCentesimi).toBe(6_923 * r.length);
    expect(contributo.importoCentesimi).toBe(Math.floor((2 * 6_923 * r.length * 600 + 10_000) / 20_000));
    expect(contributo.calcolo.messaggio).toMatch(/aliquote ridotte/);
    // Idempotente: di nuovo non abbina nulla.
    const ancora = await abbinaDenunce(attoreSistema("test"), { domandaId: d.id });
    expect(ancora.ok && ancora.valore.abbinate).toBe(0);
    expect(await importiDi(d.id)).toHaveLength(r.length);
  });

  it("una retribuzione oraria (RetribOraria) nel flusso: l'importo parte da quella, senza divisore mensile", async () => {
    const d = await autorizzata();
    const { competenza, righe: r } = await righe(d, null);
    const rapporto = await invia(xml(competenza, d.ticket!, r.map((x) => ({ ...x, retribuzioneOraria: "8.00" }))));
    expect(rapporto.accolte).toBe(r.length);
    // 8,00 € l'ora × 8 h = 64,00 € persi; 80% = 51,20 €, entro il massimale rapportato (65,71 €); 5,84% di 51,20 =
    // 2,99008 → 2,99 €; netto 48,21 €.
    for (const i of await importiDi(d.id)) {
      expect(i).toMatchObject({
        stato: "approvato", oreCentesimi: 800, retribuzionePersaCentesimi: 6_400, lordoCentesimi: 5_120, lordoLimitatoCentesimi: 5_120,
        riduzioneCentesimi: 299, nettoCentesimi: 4_821, eccezioni: [],
      });
      expect(i.calcolo.messaggio).toMatch(/retribuzione oraria di 8,00 €/);
    }
    // Il contributo conta nel quinquennio mobile il giorno autorizzato dal test precedente (lunedì 23/11, stessa unità):
    // 1 giorno ÷ 5 = 0,2 settimane.
    const [importo] = await importiDi(d.id);
    const [contributo] = await db().select().from(contributiAddizionali).where(eq(contributiAddizionali.provvedimentoId, importo.provvedimentoId));
    expect((contributo.calcolo.dati as { settimanePrecedentiQuinquennio: number }).settimanePrecedentiQuinquennio).toBeCloseTo(0.2, 10);
    expect(contributo.calcolo.messaggio).toMatch(/0,2 settimane già fruite nel quinquennio mobile 24\/11\/2021–23\/11\/2026, 0,2 nel periodo/);
  });

  it("edilizia con causale meteo: il massimale maggiorato pubblicato (+20%); temperature elevate: lo stesso ma provvisorio; il contributo conta il quinquennio mobile", async () => {
    const [azienda] = await db().select({ ateco: aziende.codiceAteco }).from(aziende).where(eq(aziende.id, c1));
    // C1 per questo test è un'impresa edile (ATECO 41.20: costruzione di edifici), poi torna com'era.
    await db().update(aziende).set({ codiceAteco: "41.20.00" }).where(eq(aziende.id, c1));
    try {
      // Una domanda, due lavoratori in due flussi: il primo con la causale meteo, il secondo dopo averla cambiata in
      // temperature elevate (l'importo si calcola all'abbinamento, con la causale di quel momento).
      const d = await autorizzata(await direttaDi(attori(), "2026-11-19"));
      const { competenza, righe: r } = await righe(d, "3000.00");
      for (const [n, causale] of (["eventi_meteo", "temperature_elevate"] as const).entries()) {
        await db().update(domande).set({ dati: sql`jsonb_set(${domande.dati}, '{periodo,causale}', ${JSON.stringify(causale)}::jsonb)` }).where(eq(domande.id, d.id));
        expect((await invia(xml(competenza, d.ticket!, [r[n]]))).accolte).toBe(1);
        const i = (await importiDi(d.id))[n];
        expect(i.codiceFiscale).toBe(r[n].cf);
        // 3.000,00 € × 8 / 173,33 = 138,46 € persi; 80% = 110,77 € oltre il massimale maggiorato 2026 rapportato alle 8
        // ore: lordo 1.708,44 × 8 / 173,33 = 78,85 €, netto 1.608,66 × 8 / 173,33 = 74,25 € (senza maggiorazione 65,71 €).
        expect(i).toMatchObject({ retribuzionePersaCentesimi: 13_846, lordoCentesimi: 11_077, lordoLimitatoCentesimi: 7_885, nettoCentesimi: 7_425 });
        expect(i.calcolo.messaggio).toMatch(/ridotti al massimale maggiorato per le intemperie stagionali \(edilizia e lapidei\) di 78,85 € lordi/);
        // Provvisorio comunque (proporzionamento e divisore mensile incerti); le temperature elevate aggiungono la loro incertezza.
        expect(i.calcolo.provvisorio).toBe(true);
        expect(/valga anche per le temperature elevate/.test(i.calcolo.messaggio as string)).toBe(causale === "temperature_elevate");
      }
      const [importo] = await importiDi(d.id);
      const [contributo] = await db().select().from(contributiAddizionali).where(eq(contributiAddizionali.provvedimentoId, importo.provvedimentoId));
      // La finestra finisce il giorno prima del periodo (19/11): le autorizzazioni dei test precedenti (dal 23/11) non
      // contano; il messaggio dice la finestra e che il conteggio è provvisorio.
      const fine = addDays(d.dataInizio!, -1);
      const data = (x: string) => formatDataItaliana(x).replace(/\//g, "\\/");
      expect(contributo.calcolo.messaggio).toMatch(new RegExp(`settimane già fruite nel quinquennio mobile ${data(addDays(addYears(fine, -5), 1))}–${data(fine)}`));
      expect((contributo.calcolo.dati as { settimanePrecedentiQuinquennio: number }).settimanePrecedentiQuinquennio).toBe(0);
      expect(contributo.calcolo.messaggio).toMatch(/per unità produttiva o per l'intera azienda/);
    } finally {
      await db().update(aziende).set({ codiceAteco: azienda.ateco }).where(eq(aziende.id, c1));
    }
  });

  it("una denuncia accolta prima della decisione resta in attesa; il job la abbina dopo l'autorizzazione", async () => {
    const d = await diretta();
    const { competenza, righe: r } = await righe(d);
    await invia(xml(competenza, d.ticket!, r));
    expect(await importiDi(d.id)).toHaveLength(0);
    await autorizzata(d);
    const [a, b] = await Promise.all([abbinaDenunce(attoreSistema("test"), {}), abbinaDenunce(attoreSistema("test"), {})]);
    expect(a.ok && b.ok).toBe(true);
    // Due esecuzioni insieme: ogni denuncia ha un solo importo.
    expect(await importiDi(d.id)).toHaveLength(r.length);
  });

  it("IBAN diverso da quello registrato, pensione, trattenute del giudice, retribuzione assente: eccezioni per una persona", async () => {
    const d = await autorizzata();
    const { competenza, righe: r } = await righe(d);
    await db().update(lavoratori).set({ titolarePensione: true }).where(eq(lavoratori.codiceFiscale, r[1].cf));
    await db().update(lavoratori).set({ trattenuteGiudiziali: true }).where(eq(lavoratori.codiceFiscale, r[1].cf));
    const file = xml(competenza, d.ticket!, [
      { ...r[0], iban: "IT60X0542811101000000123456" },
      r[1],
      ...(r[2] ? [{ ...r[2], retribuzione: null }] : []),
    ]);
    await invia(file);
    const importi = await importiDi(d.id);
    const perCf = new Map(importi.map((i) => [i.codiceFiscale, i]));
    expect(perCf.get(r[0].cf)).toMatchObject({ stato: "eccezione", eccezioni: [{ codice: "iban_non_verificabile" }] });
    expect(perCf.get(r[1].cf)!.eccezioni.map((e) => e.codice)).toEqual(["titolare_pensione", "trattenute_giudiziali"]);
    if (r[2]) expect(perCf.get(r[2].cf)).toMatchObject({ stato: "eccezione", nettoCentesimi: 0, eccezioni: [{ codice: "retribuzione_assente" }] });

    // La pagina dell'importo spiega che cosa verificare.
    const dettaglio = await dettaglioImporto(giorgio, perCf.get(r[0].cf)!.id);
    expect(dettaglio?.eccezioni[0].titolo).toBe("IBAN da verificare");

    // Motivo obbligatorio; la retribuzione assente si può solo respingere; il dirigente e l'operatore di un'altra sede no.
    expect(await risolviEccezione(giorgio, perCf.get(r[0].cf)!.id, { decisione: "approva", motivo: " " })).toMatchObject({ ok: false, motivo: "non_valido" });
    if (r[2]) {
      expect(await risolviEccezione(giorgio, perCf.get(r[2].cf)!.id, { decisione: "approva", motivo: "Controllato" })).toMatchObject({ ok: false, motivo: "non_valido" });
    }
    expect(await risolviEccezione(milano, perCf.get(r[0].cf)!.id, { decisione: "approva", motivo: "x" })).toMatchObject({ ok: false, motivo: "non_trovato" });
    expect(await risolviEccezione(dirigente, perCf.get(r[0].cf)!.id, { decisione: "approva", motivo: "x" })).toMatchObject({ ok: false, motivo: "non_trovato" });

    expect((await risolviEccezione(giorgio, perCf.get(r[0].cf)!.id, { decisione: "approva", motivo: "Modulo SR163: conto intestato al lavoratore." })).ok).toBe(true);
    expect((await risolviEccezione(giorgio, perCf.get(r[1].cf)!.id, { decisione: "respingi", motivo: "Pensione incompatibile nel periodo." })).ok).toBe(true);
    // Già decisa: una seconda decisione è un conflitto.
    expect(await risolviEccezione(secondo, perCf.get(r[1].cf)!.id, { decisione: "approva", motivo: "x" })).toMatchObject({ ok: false, motivo: "conflitto" });
    const dopo = new Map((await importiDi(d.id)).map((i) => [i.codiceFiscale, i]));
    expect(dopo.get(r[0].cf)).toMatchObject({ stato: "approvato", risoltoDa: giorgio.utente.id, motivoRisoluzione: "Modulo SR163: conto intestato al lavoratore." });
    expect(dopo.get(r[1].cf)!.stato).toBe("respinto");
    const audit = await db().select().from(auditLog).where(and(eq(auditLog.azione, "risolvi_eccezione_pagamento"), eq(auditLog.esito, "ok")));
    expect(audit.map((a) => a.oggettoId)).toEqual(expect.arrayContaining([String(perCf.get(r[0].cf)!.id), String(perCf.get(r[1].cf)!.id)]));
    await db().update(lavoratori).set({ titolarePensione: false, trattenuteGiudiziali: false }).where(eq(lavoratori.codiceFiscale, r[1].cf));
  });
});

describe("lotti di pagamento SEPA", () => {
  it("un lotto con gli importi approvati: valido per lo schema, NbOfTxs e CtrlSum, quattro occhi, poi inviato e pagato", async () => {
    const d = await autorizzata();
    const { competenza, righe: r } = await righe(d);
    await invia(xml(competenza, d.ticket!, r));
    const sede = (await importiDi(d.id))[0].sedeCodice;
    const daPagare = await db().select().from(importiCig).where(and(eq(importiCig.sedeCodice, sede), eq(importiCig.stato, "approvato"), sql`${importiCig.nettoCentesimi} > 0`));
    const somma = daPagare.reduce((t, i) => t + i.nettoCentesimi, 0);

    // Né il dirigente né l'operatore di un'altra sede preparano un lotto di Padova.
    expect(await preparaLotto(dirigente, sede)).toMatchObject({ ok: false, motivo: "non_trovato" });
    expect(await preparaLotto(milano, sede)).toMatchObject({ ok: false, motivo: "non_trovato" });

    const preparato = await preparaLotto(giorgio, sede);
    if (!preparato.ok || !preparato.valore) throw new Error("lotto non preparato");
    expect(preparato.valore).toMatchObject({ disposizioni: daPagare.length, totaleCentesimi: somma });
    const file = await fileLotto(giorgio, preparato.valore.lottoId);
    const verifica = await valida(file!.xml);
    expect(verifica.errors).toEqual([]);
    expect(file!.xml.match(new RegExp(`<NbOfTxs>${daPagare.length}</NbOfTxs>`, "g"))).toHaveLength(2);
    const ctrl = `${Math.floor(somma / 100)}.${String(somma % 100).padStart(2, "0")}`;
    expect(file!.xml.match(new RegExp(`<CtrlSum>${ctrl.replace(".", "\\.")}</CtrlSum>`, "g"))).toHaveLength(2);
    expect(file!.xml).toContain('<InstdAmt Ccy="EUR">52.15</InstdAmt>');

    // Di nuovo: nessun importo resta da pagare, nessun secondo lotto.
    expect(await preparaLotto(secondo, sede)).toEqual({ ok: true, valore: null });

    // Quattro occhi: chi ha preparato non approva.
    const stesso = await approvaLotto(giorgio, preparato.valore.lottoId);
    expect(stesso).toMatchObject({ ok: false, motivo: "non_valido" });
    expect(await segnaLottoInviato(secondo, preparato.valore.lottoId)).toMatchObject({ ok: false, motivo: "conflitto" });
    expect((await approvaLotto(secondo, preparato.valore.lottoId)).ok).toBe(true);
    expect(await approvaLotto(secondo, preparato.valore.lottoId)).toMatchObject({ ok: false, motivo: "conflitto" });
    // Anche il database rifiuta un'approvazione di chi ha preparato, e un file cambiato dopo la preparazione.
    await expect(db().execute(sql`update lotti_pagamento set approvato_da = preparato_da where id = ${preparato.valore.lottoId}`)).rejects.toThrow();
    await expect(db().execute(sql`update lotti_pagamento set xml = 'altro' where id = ${preparato.valore.lottoId}`)).rejects.toThrow();

    expect((await segnaLottoInviato(giorgio, preparato.valore.lottoId)).ok).toBe(true);
    const lotto = await dettaglioLotto(giorgio, preparato.valore.lottoId);
    expect(lotto).toMatchObject({ lotto: { stato: "inviato" }, preparatoDa: "Giorgio Operatore Esempio", approvatoDa: "Luca Secondo Esempio" });
    expect((await importiDi(d.id)).every((i) => i.stato === "pagato" && i.lottoId === preparato.valore!.lottoId)).toBe(true);

    // Un'altra sede non vede il lotto; il dirigente di Padova sì.
    expect(await dettaglioLotto(milano, preparato.valore.lottoId)).toBeNull();
    expect(await fileLotto(milano, preparato.valore.lottoId)).toBeNull();
    expect(await dettaglioLotto(dirigente, preparato.valore.lottoId)).not.toBeNull();
    expect((await panoramicaPagamenti(milano))!.lotti.some((l) => l.id === preparato.valore!.lottoId)).toBe(false);

    // L'esito della banca: prima una disposizione respinta (AC01) e le altre ancora in corso (PDNG): il lotto resta
    // inviato, in corso; il respinto torna tra le eccezioni, approvato di nuovo va in un nuovo lotto.
    const nelLotto = await db().select().from(importiCig).where(eq(importiCig.lottoId, preparato.valore.lottoId)).orderBy(importiCig.id);
    const idLotto = preparato.valore.lottoId;
    const messaggio = (await db().select().from(lottiPagamento).where(eq(lottiPagamento.id, idLotto)))[0].messaggioId;
    const e2e = (id: number) => `OMNIA-IMP-${id}`;
    const primo = esitoBanca(messaggio, nelLotto.map((i, n) => [e2e(i.id), n === 0 ? "RJCT" : "PDNG", n === 0 ? "AC01" : undefined]));
    expect(await registraEsitoBanca(secondo, idLotto, { nome: "esito-1.xml", contenuto: byte(primo) })).toMatchObject({ ok: true, valore: { ripetuto: false, respinte: 1, inCorso: nelLotto.length - 1, statoLotto: "in_corso" } });
    expect((await db().select().from(lottiPagamento).where(eq(lottiPagamento.id, idLotto)))[0]).toMatchObject({ stato: "inviato", esito: "in_corso" });
    // Un esito di un altro lotto, o che nomina un bonifico che il lotto non ha: rifiutato per intero.
    expect(await registraEsitoBanca(secondo, idLotto, { nome: "altro.xml", contenuto: byte(esitoBanca("OMNIA-ALTRO", [[e2e(nelLotto[1].id), "ACSC", undefined]])) })).toMatchObject({ ok: false, motivo: "non_valido" });
    expect(await registraEsitoBanca(secondo, idLotto, { nome: "estraneo.xml", contenuto: byte(esitoBanca(messaggio, [["OMNIA-IMP-999999", "ACSC", undefined]])) })).toMatchObject({ ok: false, motivo: "non_valido" });
    // L'operatore di un'altra sede e il dirigente non registrano esiti.
    expect(await registraEsitoBanca(milano, idLotto, { nome: "esito-1.xml", contenuto: byte(primo) })).toMatchObject({ ok: false, motivo: "non_trovato" });
    expect(await registraEsitoBanca(dirigente, idLotto, { nome: "esito-1.xml", contenuto: byte(primo) })).toMatchObject({ ok: false, motivo: "non_trovato" });
    // Il secondo esito chiude le altre: il lotto è pagato in parte; il primo file di nuovo non cambia nulla.
    const secondoFile = esitoBanca(messaggio, nelLotto.slice(1).map((i) => [e2e(i.id), "ACSC", undefined]));
    expect(await registraEsitoBanca(secondo, idLotto, { nome: "esito-2.xml", contenuto: byte(secondoFile) })).toMatchObject({ ok: true, valore: { statoLotto: "pagato_in_parte", respinte: 1, pagate: nelLotto.length - 1 } });
    expect((await db().select().from(lottiPagamento).where(eq(lottiPagamento.id, idLotto)))[0]).toMatchObject({ stato: "esito_ricevuto", esito: "pagato_in_parte" });
    const [tornato] = await db().select().from(importiCig).where(eq(importiCig.id, nelLotto[0].id));
    expect(tornato).toMatchObject({ stato: "eccezione", lottoId: null, esitoBanca: { esito: "respinto", motivo: "AC01" } });
    expect((await risolviEccezione(giorgio, tornato.id, { decisione: "approva", motivo: "IBAN corretto dal lavoratore presso la banca." })).ok).toBe(true);
    const nuovo = await preparaLotto(giorgio, sede);
    if (!nuovo.ok || !nuovo.valore) throw new Error("nuovo lotto non preparato");
    expect((await db().select().from(importiCig).where(eq(importiCig.id, tornato.id)))[0]).toMatchObject({ stato: "in_lotto", lottoId: nuovo.valore.lottoId });
    const prima = await db().select().from(importiCig).where(sql`${importiCig.id} in (${sql.join(nelLotto.map((i) => sql`${i.id}`), sql`, `)})`).orderBy(importiCig.id);
    expect(await registraEsitoBanca(secondo, idLotto, { nome: "esito-1.xml", contenuto: byte(primo) })).toMatchObject({ ok: true, valore: { ripetuto: true } });
    expect(await db().select().from(importiCig).where(sql`${importiCig.id} in (${sql.join(nelLotto.map((i) => sql`${i.id}`), sql`, `)})`).orderBy(importiCig.id)).toEqual(prima);
  });

  it("due operatori preparano insieme: ogni importo finisce in un solo lotto", async () => {
    const d = await autorizzata();
    const { competenza, righe: r } = await righe(d);
    await invia(xml(competenza, d.ticket!, r));
    const sede = (await importiDi(d.id))[0].sedeCodice;
    const [a, b] = await Promise.all([preparaLotto(giorgio, sede), preparaLotto(secondo, sede)]);
    expect(a.ok && b.ok).toBe(true);
    const fatti = [a, b].flatMap((x) => (x.ok && x.valore ? [x.valore] : []));
    expect(fatti).toHaveLength(1);
    const nelLotto = await db().select().from(importiCig).where(eq(importiCig.lottoId, fatti[0].lottoId));
    expect(nelLotto.map((i) => i.id).sort()).toEqual(expect.arrayContaining((await importiDi(d.id)).map((i) => i.id)));
    // Nessun importo in due lotti, e i totali dei lotti tornano con i loro importi (un bonifico respinto dalla banca
    // esce dal suo lotto: lì si contano gli esiti registrati).
    const lotti = await db().select().from(lottiPagamento).where(eq(lottiPagamento.sedeCodice, sede));
    for (const l of lotti) {
      const suoi = await db().select().from(importiCig).where(eq(importiCig.lottoId, l.id));
      const respinte = (await db().select().from(esitiBanca).where(eq(esitiBanca.lottoId, l.id))).reduce((t, e) => Math.max(t, e.respinte), 0);
      if (respinte === 0) expect(suoi.reduce((t, i) => t + i.nettoCentesimi, 0)).toBe(l.totaleCentesimi);
      expect(suoi.length + respinte).toBe(l.disposizioni);
    }
    // Il vincolo del database: una seconda riga viva per la stessa denuncia è rifiutata.
    const [uno] = await importiDi(d.id);
    await expect(
      db().execute(sql`insert into importi_cig (denuncia_id, chiave, provvedimento_id, domanda_id, azienda_id, sede_codice, codice_fiscale, nominativo, competenza, iban, ore_centesimi, retribuzione_persa_centesimi, lordo_centesimi, lordo_limitato_centesimi, riduzione_centesimi, netto_centesimi, calcolo, stato)
        select denuncia_id, chiave, provvedimento_id, domanda_id, azienda_id, sede_codice, codice_fiscale, nominativo, competenza, iban, ore_centesimi, retribuzione_persa_centesimi, lordo_centesimi, lordo_limitato_centesimi, riduzione_centesimi, netto_centesimi, calcolo, 'approvato' from importi_cig where id = ${uno.id}`),
    ).rejects.toThrow();
  });

  it("una denuncia eliminata prima del pagamento: il suo importo è annullato e non entra in un lotto", async () => {
    const d = await autorizzata();
    const { competenza, righe: r } = await righe(d);
    await invia(xml(competenza, d.ticket!, r));
    const [primo] = await importiDi(d.id);
    await db().update(denunceCig).set({ eliminataIl: new Date() }).where(eq(denunceCig.id, primo.denunciaId));
    await abbinaDenunce(attoreSistema("test"), {});
    const dopo = await db().select().from(importiCig).where(eq(importiCig.id, primo.id));
    expect(dopo[0].stato).toBe("annullato");
    const preparato = await preparaLotto(giorgio, primo.sedeCodice);
    if (!preparato.ok || !preparato.valore) throw new Error("lotto non preparato");
    const nel = await db().select().from(importiCig).where(eq(importiCig.lottoId, preparato.valore.lottoId));
    expect(nel.map((i) => i.id)).not.toContain(primo.id);
  });

  it("l'eliminazione dell'azienda annulla subito l'importo non ancora in un lotto; un importo già in un lotto blocca l'eliminazione", async () => {
    const d = await autorizzata();
    const { competenza, righe: r } = await righe(d);
    await invia(xml(competenza, d.ticket!, r));
    const [primo, secondoImporto] = await importiDi(d.id);
    // Withdrawn before any batch: its amount is void at once, without waiting for the matching job.
    const ritiro = await eliminaDenuncia(mario, primo.denunciaId, { inPagamento: "in pagamento" });
    expect(ritiro.ok).toBe(true);
    const [annullato] = await db().select().from(importiCig).where(eq(importiCig.id, primo.id));
    expect(annullato.stato).toBe("annullato");
    // In a batch: the withdrawal is refused with the message and nothing changes.
    const preparato = await preparaLotto(giorgio, secondoImporto.sedeCodice);
    if (!preparato.ok || !preparato.valore) throw new Error("lotto non preparato");
    const [nelLotto] = await db().select().from(importiCig).where(eq(importiCig.id, secondoImporto.id));
    expect(nelLotto.stato).toBe("in_lotto");
    const rifiuto = await eliminaDenuncia(mario, secondoImporto.denunciaId, { inPagamento: "in pagamento" });
    expect(rifiuto).toEqual({ ok: false, motivo: "non_valido", campi: {}, modulo: ["in pagamento"] });
    const [denuncia] = await db().select().from(denunceCig).where(eq(denunceCig.id, secondoImporto.denunciaId));
    expect(denuncia.eliminataIl).toBeNull();
  });
});
