import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import {
  isRouteErrorResponse,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLoaderData,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import { Pagina } from "~/components/layout/Pagina";
import { PaginaErrore, titoloErrore } from "~/components/layout/PaginaErrore";
import { TitoloDocumento } from "~/components/layout/TitoloDocumento";
import { datiIntestazione } from "~/services/intestazione.server";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: "/fonts/fonts.css" },
  { rel: "stylesheet", href: "/css/app.css" },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export async function loader({ request, context }: LoaderFunctionArgs) {
  return datiIntestazione(request, context?.cspNonce);
}

function Documento({ children, nonce, titolo }: { children: React.ReactNode; nonce?: string; titolo?: string }) {
  return (
    <html lang="it">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        {titolo ? <title>{titolo}</title> : <TitoloDocumento />}
        <Links />
      </head>
      <body>
        {children}
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  const dati = useLoaderData<typeof loader>();
  return (
    <Documento nonce={dati.nonce}>
      <Pagina utente={dati.utente} csrfToken={dati.csrfToken}>
        <Outlet />
      </Pagina>
    </Documento>
  );
}

export function ErrorBoundary() {
  const errore = useRouteError();
  const dati = useRouteLoaderData<typeof loader>("root");
  const stato = isRouteErrorResponse(errore) ? errore.status : 500;
  if (!isRouteErrorResponse(errore)) console.error(errore);
  return (
    <Documento nonce={dati?.nonce} titolo={titoloErrore(stato)}>
      <Pagina utente={dati?.utente ?? null} csrfToken={dati?.csrfToken ?? null}>
        <PaginaErrore stato={stato} />
      </Pagina>
    </Documento>
  );
}
