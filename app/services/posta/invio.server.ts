// Sending e-mail (standing in for PEC) through nodemailer to the SMTP server named by SMTP_URL: a real one in a
// deployment, the local sink (pozzo.server.ts) in development, tests and `npm start` without configuration. Only the
// notification job calls it: a failure throws, and pg-boss retries the job later (ADR 020).
import nodemailer, { type Transporter } from "nodemailer";

const chiave = Symbol.for("omnia-is.posta");
type Globale = typeof globalThis & { [chiave]?: { url: string; trasporto: Transporter } };

function trasporto(env = process.env): Transporter {
  const url = env.SMTP_URL;
  if (!url) throw new Error("SMTP_URL non impostato: nessun server di posta configurato");
  const g = globalThis as Globale;
  if (g[chiave]?.url !== url) {
    g[chiave]?.trasporto.close();
    // Short timeouts: a mail server that does not answer fails the job quickly and the queue retries it.
    g[chiave] = { url, trasporto: nodemailer.createTransport({ url, connectionTimeout: 5_000, greetingTimeout: 5_000, socketTimeout: 10_000 }) };
  }
  return g[chiave]!.trasporto;
}

export function mittente(env = process.env): string {
  return env.OMNIA_POSTA_MITTENTE ?? "OMNIA IS <non-rispondere@omnia-is.invalid>";
}

export interface Email {
  a: string[];
  oggetto: string;
  testo: string;
  /** Stable per job: a job retried after the server accepted the message keeps the same Message-ID. */
  messageId?: string;
}

export async function inviaEmail(e: Email): Promise<void> {
  await trasporto().sendMail({ from: mittente(), to: e.a, subject: e.oggetto, text: e.testo, messageId: e.messageId });
}

export function chiudiPosta(): void {
  const g = globalThis as Globale;
  g[chiave]?.trasporto.close();
  g[chiave] = undefined;
}
