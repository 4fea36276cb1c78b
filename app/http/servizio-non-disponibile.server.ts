// The database is unreachable (PostgreSQL stopped, restarting, network cut): a 503 page in Italian that needs no
// database, instead of a 500 that blames the platform. Pages get it from app/entry.server.tsx; resource routes
// (PDFs, downloads, sign-out), which Remix answers without the document's error path, wrap their handler with
// `conDatabase`.
import { codiceDiConnessione } from "#db/disponibilita";
import { messaggiInterfaccia } from "~/testi/interfaccia";

const escapeHtml = (t: string) => t.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/'/g, "&#39;");

export function paginaServizioNonDisponibile(): string {
  const t = messaggiInterfaccia.errori[503];
  return `<!doctype html><html lang="it"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(t.titolo)}${messaggiInterfaccia.titoli.suffisso}</title><link rel="stylesheet" href="/css/app.css"></head><body><main class="container my-5"><h1>${escapeHtml(t.titolo)}</h1><p class="lead">${escapeHtml(t.testo)}</p><p>${escapeHtml(t.suggerimento)}</p><p><a href="/">${escapeHtml(messaggiInterfaccia.errori.tornaHome)}</a></p><p class="text-secondary small">${escapeHtml(messaggiInterfaccia.errori.codice)}: 503</p></main></body></html>`;
}

export const INTESTAZIONI_503 = { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store", "Retry-After": "30" };

export function rispostaServizioNonDisponibile(): Response {
  return new Response(paginaServizioNonDisponibile(), { status: 503, headers: INTESTAZIONI_503 });
}

/** Logs an outage by its code only: the failed query's message carries its parameters (a session's hash, personal data). */
export function registraDatabaseNonRaggiungibile(codice: string, request: Request): void {
  console.warn(`Database non raggiungibile (${request.method} ${new URL(request.url).pathname}): ${codice}`);
}

/**
 * A resource route's loader or action whose database failures answer the 503 page. Responses it throws (404,
 * redirects) and every other error go on as before.
 */
export function conDatabase<A extends { request: Request }>(gestore: (args: A) => Promise<Response>): (args: A) => Promise<Response> {
  return async (args) => {
    try {
      return await gestore(args);
    } catch (errore) {
      const codice = codiceDiConnessione(errore);
      if (!codice) throw errore;
      registraDatabaseNonRaggiungibile(codice, args.request);
      return rispostaServizioNonDisponibile();
    }
  };
}
