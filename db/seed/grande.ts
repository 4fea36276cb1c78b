// Una grande azienda della demo, per il benchmark delle pagine con molti lavoratori (issue 4, qualità → prestazioni):
// Grande Fonderia Esempio S.p.A., industria (CIGO), con un'unità di 520 lavoratori e un piccolo ufficio commerciale,
// 24 mesi UniEmens, un periodo di CIGO nell'autunno 2025 e una delega valida all'intermediaria demo.
// Seme proprio e scritta dopo le aziende generate: non cambia nessuna delle righe che già c'erano.
import { addDays, type DataISO } from "../../app/domain/date";
import * as s from "../schema";
import { comune, indirizzoCasuale } from "./anagrafiche";
import type { ScrittoreLotti } from "./inserimento";
import {
  dataTra,
  ibanFittizio,
  matricolaFittizia,
  partitaIvaFittizia,
  personaFittizia,
  scriviLavoratore,
  type ContestoUniemens,
  type EventiCig,
  type Qualifica,
  type Registro,
  type TipoContratto,
} from "./persone";
import { mulberry32, SEMI } from "./prng";

export const GRANDE_AZIENDA = {
  ragioneSociale: "Grande Fonderia Esempio S.p.A.",
  comune: "Brescia",
  csc: "19901",
  codiceAteco: "24.51.00",
  ccnl: "Metalmeccanica industria",
  /** Delega all'intermediaria demo: valida alla data di riferimento e oltre. */
  delega: { validaDal: "2024-09-01", validaAl: null },
  unita: [
    { codice: "UP1", denominazione: "Fonderia di Brescia", comune: "Brescia", attivita: "fusione di ghisa e acciaio", lavoratori: 520 },
    { codice: "UP2", denominazione: "Ufficio commerciale di Milano", comune: "Milano", attivita: "vendita e amministrazione", lavoratori: 18 },
  ],
} as const;

/** Lavoratori della grande azienda (tutte le unità): il test del seed li somma alla demo. */
export const LAVORATORI_GRANDE_AZIENDA = GRANDE_AZIENDA.unita.reduce((a, u) => a + u.lavoratori, 0);

const CAB_GRANDE = "01006";

const QUALIFICHE_FONDERIA: Array<[Qualifica, number]> = [["operaio", 78], ["impiegato", 12], ["quadro", 3], ["apprendista", 6], ["dirigente", 1]];
const QUALIFICHE_UFFICIO: Array<[Qualifica, number]> = [["impiegato", 80], ["quadro", 12], ["apprendista", 8]];

/** Scrive azienda, unità, lavoratori con rapporti e UniEmens, e la delega; restituisce l'id dell'azienda. */
export function scriviGrandeAzienda(
  w: ScrittoreLotti,
  registro: Registro,
  ctx: ContestoUniemens,
  intermediarioId: number,
): number {
  const c = mulberry32(SEMI.grande);
  const g = GRANDE_AZIENDA;
  const sede = comune(g.comune);
  const semestreDal = addDays(ctx.dataRiferimento, -183);
  const legale = personaFittizia(c, registro, { luogo: sede.belfiore, nascitaDal: "1960-01-01", nascitaAl: "1980-12-31" });
  const aziendaId = w.prossimoId(s.aziende);
  const codiceFiscale = partitaIvaFittizia(c, registro, sede.ufficioIva);
  const matricola = matricolaFittizia(c, registro);

  // CIGO di quattro settimane da ottobre 2025 nella fonderia: i lavoratori della pagina hanno un consumo pregresso.
  const giorniCig = ctx.mesi
    .filter((m) => m.giorniLavorabili5[0] >= "2025-10-01" && m.giorniLavorabili5[0] < "2025-12-01")
    .flatMap((m) => m.giorniLavorabili5)
    .filter((d) => d >= "2025-10-06")
    .slice(0, 20);
  const ticket = `TGFE${String(c.intero(0, 999_999_999_999)).padStart(12, "0")}`;

  let forzaMedia = 0;
  const scritture: Array<() => void> = [];
  const unita = g.unita.map((u) => ({ ...u, id: w.prossimoId(s.unitaProduttive), com: comune(u.comune), indirizzo: indirizzoCasuale(c) }));
  for (const u of unita) {
    const pesi = u.codice === "UP1" ? QUALIFICHE_FONDERIA : QUALIFICHE_UFFICIO;
    for (let j = 0; j < u.lavoratori; j++) {
      const qualifica = c.pesata(pesi.map(([q]) => q), pesi.map(([, p]) => p));
      const p = personaFittizia(c, registro, {
        luogo: c.probabilita(0.15) ? c.scegli(["Z330", "Z129", "Z100"]) : u.com.belfiore,
        nascitaDal: "1962-01-01",
        nascitaAl: qualifica === "apprendista" ? "2006-12-31" : qualifica === "dirigente" ? "1982-12-31" : "2004-12-31",
      });
      // Quasi tutti assunti prima del semestre; alcuni negli ultimi due mesi (anzianità di 30 giorni da verificare).
      const recente = c.probabilita(0.04);
      const dataAssunzione: DataISO = recente
        ? dataTra(c, addDays(ctx.dataRiferimento, -60), addDays(ctx.dataRiferimento, -5))
        : dataTra(c, qualifica === "apprendista" ? "2023-01-01" : "1998-01-01", "2025-06-30");
      const tipoContratto: TipoContratto =
        qualifica === "apprendista" ? "apprendistato" : c.probabilita(0.07) ? "tempo_determinato" : "tempo_indeterminato";
      const partTime = qualifica !== "dirigente" && c.probabilita(0.07);
      const orario = partTime ? c.scegli([2000, 2400, 3000]) : 4000;
      if (dataAssunzione <= semestreDal) forzaMedia++;
      const iban = c.probabilita(0.95) ? ibanFittizio(registro, CAB_GRANDE) : null;
      let eventi: EventiCig | undefined;
      if (u.codice === "UP1" && qualifica === "operaio" && dataAssunzione < "2025-10-01" && c.probabilita(0.6)) {
        const ore = c.probabilita(0.5) ? Math.round(orario / 5) : Math.round(orario / 10);
        eventi = { codiceEvento: "CIGO", ticket, giorni: giorniCig.map((giorno) => ({ giorno, oreCentesimi: ore })) };
      }
      const seme = c.intero(0, 2 ** 31);
      scritture.push(() =>
        scriviLavoratore(
          w,
          ctx,
          p,
          iban,
          {
          unitaProduttivaId: u.id,
          qualifica,
          tipoContratto,
          dataAssunzione,
          dataCessazione: null,
          orarioSettimanaleCentesimi: orario,
          percentualePartTime: partTime ? orario / 40 : null,
          },
          seme,
          eventi,
        ),
      );
    }
  }
  w.aggiungi(s.aziende, {
    id: aziendaId,
    matricola,
    cida: null,
    codiceFiscale,
    ragioneSociale: g.ragioneSociale,
    csc: g.csc,
    codiciAutorizzazione: [],
    codiceAteco: g.codiceAteco,
    gestione: "privata",
    sedeCodice: sede.sede,
    pec: "grandefonderia@pec.esempio.it",
    telefono: "030 0000007",
    indirizzo: indirizzoCasuale(c),
    comune: sede.nome,
    provincia: sede.provincia,
    cap: sede.cap,
    cfLegaleRappresentante: legale.codiceFiscale,
    forzaMediaSemestre: forzaMedia,
    ccnl: g.ccnl,
    fondoSolidarietaCodice: null,
  });
  for (const u of unita) {
    w.aggiungi(s.unitaProduttive, {
      id: u.id,
      aziendaId,
      codice: u.codice,
      denominazione: u.denominazione,
      indirizzo: u.indirizzo,
      comune: u.com.nome,
      codiceCatastale: u.com.belfiore,
      provincia: u.com.provincia,
      cap: u.com.cap,
      attivita: u.attivita,
    });
  }
  for (const scrivi of scritture) scrivi();
  w.aggiungi(s.deleghe, {
    id: w.prossimoId(s.deleghe),
    intermediarioId,
    aziendaId,
    validaDal: g.delega.validaDal,
    validaAl: g.delega.validaAl,
  });
  return aziendaId;
}
