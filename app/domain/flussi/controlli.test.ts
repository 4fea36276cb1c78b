import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { CATALOGO_ERRORI_FLUSSI } from "./catalogo-errori";
import { creaVerificaFlusso, ricordata, type ContestoFlussi, type DomandaDelTicket } from "./controlli";
import { leggiDenuncia, type CampiGrezzi, type DenunciaCig } from "./denuncia";
import { validaCodiceFiscalePersona } from "../validatori/codice-fiscale";
import { validaIban } from "../validatori/iban";

// C3 dei dati di riferimento (db/seed/riferimento.ts): FIS con pagamento diretto, marzo 2026; Chiara Esempietto part-time 24 ore.
const CHIARA = "SMPCHR99T41F205E";
const MARCO = "SMPMRC80C12G224X";
const IBAN_CHIARA = "IT21S9900101001000000100006";
const DOMANDA: DomandaDelTicket = {
  ticket: "SYNTHTICKET00001",
  matricola: "4734567803",
  unitaProduttiva: "up-c3",
  pagamentoDiretto: true,
  periodoRichiesto: { inizio: "2026-03-02", fine: "2026-05-24" },
  lavoratoriRichiesti: new Set([CHIARA, MARCO]),
  autorizzazione: { periodo: { inizio: "2026-03-02", fine: "2026-05-24" }, oreAutorizzateCentesimi: 20_000, lavoratori: new Set([CHIARA]), notificataIl: "2026-03-20" },
};

function contesto(modifiche: Partial<ContestoFlussi> = {}, domanda: DomandaDelTicket = DOMANDA): ContestoFlussi {
  return {
    oggi: "2026-04-10",
    matricolaAbilitata: (m) => (m === "4734567803" ? "abilitata" : m === "4712345601" ? "non_delegata" : "sconosciuta"),
    domandaDelTicket: (t) => (t === domanda.ticket ? domanda : t === "CONGUAGLIO000001" ? { ...domanda, ticket: t, pagamentoDiretto: false } : t === "ALTRAMATRICOLA01" ? { ...domanda, ticket: t, matricola: "4712345601" } : null),
    inForza: (cf, _m, up, competenza) => up === "up-c3" && (cf === CHIARA || cf === MARCO) && competenza >= "2026-01",
    ibanRegistrato: (cf) => (cf === CHIARA ? IBAN_CHIARA : null),
    chiaveGiaPresente: () => false,
    oreGiaAccolteCentesimi: () => 0,
    ...modifiche,
  };
}

const CAMPI: CampiGrezzi = {
  matricola: "4734567803", cfAzienda: "07654320154", competenza: "2026-03", cfLavoratore: CHIARA, cognome: "ESEMPIETTO", nome: "CHIARA",
  qualifica1: "2", qualifica2: "P", qualifica3: "D", tipoContribuzione: "00", orarioContrattuale: "2400", percPartTime: "6000",
  iban: IBAN_CHIARA, ticket: "SYNTHTICKET00001", detrazLavDip: "S", detrazCarichiFam: "S", retribTeorica: "1100.00",
};
// Lunedì 2, mercoledì 4 e venerdì 6 marzo 2026: 8 ore ciascuno (24 nella settimana).
const GIORNI = [{ giorno: "2", ore: "800" }, { giorno: "4", ore: "800" }, { giorno: "6", ore: "800" }];

function denuncia(campi: CampiGrezzi = {}, giorni = GIORNI, riga = 10): DenunciaCig {
  const l = leggiDenuncia(riga, { ...CAMPI, ...campi }, giorni);
  if (!l.ok) throw new Error(JSON.stringify(l.segnalazioni));
  return l.denuncia;
}
const codici = (d: DenunciaCig, ctx = contesto()) => creaVerificaFlusso(ctx)(d).segnalazioni.map((s) => s.codice);

describe("lettura dei campi della denuncia", () => {
  it("dal testo al modello: maiuscole, centesimi, giorni in ordine", () => {
    const d = denuncia({ cfLavoratore: CHIARA.toLowerCase(), iban: "it21 s990 0101 0010 0000 0100 006" }, [{ giorno: "6", ore: "800" }, { giorno: "02", ore: "400" }]);
    expect(d).toMatchObject({ cfLavoratore: CHIARA, iban: IBAN_CHIARA, orarioContrattualeCentesimi: 2400, percPartTimeCentesimi: 6000, retribTeoricaCentesimi: 110000 });
    expect(d.giorni).toEqual([{ giorno: 2, oreCentesimi: 400 }, { giorno: 6, oreCentesimi: 800 }]);
  });
  it("la retribuzione oraria (RetribOraria) al posto di quella mensile, mai tutte e due", () => {
    expect(denuncia({ retribTeorica: "", retribOraria: "11.5" })).toMatchObject({ retribTeoricaCentesimi: null, retribOrariaCentesimi: 1150 });
    expect(denuncia()).toMatchObject({ retribTeoricaCentesimi: 110000, retribOrariaCentesimi: null });
    const entrambe = leggiDenuncia(3, { ...CAMPI, retribOraria: "11.50" }, GIORNI);
    expect(!entrambe.ok && entrambe.segnalazioni).toEqual([
      { codice: "UNI41-E001", campo: "retribOraria", messaggio: "Indica la retribuzione mensile (RetribTeorica) oppure quella oraria (RetribOraria), non tutte e due." },
    ]);
    const formato = leggiDenuncia(3, { ...CAMPI, retribTeorica: "", retribOraria: "11,50" }, GIORNI);
    expect(!formato.ok && formato.segnalazioni.map((s) => s.messaggio)).toEqual([
      "RetribOraria «11,50» non ha il formato atteso: un importo orario con il punto per i decimali, ad esempio 11.50.",
    ]);
  });
  it("campi obbligatori mancanti, formati sbagliati, caratteri di controllo: UNI41-E001 con il nome del campo dello schema", () => {
    const l = leggiDenuncia(7, { ...CAMPI, matricola: "", competenza: "2026-13", cognome: "ROSSI\u202e", retribTeorica: "1.100,00" }, []);
    expect(l.ok).toBe(false);
    if (l.ok) return;
    expect(l.riga).toBe(7);
    expect(l.segnalazioni.every((s) => s.codice === "UNI41-E001")).toBe(true);
    expect(l.segnalazioni.map((s) => s.messaggio)).toEqual([
      "Manca Matricola.",
      "AnnoMeseDenuncia «2026-13» non ha il formato atteso: AAAA-MM, ad esempio 2026-03.",
      "Cognome contiene caratteri di controllo non ammessi.",
      "RetribTeorica «1.100,00» non ha il formato atteso: un importo con il punto per i decimali, ad esempio 1100.00.",
      "Indica almeno un giorno con le ore di integrazione.",
    ]);
  });
  it("giorni non validi, ripetuti o inesistenti nel mese", () => {
    const l = leggiDenuncia(1, { ...CAMPI, competenza: "2026-02" }, [{ giorno: "30", ore: "800" }, { giorno: "3", ore: "800" }, { giorno: "3", ore: "100" }, { giorno: "x", ore: "1" }, { giorno: "4", ore: "9999" }]);
    expect(l.ok ? [] : l.segnalazioni.map((s) => s.messaggio)).toEqual([
      "Il giorno 3 è indicato due volte.",
      "Il giorno «x» con ore «1» non è valido: giorno da 1 a 31, ore in centesimi da 0 a 2400.",
      "Il giorno «4» con ore «9999» non è valido: giorno da 1 a 31, ore in centesimi da 0 a 2400.",
      "Il giorno 30 non esiste nel mese 2026-02.",
    ]);
    const lungo = leggiDenuncia(1, { ...CAMPI, nome: "A".repeat(201) }, GIORNI);
    expect(lungo.ok ? [] : lungo.segnalazioni.map((s) => s.messaggio)).toEqual(["Nome è troppo lungo (al massimo 200 caratteri)."]);
  });
});

describe("controlli sincroni della denuncia", () => {
  it("una denuncia corretta è accolta senza segnalazioni", () => {
    const e = creaVerificaFlusso(contesto())(denuncia());
    expect(e).toMatchObject({ riga: 10, accolta: true, segnalazioni: [], oreCentesimi: 2400 });
  });
  it("mese non ancora iniziato (E041)", () => {
    expect(codici(denuncia({ competenza: "2026-05" }, [{ giorno: "4", ore: "800" }]))).toContain("UNI41-E041");
  });
  it("matricola sconosciuta o non delegata (E010): i controlli successivi non servono", () => {
    expect(codici(denuncia({ matricola: "4799999999" }))).toEqual(["UNI41-E010"]);
    const e = creaVerificaFlusso(contesto())(denuncia({ matricola: "4712345601" }));
    expect(e.segnalazioni[0].messaggio).toBe("Non hai una delega valida per la matricola 4712345601.");
  });
  it("ticket: mancante, sconosciuto, di un'altra matricola, non per pagamento diretto (E020-E023)", () => {
    expect(codici(denuncia({ ticket: "" }))).toEqual(["UNI41-E020"]);
    expect(codici(denuncia({ ticket: "SCONOSCIUTO00001" }))).toEqual(["UNI41-E021"]);
    expect(codici(denuncia({ ticket: "ALTRAMATRICOLA01" }))).toEqual(["UNI41-E023"]);
    expect(codici(denuncia({ ticket: "CONGUAGLIO000001" }))).toEqual(["UNI41-E022"]);
  });
  it("lavoratore: codice fiscale errato, escluso dall'autorizzazione, estraneo, non in forza (E030-E032)", () => {
    expect(codici(denuncia({ cfLavoratore: "SMPCHR99T41F205A" }))).toContain("UNI41-E030");
    const escluso = creaVerificaFlusso(contesto())(denuncia({ cfLavoratore: MARCO, cognome: "ESEMPIO", nome: "MARCO" }));
    expect(escluso.segnalazioni[0]).toMatchObject({ codice: "UNI41-E031", messaggio: `ESEMPIO MARCO (${MARCO}) è stato escluso dall'autorizzazione.` });
    expect(codici(denuncia({ cfLavoratore: "RSSMRA85T10A562S" }))[0]).toBe("UNI41-E031");
    expect(codici(denuncia(), contesto({ inForza: () => false }))).toContain("UNI41-E032");
  });
  it("prima della decisione valgono i lavoratori e il periodo richiesti; un avviso dice che il pagamento attende (W082)", () => {
    const ctx = contesto({}, { ...DOMANDA, autorizzazione: null });
    const e = creaVerificaFlusso(ctx)(denuncia({ cfLavoratore: MARCO, cognome: "ESEMPIO", nome: "MARCO", iban: "IT95T9900101001000000100007" }));
    expect(e.accolta).toBe(true);
    expect(e.segnalazioni.map((s) => s.codice)).toEqual(["UNI41-W061", "UNI41-W082"]);
  });
  it("mese o giorni fuori dal periodo autorizzato (E040)", () => {
    const fuori = creaVerificaFlusso(contesto({ oggi: "2026-07-01" }))(denuncia({ competenza: "2026-06" }, [{ giorno: "1", ore: "800" }]));
    expect(fuori.segnalazioni[0]).toMatchObject({ codice: "UNI41-E040", messaggio: "Il mese 2026-06 è fuori dal periodo autorizzato (02/03/2026 - 24/05/2026)." });
    const giorno = creaVerificaFlusso(contesto({ oggi: "2026-03-10" }))(denuncia({}, [{ giorno: "2", ore: "800" }, { giorno: "1", ore: "800" }]));
    expect(giorno.segnalazioni.map((s) => s.messaggio)).toContain("I giorni 1 di 2026-03 sono fuori dal periodo autorizzato.");
  });
  it("detrazioni: obbligatorie, S o N, uguali (msg INPS 2902/2022, E050)", () => {
    for (const [a, b] of [["S", "N"], ["", "S"], ["X", "X"], ["", ""]]) {
      expect(codici(denuncia({ detrazLavDip: a, detrazCarichiFam: b }))).toEqual(["UNI41-E050"]);
    }
    expect(codici(denuncia({ detrazLavDip: "n", detrazCarichiFam: "N" }))).toEqual([]);
  });
  it("IBAN: mancante o non valido è un errore; valido ma non registrato per il lavoratore è un avviso (E060, W061)", () => {
    expect(codici(denuncia({ iban: "" }))).toEqual(["UNI41-E060"]);
    expect(codici(denuncia({ iban: "IT21S9900101001000000100007" }))).toEqual(["UNI41-E060"]);
    expect(codici(denuncia({ iban: "US12345678901234567890" }))).toEqual(["UNI41-E060"]);
    const w = creaVerificaFlusso(contesto())(denuncia({ iban: "IT95T9900101001000000100007" }));
    expect(w).toMatchObject({ accolta: true, segnalazioni: [{ codice: "UNI41-W061" }] });
  });
  it("chiave doppia nello stesso file o già accolta (E070); con altre qualifiche non è un doppione", () => {
    const verifica = creaVerificaFlusso(contesto());
    expect(verifica(denuncia()).accolta).toBe(true);
    expect(verifica(denuncia({}, GIORNI, 11)).segnalazioni.map((s) => s.codice)).toEqual(["UNI41-E070"]);
    expect(verifica(denuncia({ qualifica3: "S" }, [{ giorno: "9", ore: "100" }], 12)).accolta).toBe(true);
    expect(codici(denuncia(), contesto({ chiaveGiaPresente: () => true }))).toEqual(["UNI41-E070"]);
  });
  it("termine: scaduto è un errore, entro 15 giorni un avviso (art. 7 c.5-bis, E080 e W081)", () => {
    // Marzo 2026 con autorizzazione notificata il 20/03: max(31/05, 19/05) = 31/05/2026.
    expect(codici(denuncia(), contesto({ oggi: "2026-06-01" }))).toEqual(["UNI41-E080"]);
    expect(codici(denuncia(), contesto({ oggi: "2026-05-20" }))).toEqual(["UNI41-W081"]);
    expect(codici(denuncia(), contesto({ oggi: "2026-05-15" }))).toEqual([]);
  });
  it("ore oltre l'orario contrattuale della settimana (E090)", () => {
    const e = creaVerificaFlusso(contesto())(denuncia({}, [{ giorno: "2", ore: "800" }, { giorno: "3", ore: "800" }, { giorno: "4", ore: "800" }, { giorno: "5", ore: "100" }, { giorno: "9", ore: "800" }]));
    expect(e.segnalazioni).toEqual([
      { codice: "UNI41-E090", campo: "giorni", messaggio: "Nella settimana del 02/03/2026 le ore di integrazione (25) superano l'orario contrattuale (24)." },
    ]);
  });
  it("ore autorizzate cumulate tra i flussi e nel file; le righe scartate non consumano ore (E091)", () => {
    const verifica = creaVerificaFlusso(contesto({ oreGiaAccolteCentesimi: () => 16_000 }));
    expect(verifica(denuncia({ iban: "" })).accolta).toBe(false);
    expect(verifica(denuncia()).accolta).toBe(true);
    const oltre = verifica(denuncia({ competenza: "2026-04" }, [{ giorno: "6", ore: "800" }, { giorno: "7", ore: "800" }, { giorno: "8", ore: "800" }]));
    expect(oltre.segnalazioni).toEqual([
      { codice: "UNI41-E091", campo: "giorni", messaggio: "Ore autorizzate 200, già accolte 184: le 24 ore di questa denuncia le supererebbero (restano 16)." },
    ]);
    // Esattamente fino al limite si può.
    expect(verifica(denuncia({ competenza: "2026-04" }, [{ giorno: "6", ore: "800" }, { giorno: "7", ore: "800" }])).accolta).toBe(true);
  });
  it("ogni codice usato esiste nel catalogo con causa e rimedio", () => {
    for (const v of Object.values(CATALOGO_ERRORI_FLUSSI)) {
      expect(v.causa.length).toBeGreaterThan(20);
      expect(v.rimedio.length).toBeGreaterThan(10);
    }
  });
  it("proprietà: le ore accolte non superano mai quelle autorizzate, in qualunque ordine arrivino le denunce", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 8 })), { minLength: 1, maxLength: 30 }), (righe) => {
        const verifica = creaVerificaFlusso(contesto({ oggi: "2026-05-15" }));
        let accolte = 0;
        righe.forEach(([mese, ore], i) => {
          const e = verifica(denuncia({ competenza: `2026-0${mese + 2}`, qualifica3: String.fromCharCode(65 + (i % 26)), tipoContribuzione: String(10 + Math.floor(i / 26)) }, [{ giorno: "12", ore: String(ore * 100) }], i));
          if (e.accolta) accolte += e.oreCentesimi;
        });
        expect(accolte).toBeLessThanOrEqual(DOMANDA.autorizzazione!.oreAutorizzateCentesimi);
      }),
    );
  });
});

describe("risultati ricordati per flusso", () => {
  it("proprietà: il valore ricordato è quello calcolato, anche quando la memoria si svuota", () => {
    const oggi = "2026-04-10";
    const chiave = fc.oneof(fc.constantFrom(CHIARA, MARCO, "SMPCHR99T41F205A", "RSSMRA85T10A56QS", IBAN_CHIARA, "IT21S9900101001000000100007", "DE89370400440532013000"), fc.string({ maxLength: 27 }));
    fc.assert(
      fc.property(fc.array(chiave, { maxLength: 60 }), fc.integer({ min: 1, max: 8 }), (chiavi, massimo) => {
        const cf = ricordata((c) => validaCodiceFiscalePersona(c, { oggi }), massimo);
        const iban = ricordata(validaIban, massimo);
        for (const c of chiavi) {
          expect(cf(c)).toEqual(validaCodiceFiscalePersona(c, { oggi }));
          expect(iban(c)).toEqual(validaIban(c));
        }
      }),
    );
  });
  it("una chiave che si ripete è calcolata una volta sola, finché la memoria non è piena", () => {
    const calcolate: string[] = [];
    const lunghezza = ricordata((c) => (calcolate.push(c), c.length), 2);
    for (const c of ["a", "bb", "a", "bb", "a"]) lunghezza(c);
    expect(calcolate).toEqual(["a", "bb"]);
    // A third key fills it: it starts again, so memory stays within the bound.
    lunghezza("ccc");
    lunghezza("a");
    expect(calcolate).toEqual(["a", "bb", "ccc", "a"]);
  });
  it("lo stesso lavoratore, IBAN e mese su molte denunce: ogni denuncia ha l'esito che avrebbe da sola", () => {
    const ctx = contesto();
    const verifica = creaVerificaFlusso(ctx);
    const righe = [
      denuncia({ qualifica3: "A" }),
      denuncia({ qualifica3: "B", iban: "IT21S9900101001000000100007" }),
      denuncia({ qualifica3: "C", cfLavoratore: "SMPCHR99T41F205A" }),
      denuncia({ qualifica3: "D" }, [{ giorno: "1", ore: "800" }]),
      denuncia({ qualifica3: "E", competenza: "2026-05" }, [{ giorno: "4", ore: "800" }]),
      denuncia({ qualifica3: "F" }, [{ giorno: "9", ore: "800" }]),
    ];
    for (const d of righe) expect(verifica(d).segnalazioni).toEqual(creaVerificaFlusso(ctx)(d).segnalazioni);
  });
});
