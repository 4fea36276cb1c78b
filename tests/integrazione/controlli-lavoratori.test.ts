// The workers' checks of a domanda (app/services/controlli/lavoratori.server.ts) read the selected workers and their
// employments in one statement and evaluate only them: each selected worker employed at the unit gets the rule's
// verdict, each selected worker not employed there in the period blocks with "lavoratori.presenza", and the unit's
// other workers play no part.
import { eq, ne } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { aziende, domandaLavoratori, domande, lavoratori, rapportiLavoro } from "#db/schema";
import { db } from "#db/connection";
import { MARIO_ESEMPIO } from "#db/seed/index";
import { leggiRisposte } from "~/passi";
import type { Contesto } from "~/services/accesso.server";
import { controlliLavoratori } from "~/services/controlli/lavoratori.server";
import { lavoratoriValutati } from "~/services/lavoratori.server";
import { usaDatabaseDiTest } from "../database";
import { sessioneDi } from "../richieste";
import { bozzaCompleta, contestoDi, idAzienda } from "./domanda-completa";

usaDatabaseDiTest();

let ctx: Contesto;
let c1: number;

beforeAll(async () => {
  c1 = await idAzienda("C1");
  ctx = await contestoDi(await sessioneDi(MARIO_ESEMPIO.codiceFiscale, "datore", c1));
});

async function caricata(id: number) {
  const [riga] = await db().select({ domanda: domande, azienda: aziende }).from(domande).innerJoin(aziende, eq(aziende.id, domande.aziendaId)).where(eq(domande.id, id));
  return { ...riga, risposte: leggiRisposte(riga.domanda.dati) };
}

describe("controlli dei lavoratori scelti", () => {
  it("gives the selected workers the verdicts of the unit's evaluation, and blocks a selected worker not employed at the unit", async () => {
    const id = await bozzaCompleta(ctx, c1, { lavoratori: 2 });
    const d = await caricata(id);
    // Outcomes of the two selected workers: the same as the whole unit's evaluation gives them.
    const scelti = (await db().select({ cf: domandaLavoratori.codiceFiscale }).from(domandaLavoratori).where(eq(domandaLavoratori.domandaId, id))).map((r) => r.cf);
    const attesi = (await lavoratoriValutati(d))
      .filter((l) => scelti.includes(l.cf))
      .flatMap((l) => l.esiti.filter((e) => e.gravita !== "informazione").map((e) => ({ ...e, passo: "lavoratori" })));
    expect(await controlliLavoratori(d)).toEqual(attesi);

    // A worker of another unit added to the selection by hand.
    const [altro] = await db()
      .select({ id: lavoratori.id, cf: lavoratori.codiceFiscale, qualifica: rapportiLavoro.qualifica })
      .from(rapportiLavoro)
      .innerJoin(lavoratori, eq(lavoratori.id, rapportiLavoro.lavoratoreId))
      .where(ne(rapportiLavoro.unitaProduttivaId, d.domanda.unitaProduttivaId!))
      .limit(1);
    expect(scelti).not.toContain(altro.cf);
    await db().insert(domandaLavoratori).values({ domandaId: id, codiceFiscale: altro.cf, lavoratoreId: altro.id, qualifica: altro.qualifica, origine: "uniemens" });
    const esiti = await controlliLavoratori(d);
    expect(esiti.filter((e) => e.regola === "lavoratori.presenza")).toEqual([
      expect.objectContaining({ gravita: "bloccante", passo: "lavoratori", dati: { cf: altro.cf } }),
    ]);
    expect(esiti.filter((e) => e.regola !== "lavoratori.presenza")).toEqual(attesi);
  });
});
