// "Cruscotto" from the reserved area: the employer goes to the company chosen at sign-in, the intermediary to the
// portfolio of delegated companies; the Sede's side has no cruscotto (404).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { rispostaNonTrovata } from "~/http/risposta.server";
import { richiediContesto } from "~/http/accesso.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const ctx = await richiediContesto(request);
  if (ctx.ruolo === "datore" && ctx.aziendaAttivaId !== null) throw redirect(`/aziende/${ctx.aziendaAttivaId}/cruscotto`);
  if (ctx.ruolo === "intermediario") throw redirect("/portafoglio");
  throw rispostaNonTrovata();
}
