// Test fixtures for the later steps: a draft with every step answered (through salvaPasso, as the step routes do),
// the workers of its unit in domanda_lavoratori, and the profile contexts of the demo users.
import { and, asc, eq, inArray } from "drizzle-orm";
import { aziende, domandaLavoratori, domande, lavoratori, rapportiLavoro, unitaProduttive } from "#db/schema";
import { db } from "#db/connection";
import { addDays } from "~/domain/date";
import type { Prestazione } from "~/domain/tipi";
import { type Contesto } from "~/services/accesso.server";
import { richiediContesto } from "~/http/accesso.server";
import { controlliDomanda } from "~/services/controlli-domanda.server";
import { decidiPagamentoDiretto } from "~/services/controlli/pagamento.server";
import { creaBozza, salvaPasso } from "~/services/domande.server";
import { oggi } from "~/services/orologio.server";
import { leggiRisposte } from "~/passi";
import { get, type Identita } from "../richieste";

export const MATRICOLE = { C1: "4712345601", C2: "4723456702", C3: "4734567803", C4: "4745678904" } as const;

export async function idAzienda(chiave: keyof typeof MATRICOLE): Promise<number> {
  const [a] = await db().select({ id: aziende.id }).from(aziende).where(eq(aziende.matricola, MATRICOLE[chiave]));
  return a.id;
}

export function contestoDi(chi: Identita): Promise<Contesto> {
  return richiediContesto(get("/area-riservata", chi));
}

let sequenza = 0;

async function salvaOk(...args: Parameters<typeof salvaPasso>): Promise<number> {
  const esito = await salvaPasso(...args);
  if (!esito.ok) throw new Error(`salvataggio del passo ${args[3].chiave} rifiutato`);
  return esito.versione;
}

/**
 * A draft with all steps answered. `finoA` stops before that step (to test the guard). The answers follow the step
 * schemas where they exist; free texts carry HTML, which the summary must show as text.
 */
export async function bozzaCompleta(
  ctx: Contesto,
  aziendaId: number,
  opzioni: {
    prestazione?: Prestazione;
    finoA?: string;
    lavoratori?: number;
    /** Another unit of the company than its first one. */
    unitaProduttivaId?: number;
    /** Answers of the Periodo step in place of the default (a CIGO suspension of five days). */
    periodo?: Record<string, unknown> & { dataInizio: string; dataFine: string };
    /** These workers of the unit instead of the first ones by tax code. */
    codiciFiscali?: string[];
    /** Direct payment asked with a balance sheet in difficulty, which the liquidity rule accepts (the real computation). */
    pagamentoDiretto?: boolean;
  } = {},
): Promise<number> {
  const id = await creaBozza(ctx, { aziendaId, prestazione: opzioni.prestazione ?? "CIGO", fondo: null, nonSuggerita: false });
  const [unita] = await db()
    .select()
    .from(unitaProduttive)
    .where(
      opzioni.unitaProduttivaId === undefined
        ? eq(unitaProduttive.aziendaId, aziendaId)
        : and(eq(unitaProduttive.aziendaId, aziendaId), eq(unitaProduttive.id, opzioni.unitaProduttivaId)),
    )
    .orderBy(asc(unitaProduttive.id))
    .limit(1);
  const addetti = await db()
    .select({ lavoratoreId: lavoratori.id, codiceFiscale: lavoratori.codiceFiscale, qualifica: rapportiLavoro.qualifica })
    .from(rapportiLavoro)
    .innerJoin(lavoratori, eq(lavoratori.id, rapportiLavoro.lavoratoreId))
    .where(
      and(
        eq(rapportiLavoro.unitaProduttivaId, unita.id),
        opzioni.codiciFiscali ? inArray(lavoratori.codiceFiscale, opzioni.codiciFiscali) : undefined,
      ),
    )
    .orderBy(asc(lavoratori.codiceFiscale))
    .limit(opzioni.codiciFiscali?.length ?? opzioni.lavoratori ?? 3);
  // The period starts after today (no late filing whatever the day the tests run), a week later for each new draft:
  // the overlap rule would block a second domanda of the same unit on the same days.
  const inizio = opzioni.periodo?.dataInizio ?? addDays(oggi(), 1 + 7 * sequenza++);
  const fine = opzioni.periodo?.dataFine ?? addDays(inizio, 4);
  const passi: Array<{ chiave: Parameters<typeof salvaPasso>[3]["chiave"]; valore: unknown; colonne?: object; lavoratori?: boolean }> = [
    { chiave: "azienda", valore: { pec: "ufficio@pec.esempio.it", telefono: "049 1234567" } },
    {
      chiave: "unitaProduttiva",
      valore: {
        unitaProduttivaId: unita.id,
        codice: unita.codice,
        denominazione: unita.denominazione,
        mediaOccupati: [{ orarioSettimanale: 40, lavoratori: 15 }],
        mediaUniemens: [{ orarioSettimanale: 40, lavoratori: 15 }],
        modificata: false,
      },
      colonne: { unitaProduttivaId: unita.id },
    },
    {
      chiave: "periodo",
      valore: opzioni.periodo ?? {
        causale: "mancanza_lavoro",
        eone: false,
        meteo: false,
        straordinaria: false,
        tipo: "sospensione",
        dataInizio: inizio,
        dataFine: fine,
        oreRichieste: 40,
      },
      colonne: { dataInizio: inizio, dataFine: fine },
    },
    { chiave: "lavoratori", valore: { modalita: "uniemens", numero: addetti.length }, lavoratori: true },
    {
      chiave: "relazioneTecnica",
      valore: {
        modalita: "strutturata",
        descrizione: "<script>alert('x')</script> calo degli ordini",
        misure: "Ferie arretrate smaltite",
        prospettive: "Nuove commesse da gennaio",
        granularita: "anno",
        indicatori: [{ periodo: "2025", fatturatoCentesimi: 125_000_000, ordiniCentesimi: 0, risultatoOperativoCentesimi: -1_234_56 }],
        dichiarazione: true,
      },
    },
    { chiave: "informativa", valore: { dovuta: true, dataComunicazione: "2026-11-02", destinatari: ["RSU"] } },
    {
      chiave: "pagamento",
      valore: opzioni.pagamentoDiretto
        ? decidiPagamentoDiretto({
            dataRiferimento: "2025-12-31",
            disponibilitaLiquideCentesimi: 500_000,
            creditiBreveCentesimi: 1_000_000,
            rimanenzeCentesimi: 2_000_000,
            debitiBreveCentesimi: 10_000_000,
          })
        : { modalita: "conguaglio" },
    },
    { chiave: "allegati", valore: { numero: 0 } },
  ];
  let versione = 1;
  for (const p of passi) {
    if (p.chiave === opzioni.finoA) break;
    versione = await salvaOk(ctx, id, versione, { chiave: p.chiave, valore: p.valore, colonne: p.colonne }, async (tx) => {
      if (p.lavoratori && addetti.length > 0) {
        await tx.insert(domandaLavoratori).values(
          addetti.map((a) => ({ domandaId: id, codiceFiscale: a.codiceFiscale, lavoratoreId: a.lavoratoreId, qualifica: a.qualifica, origine: "uniemens" })),
        );
      }
    });
  }
  if (opzioni.finoA === undefined) await togliNonAmmessi(id);
  return id;
}

/**
 * Keeps only the workers the eligibility rules accept (30 days at the unit, not a dirigente…): the fixture is a
 * draft that can be sent. The rules are the real ones (controlliDomanda); only their blocking verdicts are read.
 */
async function togliNonAmmessi(id: number): Promise<void> {
  const [riga] = await db()
    .select({ domanda: domande, azienda: aziende })
    .from(domande)
    .innerJoin(aziende, eq(aziende.id, domande.aziendaId))
    .where(eq(domande.id, id));
  const esclusi = (await controlliDomanda({ ...riga, risposte: leggiRisposte(riga.domanda.dati) }))
    .filter((e) => e.passo === "lavoratori" && e.gravita === "bloccante" && typeof e.dati.cf === "string")
    .map((e) => e.dati.cf as string);
  if (esclusi.length > 0) {
    await db()
      .delete(domandaLavoratori)
      .where(and(eq(domandaLavoratori.domandaId, id), inArray(domandaLavoratori.codiceFiscale, esclusi)));
  }
}
