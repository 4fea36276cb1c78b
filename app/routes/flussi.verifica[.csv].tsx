// "Verifica e scarica il rapporto (CSV)": the dry run with its whole report as the answer, a CSV download written while
// the file is checked (every error and warning; the page lists the first 1,000 of each). Nothing is stored. A problem
// with the upload itself goes back to the form (303, PRG) with the error's code; GET shows the form.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { richiediMittenteFlussi, verificaFlussoInCsv } from "~/http/flusso-caricato.server";

export async function loader({ request }: LoaderFunctionArgs) {
  await richiediMittenteFlussi(request);
  return redirect("/flussi/verifica");
}

export async function action({ request }: ActionFunctionArgs) {
  const ctx = await richiediMittenteFlussi(request);
  const r = await verificaFlussoInCsv(request, ctx);
  return r.ok ? r.risposta : redirect(`/flussi/verifica?errore=${r.codice}`, 303);
}
