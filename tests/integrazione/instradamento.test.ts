// Route matching of the app (ADR 021, ADR 033): @remix-run/router is patched to keep each route tree's ranked branches
// between calls and to match the steps shared by several branches (the root, a layout) once per call. These tests
// check what is matched, not how: the app's real route tree (from app/routes, as the Remix compiler reads it) served by
// Remix's own request handler, whose routes answer with their id and params; then a tree changed in place, which
// must match its new shape (the first patch kept the branches of the old one).
import { fileURLToPath } from "node:url";
import { createRequestHandler, type ServerBuild } from "@remix-run/node";
import { matchRoutes, type AgnosticRouteObject as RouteObject } from "@remix-run/router";
import { flatRoutes } from "@remix-run/dev/dist/config/flat-routes.js";
import { describe, expect, it } from "vitest";
import { buildDiProva } from "../build-di-prova";

const appDirectory = fileURLToPath(new URL("../../app", import.meta.url));
// The compiler's own settings (remix.config.js is plain JavaScript: loaded by URL, typed here by what is read).
const remixConfig = ((await import(new URL("../../remix.config.js", import.meta.url).href)) as { default: { ignoredRouteFiles: string[] } }).default;

/** Every route of the app answers its loader and its action with its id and params (no page: resource routes). */
function buildDellApp(): ServerBuild {
  const manifest = { root: { id: "root", path: "", file: "root.tsx" }, ...flatRoutes(appDirectory, remixConfig.ignoredRouteFiles) };
  const routes = Object.fromEntries(
    Object.values(manifest).map((r) => {
      const risposta = ({ params }: { params: Record<string, string | undefined> }) => Response.json({ id: r.id, params });
      return [r.id, { ...r, module: { loader: risposta, action: risposta } }];
    }),
  );
  return buildDiProva(routes, {
    default: (_req: Request, stato: number) => new Response(`stato ${stato}`, { status: stato, headers: { "Content-Type": "text/plain" } }),
    handleError: () => {},
  });
}

describe("instradamento delle rotte dell'app", () => {
  const gestore = createRequestHandler(buildDellApp(), "production");
  const richiesta = async (percorso: string, metodo = "GET") => {
    const r = await gestore(new Request(`http://localhost${percorso}`, { method: metodo, ...(metodo === "POST" ? { body: "a=1", headers: { "Content-Type": "application/x-www-form-urlencoded" } } : {}) }));
    return { stato: r.status, corpo: r.headers.get("content-type")?.includes("json") ? ((await r.json()) as { id: string; params: Record<string, string> }) : await r.text() };
  };

  // Static, index, dynamic, nested and escaped-dot routes, pathless-parent (`_`) routes, decoded params.
  const casi: Array<[string, string, Record<string, string>]> = [
    ["/", "routes/_index", {}],
    ["/domande", "routes/domande._index", {}],
    ["/domande/", "routes/domande._index", {}],
    ["/domande/nuova", "routes/domande.nuova", {}],
    ["/domande/abc123", "routes/domande.$id._index", { id: "abc123" }],
    ["/domande/abc123/invio", "routes/domande.$id.invio", { id: "abc123" }],
    ["/DOMANDE/abc123/Invio", "routes/domande.$id.invio", { id: "abc123" }],
    ["/domande/a%20b/invio", "routes/domande.$id.invio", { id: "a b" }],
    ["/domande/abc/allegati", "routes/domande.$id.allegati", { id: "abc" }],
    ["/domande/abc/allegati/7", "routes/domande.$id.allegati.$allegatoId", { id: "abc", allegatoId: "7" }],
    ["/domande/abc/messaggi/allegati/9", "routes/domande.$id.messaggi.allegati.$allegatoId", { id: "abc", allegatoId: "9" }],
    ["/domande/abc/importi.csv", "routes/domande.$id.importi[.csv]", { id: "abc" }],
    ["/domande/abc/ricevuta", "routes/domande.$id.ricevuta", { id: "abc" }],
    ["/domande/abc/ricevuta.pdf", "routes/domande.$id.ricevuta[.pdf]", { id: "abc" }],
    ["/domande/richieste", "routes/domande.richieste", {}],
    ["/scrivania/42", "routes/scrivania.$id._index", { id: "42" }],
    ["/scrivania/42/decisione", "routes/scrivania_.$id.decisione", { id: "42" }],
    ["/scrivania/pagamenti/lotti/5/file.xml", "routes/scrivania.pagamenti.lotti.$id.file[.xml]", { id: "5" }],
    ["/scrivania/pagamenti/lotti/5", "routes/scrivania.pagamenti.lotti.$id._index", { id: "5" }],
    ["/flussi/3/avanzamento", "routes/flussi.$id_.avanzamento", { id: "3" }],
    ["/prestazioni/CIGO/tempi.csv", "routes/prestazioni.$codice.tempi[.csv]", { codice: "CIGO" }],
    ["/.well-known/jwks.json", "routes/[.well-known].jwks[.json]", {}],
    ["/portafoglio.csv", "routes/portafoglio[.csv]", {}],
    ["/area-riservata", "routes/area-riservata", {}],
  ];

  it.each(casi)("GET %s raggiunge %s", async (percorso, id, params) => {
    const { stato, corpo } = await richiesta(percorso);
    expect(stato).toBe(200);
    expect(corpo).toEqual({ id, params });
  });

  it("il POST dell'invio raggiunge l'azione della sua rotta, richiesta dopo richiesta", async () => {
    for (const id of ["uno", "due", "uno"]) {
      expect(await richiesta(`/domande/${id}/invio`, "POST")).toEqual({ stato: 200, corpo: { id: "routes/domande.$id.invio", params: { id } } });
    }
  });

  it.each(["/nonesiste", "/domande/abc/invio/altro", "/domande/abc/sconosciuta", "/scrivania/pagamenti/lotti"])("%s non trova rotte: 404", async (percorso) => {
    expect(await richiesta(percorso)).toEqual({ stato: 404, corpo: "stato 404" });
  });
});

describe("matchRoutes su un albero di rotte", () => {
  const ultima = (routes: RouteObject[], percorso: string) => {
    const m = matchRoutes(routes, percorso);
    return m ? { id: m[m.length - 1]!.route.id, params: m[m.length - 1]!.params, percorsi: m.map((x) => x.pathnameBase) } : null;
  };
  const albero = (): RouteObject[] => [
    {
      id: "root",
      path: "",
      children: [
        { id: "domande", path: "domande", children: [{ id: "indice", index: true }, { id: "nuova", path: "nuova" }] },
        { id: "domanda", path: "domande/:id", children: [{ id: "invio", path: "invio" }, { id: "allegato", path: "allegati/:allegatoId" }] },
        { id: "facoltativo", path: "lingua/:lang?/guida" },
        { id: "file", path: "file/*" },
      ],
    },
  ];

  it("lo stesso albero abbinato più volte dà gli stessi risultati, ognuno per il suo percorso", () => {
    const routes = albero();
    for (let i = 0; i < 3; i++) {
      expect(ultima(routes, "/domande/7/invio")).toEqual({ id: "invio", params: { id: "7" }, percorsi: ["/", "/domande/7", "/domande/7/invio"] });
      expect(ultima(routes, "/domande/8/allegati/2")).toEqual({ id: "allegato", params: { id: "8", allegatoId: "2" }, percorsi: ["/", "/domande/8", "/domande/8/allegati/2"] });
      expect(ultima(routes, "/domande")).toEqual({ id: "indice", params: {}, percorsi: ["/", "/domande", "/domande"] });
      expect(ultima(routes, "/lingua/guida")).toEqual({ id: "facoltativo", params: { lang: undefined }, percorsi: ["/", "/lingua/guida"] });
      expect(ultima(routes, "/lingua/it/guida")).toEqual({ id: "facoltativo", params: { lang: "it" }, percorsi: ["/", "/lingua/it/guida"] });
      expect(ultima(routes, "/file/a/b.pdf")).toEqual({ id: "file", params: { "*": "a/b.pdf" }, percorsi: ["/", "/file"] });
      expect(ultima(routes, "/domande/7/altro")).toBeNull();
    }
  });

  it("un albero nuovo è abbinato con le sue rotte, non con quelle di un altro albero", () => {
    expect(ultima(albero(), "/domande/7/invio")?.id).toBe("invio");
    const altro = albero();
    altro[0]!.children![1]!.children![0]!.id = "spedizione";
    expect(ultima(altro, "/domande/7/invio")?.id).toBe("spedizione");
    expect(ultima([{ id: "solo", path: "solo" }], "/domande/7/invio")).toBeNull();
  });

  it("un albero cambiato sul posto è abbinato com'è ora: rotta aggiunta, tolta, sostituita, percorso cambiato", () => {
    const routes = albero();
    const domanda = routes[0]!.children![1]!;
    expect(ultima(routes, "/domande/7/ricevuta")).toBeNull();

    domanda.children!.push({ id: "ricevuta", path: "ricevuta" });
    expect(ultima(routes, "/domande/7/ricevuta")?.id).toBe("ricevuta");

    domanda.children![0]!.path = "spedisci";
    expect(ultima(routes, "/domande/7/invio")).toBeNull();
    expect(ultima(routes, "/domande/7/spedisci")?.id).toBe("invio");

    domanda.children![0] = { id: "nuovo-invio", path: "spedisci" };
    expect(ultima(routes, "/domande/7/spedisci")?.id).toBe("nuovo-invio");

    domanda.children!.pop();
    expect(ultima(routes, "/domande/7/ricevuta")).toBeNull();

    routes.unshift({ id: "in-cima", path: "domande/:id/ricevuta" });
    expect(ultima(routes, "/domande/7/ricevuta")?.id).toBe("in-cima");
  });
});
