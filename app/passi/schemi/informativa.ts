// Step "Informativa sindacale" (art. 14 d.lgs. 148/2015; docs/regole.md §6): whether it is due is derived by the
// rule (app/domain/informativa-sindacale.ts); when due, the user declares that the procedure was carried out, with
// its dates and recipients. Dates are typed gg/mm/aaaa and read strictly (31/02 is refused).
import { z } from "zod";
import { schema } from "../schema";
import { data as dataRiga, riga, siNo, type RigaRiepilogo } from "../righe";
import { formatDataItaliana, parseDataItaliana, type DataISO } from "~/domain/date";
import { DataIsoSchema, testo, testoFacoltativo } from "./comuni";

export const messaggiInformativa = {
  comunicazioneVuota: "Inserisci la data della comunicazione preventiva alle rappresentanze sindacali",
  comunicazioneFormato: "Inserisci la data della comunicazione nel formato gg/mm/aaaa, ad esempio 26/01/2026",
  comunicazioneFutura: "La data della comunicazione non può essere successiva a oggi",
  conclusioneVuota: "Inserisci la data di conclusione della procedura sindacale",
  conclusioneFormato: "Inserisci la data di conclusione nel formato gg/mm/aaaa, ad esempio 04/02/2026",
  conclusionePrima: "La data di conclusione deve essere uguale o successiva alla data della comunicazione",
  richiestaEsameFormato: "Inserisci la data della richiesta di esame congiunto nel formato gg/mm/aaaa",
  richiestaEsamePrima: "La richiesta di esame congiunto non può precedere la comunicazione",
  territorialiVuoti: "Indica le organizzazioni sindacali territoriali a cui hai inviato la comunicazione",
  dichiarazione:
    "Per proseguire dichiara di aver svolto la procedura di informativa e consultazione sindacale prevista dall'art. 14 del d.lgs. 148/2015",
  promemoria:
    "Conserva la documentazione della comunicazione e dell'eventuale esame congiunto (PEC, verbali): l'INPS può chiederla per verificare quanto dichiarato.",
} as const;

const m = messaggiInformativa;

/** The stored answers, version 1. When the notice is not due nothing else is asked. */
export const RisposteInformativaSchema = /* @__PURE__ */ schema(() =>
  z.object({
    dovuta: z.boolean(),
    dataComunicazione: DataIsoSchema.optional(),
    dataConclusione: DataIsoSchema.optional(),
    dataRichiestaEsame: DataIsoSchema.optional(),
    destinatariRsa: z.string().optional(),
    destinatariTerritoriali: z.string().optional(),
    dichiarazione: z.literal(true).optional(),
  }),
);

// Alike the other steps' schemas (periodo.ts) (duplicates): each step exports its data type and its own labels; the
// shape is the step contract, the words are this form's
export type DatiInformativa = z.infer<typeof RisposteInformativaSchema>;

/** The form's labels: the summary and the receipt show the answers under the same words. */
export const ETICHETTE_INFORMATIVA = {
  dovuta: "Informativa sindacale dovuta",
  dataComunicazione: "Data della comunicazione preventiva",
  dataConclusione: "Data di conclusione della procedura",
  dataRichiestaEsame: "Data della richiesta di esame congiunto",
  destinatariRsa: "RSA o RSU aziendali",
  destinatariTerritoriali: "Organizzazioni sindacali territoriali",
  dichiarazione: "Dichiarazione",
} as const;

export function righeInformativa(d: DatiInformativa): RigaRiepilogo[] {
  const e = ETICHETTE_INFORMATIVA;
  if (!d.dovuta) return [riga(e.dovuta, siNo(false))];
  return [
    riga(e.dovuta, siNo(true)),
    riga(e.dataComunicazione, dataRiga(d.dataComunicazione)),
    ...(d.dataConclusione ? [riga(e.dataConclusione, dataRiga(d.dataConclusione))] : []),
    ...(d.dataRichiestaEsame ? [riga(e.dataRichiestaEsame, dataRiga(d.dataRichiestaEsame))] : []),
    riga(e.destinatariRsa, d.destinatariRsa),
    riga(e.destinatariTerritoriali, d.destinatariTerritoriali),
    riga(e.dichiarazione, d.dichiarazione ? "Resa" : null),
  ];
}

function data(vuota: string, formato: string) {
  return z
    .string({ required_error: vuota })
    .trim()
    .min(1, vuota)
    .max(10, formato)
    .transform((v, ctx) => {
      const iso = parseDataItaliana(v);
      if (!iso) {
        ctx.addIssue({ code: "custom", message: formato });
        return z.NEVER;
      }
      return iso;
    });
}

const eIso = (v: unknown): v is DataISO => typeof v === "string" && /^\d{4}-\d{2}-\d{2}$/.test(v);

/**
 * `eone`: for events that cannot be avoided only the notice is needed, the joint examination only on request (the
 * conclusion date is then optional). `oggi`: the notice cannot be in the future.
 */
export function creaSchemaInformativa(opzioni: { eone: boolean; oggi: DataISO }) {
  return z
    .object({
      dataComunicazione: data(m.comunicazioneVuota, m.comunicazioneFormato),
      dataConclusione: opzioni.eone
        ? data(m.conclusioneVuota, m.conclusioneFormato).optional()
        : data(m.conclusioneVuota, m.conclusioneFormato),
      dataRichiestaEsame: data(m.richiestaEsameFormato, m.richiestaEsameFormato).optional(),
      destinatariRsa: testoFacoltativo({ massimo: 300, nome: "L'indicazione delle RSA o RSU" }),
      destinatariTerritoriali: testo({ obbligatorio: m.territorialiVuoti, massimo: 300, nome: "L'elenco delle organizzazioni territoriali" }),
      dichiarazione: z.literal("si", { errorMap: () => ({ message: m.dichiarazione }) }),
    })
    .superRefine((v, ctx) => {
      // zod runs this even when a date failed its transform (the value is then not a date): compare real dates only.
      if (!eIso(v.dataComunicazione)) return;
      if (v.dataComunicazione > opzioni.oggi) ctx.addIssue({ code: "custom", message: m.comunicazioneFutura, path: ["dataComunicazione"] });
      if (eIso(v.dataConclusione) && v.dataConclusione < v.dataComunicazione) {
        ctx.addIssue({ code: "custom", message: m.conclusionePrima, path: ["dataConclusione"] });
      }
      if (eIso(v.dataRichiestaEsame) && v.dataRichiestaEsame < v.dataComunicazione) {
        ctx.addIssue({ code: "custom", message: m.richiestaEsamePrima, path: ["dataRichiestaEsame"] });
      }
    });
}

export function datiInformativa(v: z.output<ReturnType<typeof creaSchemaInformativa>>): DatiInformativa {
  return {
    dovuta: true,
    dataComunicazione: v.dataComunicazione,
    ...(v.dataConclusione ? { dataConclusione: v.dataConclusione } : {}),
    ...(v.dataRichiestaEsame ? { dataRichiestaEsame: v.dataRichiestaEsame } : {}),
    ...(v.destinatariRsa ? { destinatariRsa: v.destinatariRsa } : {}),
    destinatariTerritoriali: v.destinatariTerritoriali,
    dichiarazione: true,
  };
}

export interface ValoriModuloInformativa {
  dataComunicazione?: string;
  dataConclusione?: string;
  dataRichiestaEsame?: string;
  destinatariRsa?: string;
  destinatariTerritoriali?: string;
  dichiarazione?: string;
}

export function valoriModuloInformativa(d: DatiInformativa | undefined): ValoriModuloInformativa {
  if (!d?.dovuta) return {};
  return {
    dataComunicazione: d.dataComunicazione ? formatDataItaliana(d.dataComunicazione) : undefined,
    dataConclusione: d.dataConclusione ? formatDataItaliana(d.dataConclusione) : undefined,
    dataRichiestaEsame: d.dataRichiestaEsame ? formatDataItaliana(d.dataRichiestaEsame) : undefined,
    destinatariRsa: d.destinatariRsa,
    destinatariTerritoriali: d.destinatariTerritoriali,
    dichiarazione: d.dichiarazione ? "si" : undefined,
  };
}
