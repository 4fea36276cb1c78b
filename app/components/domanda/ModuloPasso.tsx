// The frame of every step form: error summary, heading with the domanda's caption, the hidden fields every step
// needs (CSRF token, version for optimistic locking, return target) and the submit button. Plain POST: no JS needed.
import { Form, Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { ErrorSummary, Pulsante, type VoceErrore } from "~/components/form";
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
