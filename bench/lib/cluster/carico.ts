// The cluster load: virtual users, each a browser without JavaScript going through the platform over HTTP. The load
// model (README, "Misure", cluster):
// - arrivals: the users come in over `rampaMs` (evenly spaced, the three kinds interleaved), each signing in first, so
//   the sign-ins are spread as on a working morning, not 200 at the same instant; 0: all at once;
// - think time: between two pages a user waits a random time, negative exponential with mean `pausaMs` truncated at
//   ten times the mean (the distribution the TPC-C and TPC-W benchmarks prescribe for their users' think times; TPC-W,
//   the web one, has a mean of 7 s, the bench's default), from a seeded generator so two runs make the same choices;
//   0: no wait at all (a closed loop as fast as the answers come, which measures the machine's saturation, not users);
// - the users stay for `durataMs` after the last one has arrived.
// Three kinds of user:
// - applicants (the intermediary and the employer of the demo): "Le tue domande"; a new draft (the company's form,
//   POST /domande/nuova, the first step it leads to); sending one of the drafts prepared for them (the Invio page,
//   its POST with the page's idempotency key, the receipt it leads to);
// - operators: the Sede's queue, then a case sent during the run: the case page, "prendi in carico", the decision
//   form as suggested, the decision confirmed.
// Every request is timed by kind; an answer other than the expected one is an error (status and kind kept). What was
// acknowledged (a 303 after a submission, a creation, a decision) is kept to be counted in the database afterwards.
import { Biscotti, decodifica } from "../http";
import { leggiModulo } from "../domanda";
import { accedi, type Profilo } from "./accesso";

export interface Campione {
  tipo: string;
  /** Start, ms since the load began. */
  t: number;
  ms: number;
  stato: number;
}

export interface BozzaPronta {
  id: number;
  profilo: Profilo;
  aziendaId?: number;
}

export interface Invio {
  id: number;
  chiave: string;
  /** The form as posted (csrf, versione, chiaveInvio, declarations): resent unchanged after a fault. */
  corpo: string;
  /** The session that sent it (to resend the same form after a fault). */
  biscotti: Biscotti;
  /** 303 to the receipt: acknowledged. 422: refused by a rule. Anything else (0: no answer): not acknowledged. */
  stato: number;
  t: number;
}

export interface Errore {
  tipo: string;
  t: number;
  stato: number;
  dettaglio: string;
}

export interface StatoCarico {
  bozze: Record<Profilo, BozzaPronta[]>;
  /** Acknowledged submissions waiting for an operator. */
  daDecidere: number[];
  invii: Invio[];
  /** Ids of the drafts whose creation was acknowledged (303 to their first step). */
  create: number[];
  /** Creations not acknowledged (an error or no answer). */
  creazioniNonConfermate: number;
  decise: number[];
  decisioniNonConfermate: number[];
  campioni: Campione[];
  errori: Errore[];
}

export function nuovoStato(bozze: BozzaPronta[]): StatoCarico {
  return {
    bozze: {
      intermediario: bozze.filter((b) => b.profilo === "intermediario"),
      datore: bozze.filter((b) => b.profilo === "datore"),
      operatore: [],
    },
    daDecidere: [],
    invii: [],
    create: [],
    creazioniNonConfermate: 0,
    decise: [],
    decisioniNonConfermate: [],
    campioni: [],
    errori: [],
  };
}

class RispostaInattesa extends Error {}

/** The whole OpenID Connect sign-in (the platform's pages, the test provider's, the redirects, the profile choice) as one sample. */
export const ACCESSO = "accesso (intero percorso OIDC)";

interface Risposta {
  stato: number;
  testo: string;
  luogo: string | null;
}

const pausa = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A small seeded generator (mulberry32): uniform in [0, 1). */
export function generatore(seme: number): () => number {
  let a = seme >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A think time: negative exponential with mean `media`, truncated at ten times the mean (as TPC-C and TPC-W). */
export function tempoDiPensiero(media: number, caso: () => number): number {
  if (media <= 0) return 0;
  return Math.min(10 * media, -Math.log(1 - caso()) * media);
}

/**
 * The order the users arrive in: the kinds interleaved in proportion (each user of a kind at its own fraction of the
 * kind, merged by that fraction), so the operators do not all come last.
 */
export function ordineDiArrivo<T extends string>(quanti: Record<T, number>): T[] {
  const voci = (Object.entries(quanti) as Array<[T, number]>).flatMap(([tipo, n]) => Array.from({ length: n }, (_, i) => ({ tipo, posto: (i + 0.5) / n })));
  return voci.sort((a, b) => a.posto - b.posto).map((v) => v.tipo);
}

/** The first form of a page that carries a field named `campo` (with `valore`, if given). */
function modulo(html: string, campo: string, valore?: string): Map<string, string> | null {
  for (const [f] of html.matchAll(/<form\b[\s\S]*?<\/form>/gi)) {
    if (!f.includes(`name="${campo}"`)) continue;
    const campi = leggiModulo(f).campi;
    if (valore === undefined || campi.get(campo) === valore) return campi;
  }
  return null;
}

export interface OpzioniCarico {
  base: string;
  /** How long every user stays once the last has arrived. */
  durataMs: number;
  /** Mean think time between pages (0: none). */
  pausaMs?: number;
  /** Over how long the users arrive (0: all at once). */
  rampaMs?: number;
  /** Seed of the think times (default 1). */
  seme?: number;
  utenti: { intermediario: number; datore: number; operatore: number };
  /** Ids of the companies the applicants create drafts for, per profile. */
  aziende: Record<"intermediario" | "datore", number[]>;
  timeoutMs?: number;
  log?: (s: string) => void;
}

export async function eseguiCarico(opzioni: OpzioniCarico, stato: StatoCarico): Promise<{ secondi: number; rampaS: number }> {
  const { base } = opzioni;
  const pausaMs = opzioni.pausaMs ?? 0;
  const rampaMs = opzioni.rampaMs ?? 0;
  const timeoutMs = opzioni.timeoutMs ?? 30_000;
  const caso = generatore(opzioni.seme ?? 1);
  const t0 = performance.now();
  const fine = t0 + rampaMs + opzioni.durataMs;
  // A user whose think time runs past the end leaves then, without a further request (a think time may last up to
  // ten times the mean): were they all to go on at the end instant, the ~200 users still thinking would send one
  // synchronised burst that no real population sends, and its queueing would be most of the reported p99.
  const pensa = async () => {
    if (!pausaMs) return;
    const t = tempoDiPensiero(pausaMs, caso);
    const resta = fine - performance.now();
    if (t < resta) return pausa(t);
    await pausa(Math.max(0, resta));
    throw new TempoScaduto();
  };
  const adesso = () => performance.now() - t0;
  /** The think time at the end of a round: true when the user left. */
  const pensaOEsce = () => pensa().then(() => false, (e: unknown) => { if (e instanceof TempoScaduto) return true; throw e; });

  const chiama = async (
    tipo: string,
    percorso: string,
    biscotti: Biscotti,
    attesi: number[],
    corpo?: URLSearchParams,
  ): Promise<Risposta> => {
    const inizio = adesso();
    let r: Response;
    let testo: string;
    try {
      r = await fetch(new URL(percorso, base), {
        method: corpo ? "POST" : "GET",
        redirect: "manual",
        headers: {
          Cookie: biscotti.intestazione(),
          ...(corpo ? { "Content-Type": "application/x-www-form-urlencoded", Origin: base, Referer: new URL(percorso, base).toString() } : {}),
        },
        body: corpo,
        signal: AbortSignal.timeout(timeoutMs),
      });
      testo = await r.text();
    } catch (e) {
      const ms = adesso() - inizio;
      stato.campioni.push({ tipo, t: inizio, ms, stato: 0 });
      stato.errori.push({ tipo, t: inizio, stato: 0, dettaglio: String((e as Error).cause ?? e).slice(0, 200) });
      throw new RispostaInattesa(tipo);
    }
    biscotti.aggiorna(r);
    stato.campioni.push({ tipo, t: inizio, ms: adesso() - inizio, stato: r.status });
    if (!attesi.includes(r.status)) {
      const titolo = /<title>([^<]*)<\/title>/i.exec(testo)?.[1] ?? testo.slice(0, 120);
      // A form refused (422): the first line of its error summary says why.
      const motivo = /class="[^"]*riepilogo-errori[\s\S]*?<li[^>]*>([\s\S]*?)<\/li>/i.exec(testo)?.[1]?.replace(/<[^>]+>/g, "").trim();
      const server = r.headers.get("server") ?? "";
      stato.errori.push({
        tipo,
        t: inizio,
        stato: r.status,
        dettaglio: `${percorso}: ${decodifica(titolo).trim()}${motivo ? ` — ${decodifica(motivo).slice(0, 160)}` : ""}${server ? ` [${server}]` : ""}`,
      });
      throw new RispostaInattesa(tipo);
    }
    return { stato: r.status, testo, luogo: r.headers.get("location") };
  };
  const percorsoDi = (luogo: string | null) => (luogo ? new URL(luogo, base).pathname + new URL(luogo, base).search : "/");

  async function accesso(profilo: Profilo): Promise<Biscotti> {
    for (;;) {
      const inizio = adesso();
      try {
        const b = await accedi(base, profilo);
        stato.campioni.push({ tipo: ACCESSO, t: inizio, ms: adesso() - inizio, stato: 200 });
        return b;
      } catch (e) {
        stato.campioni.push({ tipo: ACCESSO, t: inizio, ms: adesso() - inizio, stato: 0 });
        stato.errori.push({ tipo: ACCESSO, t: inizio, stato: 0, dettaglio: String((e as Error).message).slice(0, 200) });
        if (performance.now() > fine) throw e;
        await pausa(1_000);
      }
    }
  }

  async function richiedente(profilo: "intermediario" | "datore", n: number): Promise<void> {
    const biscotti = await accesso(profilo);
    const aziende = opzioni.aziende[profilo];
    let giro = n;
    while (performance.now() < fine) {
      giro++;
      try {
        await chiama("le tue domande", "/domande", biscotti, [200]);
        await pensa();
        const bozza = giro % 2 === 0 ? stato.bozze[profilo].shift() : undefined;
        if (bozza) {
          // Sending a prepared draft: the Invio page (its form carries the idempotency key), the POST, the receipt.
          const pagina = await chiama("invio (pagina)", `/domande/${bozza.id}/invio`, biscotti, [200]).catch((e: unknown) => {
            const ultimo = stato.errori[stato.errori.length - 1];
            if (ultimo) ultimo.dettaglio += ` (bozza preparata per ${profilo}, azienda ${bozza.aziendaId ?? "?"})`;
            throw e;
          });
          const campi = modulo(pagina.testo, "chiaveInvio");
          if (!campi) throw new Error(`/domande/${bozza.id}/invio senza il modulo di invio`);
          campi.set("veridicita", "si");
          campi.set("privacy", "si");
          const corpo = new URLSearchParams([...campi]).toString();
          await pensa();
          // Counted as attempted from here (a user who left while reading the page sent nothing).
          const invio: Invio = { id: bozza.id, chiave: campi.get("chiaveInvio")!, corpo, biscotti, stato: 0, t: adesso() };
          stato.invii.push(invio);
          const r = await chiama("invio (POST)", `/domande/${bozza.id}/invio`, biscotti, [303, 422], new URLSearchParams(invio.corpo));
          invio.stato = r.stato;
          if (r.stato === 303) {
            stato.daDecidere.push(bozza.id);
            await chiama("ricevuta", percorsoDi(r.luogo), biscotti, [200]);
          }
        } else {
          // A new draft for one of the user's companies: its form, the POST, the first step it leads to.
          const aziendaId = aziende[giro % aziende.length];
          const pagina = await chiama("nuova domanda (pagina)", `/domande/nuova?azienda=${aziendaId}`, biscotti, [200]);
          const campi = modulo(pagina.testo, "aziendaId");
          if (!campi?.get("prestazione")) throw new Error(`/domande/nuova?azienda=${aziendaId}: nessuna prestazione suggerita`);
          await pensa();
          let r: Risposta;
          try {
            r = await chiama("nuova domanda (POST)", "/domande/nuova", biscotti, [303], new URLSearchParams([...campi]));
          } catch (e) {
            stato.creazioniNonConfermate++;
            throw e;
          }
          const id = /^\/domande\/(\d+)\//.exec(percorsoDi(r.luogo))?.[1];
          if (id) stato.create.push(Number(id));
          await chiama("primo passo", percorsoDi(r.luogo), biscotti, [200]);
        }
      } catch (e) {
        if (e instanceof TempoScaduto) return;
        if (!(e instanceof RispostaInattesa)) stato.errori.push({ tipo: "scenario", t: adesso(), stato: 0, dettaglio: String((e as Error).message).slice(0, 200) });
        await pausa(200);
      }
      if (await pensaOEsce()) return;
    }
  }

  async function operatore(): Promise<void> {
    const biscotti = await accesso("operatore");
    while (performance.now() < fine) {
      let id: number | undefined;
      try {
        await chiama("scrivania (coda)", "/scrivania", biscotti, [200]);
        id = stato.daDecidere.shift();
        if (id === undefined) {
          // Nothing to decide yet: the operator looks at the queue again after a while.
          await (pausaMs ? pensa() : pausa(200));
          continue;
        }
        const caso = await chiama("caso", `/scrivania/${id}`, biscotti, [200]);
        const presa = modulo(caso.testo, "intent", "prendi");
        if (!presa) throw new Error(`/scrivania/${id}: nessun modulo "prendi in carico"`);
        await pensa();
        const r = await chiama("presa in carico (POST)", `/scrivania/${id}`, biscotti, [303], new URLSearchParams([...presa]));
        await chiama("caso", percorsoDi(r.luogo), biscotti, [200]);
        const pagina = await chiama("decisione (pagina)", `/scrivania/${id}/decisione`, biscotti, [200]);
        const campi = modulo(pagina.testo, "motivazione");
        if (!campi) throw new Error(`/scrivania/${id}/decisione senza il modulo della decisione`);
        campi.set("intent", "conferma");
        await pensa();
        let d = await chiama("decisione (POST)", `/scrivania/${id}/decisione`, biscotti, [303, 422], new URLSearchParams([...campi]));
        if (d.stato === 422 && campi.get("esito") !== "respinta") {
          // The suggested authorisation does not hold (e.g. no worker left to authorise): the operator rejects instead,
          // keeping the suggested motivazione.
          campi.set("esito", "respinta");
          d = await chiama("decisione (POST)", `/scrivania/${id}/decisione`, biscotti, [303], new URLSearchParams([...campi]));
        }
        if (d.stato !== 303) throw new RispostaInattesa("decisione (POST)");
        stato.decise.push(id);
        id = undefined;
        await chiama("decisione emessa", percorsoDi(d.luogo), biscotti, [200]);
      } catch (e) {
        // Left while thinking: no decision was sent for the case taken (it stays in charge, undecided).
        if (e instanceof TempoScaduto) return;
        if (id !== undefined) stato.decisioniNonConfermate.push(id);
        if (!(e instanceof RispostaInattesa)) stato.errori.push({ tipo: "scenario", t: adesso(), stato: 0, dettaglio: String((e as Error).message).slice(0, 200) });
        await pausa(200);
      }
      if (await pensaOEsce()) return;
    }
  }

  const arrivi = ordineDiArrivo(opzioni.utenti);
  const numeri: Record<string, number> = {};
  const utenti = arrivi.map(async (tipo, k) => {
    // Arrival k of n at k/n of the ramp.
    if (rampaMs) await pausa((k * rampaMs) / arrivi.length);
    const n = (numeri[tipo] = (numeri[tipo] ?? -1) + 1);
    return tipo === "operatore" ? operatore() : richiedente(tipo, n);
  });
  await Promise.all(utenti.map((u) => u.catch((e: unknown) => stato.errori.push({ tipo: "utente", t: adesso(), stato: 0, dettaglio: String(e).slice(0, 200) }))));
  return { secondi: (performance.now() - t0) / 1000, rampaS: rampaMs / 1000 };
}

/**
 * What a user does when a submission got no answer or an error page: sends the same form again (same idempotency key,
 * same version), up to three times a second apart. The status of the last attempt, per submission.
 */
/** A user's think time ran past the end of the load: the user leaves (see pensa). */
class TempoScaduto extends Error {}

export async function reinviaNonConfermati(base: string, invii: Invio[]): Promise<number[]> {
  return Promise.all(
    invii.map(async (i) => {
      let stato = 0;
      for (let tentativo = 0; tentativo < 3 && stato !== 303 && stato !== 422; tentativo++) {
        if (tentativo) await pausa(1_000);
        try {
          const r = await fetch(new URL(`/domande/${i.id}/invio`, base), {
            method: "POST",
            redirect: "manual",
            headers: { Cookie: i.biscotti.intestazione(), "Content-Type": "application/x-www-form-urlencoded", Origin: base },
            body: i.corpo,
            signal: AbortSignal.timeout(30_000),
          });
          await r.arrayBuffer();
          stato = r.status;
        } catch {
          stato = 0;
        }
      }
      return stato;
    }),
  );
}

const percentile = (ordinati: number[], p: number) => ordinati[Math.min(ordinati.length - 1, Math.max(0, Math.ceil((p / 100) * ordinati.length) - 1))];

export interface RigaLatenza {
  tipo: string;
  richieste: number;
  errori: number;
  p50: number;
  p99: number;
  max: number;
}

export const TUTTE = "tutte (accesso compreso)";
export const TUTTE_SENZA_ACCESSO = "tutte tranne l'accesso";

/** p50/p99/max per kind of request, then all requests together with and without the sign-ins. */
export function latenze(campioni: Campione[]): RigaLatenza[] {
  const perTipo = new Map<string, Campione[]>();
  for (const c of campioni) perTipo.set(c.tipo, [...(perTipo.get(c.tipo) ?? []), c]);
  const riga = (tipo: string, cc: Campione[]): RigaLatenza => {
    const ms = cc.map((c) => c.ms).sort((a, b) => a - b);
    return {
      tipo,
      richieste: cc.length,
      errori: cc.filter((c) => c.stato === 0 || c.stato >= 500).length,
      p50: Math.round(percentile(ms, 50)),
      p99: Math.round(percentile(ms, 99)),
      max: Math.round(ms[ms.length - 1]),
    };
  };
  return [
    ...[...perTipo].map(([t, cc]) => riga(t, cc)).sort((a, b) => b.richieste - a.richieste),
    riga(TUTTE, campioni),
    riga(TUTTE_SENZA_ACCESSO, campioni.filter((c) => c.tipo !== ACCESSO)),
  ].filter((r) => r.richieste > 0);
}
