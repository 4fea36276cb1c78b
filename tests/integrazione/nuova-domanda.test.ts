// "Nuova domanda": the one search field finds a company the profile may act for by a code typed as printed (spaces,
// hyphens, the IT prefix, small letters: normalised by the shared schema and shown normalised) or by part of its
// ragione sociale (bounded list); a company outside the profile reads exactly like one that does not exist.
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { aziende, deleghe, utenti } from "#db/schema";
import { db } from "#db/connection";
import { LAURA_CONSULENTE, MARIO_ESEMPIO } from "#db/seed/index";
import Pagina, * as nuova from "~/routes/domande.nuova";
import { CERCA_MAX_RISULTATI, CercaAziendaSchema, messaggiNuova } from "~/passi/schemi/nuova";
import { usaDatabaseDiTest } from "../database";
import { testoVisibile } from "../nomi-interni";
import { paginaResa } from "../remix-lato-server";
import { contesto, get, risposta, sessioneDi, type Identita } from "../richieste";

usaDatabaseDiTest();

vi.mock("@remix-run/react", () => import("../remix-lato-server").then((m) => m.remixLatoServer()));

let laura: Identita;
let mario: Identita;
let c3: number;

beforeAll(async () => {
  [{ id: c3 }] = await db().select({ id: aziende.id }).from(aziende).where(eq(aziende.matricola, "4734567803"));
  const [{ id: c1 }] = await db().select({ id: aziende.id }).from(aziende).where(eq(aziende.matricola, "4712345601"));
  laura = await sessioneDi(LAURA_CONSULENTE.codiceFiscale, "intermediario");
  mario = await sessioneDi(MARIO_ESEMPIO.codiceFiscale, "datore", c1);
});

async function cerca(testo: string, chi = laura) {
  const r = await risposta(() => nuova.loader({ request: get(`/domande/nuova?cerca=${encodeURIComponent(testo)}`, chi), params: {}, context: contesto }));
  const dati = await r.json();
  return { status: r.status, dati, html: paginaResa(Pagina, dati) };
}

/** Companies like C3 under other names, delegated to Laura from 2020 (codes start with `prefisso`). */
async function delegaALaura(nomi: string[], prefisso: string): Promise<void> {
  const [modello] = await db().select().from(aziende).where(eq(aziende.id, c3));
  const [{ id: lauraId }] = await db().select({ id: utenti.id }).from(utenti).where(eq(utenti.codiceFiscale, LAURA_CONSULENTE.codiceFiscale));
  const { id: _id, ...campi } = modello;
  for (const [i, ragioneSociale] of nomi.entries()) {
    const n = String(i).padStart(8, "0");
    const [{ id }] = await db()
      .insert(aziende)
      .values({ ...campi, ragioneSociale, matricola: `${prefisso}${n}`, cida: null, codiceFiscale: `${prefisso}1${n}` })
      .returning({ id: aziende.id });
    await db().insert(deleghe).values({ intermediarioId: lauraId, aziendaId: id, validaDal: "2020-01-01", validaAl: null });
  }
}

/** The value attribute of the search field in the rendered page. */
const valoreCampo = (html: string) => /<input[^>]*id="cerca"[^>]*>/.exec(html)?.[0].match(/value="([^"]*)"/)?.[1];

describe("Nuova domanda: ricerca dell'azienda", () => {
  it("lo schema condiviso normalizza spazi, trattini, prefisso IT e minuscole prima di controllare il codice", () => {
    for (const digitato of ["07654320154", "0765 4320 154", "IT 07654320154", "it-07654-320154", " 076-543-201-54 "]) {
      expect(CercaAziendaSchema.parse({ cerca: digitato }).cerca).toEqual({ tipo: "codice", valore: "07654320154" });
    }
    expect(CercaAziendaSchema.parse({ cerca: "ccc fba 85 d03 l219 p" }).cerca).toEqual({ tipo: "codice", valore: "CCCFBA85D03L219P" });
    expect(CercaAziendaSchema.parse({ cerca: "47-3456-7803" }).cerca).toEqual({ tipo: "codice", valore: "4734567803" });
    expect(CercaAziendaSchema.parse({ cerca: "  Bottega   digitale " }).cerca).toEqual({ tipo: "nome", valore: "Bottega digitale" });
    expect(CercaAziendaSchema.safeParse({ cerca: "123 45" }).error?.issues[0].message).toBe(messaggiNuova.cercaFormato);
  });

  it("un codice digitato con spazi e prefisso trova l'azienda e il campo mostra il codice normalizzato", async () => {
    const { status, dati, html } = await cerca("IT 0765 4320 154");
    expect(status).toBe(200);
    expect(dati.scelta.azienda.id).toBe(c3);
    expect(dati.cerca).toBe("07654320154");
    expect(testoVisibile(html)).toContain("Bottega Digitale S.n.c.");
  });

  it("la matricola con trattini e un codice sbagliato: trovata la prima, errore di formato il secondo con il valore restituito", async () => {
    expect((await cerca("4734-5678-03")).dati.scelta.azienda.id).toBe(c3);
    const sbagliato = await cerca("0765 4320");
    expect(sbagliato.status).toBe(422);
    expect(sbagliato.dati.erroreCerca).toBe(messaggiNuova.cercaFormato);
    expect(valoreCampo(sbagliato.html)).toBe("0765 4320");
    expect(testoVisibile(sbagliato.html)).toContain("C'è un problema");
  });

  it("cerca per ragione sociale: una sola azienda è scelta, più aziende sono elencate come link", async () => {
    expect((await cerca("bottega")).dati.scelta.azienda.id).toBe(c3);
    await delegaALaura(["Studio Tecnico Fontana S.r.l.", "Fontana Impianti S.p.A."], "97");
    const piu = await cerca("FONTANA");
    expect(piu.status).toBe(200);
    expect(piu.dati.scelta).toBeNull();
    const nomi = piu.dati.trovate.aziende.map((a: { ragioneSociale: string }) => a.ragioneSociale);
    expect(nomi).toEqual(["Fontana Impianti S.p.A.", "Studio Associato Fontana Esempio", "Studio Tecnico Fontana S.r.l."]);
    const testo = testoVisibile(piu.html);
    expect(testo).toContain("Risultati della ricerca");
    expect(testo).toContain("3 aziende corrispondono alla ricerca.");
    expect(piu.html).toContain(`>Studio Associato Fontana Esempio</a>`);
    // Every word of the search must be in the name.
    expect((await cerca("fontana tecnico")).dati.scelta.azienda.ragioneSociale).toBe("Studio Tecnico Fontana S.r.l.");
    expect(piu.html).toContain("Codice fiscale, matricola INPS o ragione sociale dell&#x27;azienda");
  });

  it("un'azienda fuori dal profilo risponde come una che non esiste (nessuna rivelazione)", async () => {
    const altra = await cerca("Officine Meccaniche Brenta"); // C1: Mario's, not delegated to Laura
    const inesistente = await cerca("Ditta Inesistente Qualsiasi");
    const scaduta = await cerca("Edil Costruzioni"); // C2: Laura's delega expired
    for (const r of [altra, inesistente, scaduta]) {
      expect(r.status).toBe(422);
      expect(r.dati.erroreCerca).toBe(messaggiNuova.cercaNonTrovata);
      expect(r.dati.trovate).toBeNull();
    }
    // The employer finds only the company he acts for.
    expect((await cerca("Officine", mario)).dati.scelta.azienda.ragioneSociale).toBe("Officine Meccaniche Brenta S.r.l.");
    expect((await cerca("Edil", mario)).status).toBe(422);
  });

  it("i caratteri jolly si cercano come caratteri, testo ostile e troppo corto: 422 in italiano", async () => {
    expect((await cerca("%%%")).dati.erroreCerca).toBe(messaggiNuova.cercaNonTrovata);
    expect((await cerca("___")).dati.erroreCerca).toBe(messaggiNuova.cercaNonTrovata);
    expect((await cerca("Bo")).dati.erroreCerca).toBe(messaggiNuova.cercaNomeCorto);
    expect((await cerca("Bot\u0000tega")).dati.erroreCerca).toBe(messaggiNuova.cercaCaratteri);
    expect((await cerca("x".repeat(101))).dati.erroreCerca).toBe(messaggiNuova.cercaNomeLungo);
  });

  it(`elenca al massimo ${CERCA_MAX_RISULTATI} aziende e chiede di restringere la ricerca`, async () => {
    await delegaALaura(Array.from({ length: CERCA_MAX_RISULTATI + 3 }, (_, i) => `Ricambi Serie ${String(i).padStart(2, "0")} S.r.l.`), "98");
    const { status, dati, html } = await cerca("ricambi serie");
    expect(status).toBe(200);
    expect(dati.trovate.aziende).toHaveLength(CERCA_MAX_RISULTATI);
    expect(dati.trovate.troppi).toBe(true);
    expect(testoVisibile(html)).toContain(`Più di ${CERCA_MAX_RISULTATI} aziende corrispondono alla ricerca`);
  });
});
