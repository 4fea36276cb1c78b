// Development page of the local mail sink: the e-mails the platform sent while no SMTP server was configured
// (SMTP_URL unset). It exists only while the sink runs, and answers only requests from this machine that did not come
// through a proxy: the messages are addressed to many companies and intermediaries, so no signed-in user of the
// service (company, intermediary, or office staff, who may read only their own cases) may read them all; the
// developer on the machine could read the sink's database anyway. Everyone else gets 404.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { rispostaNonTrovata } from "~/http/accesso.server";
import { messaggiPozzo, pozzoAttivo } from "~/services/posta/pozzo.server";

export const handle = { titolo: "Posta inviata (pozzo di sviluppo)" };

export async function loader({ context }: LoaderFunctionArgs) {
  if (!pozzoAttivo() || context.locale !== true) throw rispostaNonTrovata();
  const messaggi = await messaggiPozzo();
  return { messaggi: messaggi.map((x) => ({ ...x, ricevutaIl: x.ricevutaIl.toISOString() })) };
}

const ORA = new Intl.DateTimeFormat("it-IT", { timeZone: "Europe/Rome", dateStyle: "short", timeStyle: "medium" });

export default function PostaSviluppo() {
  const { messaggi } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Posta inviata (pozzo di sviluppo)</h1>
      <p>
        Nessun server di posta è configurato (variabile <code>SMTP_URL</code>): le e-mail della piattaforma arrivano al
        server SMTP locale, che le registra qui. Pagina visibile solo da questo computer.
      </p>
      {messaggi.length === 0 ? (
        <p>Nessun messaggio ricevuto.</p>
      ) : (
        <ol className="list-unstyled" aria-label="Messaggi, dal più recente">
          {messaggi.map((x) => (
            <li key={x.id} className="border rounded p-3 mb-3">
              <h2 className="h5">{x.oggetto}</h2>
              <p className="small mb-2">
                Ricevuto il <time dateTime={x.ricevutaIl}>{ORA.format(new Date(x.ricevutaIl))}</time> — da {x.mittente} a{" "}
                {x.destinatari.join(", ")}
              </p>
              <pre className="testo-libero mb-0">{x.testo}</pre>
            </li>
          ))}
        </ol>
      )}
    </>
  );
}
