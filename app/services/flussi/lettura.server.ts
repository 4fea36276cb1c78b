// La lettura di un flusso UniEmens-Cig, XML o CSV, come flusso di byte: il file non sta mai tutto in memoria (fino a
// 50 MB e 100.000 denunce), ogni denuncia esce appena letta con la sua riga, e i suoi campi passano dalla stessa
// lettura del modello (~/domain/flussi/denuncia.ts) qualunque sia la forma del file. XML con saxes: DOCTYPE ed entità
// non predefinite sono rifiutati (nessuna espansione, nessuna risorsa esterna); solo UTF-8. I nomi degli elementi e
// delle colonne vengono dalla tabella di mappatura (~/domain/flussi/mappatura.ts).
import { parse as parseCsv } from "csv-parse";
import { SaxesParser } from "saxes";
import { Readable } from "node:stream";
import { CAMPI_DENUNCIA, LIMITI_FLUSSO, leggiDenuncia, type CampiGrezzi, type CampoDenuncia, type GiornoGrezzo, type LetturaDenuncia, type Segnalazione } from "~/domain/flussi/denuncia";
import { MAPPATURA_IN_USO, type MappaturaUniemensCig } from "~/domain/flussi/mappatura";

export { LIMITI_FLUSSO };

export interface OpzioniLettura {
  byte?: number;
  denunce?: number;
  mappatura?: MappaturaUniemensCig;
}

/** Una denuncia letta (con i suoi eventuali errori di formato), o un errore che ferma la lettura del file. */
export type VoceFlusso =
  | { tipo: "denuncia"; lettura: LetturaDenuncia }
  | { tipo: "fatale"; riga: number; segnalazione: Segnalazione };

function fatale(riga: number, codice: "UNI41-E001" | "UNI41-E002", messaggio: string): VoceFlusso {
  return { tipo: "fatale", riga, segnalazione: { codice, messaggio } };
}

class LimiteSuperato extends Error {}

/** The most a reader parses at once: a file's stored part is 1 MB, and parsing it in one go held the event loop. */
export const PEZZO_LETTURA = 16 * 1024;

/**
 * I byte del file, decodificati come UTF-8 stretto, fermandosi oltre il limite; a pezzi di al più 16 KB, e tra un
 * pezzo e l'altro il ciclo degli eventi del processo (setImmediate): le pagine rispondono mentre un file grande è letto.
 */
export async function* testoUtf8(sorgente: AsyncIterable<Uint8Array | string>, maxByte: number): AsyncGenerator<string> {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  let letti = 0;
  for await (const pezzo of sorgente) {
    const byte = typeof pezzo === "string" ? Buffer.from(pezzo) : pezzo;
    letti += byte.byteLength;
    if (letti > maxByte) throw new LimiteSuperato(`Il file supera i ${Math.round(maxByte / 1024 / 1024)} MB ammessi.`);
    for (let da = 0; da < byte.byteLength; da += PEZZO_LETTURA) {
      if (da > 0) await new Promise((ok) => setImmediate(ok));
      yield decoder.decode(byte.subarray(da, da + PEZZO_LETTURA), { stream: true });
    }
  }
  yield decoder.decode();
}

export function messaggioDecodifica(e: unknown): string | null {
  if (e instanceof LimiteSuperato) return e.message;
  if (e instanceof TypeError && /encoded data|decode/i.test(e.message)) return "Il file non è codificato in UTF-8.";
  return null;
}

/** A path relative to the return: known to the mapping (with the field it holds, if any) or not. */
class NodoPercorso {
  private readonly figli = new Map<string, NodoPercorso>();
  campo: CampoDenuncia | null = null;
  constructor(
    readonly percorso: string,
    readonly noto: boolean,
  ) {}

  /** The child element's node: known, or an unknown path (made each time: a hostile file's names are not kept). */
  figlio(nome: string): NodoPercorso {
    return this.figli.get(nome) ?? new NodoPercorso(this.percorso === "" ? nome : `${this.percorso}/${nome}`, false);
  }

  /** The known node at a relative path ("Padre/Figlio"), made with its parents. */
  nodo(percorso: string): NodoPercorso {
    const i = percorso.indexOf("/");
    const nome = i < 0 ? percorso : percorso.slice(0, i);
    let f = this.figli.get(nome);
    if (!f) {
      f = new NodoPercorso(this.percorso === "" ? nome : `${this.percorso}/${nome}`, true);
      this.figli.set(nome, f);
    }
    return i < 0 ? f : f.nodo(percorso.slice(i + 1));
  }
}

/** The tree of the paths a return may contain: its fields, the day with its hours, and their parents. */
function alberoDeiPercorsi(m: MappaturaUniemensCig): NodoPercorso {
  const radice = new NodoPercorso("", true);
  for (const [percorso, campo] of Object.entries(m.campiDenuncia)) radice.nodo(percorso).campo = campo;
  radice.nodo(`${m.giorno.percorso}/${m.giorno.ore}`);
  return radice;
}

/**
 * A return's fields with those of its company and position, the return's own first (as `{...azienda, ...posizione,
 * ...propri}` would give them), in an object of one shape: the reader reads each field of it by name.
 */
function unisciCampi(azienda: CampiGrezzi, posizione: CampiGrezzi, propri: CampiGrezzi): CampiGrezzi {
  const campi: CampiGrezzi = {};
  for (const c of CAMPI_DENUNCIA) {
    const v = Object.hasOwn(propri, c) ? propri[c] : Object.hasOwn(posizione, c) ? posizione[c] : azienda[c];
    if (v !== undefined) campi[c] = v;
  }
  return campi;
}

export async function* leggiFlussoXml(sorgente: AsyncIterable<Uint8Array | string>, opzioni: OpzioniLettura = {}): AsyncGenerator<VoceFlusso> {
  const m = opzioni.mappatura ?? MAPPATURA_IN_USO;
  const maxDenunce = opzioni.denunce ?? LIMITI_FLUSSO.denunce;
  const parser = new SaxesParser({ position: true });
  const uscita: VoceFlusso[] = [];
  let fermo: VoceFlusso | null = null;
  const ferma = (v: VoceFlusso) => {
    fermo ??= v;
  };

  const pila: string[] = [];
  let testo = "";
  let azienda: CampiGrezzi = {};
  let posizione: CampiGrezzi = {};
  let denuncia: { riga: number; campi: CampiGrezzi; giorni: GiornoGrezzo[]; sconosciuti: string[] } | null = null;
  let giorno: GiornoGrezzo | null = null;
  let denunceLette = 0;

  // Where each open element is relative to the return: a node of the tree of the paths the mapping knows (the return
  // itself is its root), an unknown path, or null outside a return. A child is found by its name in its parent's node,
  // so no path text is built or looked up per tag (the reader's hot spot); only an unknown element's path is written out.
  const radice = alberoDeiPercorsi(m);
  const pilaRelativa: Array<NodoPercorso | null> = [];
  const relativo = (): NodoPercorso => pilaRelativa[pilaRelativa.length - 1] ?? radice;
  const nodoGiorno = radice.nodo(m.giorno.percorso);
  const nodoOre = nodoGiorno.nodo(m.giorno.ore);

  parser.on("xmldecl", (d) => {
    if (d.encoding && d.encoding.toUpperCase() !== "UTF-8") ferma(fatale(parser.line, "UNI41-E002", `Il file dichiara la codifica ${d.encoding}: è ammessa solo UTF-8.`));
  });
  parser.on("doctype", () => ferma(fatale(parser.line, "UNI41-E002", "Il file contiene una dichiarazione DOCTYPE: non è ammessa (nessuna entità né DTD).")));
  parser.on("error", (e) => ferma(fatale(parser.line, "UNI41-E001", `Il file non è un XML ben formato alla riga ${parser.line}: ${e.message.replace(/^.*?:\d+:\d+: /, "")}`)));
  parser.on("opentag", (tag) => {
    if (fermo) return;
    if (pila.length === 0 && tag.name !== m.radice) {
      ferma(fatale(parser.line, "UNI41-E001", `L'elemento principale deve essere ${m.radice}, non ${tag.name}.`));
    }
    pila.push(tag.name);
    const padreRelativo = pilaRelativa.length ? pilaRelativa[pilaRelativa.length - 1] : null;
    pilaRelativa.push(tag.name === m.denuncia ? radice : padreRelativo === null ? null : padreRelativo.figlio(tag.name));
    testo = "";
    if (tag.name === m.azienda && pila.length === 2) azienda = {};
    else if (tag.name === m.posizione) posizione = {};
    else if (tag.name === m.denuncia) {
      denunceLette++;
      if (denunceLette > maxDenunce) {
        ferma(fatale(parser.line, "UNI41-E002", `Il file contiene più di ${maxDenunce.toLocaleString("it-IT")} denunce: dividilo in più file.`));
        return;
      }
      denuncia = { riga: parser.line, campi: {}, giorni: [], sconosciuti: [] };
    } else if (denuncia) {
      const rel = relativo();
      if (rel === nodoGiorno) giorno = { giorno: String(tag.attributes[m.giorno.attributoGiorno] ?? ""), ore: "" };
      else if (!rel.noto) denuncia.sconosciuti.push(rel.percorso);
    }
  });
  parser.on("text", (t) => {
    testo += t;
    if (testo.length > 10_000) testo = testo.slice(0, 10_000);
  });
  parser.on("cdata", (t) => {
    testo += t;
  });
  parser.on("closetag", (tag) => {
    if (fermo) return;
    const padre = pila[pila.length - 2];
    if (denuncia) {
      const rel = relativo();
      if (tag.name === m.denuncia && pila[pila.length - 1] === m.denuncia) {
        const campi = unisciCampi(azienda, posizione, denuncia.campi);
        const lettura = leggiDenuncia(denuncia.riga, campi, denuncia.giorni);
        const sconosciuti: Segnalazione[] = denuncia.sconosciuti.map((s) => ({ codice: "UNI41-E001", messaggio: `L'elemento ${s} non è previsto dallo schema.` }));
        uscita.push({
          tipo: "denuncia",
          lettura: sconosciuti.length
            ? { ok: false, riga: denuncia.riga, segnalazioni: [...sconosciuti, ...(lettura.ok ? [] : lettura.segnalazioni)] }
            : lettura,
        });
        denuncia = null;
      } else if (rel === nodoOre && giorno) {
        giorno.ore = testo;
      } else if (rel === nodoGiorno && giorno) {
        denuncia.giorni.push(giorno);
        giorno = null;
      } else if (rel.campo) {
        denuncia.campi[rel.campo] = testo;
      }
    } else if (padre === m.azienda && m.campiAzienda[tag.name]) {
      azienda[m.campiAzienda[tag.name]] = testo;
    } else if (padre === m.posizione && m.campiPosizione[tag.name]) {
      posizione[m.campiPosizione[tag.name]] = testo;
    }
    pila.pop();
    pilaRelativa.pop();
    testo = "";
  });

  try {
    for await (const pezzo of testoUtf8(sorgente, opzioni.byte ?? LIMITI_FLUSSO.byte)) {
      parser.write(pezzo);
      yield* uscita.splice(0);
      if (fermo) {
        yield fermo;
        return;
      }
    }
    parser.close();
  } catch (e) {
    const messaggio = messaggioDecodifica(e);
    if (!messaggio) throw e;
    yield fatale(parser.line, "UNI41-E002", messaggio);
    return;
  }
  yield* uscita.splice(0);
  if (fermo) yield fermo;
  else if (denunceLette === 0) yield fatale(parser.line, "UNI41-E001", "Il file non contiene denunce.");
}

/** Una cella che un foglio di calcolo eseguirebbe come formula: il suo primo carattere (= + - @ tab CR). */
const FORMULA_INIZIALE: ReadonlySet<number> = new Set([..."=+-@\t\r"].map((c) => c.charCodeAt(0)));

export async function* leggiFlussoCsv(sorgente: AsyncIterable<Uint8Array | string>, opzioni: OpzioniLettura = {}): AsyncGenerator<VoceFlusso> {
  const m = opzioni.mappatura ?? MAPPATURA_IN_USO;
  const maxDenunce = opzioni.denunce ?? LIMITI_FLUSSO.denunce;
  const csv = Readable.from(testoUtf8(sorgente, opzioni.byte ?? LIMITI_FLUSSO.byte)).pipe(
    parseCsv({ delimiter: [";", ","], bom: true, relax_column_count: false, skip_empty_lines: true, max_record_size: 20_000, info: true }),
  );
  let intestazione: string[] | null = null;
  // What each column holds, worked out once from the header: a field, a day's hours, or nothing of ours.
  let colonne: Array<{ nome: string; giorno: string | null; campo: CampoDenuncia | null }> | null = null;
  let lette = 0;
  try {
    for await (const { record, info } of csv as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      const riga = info.lines;
      if (!intestazione) {
        intestazione = record.map((c) => c.trim());
        const sconosciute = intestazione.filter((c) => !m.colonneCsv[c] && !c.startsWith(m.prefissoColonnaGiorno));
        const mancanti = Object.entries(m.colonneCsv).filter(([, campo]) => ["matricola", "competenza", "cfLavoratore"].includes(campo)).map(([c]) => c).filter((c) => !intestazione!.includes(c));
        if (sconosciute.length || mancanti.length) {
          yield fatale(riga, "UNI41-E001", [
            sconosciute.length ? `Colonne non previste: ${sconosciute.slice(0, 5).join(", ")}.` : "",
            mancanti.length ? `Mancano le colonne: ${mancanti.join(", ")}.` : "",
          ].filter(Boolean).join(" "));
          return;
        }
        colonne = intestazione.map((nome) => {
          const campo = m.colonneCsv[nome] as CampoDenuncia;
          return {
            nome,
            giorno: nome.startsWith(m.prefissoColonnaGiorno) ? nome.slice(m.prefissoColonnaGiorno.length) : null,
            campo: CAMPI_DENUNCIA.includes(campo) ? campo : null,
          };
        });
        continue;
      }
      lette++;
      if (lette > maxDenunce) {
        yield fatale(riga, "UNI41-E002", `Il file contiene più di ${maxDenunce.toLocaleString("it-IT")} denunce: dividilo in più file.`);
        return;
      }
      const campi: CampiGrezzi = {};
      const giorni: GiornoGrezzo[] = [];
      let formule: Segnalazione[] | null = null;
      for (let i = 0; i < colonne!.length; i++) {
        const colonna = colonne![i];
        const valore = record[i] ?? "";
        if (valore.length > 0 && FORMULA_INIZIALE.has(valore.charCodeAt(0))) {
          (formule ??= []).push({ codice: "UNI41-E001", messaggio: `La colonna ${colonna.nome} inizia con «${valore[0]}»: un foglio di calcolo la leggerebbe come formula. Togli il carattere iniziale.` });
          continue;
        }
        if (colonna.giorno !== null) {
          if (valore.trim() !== "") giorni.push({ giorno: colonna.giorno, ore: valore });
        } else if (colonna.campo !== null) campi[colonna.campo] = valore;
      }
      const lettura = leggiDenuncia(riga, campi, giorni);
      yield {
        tipo: "denuncia",
        lettura: formule ? { ok: false, riga, segnalazioni: [...formule, ...(lettura.ok ? [] : lettura.segnalazioni)] } : lettura,
      };
    }
  } catch (e) {
    const messaggio = messaggioDecodifica(e) ?? (e instanceof Error && "code" in e && String((e as { code: unknown }).code).startsWith("CSV_") ? `Il CSV non è valido: ${e.message}` : null);
    if (!messaggio) throw e;
    yield fatale(0, "UNI41-E002", messaggio);
    return;
  }
  if (lette === 0) yield fatale(0, "UNI41-E001", "Il file non contiene denunce.");
}

/**
 * Un conto rapido delle denunce di un file mentre arriva, senza leggerlo davvero: i tag di apertura della denuncia
 * (XML) o le righe dopo l'intestazione (CSV). Serve a decidere se il file va controllato mentre l'utente aspetta e a
 * dire quante denunce ha nella pagina di avanzamento: il conto vero è quello del controllo.
 */
export function contatoreDenunce(formato: "xml" | "csv", mappatura: MappaturaUniemensCig = MAPPATURA_IN_USO): { aggiungi(pezzo: Uint8Array): void; denunce(): number } {
  if (formato === "csv") {
    let righe = 0;
    let ultimo = 0x0a;
    return {
      aggiungi(pezzo) {
        for (let i = pezzo.indexOf(0x0a); i >= 0; i = pezzo.indexOf(0x0a, i + 1)) righe++;
        if (pezzo.byteLength) ultimo = pezzo[pezzo.byteLength - 1];
      },
      // The header is not a return; a last line without its newline is.
      denunce: () => Math.max(0, righe - 1 + (ultimo === 0x0a ? 0 : 1)),
    };
  }
  const tag = Buffer.from(`<${mappatura.denuncia}`);
  let n = 0;
  // The end of the previous piece, so a tag split between two pieces is counted once.
  let coda = Buffer.alloc(0);
  return {
    aggiungi(pezzo) {
      const b = coda.byteLength ? Buffer.concat([coda, pezzo]) : Buffer.from(pezzo.buffer, pezzo.byteOffset, pezzo.byteLength);
      let i = b.indexOf(tag);
      let ultimoContato = -1;
      while (i >= 0 && i + tag.byteLength < b.byteLength) {
        const dopo = b[i + tag.byteLength];
        // `<DenunciaIndividuale>` or with attributes, not a longer name.
        if (dopo === 0x3e || dopo === 0x20 || dopo === 0x09 || dopo === 0x0a || dopo === 0x0d || dopo === 0x2f) n++;
        ultimoContato = i;
        i = b.indexOf(tag, i + 1);
      }
      // Keep what could still be the start of a tag (everything after the last one looked at, at most the tag's length).
      const da = Math.max(ultimoContato + 1, b.byteLength - tag.byteLength);
      coda = Buffer.from(b.subarray(da));
    },
    denunce: () => n,
  };
}
