import { analizzaModulo } from "~/http/modulo.server";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { AreaTesto, CampoData, CampoTesto, GruppoRadio, Selezione, daConform } from "~/components/form";
import { ListaEsiti } from "~/components/domanda/Esiti";
import { ModuloPasso, usaModuloPasso } from "~/components/domanda/ModuloPasso";
import { causaliDisponibili } from "~/domain/causali";
import { esempiPeriodo, formatDataItaliana } from "~/domain/date";
import { formatNumero } from "~/domain/formati";
import { percorsoDopo } from "~/passi/percorso";
import { oggi } from "~/services/orologio.server";
import {
  creaSchemaPeriodo,
  ETICHETTE_PERIODO as E,
  ETICHETTE_TIPO_RIDUZIONE,
  giorniDaTesto,
  oreSettimanaliUnita,
  valoriModuloPeriodo,
  type DatiPeriodo,
  type OrariUnita,
} from "~/passi/schemi/periodo";
import { rispostaFallimento } from "~/http/risposta.server";
import { leggiFormProtetto } from "~/http/accesso.server";
import { esitiPeriodo } from "~/services/controlli/periodo.server";
import { type DomandaCaricata, dopoIlPasso, salvaPasso } from "~/services/domande.server";
import { apriPasso } from "~/http/domanda.server";

export const handle = { titolo: "Periodo e causale" };

function causaliDi({ domanda, azienda }: DomandaCaricata) {
  return causaliDisponibili(domanda.prestazione, { dipendentiMedi: azienda.forzaMediaSemestre, data: oggi() });
}

/** The weekly hours and workers saved in the step "Unità produttiva" (empty before it). */
function orariUnita(caricata: DomandaCaricata): OrariUnita[] {
  return caricata.risposte.unitaProduttiva?.mediaOccupati ?? [];
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { caricata, pagina } = await apriPasso(request, params, "periodo");
  const salvati = caricata.risposte.periodo ?? null;
  const url = new URL(request.url);
  return {
    ...pagina,
    appenaSalvato: url.searchParams.get("salvato") === "1" && salvati !== null,
    causali: causaliDi(caricata).map((c) => ({ codice: c.codice, etichetta: c.etichetta, eone: c.eone, meteo: c.meteo })),
    valori: (salvati ? valoriModuloPeriodo(salvati) : { tipo: "sospensione" }) as Partial<ReturnType<typeof valoriModuloPeriodo>>,
    esiti: salvati ? await esitiPeriodo(caricata) : [],
    orari: orariUnita(caricata),
    esempi: (({ inizio, fine }) => ({ inizio: formatDataItaliana(inizio), fine: formatDataItaliana(fine) }))(esempiPeriodo(oggi())),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { ctx, caricata, id } = await apriPasso(request, params, "periodo");
  const formData = await leggiFormProtetto(request, ctx.sessione.csrfToken);
  const causali = causaliDi(caricata);
  const submission = analizzaModulo(formData, creaSchemaPeriodo(causali, orariUnita(caricata)));
  if (submission.status !== "success") return json(submission.reply(), { status: 422 });
  const v = submission.value;
  const causale = causali.find((c) => c.codice === v.causale)!;
  const giorni = causale.meteo ? giorniDaTesto(v.giorni) : undefined;
  // EONE, weather and extraordinary follow from the causale: the user does not set them.
  const valore: DatiPeriodo = {
    causale: causale.codice,
    eone: causale.eone,
    meteo: causale.meteo,
    straordinaria: causale.straordinaria,
    tipo: v.tipo,
    ...(v.tipo === "riduzione" ? { oreSettimanaliRidotte: Number(v.oreSettimanaliRidotte) } : {}),
    dataInizio: v.dataInizio,
    dataFine: v.dataFine,
    oreRichieste: v.oreRichieste,
    ...(giorni ? { giorni, tipoLavoro: v.tipoLavoro } : {}),
  };
  const esito = await salvaPasso(ctx, id, Number(formData.get("versione")), {
    chiave: "periodo",
    valore,
    colonne: { dataInizio: v.dataInizio, dataFine: v.dataFine },
  });
  if (!esito.ok) return rispostaFallimento(esito, formData);
  const salvata: DomandaCaricata = {
    ...caricata,
    domanda: { ...caricata.domanda, dataInizio: v.dataInizio, dataFine: v.dataFine },
    risposte: { ...caricata.risposte, periodo: valore },
  };
  // With open alerts the user sees them on this page before moving on.
  const avvisi = (await esitiPeriodo(salvata)).some((e) => e.gravita !== "informazione");
  if (avvisi) {
    const ritorno = formData.get("ritorno") === "riepilogo" ? "&ritorno=riepilogo" : "";
    return redirect(`/domande/${id}/periodo?salvato=1${ritorno}`, 303);
  }
  return redirect(dopoIlPasso(id, "periodo", formData), 303);
}

export default function PassoPeriodo() {
  const d = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { fields, cornice } = usaModuloPasso("periodo", d, { id: "passo-periodo", lastResult, defaultValue: d.valori });
  const campi = [
    fields.causale, fields.tipo, fields.oreSettimanaliRidotte, fields.dataInizio, fields.dataFine, fields.oreRichieste,
    fields.giorni, fields.tipoLavoro,
  ].map((f) => daConform(f));
  const [causale, tipo, oreRidotte, inizio, fine, ore, giorni, tipoLavoro] = campi;
  const prossimo = `/domande/${d.id}/${d.ritorno ?? percorsoDopo("periodo")}`;
  return (
    <ModuloPasso
      {...cornice(campi)}
      titolo="Periodo e causale"
      prima={
        d.esiti.length > 0 ? (
          <section aria-labelledby="titolo-controlli" className="mb-4">
            <h2 id="titolo-controlli" className="h4">
              Controlli sul periodo salvato
            </h2>
            {d.appenaSalvato ? (
              <p role="status">
                Il periodo è stato salvato. Leggi gli avvisi: puoi correggere i dati qui sotto oppure{" "}
                <Link to={prossimo}>continuare con il passo successivo</Link>.
              </p>
            ) : null}
            <ListaEsiti esiti={d.esiti} />
          </section>
        ) : null
      }
    >
      <Selezione
        {...causale}
        etichetta={E.causale}
        suggerimento="L'evento oggettivamente non evitabile (EONE) dipende dalla causale: cambia il termine di presentazione e i requisiti."
        opzioni={d.causali.map((c) => ({
          valore: c.codice,
          etichetta: `${c.etichetta}${c.eone ? " — evento oggettivamente non evitabile" : ""}`,
        }))}
        vuota="Scegli la causale"
      />
      {/* Alike domande.$id.relazione-tecnica.tsx's GruppoRadio (duplicates): GruppoRadio is the shared piece; the legend and choices are this question's own */}
      <GruppoRadio
        {...tipo}
        legenda={E.tipo}
        scelte={[
          { valore: "sospensione", etichetta: ETICHETTE_TIPO_RIDUZIONE.sospensione },
          { valore: "riduzione", etichetta: ETICHETTE_TIPO_RIDUZIONE.riduzione },
        ]}
      />
      <CampoTesto
        {...oreRidotte}
        etichetta={E.oreSettimanaliRidotte}
        suggerimento="Solo in caso di riduzione, ad esempio 24."
        inputMode="numeric"
        larghezza={4}
        facoltativo
      />
      <CampoData {...inizio} etichetta={E.dataInizio} suggerimento="Il primo giorno di sospensione o riduzione." esempio={d.esempi.inizio} />
      <CampoData {...fine} etichetta={E.dataFine} suggerimento="L'ultimo giorno di sospensione o riduzione." esempio={d.esempi.fine} />
      <CampoTesto
        {...ore}
        etichetta={E.oreRichieste}
        suggerimento={
          <>
            Il totale delle ore non lavorate da tutti i lavoratori interessati nel periodo: lavoratori × ore perse a
            settimana × settimane. Ad esempio 10 lavoratori sospesi per 4 settimane con un orario di 40 ore: 10 × 40 × 4
            = 1.600 ore.
            {d.orari.length > 0
              ? ` Con i dati dell'unità produttiva (${d.orari.map((r) => `${r.lavoratori} lavoratori a ${formatNumero(r.orarioSettimanale, 2)} ore`).join(", ")}) il massimo per settimana è ${formatNumero(oreSettimanaliUnita(d.orari))} ore.`
              : null}
          </>
        }
        inputMode="numeric"
        larghezza={10}
      />
      <fieldset className="mt-4">
        <legend className="h5">Solo per gli eventi meteo</legend>
        <AreaTesto
          {...giorni}
          etichetta={E.giorni}
          suggerimento={`Una data per riga nel formato gg/mm/aaaa, ad esempio ${d.esempi.inizio}. Ogni giorno deve essere nel periodo.`}
          righe={6}
          facoltativo
        />
        {/* Alike scrivania_.$id.richiesta.tsx's text area (duplicates): AreaTesto is the shared piece; the label and hint are this question's own */}
        <AreaTesto
          {...tipoLavoro}
          etichetta={E.tipoLavoro}
          suggerimento="Ad esempio: stesura di asfalto all'aperto."
          righe={3}
          facoltativo
        />
      </fieldset>
    </ModuloPasso>
  );
}
