// An intermediary's request of a delega reaches the company's legal representative by e-mail (issue 14, ADR 020):
// enqueued in the transaction that writes the request, sent by the app's workers to the local SMTP sink, with who
// asks, the matricola and the link to the page where the legal representative confirms; the link leads to the
// confirmation; the confirmation reaches the intermediary, her revocation the legal representative. A delega by
// declaration sends nothing (there is nothing to confirm), nor does a refused request.
import { eq, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { aziende, deleghe, postaPozzo } from "#db/schema";
import { connessioneCorrente, db } from "#db/connection";
import { LAURA_CONSULENTE, MARIO_ESEMPIO } from "#db/seed/index";
import * as nuova from "~/routes/deleghe.nuova";
import * as pagina from "~/routes/deleghe._index";
import { avviaLavori, type Lavori } from "~/services/lavori/avvio.server";
import { chiudiPosta } from "~/services/posta/invio.server";
import { avviaPozzo, type Pozzo } from "~/services/posta/pozzo.server";
import { usaDatabaseDiTest } from "../database";
import { contesto, get, post, risposta, sessioneDi, type Identita } from "../richieste";
import { idAzienda, MATRICOLE } from "./domanda-completa";

usaDatabaseDiTest();

let pozzo: Pozzo;
let lavori: Lavori;
let laura: Identita;
let marioC2: Identita;
let c2: number;

beforeAll(async () => {
  pozzo = await avviaPozzo();
  process.env.SMTP_URL = pozzo.url;
  process.env.OMNIA_URL_PUBBLICO = "https://omnia.esempio.it";
  lavori = await avviaLavori(connessioneCorrente(), { intervalloSecondi: 0.5, pianificazioni: false });
  c2 = await idAzienda("C2");
  laura = await sessioneDi(LAURA_CONSULENTE.codiceFiscale, "intermediario");
  marioC2 = await sessioneDi(MARIO_ESEMPIO.codiceFiscale, "datore", c2);
});

afterAll(async () => {
  await lavori?.ferma();
  chiudiPosta();
  await pozzo?.chiudi();
  delete process.env.SMTP_URL;
  delete process.env.OMNIA_URL_PUBBLICO;
});

async function attendi<T>(leggi: () => Promise<T | undefined>, ms = 20_000): Promise<T> {
  const fine = Date.now() + ms;
  while (Date.now() < fine) {
    const v = await leggi();
    if (v !== undefined) return v;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error("condizione non raggiunta in tempo");
}

const esiti = (stato: string) => db().select().from(postaPozzo).where(like(postaPozzo.oggetto, `OMNIA IS — Delega ${stato}:%`));
const richieste = () => db().select().from(postaPozzo).where(like(postaPozzo.oggetto, "OMNIA IS — Richiesta di delega%"));

describe("e-mail al legale rappresentante per una richiesta di delega", () => {
  it("la richiesta da confermare arriva al legale rappresentante e alla PEC dell'azienda, con il collegamento alla conferma", async () => {
    const r = await risposta(() =>
      nuova.action({ request: post("/deleghe/nuova", { matricola: MATRICOLE.C2, modalita: "conferma", validaAl: "31/12/2030" }, laura), params: {}, context: contesto }),
    );
    expect(r.status).toBe(303);
    const [delega] = await db().select().from(deleghe).where(eq(deleghe.stato, "richiesta"));
    const [azienda] = await db().select().from(aziende).where(eq(aziende.id, c2));

    const [mail] = await attendi(async () => ((await richieste()).length > 0 ? richieste() : undefined));
    expect(mail.destinatari.sort()).toEqual([MARIO_ESEMPIO.email, azienda.pec].filter(Boolean).sort());
    expect(mail.oggetto).toBe(`OMNIA IS — Richiesta di delega per ${azienda.ragioneSociale} (matricola ${MATRICOLE.C2})`);
    expect(mail.testo).toContain(`${LAURA_CONSULENTE.nome} ${LAURA_CONSULENTE.cognome} (codice fiscale ${LAURA_CONSULENTE.codiceFiscale})`);
    expect(mail.testo).toContain("fino al 31/12/2030");
    const collegamento = `https://omnia.esempio.it/deleghe#delega-${delega.id}`;
    expect(mail.testo).toContain(collegamento);

    // The link's page, for the legal representative signed in for C2, shows the request with its confirm button.
    const vista = await risposta(() => pagina.loader({ request: get("/deleghe", marioC2), params: {}, context: contesto }));
    expect(vista.status).toBe(200);
    const { vista: dati } = (await vista.json()) as { vista: { deleghe: Array<{ id: number; stato: string }> } };
    expect(dati.deleghe).toContainEqual(expect.objectContaining({ id: delega.id, stato: "richiesta" }));
    const conferma = await risposta(() =>
      pagina.action({ request: post("/deleghe", { intent: "conferma", id: String(delega.id) }, marioC2), params: {}, context: contesto }),
    );
    expect(conferma.status).toBe(303);
    expect((await db().select().from(deleghe).where(eq(deleghe.id, delega.id)))[0].stato).toBe("attiva");

    // The intermediary is told of the confirmation; the legal representative (and the PEC) of a revocation by her.
    const [confermata] = await attendi(async () => {
      const r = await esiti("confermata");
      return r.length > 0 ? r : undefined;
    });
    expect(confermata.destinatari).toEqual([LAURA_CONSULENTE.email]);
    expect(confermata.testo).toContain(`ha confermato la tua delega`);
    expect(confermata.testo).toContain(collegamento);
    const revoca = await risposta(() =>
      pagina.action({ request: post("/deleghe", { intent: "revoca", id: String(delega.id) }, laura), params: {}, context: contesto }),
    );
    expect(revoca.status).toBe(303);
    const [revocata] = await attendi(async () => {
      const r = await esiti("revocata");
      return r.length > 0 ? r : undefined;
    });
    expect(revocata.destinatari.sort()).toEqual([MARIO_ESEMPIO.email, azienda.pec].filter(Boolean).sort());
    expect(revocata.testo).toContain(`${LAURA_CONSULENTE.nome} ${LAURA_CONSULENTE.cognome}`);
  });

  it("una delega per dichiarazione o una richiesta respinta non mandano nulla", async () => {
    const prima = (await richieste()).length;
    const respinta = await risposta(() =>
      nuova.action({ request: post("/deleghe/nuova", { matricola: "12ab", modalita: "conferma" }, laura), params: {}, context: contesto }),
    );
    expect(respinta.status).toBe(422);
    const dichiarata = await risposta(() =>
      nuova.action({
        request: post("/deleghe/nuova", { matricola: MATRICOLE.C1, modalita: "dichiarazione", dichiarazione: "si" }, laura),
        params: {},
        context: contesto,
      }),
    );
    expect(dichiarata.status).toBe(303);
    // Give the workers the time they took for the first e-mail.
    await new Promise((r) => setTimeout(r, 3000));
    expect((await richieste()).length).toBe(prima);
  });
});
