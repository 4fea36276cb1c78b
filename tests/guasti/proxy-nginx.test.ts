// nginx with the platform's configuration (ops/cluster/nginx.conf, rendered as `npm run cluster` does) in front of two
// small HTTP servers standing in for the instances: no build, no database, a few seconds. What must hold (ADR 016):
// the X-Forwarded-* headers the instances trust; a GET whose instance dies mid-request is replayed on the other one;
// a POST whose instance dies after receiving it is NOT replayed (it may have been committed: the browser resends it
// with its idempotency key) and answers an Italian 503 page; with an instance down every request goes to the other;
// with none up, the Italian 503 page; a body over the largest cap of the app is refused by nginx in Italian (413).
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { request as richiestaHttp } from "node:http";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { limiteCorpoMassimo } from "../../server/richieste";
import { cartellaDiServizio, configNginx } from "../../scripts/cluster/topologia";

const NGINX = "/usr/sbin/nginx";
const motivo = existsSync(NGINX) ? null : `nginx assente (${NGINX}; .ci/run lo installa: apt-get install nginx)`;
if (motivo) console.warn(`Test del proxy saltato: ${motivo}.`);

interface Finta {
  nome: string;
  server: Server;
  porta: number;
  ricevute: Array<{ metodo: string; url: string; intestazioni: IncomingMessage["headers"] }>;
  /** What the instance does with a request: answer, or die with the connection open (a crash mid-request). */
  comportamento: "risponde" | "muore" | "503";
}

async function finta(nome: string): Promise<Finta> {
  const f = { nome, ricevute: [], comportamento: "risponde" } as unknown as Finta;
  f.server = createServer((req: IncomingMessage, res: ServerResponse) => {
    req.resume();
    req.on("end", () => {
      f.ricevute.push({ metodo: req.method ?? "", url: req.url ?? "", intestazioni: req.headers });
      if (f.comportamento === "muore") {
        req.socket.destroy();
        return;
      }
      if (f.comportamento === "503") {
        // The app while PostgreSQL is unreachable: its own Italian page.
        res.statusCode = 503;
        res.setHeader("Content-Type", "text/html; charset=utf-8");
        res.end(`<title>Servizio temporaneamente non disponibile</title>${nome} senza database`);
        return;
      }
      res.setHeader("Content-Type", "text/plain");
      res.end(`${nome} ${req.method} ${req.url}`);
    });
  });
  // The instances close idle connections after 5 s (Node's default); nginx's upstream keepalive_timeout is 4 s.
  f.server.keepAliveTimeout = 5_000;
  await new Promise<void>((ok) => f.server.listen(0, "127.0.0.1", ok));
  f.porta = (f.server.address() as { port: number }).port;
  return f;
}

function chiama(porta: number, metodo: string, percorso: string, opzioni: { corpo?: string; intestazioni?: Record<string, string> } = {}) {
  return new Promise<{ stato: number; testo: string; intestazioni: IncomingMessage["headers"] }>((ok, ko) => {
    const r = richiestaHttp({ host: "127.0.0.1", port: porta, method: metodo, path: percorso, headers: { Host: `omnia.esempio:${porta}`, ...opzioni.intestazioni } }, (res) => {
      let testo = "";
      res.setEncoding("utf8");
      res.on("data", (d: string) => (testo += d));
      res.on("end", () => ok({ stato: res.statusCode ?? 0, testo, intestazioni: res.headers }));
    });
    r.on("error", ko);
    r.end(opzioni.corpo);
  });
}

/** nginx with the platform's configuration in front of the given ports; a fresh one per test (no failure memory). */
async function avviaNginx(istanze: number[]): Promise<{ porta: number; ferma(): Promise<void> }> {
  const { cartella, utente } = cartellaDiServizio("omnia-proxy-test-");
  const { portaLibera } = await import("../../e2e/support/server");
  const porta = await portaLibera();
  const conf = join(cartella, "nginx.conf");
  writeFileSync(conf, configNginx({ cartella, porta, istanze }));
  const nginx: ChildProcess = spawn(NGINX, ["-p", cartella, "-c", conf, "-e", join(cartella, "nginx-error.log")], { stdio: "ignore", ...(utente ?? {}) });
  const ferma = async () => {
    if (nginx.exitCode === null && nginx.signalCode === null) {
      const uscito = new Promise((ok) => nginx.once("exit", ok));
      nginx.kill("SIGTERM");
      await uscito;
    }
    rmSync(cartella, { recursive: true, force: true });
  };
  // Ready when it answers (its own 503 page while the instances below are down is an answer too).
  for (let i = 0; ; i++) {
    const pronto = await chiama(porta, "HEAD", "/errore-inesistente").then(
      () => true,
      () => false,
    );
    if (pronto) break;
    if (i > 100) {
      await ferma();
      throw new Error("nginx non risponde");
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return { porta, ferma };
}

describe.skipIf(motivo !== null)("nginx davanti alle istanze (ops/cluster/nginx.conf)", () => {
  let a: Finta;
  let b: Finta;
  let proxy: { porta: number; ferma(): Promise<void> } | undefined;

  beforeEach(async () => {
    a = await finta("A");
    b = await finta("B");
    proxy = await avviaNginx([a.porta, b.porta]);
    a.ricevute = [];
    b.ricevute = [];
  });

  afterEach(async () => {
    await proxy?.ferma();
    await Promise.all([a, b].map((f) => new Promise((ok) => (f.server.closeAllConnections(), f.server.close(ok)))));
  });

  it("spreads requests over both instances and passes the headers TRUST_PROXY reads", async () => {
    const porta = proxy!.porta;
    const risposte = await Promise.all(Array.from({ length: 8 }, (_, i) => chiama(porta, "GET", `/pagina/${i}`)));
    expect(risposte.map((r) => r.stato)).toEqual(risposte.map(() => 200));
    expect(a.ricevute.length).toBeGreaterThan(0);
    expect(b.ricevute.length).toBeGreaterThan(0);
    const h = a.ricevute[0].intestazioni;
    expect(h.host).toBe(`omnia.esempio:${porta}`);
    expect(h["x-forwarded-host"]).toBe(`omnia.esempio:${porta}`);
    expect(h["x-forwarded-proto"]).toBe("http");
    expect(h["x-forwarded-for"]).toBe("127.0.0.1");
  });

  it("replays a GET whose instance dies mid-request on the other instance", async () => {
    a.comportamento = "muore";
    const risposte = await Promise.all(Array.from({ length: 6 }, (_, i) => chiama(proxy!.porta, "GET", `/lettura/${i}`)));
    expect(risposte.map((r) => r.stato)).toEqual(risposte.map(() => 200));
    for (const r of risposte) expect(r.testo).toMatch(/^B GET /);
  });

  it("never replays a POST its instance received before dying: one attempt only, an Italian 503 page", async () => {
    // Both instances die on what they receive: a replayed POST would show up at the second one.
    a.comportamento = "muore";
    b.comportamento = "muore";
    const r = await chiama(proxy!.porta, "POST", "/domande/1/invio", {
      corpo: "chiaveInvio=k",
      intestazioni: { "Content-Type": "application/x-www-form-urlencoded" },
    });
    expect(r.stato).toBe(503);
    expect(r.testo).toContain("Servizio temporaneamente non disponibile");
    expect(r.testo).toContain('lang="it"');
    expect(r.intestazioni["retry-after"]).toBe("30");
    expect([...a.ricevute, ...b.ricevute].filter((x) => x.metodo === "POST")).toHaveLength(1);
  });

  it("tries a GET on both instances when both die on it (so the POST above was held back by its method)", async () => {
    a.comportamento = "muore";
    b.comportamento = "muore";
    expect((await chiama(proxy!.porta, "GET", "/elenco")).stato).toBe(503);
    expect(a.ricevute.length + b.ricevute.length).toBe(2);
  });

  it("passes the app's own 503 (database unreachable) through and keeps the instance in service", async () => {
    a.comportamento = "503";
    const risposte: Array<{ stato: number; testo: string }> = [];
    for (let i = 0; i < 8; i++) risposte.push(await chiama(proxy!.porta, "GET", `/senza-db/${i}`));
    const daA = risposte.filter((r) => r.testo.includes("A senza database"));
    // Round robin keeps sending A its share: a 503 of the app is neither retried elsewhere nor a failure of A.
    expect(daA.length).toBeGreaterThanOrEqual(3);
    for (const r of daA) expect(r.stato).toBe(503);
    expect(a.ricevute).toHaveLength(daA.length);
  });

  it("with one instance stopped, sends everything (POSTs too: never sent to the dead one) to the other", async () => {
    await new Promise((ok) => (a.server.closeAllConnections(), a.server.close(ok)));
    const risposte = await Promise.all([
      ...Array.from({ length: 5 }, (_, i) => chiama(proxy!.porta, "GET", `/dopo/${i}`)),
      ...Array.from({ length: 5 }, (_, i) =>
        chiama(proxy!.porta, "POST", `/domande/${i}/invio`, { corpo: "x=1", intestazioni: { "Content-Type": "application/x-www-form-urlencoded" } }),
      ),
    ]);
    expect(risposte.map((r) => r.stato)).toEqual(risposte.map(() => 200));
    expect(b.ricevute.filter((x) => x.metodo === "POST")).toHaveLength(5);
  });

  it("with no instance up answers the Italian 503 page", async () => {
    for (const f of [a, b]) await new Promise((ok) => (f.server.closeAllConnections(), f.server.close(ok)));
    const r = await chiama(proxy!.porta, "GET", "/");
    expect(r.stato).toBe(503);
    expect(r.testo).toContain("Riprova tra qualche minuto");
  });

  it("refuses a body over the app's largest cap itself, in Italian, without reading it", async () => {
    const r = await chiama(proxy!.porta, "POST", "/flussi", {
      intestazioni: { "Content-Type": "multipart/form-data; boundary=x", "Content-Length": String(limiteCorpoMassimo() + 1) },
    });
    expect(r.stato).toBe(413);
    expect(r.testo).toContain("Richiesta troppo grande");
    expect(a.ricevute.length + b.ricevute.length).toBe(0);
  });
});
