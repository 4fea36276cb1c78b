// Operations finding: while the database is unreachable, pages answered the Italian 503 but the resource routes (the
// receipt PDF, an attachment's download, sign-out) answered Remix's bare 500 ("Unexpected Server Error"): Remix sends
// their errors past the document's error path. They now answer the same 503 page. The outage is a real one: the
// connection points to a port where nothing listens (ECONNREFUSED), as when PostgreSQL is stopped.
import { createServer } from "node:net";
import type { AddressInfo } from "node:net";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { domande } from "#db/schema";
import { apriPostgres, type Connessione } from "#db/client";
import { connessioneCorrente, db, impostaConnessione } from "#db/connection";
import { MARIO_ESEMPIO } from "#db/seed/index";
import * as allegato from "~/routes/domande.$id.allegati.$allegatoId";
import * as esci from "~/routes/esci";
import * as ricevutaPdf from "~/routes/domande.$id.ricevuta[.pdf]";
import type { Contesto } from "~/services/accesso.server";
import { inviaDomanda, nuovaChiaveInvio } from "~/services/invio.server";
import { usaDatabaseDiTest } from "../database";
import { bozzaCompleta, contestoDi, idAzienda } from "../integrazione/domanda-completa";
import { contesto, get, post, risposta, sessioneDi, type Identita } from "../richieste";

usaDatabaseDiTest();

let mario: Identita;
let ctx: Contesto;
let inviata: number;

/** A TCP port of this machine where nothing listens (taken and released at once). */
async function portaChiusa(): Promise<number> {
  const s = createServer();
  await new Promise<void>((ok) => s.listen(0, "127.0.0.1", () => ok()));
  const porta = (s.address() as AddressInfo).port;
  await new Promise<void>((ok) => s.close(() => ok()));
  return porta;
}

beforeAll(async () => {
  const c1 = await idAzienda("C1");
  mario = await sessioneDi(MARIO_ESEMPIO.codiceFiscale, "datore", c1);
  ctx = await contestoDi(mario);
  inviata = await bozzaCompleta(ctx, c1, { lavoratori: 1 });
  const [{ versione }] = await db().select({ versione: domande.versione }).from(domande).where(eq(domande.id, inviata));
  const esito = await inviaDomanda(ctx, inviata, versione, nuovaChiaveInvio());
  if (!esito.ok) throw new Error(`invio di prova rifiutato: ${esito.motivo}`);
});

describe("database non raggiungibile: le rotte di risorse rispondono 503 in italiano, mai 500", () => {
  let vera: Connessione;
  let spenta: Connessione | undefined;

  const ricevuta = () => risposta(() => ricevutaPdf.loader({ request: get(`/domande/${inviata}/ricevuta.pdf`, mario), params: { id: String(inviata) }, context: contesto }));

  it("with the database up the receipt is the PDF", async () => {
    const r = await ricevuta();
    expect(r.status).toBe(200);
    expect(r.headers.get("Content-Type")).toBe("application/pdf");
  });

  describe("con il database fermo", () => {
    beforeAll(async () => {
      vera = connessioneCorrente();
      spenta = await apriPostgres(`postgres://postgres@127.0.0.1:${await portaChiusa()}/omnia`, { max: 1 });
      impostaConnessione(spenta);
    });
    afterAll(async () => {
      impostaConnessione(vera);
      await spenta?.chiudi();
    });

    const atteso = async (r: Response) => {
      expect(r.status).toBe(503);
      expect(r.headers.get("Content-Type")).toContain("text/html");
      expect(r.headers.get("Cache-Control")).toBe("no-store");
      expect(r.headers.get("Retry-After")).toBe("30");
      const html = await r.text();
      expect(html).toContain("<h1>Servizio temporaneamente non disponibile</h1>");
      expect(html).toContain('lang="it"');
    };

    it("the receipt PDF answers the 503 page", async () => {
      await atteso(await ricevuta());
    });

    it("an attachment's download answers the 503 page", async () => {
      await atteso(
        await risposta(() =>
          allegato.loader({ request: get(`/domande/${inviata}/allegati/1`, mario), params: { id: String(inviata), allegatoId: "1" }, context: contesto }),
        ),
      );
    });

    it("signing out answers the 503 page", async () => {
      await atteso(await risposta(() => esci.action({ request: post("/esci", {}, mario), params: {}, context: contesto })));
    });
  });
});
