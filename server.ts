// The platform's HTTP server: Remix behind express, with compression, security headers,
// static assets, a health check and a clean shutdown (HTTP server first, then the database pool).
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import compression from "compression";
import express from "express";
import { apriDaAmbiente, CartellaDatiNonScrivibile, type Connessione } from "./db/client";
import { impostaConnessione } from "./db/connection";
import { databaseRaggiungibile } from "./db/disponibilita";
import { preparaDatabase } from "./db/prepara";
import { gestoreErrori, gestoreRemix, limitaCorpo, richiestaLocale } from "./server/richieste";
import { avviaLavori, type Lavori } from "./app/services/lavori/avvio.server";
import { chiudiPosta } from "./app/services/posta/invio.server";
import { avviaPozzo, type Pozzo } from "./app/services/posta/pozzo.server";
import { registraCanaleProva, routerProva } from "./server/oidc-prova";
import { limitaFrequenza } from "./server/limiti";
import { intestazioniSicurezza } from "./server/intestazioni";
import { fornitoreDimostrativoAttivo } from "./app/services/identita/fornitore.server";
import { PERCORSO_PROVA } from "./app/services/identita/prova-comune";
import { federazioneConfigurata } from "./app/services/identita/oidc.server";
import { originiFornitori } from "./app/services/identita/origini-fornitori";

const radice = path.dirname(fileURLToPath(import.meta.url));
const produzione = process.env.NODE_ENV === "production";
const porta = Number(process.env.PORT ?? 3000);

let connessione: Connessione;
try {
  connessione = await apriDaAmbiente();
} catch (e) {
  if (!(e instanceof CartellaDatiNonScrivibile)) throw e;
  console.error(`\n${e.message}\n`);
  process.exit(1);
}
// Under the supervisor (supervisore.ts) the database was prepared once, before the workers started.
if (process.env.OMNIA_DATABASE_PRONTO !== "1") await preparaDatabase(connessione);
impostaConnessione(connessione);
// In the background: the server answers at once; with the database down the pages answer 503 as they would anyway.
connessione.apriPool?.().catch(() => undefined);

// E-mail (issue 13, ADR 020): the SMTP server of SMTP_URL, or else a local sink in this process that records what it
// receives (page /sviluppo/posta). Then the job queue: notifications, expiries, reminders run inside this process.
let pozzo: Pozzo | undefined;
if (!process.env.SMTP_URL) {
  pozzo = await avviaPozzo(Number(process.env.OMNIA_POZZO_PORTA ?? 0));
  process.env.SMTP_URL = pozzo.url;
}
let lavori: Lavori | undefined;
if (process.env.OMNIA_LAVORI !== "0") {
  lavori = await avviaLavori(connessione, {
    intervalloSecondi: Number(process.env.OMNIA_LAVORI_INTERVALLO ?? 2),
    pianificazioni: process.env.OMNIA_PIANIFICAZIONI !== "0",
  });
}

const build = (await import(pathToFileURL(path.join(radice, "build/index.js")).href)) as ServerBuild;

const paginaCsrf = `<!doctype html><html lang="it"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Errore: richiesta non valida — OMNIA IS</title><link rel="stylesheet" href="/css/app.css"></head><body><main class="container my-5"><h1>Richiesta non valida</h1><p>Per la tua sicurezza non abbiamo eseguito l'operazione: la richiesta non proviene da una pagina di questo servizio. Torna alla pagina precedente, ricaricala e riprova.</p><p><a href="/">Vai alla pagina iniziale</a></p></main></body></html>`;

// Forms may post to this origin only, and the sign-in form's answer may send the browser on to the configured
// OpenID provider (Chrome applies form-action to the redirects that follow a form submission).
const origineOidc = (() => {
  try {
    return process.env.OIDC_ISSUER ? new URL(process.env.OIDC_ISSUER).origin : null;
  } catch {
    return null;
  }
})();
// The local test OpenID provider (ADR 015): only where no real provider nor federation is configured and the demo
// identities are on.
const fornitoreProva = !process.env.OIDC_ISSUER && !federazioneConfigurata() && fornitoreDimostrativoAttivo();

const app = express();
app.disable("x-powered-by");
if (process.env.TRUST_PROXY) app.set("trust proxy", process.env.TRUST_PROXY);
app.use(compression());

app.use(intestazioniSicurezza({ origineOidc, originiFornitori }));

// First CSRF line (ADR 005): a cross-origin POST never reaches Remix (which would answer it with a bare 500).
// The per-form token is checked in the actions.
app.use((req, res, next) => {
  if (req.method === "GET" || req.method === "HEAD") return next();
  const fonte = req.get("origin") ?? req.get("referer");
  let host: string | null = null;
  try {
    host = fonte ? new URL(fonte).host : null;
  } catch {
    host = "";
  }
  const atteso = req.get("x-forwarded-host") && app.get("trust proxy") ? req.get("x-forwarded-host") : req.get("host");
  if (host !== null && host !== atteso) {
    res.status(403).type("html").send(paginaCsrf);
    return;
  }
  next();
});

// Sign-in attempts and uploads within their rate (429 before anything reads the body): see server/limiti.ts.
app.use(limitaFrequenza());

// Every body within its route's cap (413 before anything reads it): see server/richieste.ts.
app.use(limitaCorpo());

if (fornitoreProva) {
  registraCanaleProva();
  app.use(PERCORSO_PROVA, routerProva());
}

// Fingerprinted bundles never change: cache them for a year. Other static files for an hour.
// Only paths that name a file (an extension in the last segment) look in public/: a page URL never costs a disk stat.
const statici = express.static(path.join(radice, "public"), { maxAge: "1h" });
app.use("/build", express.static(path.join(radice, "public/build"), { immutable: true, maxAge: "1y" }));
app.use((req, res, next) => (/\.[A-Za-z0-9]+$/.test(req.path) ? statici(req, res, next) : next()));

// Within a second whatever the database does: a stopped PostgreSQL makes queries wait for the driver's connect
// timeout, a health check must not.
app.get("/healthz", async (_req, res) => {
  res.setHeader("Cache-Control", "no-store");
  if (await databaseRaggiungibile(connessione)) res.type("text/plain").send("ok");
  else res.status(503).type("text/plain").send("database non raggiungibile");
});

app.all(
  "*",
  gestoreRemix({
    build,
    produzione,
    getLoadContext: (req, res) => ({
      cspNonce: res.locals.cspNonce as string,
      // A proxy on this machine (nginx) connects over loopback too: a forwarded request is not local.
      locale: richiestaLocale(req) && !req.get("x-forwarded-for") && !req.get("forwarded") && !req.get("x-real-ip"),
    }),
  }),
);
app.use(gestoreErrori());

// HOST (e.g. 127.0.0.1 behind a proxy on the same machine) limits the interfaces; unset, all of them.
const inAscolto = () =>
  console.info(`OMNIA IS in ascolto su http://${process.env.HOST ?? "localhost"}:${porta} (database: ${connessione.tipo}, modalità: ${produzione ? "produzione" : "sviluppo"}, posta: ${pozzo ? "pozzo locale, /sviluppo/posta" : "SMTP_URL"})`);
const server = process.env.HOST ? app.listen(porta, process.env.HOST, inAscolto) : app.listen(porta, inAscolto);

let chiusura = false;
async function chiudi(segnale: string) {
  if (chiusura) return;
  chiusura = true;
  console.info(`${segnale}: chiusura in corso…`);
  server.close();
  server.closeIdleConnections();
  setTimeout(() => server.closeAllConnections(), 5_000).unref();
  await new Promise<void>((resolve) => server.on("close", () => resolve()));
  // Jobs running now finish (pg-boss waits for them, up to 10 s) before the pools and the sink close.
  await lavori?.ferma().catch((e) => console.warn("Chiusura della coda:", e));
  chiudiPosta();
  await pozzo?.chiudi();
  await connessione.chiudi();
  process.exit(0);
}
process.on("SIGTERM", () => void chiudi("SIGTERM"));
process.on("SIGINT", () => void chiudi("SIGINT"));
