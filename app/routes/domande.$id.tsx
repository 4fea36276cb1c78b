// Layout of one domanda: loads it once with authorisation (404 and audit otherwise) for every nested step.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Outlet } from "@remix-run/react";
import { richiediContesto } from "~/http/accesso.server";
import { caricaDomanda, idDomanda } from "~/http/domanda.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await richiediContesto(request);
  const { domanda } = await caricaDomanda(request, ctx, idDomanda(params.id));
  return { id: domanda.id };
}

export default function LayoutDomanda() {
  return <Outlet />;
}
