import type { ReactNode } from "react";
import { Form, Link } from "@remix-run/react";
import { CampoCsrf } from "~/components/form/CampoCsrf";
import { ErrorSummary, Pulsante, type VoceErrore } from "~/components/form";
import { messaggiDeleghe as m } from "~/testi";

export interface PropsModuloDelega {
  titolo: string;
  intro?: ReactNode;
  csrf: string;
  /** Messages per field, as the service returned them (campi of a non_valido result). */
  errori: Record<string, string[] | undefined>;
  /** The fields in the order of the page: the error summary lists them in this order and links each to its field. */
  ordine: readonly string[];
  pulsante: string;
  children: ReactNode;
}

/**
 * The frame of the two forms of /deleghe (an intermediary's request, a legal representative's enabling of an
 * employee): GOV.UK error summary, heading, plain POST form with the CSRF field, the button and the way back.
 */
export function ModuloDelega({ titolo, intro, csrf, errori, ordine, pulsante, children }: PropsModuloDelega) {
  const voci: VoceErrore[] = ordine.flatMap((c) => (errori[c]?.length ? [{ id: c, messaggio: errori[c]![0] }] : []));
  return (
    <div className="row">
      <div className="col-12 col-lg-8">
        <ErrorSummary errori={voci} />
        <h1>{titolo}</h1>
        {intro ? <p className="lead">{intro}</p> : null}
        <Form method="post" noValidate>
          <CampoCsrf token={csrf} />
          {children}
          <Pulsante>{pulsante}</Pulsante>
        </Form>
        <p className="mt-4">
          <Link to="/deleghe">{m.titolo}</Link>
        </p>
      </div>
    </div>
  );
}
