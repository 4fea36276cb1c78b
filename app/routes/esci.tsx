import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { conDatabase } from "~/http/servizio-non-disponibile.server";
import { leggiFormProtetto } from "~/http/accesso.server";
import { esci } from "~/services/autenticazione.server";
import { cookieSessioneVuoto, sessioneDaRichiesta } from "~/http/sessione.server";

export async function loader() {
  return redirect("/");
}

export const action = conDatabase(async ({ request }: ActionFunctionArgs) => {
  const valida = await sessioneDaRichiesta(request);
  if (!valida) return redirect("/", { headers: { "Set-Cookie": cookieSessioneVuoto(request) } });
  await leggiFormProtetto(request, valida.sessione.csrfToken);
  await esci(valida.utente, valida.sessione.id);
  return redirect("/", { status: 303, headers: { "Set-Cookie": cookieSessioneVuoto(request) } });
});
