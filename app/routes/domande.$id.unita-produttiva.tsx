import { analizzaModulo } from "~/http/modulo.server";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { AreaTesto, CampoTesto, GruppoRadio, daConform } from "~/components/form";
import { ModuloPasso, usaModuloPasso } from "~/components/domanda/ModuloPasso";
import { formatDataItaliana } from "~/domain/date";
import { oggi as oggiPiattaforma } from "~/services/orologio.server";
import {
  RIGHE_MEDIA,
  creaSchemaUnita,
  ETICHETTE_UNITA as E,
  formatOrario,
  messaggiUnitaProduttiva as m,
} from "~/passi/schemi/unita-produttiva";
import { messaggiDomanda } from "~/testi";
import { leggiFormProtetto } from "~/http/accesso.server";
import { dopoIlPasso } from "~/services/domande.server";
import { apriPasso } from "~/http/domanda.server";
import { salvaUnitaProduttiva, unitaDellAzienda } from "~/services/unita-produttive.server";

export const handle = { titolo: "Unità produttiva" };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { caricata, pagina } = await apriPasso(request, params, "unita-produttiva");
  const unita = await unitaDellAzienda(caricata.azienda.id, oggiPiattaforma());
  const salvati = caricata.risposte.unitaProduttiva ?? null;
  // The table belongs to a chosen unit: the saved one, or the only one. With several units and none chosen there is
  // no table yet (it would show some unit's figures before the choice): after the choice the page comes back with it.
  const tabella = unita.find((u) => u.id === salvati?.unitaProduttivaId) ?? (unita.length === 1 ? unita[0] : null);
  const url = new URL(request.url);
  const righe = salvati && tabella && salvati.unitaProduttivaId === tabella.id ? salvati.mediaOccupati : (tabella?.mediaUniemens ?? []);
  return {
    ...pagina,
    // Right after the choice of a unit whose figures were not on the page (PRG): they are now, to check.
    daControllare: url.searchParams.get("media") === "1" && salvati !== null,
    unita,
    tabella: tabella ? { id: tabella.id, denominazione: tabella.denominazione, semestre: tabella.semestre } : null,
    valori: {
      unitaProduttivaId: salvati ? String(salvati.unitaProduttivaId) : unita.length === 1 ? String(unita[0].id) : undefined,
      unitaTabella: tabella ? String(tabella.id) : undefined,
      righe: Array.from({ length: RIGHE_MEDIA }, (_, i) =>
        righe[i] ? { orario: formatOrario(righe[i].orarioSettimanale), lavoratori: String(righe[i].lavoratori) } : { orario: "", lavoratori: "" },
      ),
      motivazione: salvati?.motivazione,
    },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { ctx, caricata, id } = await apriPasso(request, params, "unita-produttiva");
  const formData = await leggiFormProtetto(request, ctx.sessione.csrfToken);
  const oggi = oggiPiattaforma();
  const unita = await unitaDellAzienda(caricata.azienda.id, oggi);
  const submission = analizzaModulo(formData, creaSchemaUnita(unita));
  if (submission.status !== "success") return json(submission.reply(), { status: 422 });
  const esito = await salvaUnitaProduttiva(ctx, caricata, Number(formData.get("versione")), submission.value, oggi);
  if (!esito.ok) {
    if ("nonTrovata" in esito) {
      return json(submission.reply({ fieldErrors: { unitaProduttivaId: [m.unitaNonValida] } }), { status: 422 });
    }
    return json(submission.reply({ formErrors: [messaggiDomanda.conflittoVersione] }), { status: 409 });
  }
  // The table on the page was not the chosen unit's (none yet, or another unit's): the unit is saved with its
  // UniEmens figures and the page comes back with them, to check or correct before going on.
  if (submission.value.unitaTabella !== submission.value.unitaProduttivaId) {
    const ritorno = formData.get("ritorno") === "riepilogo" ? "&ritorno=riepilogo" : "";
    return redirect(`/domande/${id}/unita-produttiva?media=1${ritorno}`, 303);
  }
  return redirect(dopoIlPasso(id, "unita-produttiva", formData), 303);
}

export default function PassoUnitaProduttiva() {
  const d = useLoaderData<typeof loader>();
  // With JS, the page that comes back after the choice of a unit shows a table that was not there: a new form,
  // initialised with that unit's figures (a form's state keeps the values it started with).
  return <ModuloUnita key={d.tabella?.id ?? "scelta"} d={d} />;
}

function ModuloUnita({ d }: { d: ReturnType<typeof useLoaderData<typeof loader>> }) {
  const lastResult = useActionData<typeof action>();
  const { fields, cornice } = usaModuloPasso("unita-produttiva", d, { id: "passo-unita-produttiva", lastResult, defaultValue: d.valori });
  const unitaField = daConform(fields.unitaProduttivaId);
  const motivazione = daConform(fields.motivazione);
  const righe = fields.righe.getFieldList();
  const campiRighe = righe.flatMap((r) => {
    const f = r.getFieldset();
    return [daConform(f.orario), daConform(f.lavoratori)];
  });
  return (
    <ModuloPasso
      {...cornice([unitaField, ...campiRighe, motivazione])}
      titolo="Unità produttiva"
    >
      {d.unita.length === 0 ? <p>{m.nessunaUnita}</p> : null}
      {d.daControllare ? (
        <p role="status" className="callout">
          {m.mediaDaControllare}
        </p>
      ) : null}
      <GruppoRadio
        {...unitaField}
        legenda={E.unita}
        suggerimento="Le unità produttive sono quelle registrate negli archivi INPS per l'azienda. Se cambi unità, i lavoratori già scelti si scelgono di nuovo."
        scelte={d.unita.map((u) => ({
          valore: String(u.id),
          etichetta: `${u.denominazione} (${u.codice})`,
          suggerimento: `${u.indirizzo}, ${u.comune} (${u.provincia}) — codice catastale ${u.codiceCatastale} — attività: ${u.attivita}. Occupati in media nel semestre (UniEmens): ${u.descrizioneMedia}.`,
        }))}
      />
      {d.tabella ? (
        <fieldset className="mt-4">
          <legend className="h5">
            {E.media} — {d.tabella.denominazione}
          </legend>
          <p className="form-text">
            {d.tabella.semestre
              ? `Dati delle denunce UniEmens da ${formatDataItaliana(d.tabella.semestre.dal).slice(3)} a ${formatDataItaliana(d.tabella.semestre.al).slice(3)}, divisi per orario contrattuale settimanale.`
              : "Nelle denunce UniEmens non risultano lavoratori per questa unità: indica tu la media."}{" "}
            Se scegli un&apos;altra unità valgono i suoi dati UniEmens, indicati sotto il suo nome. Se correggi i numeri,
            spiega il motivo. Lascia vuote le righe che non servono.
          </p>
          <input type="hidden" name="unitaTabella" value={d.tabella.id} />
          <table className="table">
            <caption className="visually-hidden">Lavoratori per orario settimanale</caption>
            <thead>
              <tr>
                <th scope="col">Riga</th>
                <th scope="col">Orario settimanale (ore)</th>
                <th scope="col">Numero di lavoratori</th>
              </tr>
            </thead>
            <tbody>
              {righe.map((r, i) => {
                const f = r.getFieldset();
                return (
                  <tr key={r.key}>
                    <th scope="row">{i + 1}</th>
                    <td>
                      <CampoTesto {...daConform(f.orario)} etichetta={`Orario settimanale, riga ${i + 1}`} inputMode="decimal" larghezza={4} inTabella />
                    </td>
                    <td>
                      <CampoTesto {...daConform(f.lavoratori)} etichetta={`Numero di lavoratori, riga ${i + 1}`} inputMode="numeric" larghezza={10} inTabella />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <AreaTesto
            {...motivazione}
            etichetta={E.motivazione}
            suggerimento="Obbligatorio solo se i numeri sono diversi da quelli delle denunce UniEmens."
            facoltativo
            righe={3}
          />
        </fieldset>
      ) : d.unita.length > 1 ? (
        <p className="mt-4">{m.mediaDopoLaScelta}</p>
      ) : null}
    </ModuloPasso>
  );
}
