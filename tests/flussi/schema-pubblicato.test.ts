// Lo schema e gli esempi pubblicati in public/flussi (serviti a /flussi/…) e il catalogo in docs/flussi sono quelli che la piattaforma legge e applica:
// gli esempi sono validi per lo schema (libxml2, il validatore XSD di riferimento), ogni nome della tabella di
// mappatura è nello schema, e ogni codice del catalogo è documentato con il suo titolo.
import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { validateXML } from "xmllint-wasm";
import { CATALOGO_ERRORI_FLUSSI } from "~/domain/flussi/catalogo-errori";
import { MAPPATURA_IN_USO } from "~/domain/flussi/mappatura";
import { leggiFlussoXml } from "~/services/flussi/lettura.server";

const PUBBLICATI = new URL("../../public/flussi/", import.meta.url);
const leggi = (nome: string) => readFile(new URL(nome, PUBBLICATI), "utf8");
async function* unPezzo(testo: string): AsyncGenerator<Uint8Array> {
  yield Buffer.from(testo);
}

async function valida(xml: string) {
  const schema = await leggi("uniemens-cig-omnia-1.0.xsd");
  return validateXML({ xml: [{ fileName: "flusso.xml", contents: xml }], schema: [{ fileName: "schema.xsd", contents: schema }] });
}

describe("schema UniEmens-Cig pubblicato", () => {
  it("l'esempio pubblicato è valido per lo schema", async () => {
    const r = await valida(await leggi("esempi/flusso-c3-marzo-2026.xml"));
    expect(r.errors).toEqual([]);
    expect(r.valid).toBe(true);
  });
  it("lo schema rifiuta ciò che la piattaforma rifiuta: detrazioni non S/N, ticket mancante", async () => {
    const esempio = await leggi("esempi/flusso-c3-marzo-2026.xml");
    expect((await valida(esempio.replace("<DetrazLavDip>S</DetrazLavDip>", "<DetrazLavDip>X</DetrazLavDip>"))).valid).toBe(false);
    expect((await valida(esempio.replace(/<Ticket>.*<\/Ticket>/, ""))).valid).toBe(false);
  });
  it("la retribuzione è mensile (RetribTeorica) o oraria (RetribOraria), non tutte e due, come la legge la piattaforma", async () => {
    const esempio = await leggi("esempi/flusso-c3-marzo-2026.xml");
    expect(esempio).toContain("<RetribOraria>11.50</RetribOraria>");
    const entrambe = esempio.replace("<RetribOraria>11.50</RetribOraria>", "<RetribTeorica>1840.00</RetribTeorica><RetribOraria>11.50</RetribOraria>");
    expect((await valida(entrambe)).valid).toBe(false);
    expect((await valida(esempio.replace("<RetribOraria>11.50</RetribOraria>", "<RetribOraria>11.505</RetribOraria>"))).valid).toBe(false);
    expect((await valida(esempio.replace("<RetribOraria>11.50</RetribOraria>", ""))).valid).toBe(true);
    // The platform's reader says the same of both at once.
    const voci = [];
    for await (const v of leggiFlussoXml(unPezzo(entrambe))) voci.push(v);
    const seconda = voci[1];
    expect(seconda.tipo === "denuncia" && !seconda.lettura.ok && seconda.lettura.segnalazioni.map((s) => s.campo)).toEqual(["retribOraria"]);
  });
  it("ogni elemento della tabella di mappatura è dichiarato nello schema", async () => {
    const schema = await leggi("uniemens-cig-omnia-1.0.xsd");
    const nomi = [
      MAPPATURA_IN_USO.radice, MAPPATURA_IN_USO.azienda, MAPPATURA_IN_USO.posizione, MAPPATURA_IN_USO.denuncia,
      ...Object.keys(MAPPATURA_IN_USO.campiAzienda), ...Object.keys(MAPPATURA_IN_USO.campiPosizione),
      ...Object.keys(MAPPATURA_IN_USO.campiDenuncia).flatMap((p) => p.split("/")),
      ...MAPPATURA_IN_USO.giorno.percorso.split("/"), MAPPATURA_IN_USO.giorno.ore,
    ];
    for (const n of nomi) expect(schema, n).toContain(`name="${n}"`);
    expect(schema).toContain(`attribute name="${MAPPATURA_IN_USO.giorno.attributoGiorno}"`);
  });
  it("il catalogo degli errori pubblicato elenca ogni codice con il suo titolo", async () => {
    const documento = await readFile(new URL("../../docs/flussi/README.md", import.meta.url), "utf8");
    for (const [codice, voce] of Object.entries(CATALOGO_ERRORI_FLUSSI)) {
      expect(documento, codice).toContain(`| ${codice} | ${voce.gravita === "errore" ? "Errore" : "Avviso"} | ${voce.titolo} |`);
    }
  });
});
