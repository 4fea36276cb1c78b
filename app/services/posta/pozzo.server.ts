// The development mail sink: an SMTP server on the loopback interface (smtp-server) that records every message it
// receives into the database (posta_pozzo), shown on /sviluppo/posta. Started by the app when no SMTP_URL is set, so
// `npm start` and the tests send real SMTP without a real mail server; never started when one is configured.
import type { AddressInfo } from "node:net";
import { desc } from "drizzle-orm";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";
import { postaPozzo } from "#db/schema";
import { db } from "#db/connection";

export interface Pozzo {
  url: string;
  porta: number;
  chiudi(): Promise<void>;
}

const chiaveAttivo = Symbol.for("omnia-is.pozzo-attivo");

/** Whether this process started the sink (the development page exists only then). */
export function pozzoAttivo(): boolean {
  return (globalThis as Record<symbol, unknown>)[chiaveAttivo] === true;
}

function indirizzi(x: unknown): string[] {
  const elenco = (Array.isArray(x) ? x : x ? [x] : []) as { value?: { address?: string }[] }[];
  return elenco.flatMap((a) => (a.value ?? []).map((v) => v.address ?? "")).filter(Boolean);
}

/** Starts the sink on 127.0.0.1 (port 0: any free port, so each server process has its own). */
export async function avviaPozzo(porta = 0): Promise<Pozzo> {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    banner: "OMNIA IS pozzo di sviluppo",
    size: 1024 * 1024,
    logger: false,
    async onData(stream, sessione, fine) {
      try {
        const m = await simpleParser(stream);
        const a = sessione.envelope.rcptTo.map((r) => r.address);
        await db()
          .insert(postaPozzo)
          .values({
            mittente: sessione.envelope.mailFrom ? sessione.envelope.mailFrom.address : "",
            destinatari: a.length ? a : indirizzi(m.to),
            oggetto: m.subject ?? "",
            testo: m.text ?? "",
            messageId: m.messageId ?? null,
          });
        fine();
      } catch (e) {
        // The sender sees a temporary failure and its job retries: nothing is lost.
        fine(Object.assign(new Error("Registrazione non riuscita, riprova"), { responseCode: 451 }));
        console.warn("Pozzo di posta:", e);
      }
    },
  });
  await new Promise<void>((ok, ko) => {
    server.once("error", ko);
    server.listen(porta, "127.0.0.1", () => ok());
  });
  server.on("error", (e) => console.warn("Pozzo di posta:", e));
  const effettiva = (server.server.address() as AddressInfo).port;
  (globalThis as Record<symbol, unknown>)[chiaveAttivo] = true;
  return {
    url: `smtp://127.0.0.1:${effettiva}`,
    porta: effettiva,
    chiudi: () =>
      new Promise<void>((ok) => {
        (globalThis as Record<symbol, unknown>)[chiaveAttivo] = false;
        server.close(() => ok());
      }),
  };
}

/** The last messages the sink received, newest first (the development page). */
export async function messaggiPozzo(limite = 100) {
  return db().select().from(postaPozzo).orderBy(desc(postaPozzo.id)).limit(limite);
}
