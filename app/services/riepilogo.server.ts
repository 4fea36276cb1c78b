// What the summary, the detail page, the receipt page and the PDF receipt show of one domanda: the answers of every
// step as label/value rows (from the step contract, app/passi, with the forms' labels), the workers, the attachments
// and the rule outcomes. Called after authorisation (caricaDomanda).
import { asc, eq } from "drizzle-orm";
import { allegati, domandaLavoratori, eventiDomanda, lavoratori, unitaProduttive } from "#db/schema";
import { db } from "#db/connection";
import { formatDataItaliana, orologioRoma } from "~/domain/date";
import { messaggioPerUtente, type Esito } from "~/domain/esito";
import { nomePrestazione, type Fondo } from "~/domain/tipi";
import { PASSI, sezioniRiepilogo, type ChiavePasso, type SezioneRiepilogo, type SlugPasso } from "~/passi";
import { ETICHETTE_STATO } from "~/domain/stati";
import { dimensioneFile } from "~/domain/formati";
import { NOMI_TIPI_ALLEGATO } from "~/passi/schemi/allegati";
import { ETICHETTE_QUALIFICA } from "~/passi/schemi/lavoratori";
import { controlliDomanda } from "./controlli-domanda.server";
import type { DomandaCaricata } from "./domande.server";

export type { RigaRiepilogo, SezioneRiepilogo } from "~/passi";

export interface LavoratoreRiepilogo {
  codiceFiscale: string;
  nominativo: string;
  qualifica: string;
}

export interface AllegatoRiepilogo {
  id: number;
  tipo: string;
  nomeFile: string;
  dimensione: string;
}

export interface EsitoRiepilogo {
  gravita: Esito["gravita"];
  messaggio: string;
  riferimento: string;
  /** Slug of the step to correct, when the outcome belongs to a step. */
  slug: SlugPasso | null;
  titoloPasso: string | null;
}

export interface Intestazione {
  id: number;
  prestazione: string;
  stato: string;
  protocollo: string | null;
  ticket: string | null;
  inviataIl: string | null;
  azienda: { ragioneSociale: string; codiceFiscale: string; matricola: string };
  unita: string;
  periodo: string;
}

/** Date and time as people in Italy read them, whatever the server's time zone: "26/11/2026 alle 09:05". */
export function dataOraRoma(istante: Date): string {
  const { anno, mese, giorno, ora, minuto } = orologioRoma(istante);
  const due = (n: number) => String(n).padStart(2, "0");
  return `${due(giorno)}/${due(mese)}/${anno} alle ${due(ora)}:${due(minuto)}`;
}

export function esitiRiepilogo(esiti: ReadonlyArray<Esito & { passo?: ChiavePasso }>): EsitoRiepilogo[] {
  const ordine = { bloccante: 0, avviso: 1, informazione: 2 } as const;
  return [...esiti]
    .sort((a, b) => ordine[a.gravita] - ordine[b.gravita])
    .map((e) => {
      const passo = PASSI.find((p) => p.chiave === e.passo) ?? null;
      return {
        gravita: e.gravita,
        messaggio: messaggioPerUtente(e.messaggio),
        riferimento: e.riferimento,
        slug: passo?.slug ?? null,
        titoloPasso: passo?.titolo ?? null,
      };
    });
}

export async function lavoratoriDomanda(domandaId: number): Promise<LavoratoreRiepilogo[]> {
  const righe = await db()
    .select({
      codiceFiscale: domandaLavoratori.codiceFiscale,
      qualifica: domandaLavoratori.qualifica,
      cognome: lavoratori.cognome,
      nome: lavoratori.nome,
    })
    .from(domandaLavoratori)
    .leftJoin(lavoratori, eq(lavoratori.id, domandaLavoratori.lavoratoreId))
    .where(eq(domandaLavoratori.domandaId, domandaId))
    .orderBy(asc(lavoratori.cognome), asc(domandaLavoratori.codiceFiscale));
  return righe.map((r) => ({
    codiceFiscale: r.codiceFiscale,
    // Workers from an uploaded list may not be in the registry: the CF identifies them.
    nominativo: r.cognome ? `${r.cognome} ${r.nome}` : "Non presente negli archivi",
    qualifica: ETICHETTE_QUALIFICA[r.qualifica],
  }));
}

export async function allegatiDomanda(domandaId: number): Promise<AllegatoRiepilogo[]> {
  const righe = await db()
    .select({ id: allegati.id, tipo: allegati.tipo, nomeFile: allegati.nomeFile, dimensione: allegati.dimensione })
    .from(allegati)
    .where(eq(allegati.domandaId, domandaId))
    .orderBy(asc(allegati.id));
  return righe.map((a) => ({
    id: a.id,
    tipo: NOMI_TIPI_ALLEGATO[a.tipo],
    nomeFile: a.nomeFile,
    dimensione: dimensioneFile(a.dimensione),
  }));
}

export async function intestazioneDomanda({ domanda, azienda }: DomandaCaricata): Promise<Intestazione> {
  let unita = "Non indicata";
  if (domanda.unitaProduttivaId != null) {
    const [u] = await db()
      .select({ codice: unitaProduttive.codice, denominazione: unitaProduttive.denominazione, comune: unitaProduttive.comune, provincia: unitaProduttive.provincia })
      .from(unitaProduttive)
      .where(eq(unitaProduttive.id, domanda.unitaProduttivaId));
    if (u) unita = `${u.denominazione} (${u.codice}), ${u.comune} (${u.provincia})`;
  }
  const periodo =
    domanda.dataInizio && domanda.dataFine
      ? `dal ${formatDataItaliana(domanda.dataInizio)} al ${formatDataItaliana(domanda.dataFine)}`
      : "Non indicato";
  return {
    id: domanda.id,
    prestazione: nomePrestazione(domanda.prestazione, (domanda.fondoCodice?.toUpperCase() as Fondo) ?? null),
    stato: ETICHETTE_STATO[domanda.stato],
    protocollo: domanda.protocollo,
    ticket: domanda.ticket,
    inviataIl: domanda.inviataIl ? dataOraRoma(domanda.inviataIl) : null,
    azienda: {
      ragioneSociale: azienda.ragioneSociale,
      codiceFiscale: azienda.codiceFiscale,
      matricola: azienda.matricola ?? azienda.cida ?? "",
    },
    unita,
    periodo,
  };
}

export interface DatiRiepilogo {
  intestazione: Intestazione;
  sezioni: SezioneRiepilogo[];
  lavoratori: LavoratoreRiepilogo[];
  allegati: AllegatoRiepilogo[];
}

/** Everything the read-only summary shows (the outcomes are added by the caller: live for a draft, frozen once sent). */
export async function datiRiepilogo(caricata: DomandaCaricata): Promise<DatiRiepilogo> {
  const [intestazione, elencoLavoratori, elencoAllegati] = await Promise.all([
    intestazioneDomanda(caricata),
    lavoratoriDomanda(caricata.domanda.id),
    allegatiDomanda(caricata.domanda.id),
  ]);
  return {
    intestazione,
    sezioni: sezioniRiepilogo(caricata.risposte),
    lavoratori: elencoLavoratori,
    allegati: elencoAllegati,
  };
}

/** The outcomes open now (a draft) as the summary shows them. */
export async function esitiAperti(caricata: DomandaCaricata): Promise<EsitoRiepilogo[]> {
  return esitiRiepilogo(await controlliDomanda(caricata));
}

/** The outcomes frozen at submission (a sent domanda). */
export function esitiAllInvio(caricata: DomandaCaricata): EsitoRiepilogo[] {
  const frozen = (caricata.domanda.esitiInvio ?? []) as Array<Esito & { passo?: ChiavePasso }>;
  return esitiRiepilogo(frozen.filter((e) => e && typeof e === "object" && "gravita" in e));
}

export async function eventiDellaDomanda(domandaId: number) {
  const righe = await db()
    .select({ id: eventiDomanda.id, quando: eventiDomanda.quando, tipo: eventiDomanda.tipo, descrizione: eventiDomanda.descrizione })
    .from(eventiDomanda)
    .where(eq(eventiDomanda.domandaId, domandaId))
    .orderBy(asc(eventiDomanda.quando), asc(eventiDomanda.id));
  return righe.map((e) => ({ id: e.id, quando: dataOraRoma(e.quando), descrizione: e.descrizione }));
}
