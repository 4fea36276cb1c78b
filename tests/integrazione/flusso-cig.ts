// Fixtures of the UniEmens-Cig flows: a domanda with direct payment sent through the real services on days already
// past (a flow's month cannot be in the future), its workers as flow rows, and the flow's XML per the published schema.
import { and, eq } from "drizzle-orm";
import { domandaLavoratori, lavoratori, rapportiLavoro, type Domanda } from "#db/schema";
import { db } from "#db/connection";
import { addDays } from "~/domain/date";
import type { Contesto } from "~/services/accesso.server";
import { oggi } from "~/services/orologio.server";
import { inviata } from "./istruttoria-caso";

export interface Riga {
  cf: string;
  iban: string;
  orario: number;
  giorni: string[];
}

/** Le righe del flusso per una domanda inviata: i suoi lavoratori, i giorni del periodo nel primo mese, 8 ore al giorno. */
export async function righeDi(d: Domanda): Promise<{ competenza: string; righe: Riga[] }> {
  const addetti = await db()
    .select({ cf: lavoratori.codiceFiscale, iban: lavoratori.iban, orario: rapportiLavoro.orarioSettimanaleCentesimi })
    .from(domandaLavoratori)
    .innerJoin(lavoratori, eq(lavoratori.codiceFiscale, domandaLavoratori.codiceFiscale))
    .innerJoin(rapportiLavoro, and(eq(rapportiLavoro.lavoratoreId, lavoratori.id), eq(rapportiLavoro.unitaProduttivaId, d.unitaProduttivaId!)))
    .where(eq(domandaLavoratori.domandaId, d.id));
  const competenza = d.dataInizio!.slice(0, 7);
  const giorni: string[] = [];
  for (let g = d.dataInizio!; g <= d.dataFine! && g.startsWith(competenza); g = addDays(g, 1)) giorni.push(g.slice(8, 10));
  return { competenza, righe: addetti.map((a) => ({ cf: a.cf, iban: a.iban ?? "IT21S9900101001000000100006", orario: a.orario, giorni })) };
}

/** Each test uses its own Qualifica3, so its returns never share the key (worker, month, classification) of another test's. */
let qualifica3 = 65;

export function xml(matricola: string, competenza: string, ticket: string, righe: Riga[], troncaDopo?: number, q3 = String.fromCharCode(qualifica3++)): string {
  const denunce = righe.map(
    (r) => `
      <DenunciaIndividuale>
        <CFLavoratore>${r.cf}</CFLavoratore><Cognome>ESEMPIO</Cognome><Nome>LAVORATORE</Nome>
        <Qualifica1>1</Qualifica1><Qualifica2>F</Qualifica2><Qualifica3>${q3}</Qualifica3><TipoContribuzione>00</TipoContribuzione>
        <OrarioContrattuale>${r.orario}</OrarioContrattuale><IBAN>${r.iban}</IBAN><Ticket>${ticket}</Ticket>
        <DetrazLavDip>S</DetrazLavDip><DetrazCarichiFam>S</DetrazCarichiFam>
        <DatiRetributivi>${r.giorni.map((g) => `<GiornoCig GG="${g}"><OreCig>800</OreCig></GiornoCig>`).join("")}</DatiRetributivi>
      </DenunciaIndividuale>`,
  );
  const corpo = `<?xml version="1.0" encoding="UTF-8"?>
<DenunceMensili>
  <Azienda><AnnoMeseDenuncia>${competenza}</AnnoMeseDenuncia>
    <PosContributiva><Matricola>${matricola}</Matricola>${denunce.join("")}
    </PosContributiva>
  </Azienda>
</DenunceMensili>`;
  if (troncaDopo === undefined) return corpo;
  const fine = corpo.indexOf("</DenunciaIndividuale>", corpo.indexOf("<DenunciaIndividuale>") + 1) + 30;
  return corpo.slice(0, fine);
}

let settimana = 0;

/**
 * Una domanda con pagamento diretto, inviata e non ancora decisa, su cinque giorni già trascorsi (i mesi di competenza
 * dei flussi non possono essere nel futuro); una settimana prima per ogni domanda, perché non si sovrappongano.
 */
export async function domandaDiretta(ctx: Contesto, aziendaId: number, unitaProduttivaId?: number): Promise<Domanda> {
  const dataInizio = addDays(oggi(), -12 - 7 * settimana++);
  const periodo = { causale: "mancanza_lavoro", eone: false, meteo: false, straordinaria: false, tipo: "sospensione", dataInizio, dataFine: addDays(dataInizio, 4), oreRichieste: 40 };
  return inviata(ctx, aziendaId, { pagamentoDiretto: true, lavoratori: 3, periodo, unitaProduttivaId });
}
