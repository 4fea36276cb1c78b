// Rate limits before anything else reads the request (ASVS 4.0.3 V2.2.1, V12.1): sign-in attempts per client address
// (the /accedi form and the test provider's login form), file uploads per session, and the federation resolve
// endpoint's requests per client address (each costs a database read and a signature: public by nature, its cost per
// client is bounded here; over the limit it answers JSON, as OpenID Federation 1.0 §8.9 error responses are). Counters in PostgreSQL
// (app/services/limiti.server.ts), so two instances behind nginx share them. Over the limit: 429 with an Italian
// page and Retry-After, the body never read. If the database cannot count, the request goes on (the database's own
// failure answers it).
import { createHash } from "node:crypto";
import type { NextFunction, Request, RequestHandler, Response } from "express";
import { consumaLimite, type Limite } from "../app/services/limiti.server";
import { PERCORSO_PROVA } from "../app/services/identita/prova-comune";
import { PERCORSO_RISOLVI } from "../app/services/identita/federazione.server";
import { messaggiIdentita } from "../app/testi/identita";
import { LIMITE_MODULO, limiteCorpo, paginaErrore } from "./richieste";

export interface LimitiFrequenza {
  accessi: Limite;
  caricamenti: Limite;
  risoluzioni: Limite;
}

/**
 * From the environment: OMNIA_LIMITE_ACCESSI sign-in posts per address per minute (default 30), OMNIA_LIMITE_CARICAMENTI
 * uploads per session per minute (default 30), OMNIA_LIMITE_RISOLUZIONI resolve requests per address per minute
 * (default 60: a provider resolves the platform's chains once per expiry, a few requests); 0 turns one off.
 */
export function limitiDaAmbiente(env: NodeJS.ProcessEnv = process.env): LimitiFrequenza {
  const numero = (v: string | undefined, predefinito: number) => (v !== undefined && /^[0-9]+$/.test(v) ? Number(v) : predefinito);
  return {
    accessi: { massimo: numero(env.OMNIA_LIMITE_ACCESSI, 30), finestraSecondi: 60 },
    caricamenti: { massimo: numero(env.OMNIA_LIMITE_CARICAMENTI, 30), finestraSecondi: 60 },
    risoluzioni: { massimo: numero(env.OMNIA_LIMITE_RISOLUZIONI, 60), finestraSecondi: 60 },
  };
}

function sessione(req: Request): string | null {
  const m = /(?:^|;\s*)omnia_sessione=([a-z2-7]{32})/.exec(req.get("cookie") ?? "");
  return m ? createHash("sha256").update(m[1]).digest("hex") : null;
}

/** Which counter a request goes to, or null for requests that are not limited. */
export function chiaveLimite(req: Request): { tipo: keyof LimitiFrequenza; chiave: string } | null {
  if (req.path === PERCORSO_RISOLVI) return { tipo: "risoluzioni", chiave: `risoluzione:${req.ip ?? "?"}` };
  if (req.method !== "POST") return null;
  if (req.path === "/accedi" || req.path.startsWith(`${PERCORSO_PROVA}/interazione/`)) {
    return { tipo: "accessi", chiave: `accesso:${req.ip ?? "?"}` };
  }
  const tipo = req.get("content-type");
  if ((tipo ?? "").toLowerCase().startsWith("multipart/") && limiteCorpo(req.path, tipo) > LIMITE_MODULO) {
    return { tipo: "caricamenti", chiave: `caricamento:${sessione(req) ?? req.ip ?? "?"}` };
  }
  return null;
}

export function limitaFrequenza(limiti: LimitiFrequenza = limitiDaAmbiente()): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    const k = chiaveLimite(req);
    if (!k || limiti[k.tipo].massimo <= 0) return next();
    consumaLimite(k.chiave, limiti[k.tipo]).then(
      (esito) => {
        if (esito.consentita) return next();
        if (k.tipo === "risoluzioni") {
          // A federation client, not a person: the endpoint's JSON error form, the description in Italian.
          res
            .status(429)
            .set({ "Retry-After": String(esito.attesa), "Cache-Control": "no-store" })
            .json({ error: "temporarily_unavailable", error_description: messaggiIdentita.troppeRisoluzioni });
          return;
        }
        res
          .status(429)
          .set({ "Retry-After": String(esito.attesa), Connection: "close", "Cache-Control": "no-store" })
          .type("html")
          .send(paginaErrore(429));
        res.on("finish", () => req.destroy());
      },
      () => next(),
    );
  };
}
