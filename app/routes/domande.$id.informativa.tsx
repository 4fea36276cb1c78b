import { analizzaModulo } from "~/http/modulo.server";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { ListaEsiti } from "~/components/domanda/Esiti";
import { ModuloPasso, usaModuloPasso } from "~/components/domanda/ModuloPasso";
import { CampoData, CampoTesto, GruppoCheckbox, daConform } from "~/components/form";
import {
  creaSchemaInformativa,
  datiInformativa,
  messaggiInformativa as m,
  valoriModuloInformativa,
  type DatiInformativa,
  type ValoriModuloInformativa,
  ETICHETTE_INFORMATIVA as E,
} from "~/passi/schemi/informativa";
import { rispostaFallimento } from "~/http/risposta.server";
import { leggiFormProtetto } from "~/http/accesso.server";
import { inputInformativa, valutaInformativa } from "~/services/controlli/informativa.server";
import { verificaInformativa } from "~/domain/informativa-sindacale";
import { dopoIlPasso, salvaPasso } from "~/services/domande.server";
import { apriPasso } from "~/http/domanda.server";
import { oggi } from "~/services/orologio.server";

export const handle = { titolo: "Informativa sindacale" };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { caricata, pagina } = await apriPasso(request, params, "informativa");
  const salvati = caricata.risposte.informativa ?? undefined;
  // Whether it is due depends only on the earlier steps; the outcomes on the dates only on what was declared.
  const dovuta = verificaInformativa(inputInformativa(caricata)!);
  const valutazione = valutaInformativa(caricata);
  return {
    ...pagina,
    dovuta: dovuta.dovuta,
    // The platform's today, so the client-side check of the notice date matches the server's.
    oggi: oggi(),
    eone: inputInformativa(caricata)!.eone,
    motivoNonDovuta: dovuta.dovuta ? null : dovuta.esiti.map((e) => e.messaggio).join(" "),
    esiti: salvati?.dovuta && valutazione ? valutazione.esiti.map(({ messaggio, gravita, riferimento }) => ({ messaggio, gravita, riferimento })) : [],
    valori: valoriModuloInformativa(salvati),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { ctx, caricata, id } = await apriPasso(request, params, "informativa");
  const formData = await leggiFormProtetto(request, ctx.sessione.csrfToken);
  const input = inputInformativa(caricata)!;
  const dovuta = verificaInformativa(input).dovuta;
  let valore: DatiInformativa;
  if (dovuta) {
    const submission = analizzaModulo(formData, creaSchemaInformativa({ eone: input.eone, oggi: oggi() }));
    if (submission.status !== "success") return json(submission.reply(), { status: 422 });
    valore = datiInformativa(submission.value);
  } else {
    valore = { dovuta: false };
  }
  const esito = await salvaPasso(ctx, id, Number(formData.get("versione")), { chiave: "informativa", valore });
  if (!esito.ok) return rispostaFallimento(esito, formData);
  return redirect(dopoIlPasso(id, "informativa", formData), 303);
}

// Alike domande.$id.pagamento.tsx's form (duplicates): the frame is usaModuloPasso; the list of fields is this step's
// own
export default function PassoInformativa() {
  const d = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { fields, cornice } = usaModuloPasso("informativa", d, { id: "passo-informativa", lastResult, defaultValue: d.valori as ValoriModuloInformativa });
  const campi = [
    fields.dataComunicazione,
    fields.dataConclusione,
    fields.dataRichiestaEsame,
    fields.destinatariRsa,
    fields.destinatariTerritoriali,
    fields.dichiarazione,
  ].map((f) => daConform(f));
  const [comunicazione, conclusione, richiestaEsame, rsa, territoriali, dichiarazione] = campi;
  return (
    <ModuloPasso
      {...cornice(d.dovuta ? campi : [])}
      titolo="Informativa sindacale"
      prima={
        <>
          {d.esiti.length > 0 ? <ListaEsiti esiti={d.esiti} /> : null}
          {d.dovuta ? (
            <p>
              Per questa domanda l&apos;informativa sindacale prevista dall&apos;art. 14 del d.lgs. 148/2015 è dovuta:
              {d.eone
                ? " per un evento oggettivamente non evitabile basta comunicare la durata prevedibile e il numero dei lavoratori; l'esame congiunto si svolge solo se richiesto."
                : " la comunicazione preventiva va inviata alle RSA o RSU, se presenti, e alle organizzazioni sindacali territoriali; la procedura si conclude entro 25 giorni dalla comunicazione (10 per le aziende fino a 50 dipendenti)."}
            </p>
          ) : (
            <p>{d.motivoNonDovuta}</p>
          )}
        </>
      }
    >
      {d.dovuta ? (
        <>
          <fieldset className="mb-3">
            <legend className="h4">Date della procedura</legend>
            <CampoData {...comunicazione} etichetta={E.dataComunicazione} />
            <CampoData
              {...conclusione}
              etichetta={E.dataConclusione}
              facoltativo={d.eone}
              suggerimento="La data dell'accordo o del verbale di esame congiunto, o quella in cui è scaduto il termine senza richieste."
            />
            <CampoData
              {...richiestaEsame}
              etichetta={E.dataRichiestaEsame}
              facoltativo
              suggerimento="Solo se le rappresentanze sindacali hanno chiesto l'esame congiunto."
            />
          </fieldset>
          <fieldset className="mb-3">
            <legend className="h4">Destinatari della comunicazione</legend>
            <CampoTesto {...rsa} etichetta={E.destinatariRsa} facoltativo suggerimento="Lascia vuoto se in azienda non ci sono." />
            <CampoTesto {...territoriali} etichetta={E.destinatariTerritoriali} suggerimento="Ad esempio: FIOM-CGIL, FIM-CISL e UILM-UIL di Padova." />
          </fieldset>
          <GruppoCheckbox
            {...dichiarazione}
            defaultValue={dichiarazione.defaultOptions ?? dichiarazione.defaultValue}
            legenda={E.dichiarazione}
            suggerimento={m.promemoria}
            scelte={[
              {
                valore: "si",
                etichetta:
                  "Dichiaro di aver svolto la procedura di informativa e consultazione sindacale dell'art. 14 del d.lgs. 148/2015 e di conservarne la documentazione",
              },
            ]}
          />
        </>
      ) : (
        <p>Non devi dichiarare nulla in questo passo: scegli «Salva e continua».</p>
      )}
    </ModuloPasso>
  );
}
