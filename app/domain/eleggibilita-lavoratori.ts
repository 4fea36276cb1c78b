// Lavoratori beneficiari (art. 1 e art. 2 d.lgs. 148/2015; L. 457/1972 per la CISOA): anzianità di effettivo lavoro, dirigenti esclusi, apprendisti
// inclusi; CISOA: OTI con più di 180 giornate nell'anno, OTD solo nei periodi di deroga.
import { diffDays, formatDataItaliana as it, type DataISO, type Intervallo } from "./date";
import { esito, type Esito } from "./esito";
import { parametro } from "./parametri";
import { nomePrestazione, type Prestazione } from "./tipi";

export type Qualifica = "operaio" | "impiegato" | "quadro" | "apprendista" | "dirigente" | "lavoratore_domicilio";

export interface Lavoratore {
  cf: string;
  nominativo?: string;
  qualifica: Qualifica;
  dataAssunzioneUp: DataISO;
  /** Giorni di effettivo lavoro all'unità produttiva, se noti (altrimenti giorni di calendario dall'assunzione). */
  giorniEffettivoLavoro?: number;
  /** CISOA: tempo indeterminato (OTI) o determinato (OTD). */
  contratto?: "indeterminato" | "determinato";
  /** CISOA: giornate lavorate nell'anno presso l'azienda. */
  giornateLavorateAnno?: number;
}

export interface InputEleggibilita {
  lavoratore: Lavoratore;
  prestazione: Prestazione;
  eone: boolean;
  /** Azienda industriale (per l'esenzione dall'anzianità negli EONE). */
  settoreIndustriale: boolean;
  dataPresentazione: DataISO;
  periodo: Intervallo;
}

export function verificaLavoratore(input: InputEleggibilita): Esito[] {
  const { lavoratore: l } = input;
  const chi = l.nominativo ? `${l.nominativo} (${l.cf})` : l.cf;
  const esenzioni = parametro("lavoratori.esenzioni", input.dataPresentazione);
  const esiti: Esito[] = [];
  if (l.qualifica === "dirigente" && esenzioni.valore.dirigentiEsclusi) {
    esiti.push(
      esito({
        regola: "lavoratori.dirigenti",
        riferimento: esenzioni.riferimento + " c.1",
        gravita: "bloccante",
        messaggio: `${chi} è un dirigente: i dirigenti sono esclusi dalle integrazioni salariali.`,
        dati: { cf: l.cf, qualifica: l.qualifica },
        parametri: [esenzioni],
      }),
    );
    return esiti;
  }
  if (l.qualifica === "apprendista") {
    esiti.push(
      esito({
        regola: "lavoratori.apprendisti",
        riferimento: "art. 2 d.lgs. 148/2015 (L. 234/2021)",
        gravita: "informazione",
        messaggio: `${chi} è apprendista: dal 2022 gli apprendisti di ogni tipo sono inclusi.`,
        dati: { cf: l.cf, qualifica: l.qualifica },
      }),
    );
  }
  if (input.prestazione === "CISOA") {
    esiti.push(verificaCisoa(input, chi));
    return esiti;
  }
  esiti.push(verificaAnzianita(input, chi, esenzioni));
  return esiti;
}

function verificaAnzianita(input: InputEleggibilita, chi: string, esenzioni: ReturnType<typeof parametro<"lavoratori.esenzioni">>): Esito {
  const { lavoratore: l } = input;
  const p = parametro("lavoratori.anzianita", input.dataPresentazione);
  const esente =
    input.prestazione === "CIGO" && input.eone && input.settoreIndustriale && esenzioni.valore.anzianitaNonRichiestaEoneIndustria;
  const daCalendario = l.giorniEffettivoLavoro === undefined;
  const giorni = l.giorniEffettivoLavoro ?? Math.max(0, diffDays(input.dataPresentazione, l.dataAssunzioneUp));
  const minimo = p.valore.giorniEffettivoLavoro;
  if (esente) {
    return esito({
      regola: "lavoratori.anzianita",
      riferimento: esenzioni.riferimento + " c.2",
      gravita: "informazione",
      messaggio: `${chi}: per la CIGO da eventi oggettivamente non evitabili nel settore industriale l'anzianità di ${minimo} giorni non è richiesta.`,
      dati: { cf: l.cf, giorni, minimo, esente: true },
      parametri: [p, esenzioni],
    });
  }
  const ok = giorni >= minimo;
  const come = daCalendario ? ` (contati come giorni di calendario dall'assunzione del ${it(l.dataAssunzioneUp)}: l'operatore verifica l'effettivo lavoro)` : "";
  return esito({
    regola: "lavoratori.anzianita",
    riferimento: p.riferimento,
    gravita: ok ? "informazione" : "bloccante",
    messaggio: ok
      ? `${chi} ha ${giorni} giorni di lavoro presso l'unità produttiva alla data di presentazione${come}: il minimo è ${minimo}.`
      : `${chi} ha solo ${giorni} giorni di lavoro presso l'unità produttiva alla data di presentazione del ${it(input.dataPresentazione)}${come}: per ${nomePrestazione(input.prestazione)} ne servono almeno ${minimo}.`,
    dati: { cf: l.cf, dataAssunzioneUp: l.dataAssunzioneUp, dataPresentazione: input.dataPresentazione, giorni, minimo, daCalendario },
    parametri: [p],
  });
}

function verificaCisoa(input: InputEleggibilita, chi: string): Esito {
  const { lavoratore: l, periodo } = input;
  const durata = parametro("durata.cisoa", periodo.inizio);
  const deroghe = parametro("cisoa.deroghe", periodo.inizio);
  const copre = deroghe.valore.filter((d) => d.inizio <= periodo.inizio && periodo.fine <= d.fine);
  const parziale = deroghe.valore.find((d) => d.inizio <= periodo.fine && periodo.inizio <= d.fine && !copre.includes(d));
  const dati = { cf: l.cf, contratto: l.contratto ?? null, giornateLavorateAnno: l.giornateLavorateAnno ?? null, periodo, derogheApplicabili: copre.map((d) => d.riferimento) };
  if (l.contratto === "determinato") {
    const deroga = copre.find((d) => d.ammessiOtd);
    const derogaParziale = parziale?.ammessiOtd ? parziale : undefined;
    return esito({
      regola: "lavoratori.cisoa.otd",
      riferimento: deroga?.riferimento ?? derogaParziale?.riferimento ?? durata.riferimento,
      gravita: deroga ? "informazione" : derogaParziale ? "avviso" : "bloccante",
      messaggio: deroga
        ? `${chi} è un operaio a tempo determinato: ammesso alla CISOA solo perché il periodo rientra nella deroga ${deroga.riferimento} (${it(deroga.inizio)}–${it(deroga.fine)}).`
        : derogaParziale
          ? `${chi} è un operaio a tempo determinato: solo i giorni dal ${it(derogaParziale.inizio)} al ${it(derogaParziale.fine)} rientrano nella deroga ${derogaParziale.riferimento}.`
          : `${chi} è un operaio a tempo determinato: la CISOA spetta agli OTD solo nei periodi di deroga, e il periodo ${it(periodo.inizio)}–${it(periodo.fine)} non vi rientra.`,
      dati,
      parametri: [durata, deroghe],
    });
  }
  const senzaRequisito = copre.find((d) => d.senzaRequisito181Giorni);
  const minimo = durata.valore.giorniLavoroMinimiOti;
  const giornate = l.giornateLavorateAnno;
  const ok = senzaRequisito !== undefined || (giornate !== undefined && giornate >= minimo);
  return esito({
    regola: "lavoratori.cisoa.oti",
    riferimento: senzaRequisito?.riferimento ?? durata.riferimento,
    gravita: ok ? "informazione" : "bloccante",
    messaggio: senzaRequisito
      ? `${chi}: nel periodo della deroga ${senzaRequisito.riferimento} il requisito delle ${minimo} giornate non è richiesto.`
      : giornate === undefined
        ? `${chi}: indica le giornate lavorate nell'anno; la CISOA spetta agli operai a tempo indeterminato con più di ${minimo - 1} giornate.`
        : ok
          ? `${chi} ha ${giornate} giornate lavorate nell'anno: più di ${minimo - 1}, requisito CISOA soddisfatto.`
          : `${chi} ha ${giornate} giornate lavorate nell'anno: la CISOA richiede più di ${minimo - 1} giornate presso la stessa azienda.`,
    dati: { ...dati, minimo },
    parametri: [durata, deroghe],
  });
}
