// Il seed su una PGlite in memoria: valori esatti dei dati di riferimento, checksum di ogni codice generato, determinismo,
// nessun doppio seed, delega scaduta.
import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generaCodiceFiscale, validaCodiceFiscalePersona } from "../../app/domain/validatori/codice-fiscale";
import { validaIban } from "../../app/domain/validatori/iban";
import { validaCodiceFiscaleAzienda } from "../../app/domain/validatori/partita-iva";
import { apriPglite, migra, type Connessione, type Db } from "../client";
import {
  AZIENDE_RIFERIMENTO,
  DATA_ASSUNZIONE_LUCA,
  DATA_RIFERIMENTO_SEED,
  DELEGHE_VALIDE_DEMO,
  DEMO,
  GRANDE_AZIENDA,
  LAVORATORI_GRANDE_AZIENDA,
  LAURA_CONSULENTE,
  LAVORATORI_RIFERIMENTO,
  LEGALI_RAPPRESENTANTI,
  MARIO_ESEMPIO,
  seedDemo,
  seedRiferimento,
  seedSeVuoto,
  UTENTI_DEMO,
} from "./index";
import { righeDi } from "./inserimento";

async function righe<T>(db: Db, query: ReturnType<typeof sql>): Promise<T[]> {
  return righeDi<T>(await db.execute(query));
}

async function nuovoDatabase(): Promise<Connessione> {
  const c = await apriPglite();
  await migra(c);
  return c;
}

/** Impronta delle tabelle seminate, calcolata nel database (ordinata per chiave primaria). */
async function impronta(db: Db): Promise<string> {
  const tabelle: Array<[string, string]> = [
    ["aziende", "id"],
    ["unita_produttive", "id"],
    ["lavoratori", "id"],
    ["rapporti_lavoro", "id"],
    ["giornate_agricole", "rapporto_id, anno"],
    ["uniemens_mensili", "rapporto_id, competenza"],
    ["uniemens_eventi_cig", "id"],
    ["utenti", "id"],
    ["ruoli_utente", "utente_id, ruolo"],
    ["deleghe", "id"],
    ["abilitazioni_sede", "utente_id, sede_codice"],
  ];
  const h = createHash("sha256");
  for (const [t, ordine] of tabelle) {
    const [r] = await righe<{ n: string | number; md5: string | null }>(
      db,
      sql.raw(`select count(*) as n, md5(string_agg(t::text, '|' order by ${ordine})) as md5 from ${t} t`),
    );
    h.update(`${t}:${r.n}:${r.md5}\n`);
  }
  return h.digest("hex");
}

describe("seedRiferimento", () => {
  let c: Connessione;
  beforeAll(async () => {
    c = await nuovoDatabase();
    await seedRiferimento(c.db);
  }, 180_000);
  afterAll(async () => c?.chiudi());

  it("scrive le cinque aziende di riferimento con i valori esatti", async () => {
    const aziende = await righe<Record<string, unknown>>(
      c.db,
      sql`select matricola, cida, codice_fiscale, ragione_sociale, gestione, sede_codice, forza_media_semestre,
                 fondo_solidarieta_codice, codice_ateco, csc, cf_legale_rappresentante, pec
          from aziende where codice_fiscale in ('09876540288','08765430239','07654320154','06543210584','05432100724')
          order by matricola nulls last`,
    );
    expect(aziende).toEqual([
      expect.objectContaining({ matricola: "4712345601", codice_fiscale: "09876540288", ragione_sociale: "Officine Meccaniche Brenta S.r.l.", gestione: "privata", forza_media_semestre: 48, fondo_solidarieta_codice: null, cf_legale_rappresentante: MARIO_ESEMPIO.codiceFiscale }),
      expect.objectContaining({ matricola: "4723456702", codice_fiscale: "08765430239", ragione_sociale: "Edil Costruzioni Adige S.p.A.", codice_ateco: "41.20.00", forza_media_semestre: 62, cf_legale_rappresentante: MARIO_ESEMPIO.codiceFiscale }),
      expect.objectContaining({ matricola: "4734567803", codice_fiscale: "07654320154", ragione_sociale: "Bottega Digitale S.n.c.", forza_media_semestre: 4 }),
      expect.objectContaining({ matricola: "4745678904", codice_fiscale: "06543210584", ragione_sociale: "Studio Associato Fontana Esempio", forza_media_semestre: 9, fondo_solidarieta_codice: "attivita_professionali" }),
      expect.objectContaining({ matricola: null, cida: "AGR-000123", codice_fiscale: "05432100724", ragione_sociale: "Azienda Agricola Colle Verde Fittizia", gestione: "agricola", csc: null, forza_media_semestre: 7 }),
    ]);
    // CSC segnaposto: solo la prima cifra confermata (1 industria, 7 terziario).
    expect(aziende.map((a) => (a.csc as string | null)?.[0] ?? null)).toEqual(["1", "1", "7", "7", null]);
    for (const a of aziende) {
      expect(a.pec).toMatch(/@pec\.esempio\.it$/);
      expect(validaCodiceFiscalePersona(a.cf_legale_rappresentante as string, { oggi: DATA_RIFERIMENTO_SEED }).valido).toBe(true);
    }
  });

  it("riempie le sette unità produttive con la forza per orario di §9.2", async () => {
    const forza = await righe<{ cf: string; codice: string; comune: string; belfiore: string; orario: number; n: number | string }>(
      c.db,
      sql`select a.codice_fiscale as cf, u.codice, u.comune, u.codice_catastale as belfiore,
                 r.orario_settimanale_centesimi as orario, r.qualifica::text as qualifica, count(*) as n
          from rapporti_lavoro r join unita_produttive u on u.id = r.unita_produttiva_id join aziende a on a.id = u.azienda_id
          where r.data_cessazione is null
          group by 1, 2, 3, 4, 5, 6`,
    );
    const perOrario = (cf: string, codice: string) => {
      const m: Record<number, number> = {};
      for (const f of forza.filter((x) => x.cf === cf && x.codice === codice)) m[f.orario] = (m[f.orario] ?? 0) + Number(f.n);
      return m;
    };
    expect(perOrario("09876540288", "UP1")).toEqual({ 4000: 30, 2000: 2 });
    expect(perOrario("09876540288", "UP2")).toEqual({ 4000: 15, 2000: 1 }); // Giulia a 20 h: vedi riferimento.ts
    expect(perOrario("08765430239", "UP1")).toEqual({ 4000: 40 });
    expect(perOrario("08765430239", "UP2")).toEqual({ 4000: 22 });
    expect(perOrario("07654320154", "UP1")).toEqual({ 4000: 3, 2400: 1 });
    expect(perOrario("06543210584", "UP1")).toEqual({ 4000: 9 });
    const c5 = forza.filter((x) => x.cf === "05432100724");
    const perQualifica = (q: string) => c5.filter((x) => (x as unknown as { qualifica: string }).qualifica === q).reduce((a, x) => a + Number(x.n), 0);
    expect([perQualifica("oti"), perQualifica("otd")]).toEqual([5, 2]);
    const riferimento = new Set(AZIENDE_RIFERIMENTO.map((a) => a.codiceFiscale));
    const luoghi = new Set(forza.filter((f) => riferimento.has(f.cf)).map((f) => `${f.cf} ${f.codice} ${f.comune} ${f.belfiore}`));
    expect(luoghi).toEqual(
      new Set([
        "09876540288 UP1 Padova G224", "09876540288 UP2 Vicenza L840", "08765430239 UP1 Verona L781",
        "08765430239 UP2 Verona L781", "07654320154 UP1 Milano F205", "06543210584 UP1 Roma H501", "05432100724 UP1 Bari A662",
      ]),
    );
  });

  it("scrive i tredici lavoratori di §9.3 con CF, IBAN, date, qualifiche e orari esatti", async () => {
    const lavoratori = await righe<Record<string, string | number | null>>(
      c.db,
      sql`select l.codice_fiscale, l.nome, l.cognome, l.iban, r.qualifica::text as qualifica, r.data_assunzione,
                 r.orario_settimanale_centesimi, r.percentuale_part_time, u.codice, a.codice_fiscale as azienda
          from lavoratori l join rapporti_lavoro r on r.lavoratore_id = l.id
          join unita_produttive u on u.id = r.unita_produttiva_id join aziende a on a.id = u.azienda_id
          where l.codice_fiscale in (${sql.join(LAVORATORI_RIFERIMENTO.map((l) => sql`${l.codiceFiscale}`), sql`, `)})`,
    );
    expect(lavoratori).toHaveLength(13);
    const perCf = new Map(lavoratori.map((l) => [l.codice_fiscale, l]));
    const attesi: Array<[string, string, string, string, number, number | null, string, string]> = [
      ["SMPMRC80C12G224X", "IT62M9900101001000000100000", "operaio", "2015-03-02", 4000, null, "09876540288", "UP1"],
      ["FTTGLI92L45L840N", "IT39N9900101001000000100001", "impiegato", "2019-09-16", 2000, 50, "09876540288", "UP2"],
      ["CMPLCU03S23G224Z", "IT16O9900101001000000100002", "apprendista", "2026-01-21", 4000, null, "09876540288", "UP1"],
      ["DMSSRA75A70L781U", "IT90P9900101001000000100003", "impiegato", "2008-01-10", 4000, null, "08765430239", "UP2"],
      ["PRVHMD88P09Z330P", "IT67Q9900101001000000100004", "operaio", "2021-04-06", 4000, null, "08765430239", "UP1"],
      ["FNZPLA69D18L781Z", "IT44R9900101001000000100005", "dirigente", "2010-02-01", 4000, null, "08765430239", "UP1"],
      ["SMPCHR99T41F205E", "IT21S9900101001000000100006", "impiegato", "2022-05-02", 2400, 60, "07654320154", "UP1"],
      ["SMLDVD85H14F205O", "IT95T9900101001000000100007", "impiegato", "2016-11-07", 4000, null, "07654320154", "UP1"],
      ["MDLLNE90B68H501W", "IT72U9900101001000000100008", "impiegato", "2018-02-19", 4000, null, "06543210584", "UP1"],
      ["CMPFNC62R07H501F", "IT49V9900101001000000100009", "impiegato", "1995-06-01", 4000, null, "06543210584", "UP1"],
      ["DMSRNI95E60Z129K", "IT79L9900101001000000100010", "oti", "2019-03-01", 3900, null, "05432100724", "UP1"],
      ["PRTNCL78M03A662J", "IT56M9900101001000000100011", "oti", "2024-10-01", 3900, null, "05432100724", "UP1"],
      ["BZZRSO01C55A662M", "IT33N9900101001000000100012", "otd", "2025-06-01", 3900, null, "05432100724", "UP1"],
    ];
    for (const [cf, iban, qualifica, assunzione, orario, pt, azienda, unita] of attesi) {
      expect(perCf.get(cf), cf).toEqual(
        expect.objectContaining({ iban, qualifica, data_assunzione: assunzione, orario_settimanale_centesimi: orario, percentuale_part_time: pt, azienda, codice: unita }),
      );
    }
    // Luca Campionato: 20 giorni prima della data di riferimento (il deposito di D1).
    expect(DATA_ASSUNZIONE_LUCA).toBe("2026-01-21");
    expect(DATA_RIFERIMENTO_SEED).toBe("2026-02-10");
  });

  it("dà le giornate agricole dell'anno scorso: Irina 250, Nicola 150, e UniEmens coerente", async () => {
    const g = await righe<{ cf: string; anno: number; giornate: number; ore: string | number }>(
      c.db,
      sql`select l.codice_fiscale as cf, g.anno, g.giornate,
                 (select coalesce(sum(m.ore_lavorate_centesimi), 0) from uniemens_mensili m
                  where m.rapporto_id = r.id and extract(year from m.competenza) = g.anno) as ore
          from giornate_agricole g join rapporti_lavoro r on r.id = g.rapporto_id join lavoratori l on l.id = r.lavoratore_id
          where g.anno = 2025 and l.codice_fiscale in ('DMSRNI95E60Z129K', 'PRTNCL78M03A662J')
          order by 1`,
    );
    expect(g.map((x) => [x.cf, x.giornate])).toEqual([["DMSRNI95E60Z129K", 250], ["PRTNCL78M03A662J", 150]]);
    // 39 ore su sei giorni = 6,5 ore al giorno: l'intero 2025 è nei 24 mesi UniEmens.
    for (const x of g) expect(Number(x.ore)).toBe(x.giornate * 650);
  });

  it("registra 24 mesi UniEmens fino al mese precedente la data di riferimento, senza eventi CIG", async () => {
    const [m] = await righe<{ dal: string; al: string; mesi: string | number; eventi: string | number }>(
      c.db,
      sql`select min(competenza) as dal, max(competenza) as al, count(distinct competenza) as mesi,
                 (select count(*) from uniemens_eventi_cig) as eventi from uniemens_mensili`,
    );
    expect([m.dal, m.al, Number(m.mesi), Number(m.eventi)]).toEqual(["2024-02-01", "2026-01-01", 24, 0]);
  });

  it("crea gli utenti demo con CF validi, i ruoli e le sedi previste", async () => {
    for (const u of UTENTI_DEMO) {
      expect(generaCodiceFiscale({ ...u, codiceCatastale: u.luogoNascita })).toBe(u.codiceFiscale);
    }
    for (const p of Object.values(LEGALI_RAPPRESENTANTI)) {
      expect(generaCodiceFiscale({ ...p, codiceCatastale: p.luogoNascita })).toBe(p.codiceFiscale);
    }
    const ruoli = await righe<{ cf: string; ruoli: string; sedi: string | null }>(
      c.db,
      sql`select u.codice_fiscale as cf,
                 (select string_agg(r.ruolo::text, ',' order by r.ruolo::text) from ruoli_utente r where r.utente_id = u.id) as ruoli,
                 (select string_agg(s.nome, ',') from abilitazioni_sede a join sedi s on s.codice = a.sede_codice where a.utente_id = u.id) as sedi
          from utenti u order by u.id`,
    );
    expect(ruoli).toEqual([
      { cf: MARIO_ESEMPIO.codiceFiscale, ruoli: "datore", sedi: null },
      { cf: LAURA_CONSULENTE.codiceFiscale, ruoli: "datore,intermediario", sedi: null },
      { cf: "PRTGRG75C08G224S", ruoli: "operatore_sede", sedi: "Padova" },
      { cf: "PRTFNC82T59F205P", ruoli: "operatore_sede", sedi: "Milano" },
      { cf: "DRGNNA66L67G224M", ruoli: "dirigente_sede", sedi: "Padova" },
      { cf: "RVSPLA79E10F205Q", ruoli: "operatore_sede", sedi: "Milano" },
    ]);
    const diMario = await righe<{ cf: string }>(
      c.db,
      sql`select codice_fiscale as cf from aziende where cf_legale_rappresentante = ${MARIO_ESEMPIO.codiceFiscale} order by 1`,
    );
    expect(diMario.map((a) => a.cf)).toEqual(["08765430239", "09876540288"]);
    expect(AZIENDE_RIFERIMENTO).toHaveLength(5);
  });

  it("la delega dell'intermediaria su C2 è scaduta, quelle su C3, C4 e C5 sono valide", async () => {
    const d = await righe<{ cf: string; valida: boolean }>(
      c.db,
      sql`select a.codice_fiscale as cf,
                 (d.valida_dal <= ${DATA_RIFERIMENTO_SEED}::date and (d.valida_al is null or d.valida_al >= ${DATA_RIFERIMENTO_SEED}::date)) as valida
          from deleghe d join aziende a on a.id = d.azienda_id join utenti u on u.id = d.intermediario_id
          where u.codice_fiscale = ${LAURA_CONSULENTE.codiceFiscale} order by 1`,
    );
    expect(d).toEqual([
      { cf: "05432100724", valida: true },
      { cf: "06543210584", valida: true },
      { cf: "07654320154", valida: true },
      { cf: "08765430239", valida: false },
    ]);
    const [c2] = await righe<{ valida_al: string }>(
      c.db,
      sql`select d.valida_al from deleghe d join aziende a on a.id = d.azienda_id where a.codice_fiscale = '08765430239'`,
    );
    expect(c2.valida_al < DATA_RIFERIMENTO_SEED).toBe(true);
  });

  it("seedSeVuoto non semina un database che ha già i dati", async () => {
    expect(await seedSeVuoto(c.db)).toBe(false);
  });
});

describe("seedDemo e seedSeVuoto", () => {
  let primo: string;

  it("semina una volta sola; ogni CF, partita IVA e IBAN generato supera i validatori del dominio", async () => {
    const c = await nuovoDatabase();
    try {
      expect(await seedSeVuoto(c.db)).toBe(true);
      primo = await impronta(c.db);
      expect(await seedSeVuoto(c.db)).toBe(false);
      expect(await impronta(c.db)).toBe(primo);

      const [n] = await righe<{ aziende: string | number; lavoratori: string | number; mesi: string | number }>(
        c.db,
        sql`select (select count(*) from aziende) as aziende, (select count(*) from lavoratori) as lavoratori,
                   (select count(distinct competenza) from uniemens_mensili) as mesi`,
      );
      // 5 di riferimento + lo studio dell'intermediaria + le generate + la Grande Fonderia; 130 lavoratori nelle unità
      // di riferimento + 2 dello studio + quelli della Grande Fonderia.
      expect(Number(n.aziende)).toBe(7 + DEMO.aziende);
      expect(Number(n.lavoratori)).toBe(132 + DEMO.lavoratori + LAVORATORI_GRANDE_AZIENDA);
      expect(Number(n.mesi)).toBe(24);

      const persone = await righe<{ cf: string; iban: string | null }>(c.db, sql`select codice_fiscale as cf, iban from lavoratori`);
      const cfNonValidi = persone.filter((p) => !validaCodiceFiscalePersona(p.cf, { oggi: DATA_RIFERIMENTO_SEED }).valido).map((p) => p.cf);
      const ibanNonValidi = persone.filter((p) => p.iban !== null && !validaIban(p.iban).valido).map((p) => p.iban);
      expect(cfNonValidi).toEqual([]);
      expect(ibanNonValidi).toEqual([]);
      expect(new Set(persone.map((p) => p.iban).filter(Boolean)).size).toBe(persone.filter((p) => p.iban).length);

      const aziende = await righe<{ cf: string; legale: string }>(
        c.db,
        sql`select codice_fiscale as cf, cf_legale_rappresentante as legale from aziende`,
      );
      expect(aziende.filter((a) => !validaCodiceFiscaleAzienda(a.cf, DATA_RIFERIMENTO_SEED).valido)).toEqual([]);
      expect(aziende.filter((a) => !validaCodiceFiscalePersona(a.legale, { oggi: DATA_RIFERIMENTO_SEED }).valido)).toEqual([]);
      // Partite IVA (11 cifre) e imprese individuali (CF del titolare) ci sono entrambe.
      expect(aziende.some((a) => a.cf.length === 16)).toBe(true);

      const [d] = await righe<{ valide: string | number }>(
        c.db,
        sql`select count(*) as valide from deleghe d join utenti u on u.id = d.intermediario_id
            where u.codice_fiscale = ${LAURA_CONSULENTE.codiceFiscale}
              and d.valida_dal <= ${DATA_RIFERIMENTO_SEED}::date and (d.valida_al is null or d.valida_al >= ${DATA_RIFERIMENTO_SEED}::date)`,
      );
      expect(Number(d.valide)).toBe(DELEGHE_VALIDE_DEMO);

      // La Grande Fonderia (benchmark della pagina Lavoratori): un'unità di 520 lavoratori in forza, 24 mesi UniEmens.
      const grande = await righe<{ codice: string; n: string | number; mesi: string | number; delegata: boolean }>(
        c.db,
        sql`select u.codice, count(distinct r.id) as n, count(distinct m.competenza) as mesi,
                   exists(select 1 from deleghe d join utenti x on x.id = d.intermediario_id
                          where d.azienda_id = a.id and x.codice_fiscale = ${LAURA_CONSULENTE.codiceFiscale}
                            and d.valida_dal <= ${DATA_RIFERIMENTO_SEED}::date
                            and (d.valida_al is null or d.valida_al >= ${DATA_RIFERIMENTO_SEED}::date)) as delegata
            from aziende a join unita_produttive u on u.azienda_id = a.id join rapporti_lavoro r on r.unita_produttiva_id = u.id
            left join uniemens_mensili m on m.rapporto_id = r.id
            where a.ragione_sociale = ${GRANDE_AZIENDA.ragioneSociale} and r.data_cessazione is null
            group by a.id, u.codice order by u.codice`,
      );
      expect(grande.map((g) => [g.codice, Number(g.n), Number(g.mesi), g.delegata])).toEqual(
        GRANDE_AZIENDA.unita.map((u) => [u.codice, u.lavoratori, 24, true]),
      );
      expect(GRANDE_AZIENDA.unita[0].lavoratori).toBeGreaterThanOrEqual(500);

      const [e] = await righe<{ eventi: string | number; ticket: string | number; fondi: string | number }>(
        c.db,
        sql`select count(*) as eventi, count(distinct ticket) as ticket,
                   (select count(distinct fondo_solidarieta_codice) from aziende) as fondi from uniemens_eventi_cig`,
      );
      expect(Number(e.eventi)).toBeGreaterThan(0);
      expect(Number(e.ticket)).toBeGreaterThan(3);
      expect(Number(e.fondi)).toBeGreaterThan(2);

      // The operators' desk: sent domande for the sedi of Padova (9028: C1's four and the four of the decision's e2e, one
      // per e2e project, and generated companies) and Milano (9015), each with its queue columns and its workers.
      const inviate = await righe<{ sede: string; n: string | number; c1: string | number; complete: string | number }>(
        c.db,
        sql`select d.sede_codice as sede, count(*) as n,
                   count(*) filter (where a.matricola = '4712345601') as c1,
                   count(*) filter (where d.scadenza_decisione is not null and d.causale is not null
                     and exists (select 1 from domanda_lavoratori l where l.domanda_id = d.id)) as complete
            from domande d join aziende a on a.id = d.azienda_id where d.stato = 'inviata' group by d.sede_codice order by 1`,
      );
      expect(inviate.map((r) => [r.sede, Number(r.n), Number(r.c1), Number(r.complete)])).toEqual([
        ["9015", 3, 0, 3],
        ["9028", 11, 8, 11],
      ]);
      // The decision's e2e: per project (four) a late CIGO of C1 already taken and a FIS of C3 suspended on an expired
      // request; the thread's e2e: per project (two) a FIS of C3 taken by Milano (db/seed/comunicazioni-demo.ts); the
      // answer's e2e: per project (four) a FIS of C3 taken by Milano with no request yet (db/seed/risposte-demo.ts).
      const decisione = await righe<{ stato: string; n: string | number; richieste: string | number }>(
        c.db,
        sql`select d.stato, count(*) as n, count(r.id) as richieste from domande d left join richieste_istruttoria r on r.domanda_id = d.id
            where d.stato in ('in_istruttoria', 'sospesa') group by d.stato order by 1`,
      );
      expect(decisione.map((r) => [r.stato, Number(r.n), Number(r.richieste)])).toEqual([
        ["in_istruttoria", 10, 0],
        ["sospesa", 4, 4],
      ]);
    } finally {
      await c.chiudi();
    }
  }, 300_000);

  it("è deterministico: una seconda esecuzione produce le stesse righe", async () => {
    const c = await nuovoDatabase();
    try {
      await seedDemo(c.db);
      expect(await impronta(c.db)).toBe(primo);
    } finally {
      await c.chiudi();
    }
  }, 300_000);
});
