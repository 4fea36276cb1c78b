// ASVS 4.0.3 V5.5.2 (XML parsers against XXE) and V12.1/V12.2 (hostile uploads), through the upload route itself
// (the UniEmens-Cig flow, sent as a real multipart form): a billion-laughs bomb, an external entity (XXE) on a
// local file and on a URL, a parameter entity, a file deeper than any record, a non-UTF-8 file, a binary file named
// .xml, and a hostile file name. Each answers with the Italian report or a 4xx, never a 500; nothing is stored and
// no entity is ever expanded (no file content in the answer).
import { describe, expect, it, beforeAll } from "vitest";
import { denunceCig, flussiCig } from "#db/schema";
import { db } from "#db/connection";
import { MARIO_ESEMPIO } from "#db/seed/index";
import * as elenco from "~/routes/flussi._index";
import { usaDatabaseDiTest } from "../database";
import { contesto, ORIGINE, risposta, sessioneDi, type Identita } from "../richieste";
import { idAzienda } from "../integrazione/domanda-completa";

usaDatabaseDiTest();

let mario: Identita;
beforeAll(async () => {
  mario = await sessioneDi(MARIO_ESEMPIO.codiceFiscale, "datore", await idAzienda("C1"));
});

function carica(nome: string, contenuto: string | Uint8Array): Request {
  const form = new FormData();
  form.set("csrf", mario.csrf);
  form.append("file", new File([contenuto as BlobPart], nome, { type: "application/xml" }));
  return new Request(`${ORIGINE}/flussi?index`, { method: "POST", headers: { Cookie: mario.cookie, Origin: ORIGINE }, body: form });
}

const OSTILI: Array<[string, string, string | Uint8Array]> = [
  [
    "bomba di entità (billion laughs)",
    "bomba.xml",
    `<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]><DenunceMensili>&d;&d;&d;&d;</DenunceMensili>`,
  ],
  ["entità esterna su un file (XXE)", "xxe.xml", `<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]><DenunceMensili><Matricola>&x;</Matricola></DenunceMensili>`],
  ["entità esterna su un URL (SSRF)", "ssrf.xml", `<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "http://127.0.0.1:1/segreto">]><DenunceMensili>&x;</DenunceMensili>`],
  ["entità parametro", "param.xml", `<?xml version="1.0"?><!DOCTYPE d [<!ENTITY % p SYSTEM "file:///etc/hostname"> %p;]><DenunceMensili/>`],
  ["annidamento profondissimo", "profondo.xml", `<?xml version="1.0"?>${"<a>".repeat(20_000)}${"</a>".repeat(20_000)}`],
  ["codifica non UTF-8", "latin1.xml", new Uint8Array([...new TextEncoder().encode('<?xml version="1.0" encoding="ISO-8859-1"?><DenunceMensili>'), 0xe8, ...new TextEncoder().encode("</DenunceMensili>")])],
  ["file binario chiamato .xml", "binario.xml", new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0xff, 0xfe, 0x00, 0x01])],
  ["nome di file ostile", "<img src=x onerror=alert(1)>.xml", `<?xml version="1.0"?><DenunceMensili/>`],
];

describe("file XML ostili al caricamento dei flussi", () => {
  for (const [descrizione, nome, contenuto] of OSTILI) {
    it(`${descrizione}: rifiutato senza 500, nulla salvato, nessuna entità espansa`, async () => {
      const prima = [await db().$count(flussiCig), await db().$count(denunceCig)];
      const r = await risposta(() => elenco.action({ request: carica(nome, contenuto), params: {}, context: contesto }));
      expect(r.status, descrizione).toBeLessThan(500);
      const testo = await r.text();
      expect(testo).not.toMatch(/root:x:0:0|aaaaaaaaaaaaaaaaaaaa/);
      expect(testo).not.toContain("<img src=x");
      if (r.status === 303) {
        // Accepted as a flow whose every return is refused: the report says why, no return is stored.
        expect([await db().$count(denunceCig)]).toEqual([prima[1]]);
      } else {
        expect(r.status).toBeGreaterThanOrEqual(400);
        expect([await db().$count(flussiCig), await db().$count(denunceCig)]).toEqual(prima);
      }
    });
  }
});
