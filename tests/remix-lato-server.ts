// The page as the server renders it without JS: Remix's components and data hooks replaced by plain elements that
// give the loader's and action's answers. Use in a test file with
//   vi.mock("@remix-run/react", () => import("../remix-lato-server").then((m) => m.remixLatoServer()));
import { createElement, type ComponentType } from "react";
import { renderToStaticMarkup } from "react-dom/server";

const dati: { loader: unknown; action: unknown } = { loader: undefined, action: undefined };

export function remixLatoServer() {
  return {
    // Remix's own props (client-side navigation) are not HTML attributes: dropped, as Remix does.
    Form: ({ replace: _r, reloadDocument: _d, preventScrollReset: _s, navigate: _n, ...p }: Record<string, unknown>) => createElement("form", p),
    Link: ({ to, reloadDocument: _d, prefetch: _p, preventScrollReset: _s, replace: _r, ...p }: Record<string, unknown>) => createElement("a", { href: to, ...p }),
    useLoaderData: () => dati.loader,
    useActionData: () => dati.action,
  };
}

export function paginaResa(Pagina: ComponentType, datiLoader: unknown, datiAction?: unknown): string {
  dati.loader = datiLoader;
  dati.action = datiAction;
  return renderToStaticMarkup(createElement(Pagina));
}
