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
import { sessioneDaRichiesta } from "~/http/sessione.server";

// The three Titillium faces every page shows above the fold (400 text, 600 header name and labels, 700 headings),
// fetched at once with the stylesheets instead of after them: they usually arrive before the first paint, so the
// text is not re-laid out when they swap in (cumulative layout shift).
const facce = ["regular", "600", "700"].map((peso) => ({
  rel: "preload",
  href: `/fonts/titillium-web-v10-latin-ext_latin-${peso}.woff2`,
  as: "font",
  type: "font/woff2",
  crossOrigin: "anonymous" as const,
}));

export const links: LinksFunction = () => [
  ...facce,
  { rel: "stylesheet", href: "/css/app.css" },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export async function loader({ request, context }: LoaderFunctionArgs) {
  return datiIntestazione(await sessioneDaRichiesta(request), context?.cspNonce);
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
