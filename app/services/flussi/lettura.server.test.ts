import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { contatoreDenunce, leggiFlussoCsv, leggiFlussoXml, PEZZO_LETTURA, testoUtf8, type VoceFlusso } from "./lettura.server";

const ESEMPI = new URL("../../../public/flussi/esempi/", import.meta.url);

async function tutte(g: AsyncGenerator<VoceFlusso>): Promise<VoceFlusso[]> {
  const out: VoceFlusso[] = [];
  for await (const v of g) out.push(v);
  return out;
}
/** Il testo a pezzi piccoli, come arriva dalla rete: i confini dei pezzi cadono dentro elementi e caratteri. */
async function* aPezzi(testo: string | Buffer, dimensione = 7): AsyncGenerator<Uint8Array> {
  const b = Buffer.isBuffer(testo) ? testo : Buffer.from(testo);
  for (let i = 0; i < b.length; i += dimensione) yield b.subarray(i, i + dimensione);
}
const xml = (corpo: string, testa = '<?xml version="1.0" encoding="UTF-8"?>') => `${testa}\n<DenunceMensili><Azienda><AnnoMeseDenuncia>2026-03</AnnoMeseDenuncia><PosContributiva><Matricola>4734567803</Matricola>${corpo}</PosContributiva></Azienda></DenunceMensili>`;
const DENUNCIA = (cf = "SMPCHR99T41F205E", extra = "") => `<DenunciaIndividuale><CFLavoratore>${cf}</CFLavoratore><Cognome>ESEMPIETTO</Cognome><Nome>CHIARA</Nome><Qualifica1>2</Qualifica1><Qualifica2>P</Qualifica2><Qualifica3>D</Qualifica3><TipoContribuzione>00</TipoContribuzione><OrarioContrattuale>2400</OrarioContrattuale>${extra}<DatiRetributivi><GiornoCig GG="02"><OreCig>800</OreCig></GiornoCig></DatiRetributivi></DenunciaIndividuale>`;
const fatali = (v: VoceFlusso[]) => v.flatMap((x) => (x.tipo === "fatale" ? [x.segnalazione] : []));

describe("lettura del flusso XML", () => {
  it("l'esempio pubblicato si legge, anche a pezzi di 7 byte, con i dati dell'azienda e della posizione", async () => {
    const testo = await readFile(new URL("flusso-c3-marzo-2026.xml", ESEMPI));
    const voci = await tutte(leggiFlussoXml(aPezzi(testo)));
    expect(voci).toHaveLength(2);
    const [v, oraria] = voci;
    expect(v.tipo === "denuncia" && v.lettura.ok && v.lettura.denuncia).toMatchObject({
      riga: 17, matricola: "4734567803", cfAzienda: "07654320154", competenza: "2026-03", cfLavoratore: "SMPCHR99T41F205E",
      ticket: "SYNTHTICKET00001", iban: "IT21S9900101001000000100006", detrazLavDip: "S", retribTeoricaCentesimi: 110000,
      giorni: [{ giorno: 2, oreCentesimi: 800 }, { giorno: 4, oreCentesimi: 800 }, { giorno: 6, oreCentesimi: 800 }],
    });
    // The second return carries an hourly pay instead of the monthly one.
    expect(oraria.tipo === "denuncia" && oraria.lettura.ok && oraria.lettura.denuncia).toMatchObject({
      cfLavoratore: "SMLDVD85H14F205O", retribTeoricaCentesimi: null, retribOrariaCentesimi: 1150, giorni: [{ giorno: 2, oreCentesimi: 800 }, { giorno: 4, oreCentesimi: 400 }],
    });
  });
  it("il CSV con lo stesso contenuto dà la stessa denuncia", async () => {
    const daXml = await tutte(leggiFlussoXml(aPezzi(await readFile(new URL("flusso-c3-marzo-2026.xml", ESEMPI)))));
    const daCsv = await tutte(leggiFlussoCsv(aPezzi(await readFile(new URL("flusso-c3-marzo-2026.csv", ESEMPI)))));
    const senzaRiga = (v: VoceFlusso) => (v.tipo === "denuncia" && v.lettura.ok ? { ...v.lettura.denuncia, riga: 0 } : v);
    expect(daCsv.map(senzaRiga)).toEqual(daXml.map(senzaRiga));
  });
  it("una denuncia con errori di formato non ferma le altre; ognuna ha la sua riga", async () => {
    const testo = xml(`\n${DENUNCIA()}\n${DENUNCIA("NONVALIDO")}\n${DENUNCIA("SMPMRC80C12G224X", "<Sconosciuto>1</Sconosciuto>")}`);
    const voci = await tutte(leggiFlussoXml(aPezzi(testo)));
    expect(voci.map((v) => (v.tipo === "denuncia" ? [v.lettura.ok, v.lettura.ok ? v.lettura.denuncia.riga : v.lettura.riga] : v.tipo))).toEqual([[true, 3], [false, 4], [false, 5]]);
    const terza = voci[2];
    expect(terza.tipo === "denuncia" && !terza.lettura.ok && terza.lettura.segnalazioni[0].messaggio).toBe("L'elemento Sconosciuto non è previsto dallo schema.");
  });
  it("DOCTYPE ed entità sono rifiutati senza espanderli (bomba XML, entità esterna)", async () => {
    const bomba = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]><DenunceMensili>&lol2;</DenunceMensili>`;
    expect(fatali(await tutte(leggiFlussoXml(aPezzi(bomba, 4096))))).toEqual([
      { codice: "UNI41-E002", messaggio: "Il file contiene una dichiarazione DOCTYPE: non è ammessa (nessuna entità né DTD)." },
    ]);
    const esterna = `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><DenunceMensili>&e;</DenunceMensili>`;
    const voci = await tutte(leggiFlussoXml(aPezzi(esterna, 4096)));
    expect(fatali(voci)[0].codice).toBe("UNI41-E002");
    expect(JSON.stringify(voci)).not.toContain("root:");
    // Un'entità non dichiarata è un errore di XML, non un testo espanso.
    expect(fatali(await tutte(leggiFlussoXml(aPezzi(xml(DENUNCIA("&xxe;"))))))[0].codice).toBe("UNI41-E001");
  });
  it("codifica: dichiarata diversa da UTF-8, o byte non UTF-8", async () => {
    expect(fatali(await tutte(leggiFlussoXml(aPezzi(xml(DENUNCIA(), '<?xml version="1.0" encoding="ISO-8859-1"?>'))))))
      .toEqual([{ codice: "UNI41-E002", messaggio: "Il file dichiara la codifica ISO-8859-1: è ammessa solo UTF-8." }]);
    const latin1 = Buffer.from(xml(DENUNCIA("SMPCHR99T41F205E", "<PercPartTime>6000</PercPartTime>")).replace("ESEMPIETTO", "ESEMPIETT\u00d2"), "latin1");
    expect(fatali(await tutte(leggiFlussoXml(aPezzi(latin1))))).toEqual([{ codice: "UNI41-E002", messaggio: "Il file non è codificato in UTF-8." }]);
  });
  it("file troncato, elemento principale sbagliato, nessuna denuncia", async () => {
    const troncato = xml(DENUNCIA()).slice(0, -40);
    const voci = await tutte(leggiFlussoXml(aPezzi(troncato)));
    expect(fatali(voci)[0].codice).toBe("UNI41-E001");
    expect(fatali(await tutte(leggiFlussoXml(aPezzi("<Altro/>"))))[0].messaggio).toBe("L'elemento principale deve essere DenunceMensili, non Altro.");
    expect(fatali(await tutte(leggiFlussoXml(aPezzi(xml("")))))[0].messaggio).toBe("Il file non contiene denunce.");
  });
  it("limiti di byte e di denunce: la lettura si ferma, senza leggere il resto", async () => {
    let prodotti = 0;
    async function* infinito(): AsyncGenerator<string> {
      yield '<?xml version="1.0" encoding="UTF-8"?><DenunceMensili><Azienda><AnnoMeseDenuncia>2026-03</AnnoMeseDenuncia><PosContributiva><Matricola>4734567803</Matricola>';
      for (;;) {
        prodotti++;
        yield DENUNCIA();
      }
    }
    const voci = await tutte(leggiFlussoXml(infinito(), { denunce: 50 }));
    expect(voci.filter((v) => v.tipo === "denuncia")).toHaveLength(50);
    expect(fatali(voci)).toEqual([{ codice: "UNI41-E002", messaggio: "Il file contiene più di 50 denunce: dividilo in più file." }]);
    expect(prodotti).toBeLessThan(60);
    const grande = await tutte(leggiFlussoXml(infinito(), { byte: 1024 * 1024 }));
    expect(fatali(grande)).toEqual([{ codice: "UNI41-E002", messaggio: "Il file supera i 1 MB ammessi." }]);
  });
  it("100.000 denunce lette in streaming con la memoria contenuta", async () => {
    async function* centomila(): AsyncGenerator<string> {
      yield '<?xml version="1.0" encoding="UTF-8"?><DenunceMensili><Azienda><AnnoMeseDenuncia>2026-03</AnnoMeseDenuncia><PosContributiva><Matricola>4734567803</Matricola>';
      const d = DENUNCIA();
      for (let i = 0; i < 1000; i++) yield d.repeat(100);
      yield "</PosContributiva></Azienda></DenunceMensili>";
    }
    const prima = process.memoryUsage().heapUsed;
    let n = 0;
    let picco = 0;
    for await (const v of leggiFlussoXml(centomila())) {
      if (v.tipo === "denuncia" && v.lettura.ok) n++;
      if (n % 10_000 === 0) picco = Math.max(picco, process.memoryUsage().heapUsed - prima);
    }
    expect(n).toBe(100_000);
    // I 100.000 oggetti letti non restano in memoria: il picco resta sotto i 64 MB (il file intero ne occupa ~60).
    expect(picco).toBeLessThan(64 * 1024 * 1024);
  });
});

describe("lettura del flusso CSV", () => {
  const TESTA = "Matricola;AnnoMeseDenuncia;CFLavoratore;Cognome;Nome;Qualifica1;Qualifica2;Qualifica3;TipoContribuzione;OrarioContrattuale;OreCigGG02";
  it("una cella che inizia come una formula è rifiutata con un messaggio chiaro", async () => {
    const voci = await tutte(leggiFlussoCsv(aPezzi(`${TESTA}\n4734567803;2026-03;SMPCHR99T41F205E;=cmd|'/c calc'!A1;CHIARA;2;P;D;00;2400;800\n`)));
    const [v] = voci;
    expect(v.tipo === "denuncia" && !v.lettura.ok && v.lettura.segnalazioni[0]).toEqual({
      codice: "UNI41-E001", messaggio: "La colonna Cognome inizia con «=»: un foglio di calcolo la leggerebbe come formula. Togli il carattere iniziale.",
    });
  });
  it("colonne sconosciute o mancanti, righe con un numero diverso di colonne", async () => {
    expect(fatali(await tutte(leggiFlussoCsv(aPezzi("Matricola;Pippo\n1;2\n"))))[0].messaggio).toBe("Colonne non previste: Pippo. Mancano le colonne: AnnoMeseDenuncia, CFLavoratore.");
    const voci = await tutte(leggiFlussoCsv(aPezzi(`${TESTA}\n4734567803;2026-03;SMPCHR99T41F205E;ESEMPIETTO;CHIARA;2;P;D;00;2400;800;extra\n`)));
    expect(fatali(voci)[0].codice).toBe("UNI41-E002");
  });
});

describe("contatoreDenunce: il conto rapido mentre il file arriva", () => {
  const conta = (formato: "xml" | "csv", pezzi: string[]) => {
    const c = contatoreDenunce(formato);
    for (const p of pezzi) c.aggiungi(Buffer.from(p));
    return c.denunce();
  };
  it("XML: i tag di apertura della denuncia, anche spezzati tra due pezzi, mai un nome più lungo", () => {
    const testo = `<DenunceMensili><DenunciaIndividuale><A/></DenunciaIndividuale><DenunciaIndividuale a="1"/><DenunciaIndividualeX/><DenunciaIndividuale\n></DenunciaIndividuale></DenunceMensili>`;
    expect(conta("xml", [testo])).toBe(3);
    for (let i = 1; i < testo.length; i += 3) expect(conta("xml", [testo.slice(0, i), testo.slice(i)])).toBe(3);
    expect(conta("xml", [...testo])).toBe(3);
  });
  it("CSV: le righe dopo l'intestazione, con o senza l'ultimo a capo", () => {
    expect(conta("csv", ["A;B\n1;2\n", "3;4\n"])).toBe(2);
    expect(conta("csv", ["A;B\n1;2\n3;4"])).toBe(2);
    expect(conta("csv", ["A;B"])).toBe(0);
  });
});

describe("il testo del file", () => {
  it("un pezzo grande (una parte salvata di 1 MB) è letto a pezzi di al più 16 KB, e tra due pezzi il processo torna al ciclo degli eventi", async () => {
    // Multi-byte characters across the slices' edges.
    const testo = "àè€𝄞x".repeat(100_000);
    const pezzi: string[] = [];
    let giri = 0;
    const giriPrimaDelPezzo: number[] = [];
    const conta = () => {
      giri++;
      if (pezzi.length < 1_000) setImmediate(conta);
    };
    setImmediate(conta);
    for await (const p of testoUtf8((async function* () {
      yield Buffer.from(testo);
    })(), 50 * 1024 * 1024)) {
      pezzi.push(p);
      giriPrimaDelPezzo.push(giri);
    }
    expect(Buffer.byteLength(testo)).toBeGreaterThan(PEZZO_LETTURA * 40);
    expect(pezzi.join("")).toBe(testo);
    expect(pezzi.filter((p) => p !== "").length).toBeGreaterThan(40);
    // A character cut at a slice's edge comes whole with the next slice: at most 3 bytes more.
    expect(Math.max(...pezzi.map((p) => Buffer.byteLength(p)))).toBeLessThanOrEqual(PEZZO_LETTURA + 3);
    // Every slice after the first comes after at least one more turn of the event loop.
    for (let i = 1; i < 40; i++) expect(giriPrimaDelPezzo[i]).toBeGreaterThan(giriPrimaDelPezzo[i - 1]);
  });
});
