// The frame of every step form: error summary, heading with the domanda's caption, the hidden fields every step
// needs (CSRF token, version for optimistic locking, return target) and the submit button. Plain POST: no JS needed.
import type { DefaultValue, SubmissionResult } from "@conform-to/react";
import { Form, Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { ErrorSummary, erroriDaCampi, Pulsante, usaModuloServer, type PropsCampo, type VoceErrore } from "~/components/form";
import { CampoCsrf } from "~/components/form/CampoCsrf";
import type { SlugPasso } from "~/passi";
import { messaggiDomanda as m } from "~/testi";
import { IntestazionePasso } from "./IntestazionePasso";

export interface PropsModuloPasso {
  idModulo: string;
  /** The step, for the indicator "Passo N di M". */
  passo: SlugPasso;
  domandaId: number;
  titolo: string;
  /** e.g. "CIGO — Officine Meccaniche Brenta S.r.l." */
  didascalia: string;
  csrf: string;
  versione: number;
  ritorno: string | null;
  errori: VoceErrore[];
  onSubmit?: React.FormEventHandler<HTMLFormElement>;
  noValidate?: boolean;
  encType?: "multipart/form-data" | "application/x-www-form-urlencoded";
  /** Text of the main button; default "Salva e continua". */
  testoInvio?: string;
  /** Content before the form (e.g. alerts). */
  prima?: ReactNode;
  children: ReactNode;
}

export function ModuloPasso(p: PropsModuloPasso) {
  return (
    <div className="row">
      <div className="col-12 col-lg-9">
        <ErrorSummary errori={p.errori} />
        <IntestazionePasso pagina={p.passo} didascalia={p.didascalia} titolo={p.titolo} />
        {p.prima}
        <Form
          method="post"
          id={p.idModulo}
          noValidate={p.noValidate ?? true}
          onSubmit={p.onSubmit}
          encType={p.encType}
          replace
        >
          <CampoCsrf token={p.csrf} />
          <input type="hidden" name="versione" value={p.versione} />
          {p.ritorno ? <input type="hidden" name="ritorno" value={p.ritorno} /> : null}
          {p.children}
          <div className="mt-4 d-flex flex-wrap gap-3 align-items-center">
            <Pulsante type="submit" name="intent" value="salva">
              {p.testoInvio ?? (p.ritorno === "riepilogo" ? m.tornaAlRiepilogo : m.salvaEContinua)}
            </Pulsante>
            <Link to={`/domande/${p.domandaId}`}>{m.tornaAllElenco}</Link>
          </div>
        </Form>
      </div>
    </div>
  );
}

/** What every step's loader gives its page (apriPasso's `pagina`, app/http/domanda.server.ts). */
export interface DatiPaginaPasso {
  id: number;
  versione: number;
  csrf: string;
  didascalia: string;
  ritorno: string | null;
}

/**
 * A step's form: conform's form and fields, checked on the server only, with and without JavaScript (one schema, one
 * error pattern; no zod in the browser bundle): the action's reply is the form's lastResult. `cornice(campi)` gives the
 * ModuloPasso props every step passes alike, the error summary from the fields in the order they are shown.
 */
// conform's own constraint on a form's values (an interface has no index signature, so `unknown` would refuse it).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function usaModuloPasso<Schema extends Record<string, any>>(
  passo: SlugPasso,
  d: DatiPaginaPasso,
  { id, lastResult, defaultValue }: { id: string; lastResult: SubmissionResult<string[]> | null | undefined; defaultValue?: DefaultValue<Schema> },
) {
  const [form, fields] = usaModuloServer<Schema>(id, lastResult, defaultValue);
  const cornice = (campi: ReadonlyArray<Pick<PropsCampo, "id" | "errors">>) => ({
    passo,
    idModulo: form.id,
    onSubmit: form.onSubmit,
    domandaId: d.id,
    didascalia: d.didascalia,
    csrf: d.csrf,
    versione: d.versione,
    ritorno: d.ritorno,
    errori: erroriDaCampi(campi, form.errors),
  });
  return { form, fields, cornice };
}
