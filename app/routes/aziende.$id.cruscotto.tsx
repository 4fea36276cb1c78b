// Cruscotto of one company (employer of the company chosen at sign-in, or intermediary with a valid delega; anyone
// else: 404): per unità produttiva, autorizzato vs fruito per domanda and in total, capacity left and whether a new
// domanda can be filed, the continuous run, the contributo addizionale band, deadlines per authorisation. Charts are
// SVG rendered here, each followed by a table with the same data and its CSV; every figure has "Come è calcolato".
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ComeCalcolato } from "~/components/cruscotto/ComeCalcolato";
import { COLORI, GraficoBarre } from "~/components/cruscotto/GraficoBarre";
import { TabellaScorrevole } from "~/components/layout/TabellaScorrevole";
import { fmt } from "~/domain/cruscotto";
import { addDays, formatDataItaliana as it } from "~/domain/date";
import { rispostaNonTrovata } from "~/http/risposta.server";
import { richiediContesto } from "~/http/accesso.server";
import { cruscottoAzienda } from "~/services/cruscotto.server";

export const handle = { titolo: "Cruscotto autorizzato e fruito" };

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Cruscotto: ${data.azienda.ragioneSociale} — OMNIA IS` : "Cruscotto — OMNIA IS" },
];

function idDa(v: string | null | undefined): number | null {
  return v && /^[1-9][0-9]{0,9}$/.test(v) ? Number(v) : null;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await richiediContesto(request);
  const aziendaId = idDa(params.id);
  if (aziendaId === null) throw rispostaNonTrovata();
  const parametro = new URL(request.url).searchParams.get("unita");
  const unitaId = parametro === null || parametro === "" ? null : idDa(parametro) ?? -1;
  const c = await cruscottoAzienda(ctx, aziendaId, { unitaId });
  if (!c || c.nonTrovata) throw rispostaNonTrovata();
  const { azienda, ...resto } = c;
  return json(
    { ...resto, azienda: { id: azienda.id, ragioneSociale: azienda.ragioneSociale, matricola: azienda.matricola ?? azienda.cida }, intermediario: ctx.ruolo === "intermediario" },
    { headers: { "Cache-Control": "private, no-store" } },
  );
}

const ore = (n: number | null) => (n === null ? "—" : `${fmt(n)} ore`);
const sett = (n: number) => `${fmt(n)} settimane`;
const gg = (n: number) => (n === 1 ? "1 giorno" : `${n} giorni`);

function restano(n: number): string {
  if (n < 0) return `scaduta da ${gg(-n)}`;
  if (n === 0) return "scade oggi";
  return `restano ${gg(n)}`;
}

const STATI = { autorizzata: "Autorizzata", autorizzata_parziale: "Autorizzata in parte", in_attesa: "In attesa di decisione" } as const;

export default function Cruscotto() {
  const d = useLoaderData<typeof loader>();
  const base = `/aziende/${d.azienda.id}/cruscotto`;
  const csv = (tabella: string) => `${base}.csv?tabella=${tabella}${d.unita ? `&unita=${d.unita.id}` : ""}`;
  return (
    <>
      <h1>Cruscotto: {d.azienda.ragioneSociale}</h1>
      <p className="lead">
        Ore, giorni e settimane autorizzati e fruiti, capacità residua e scadenze, al {it(d.oggi)}. Matricola {d.azienda.matricola}.
      </p>
      <ul>
        {d.intermediario ? (
          <li>
            <Link to="/portafoglio">Torna al portafoglio delle aziende</Link>
          </li>
        ) : null}
        <li>
          <Link to="/domande">Le tue domande</Link>
        </li>
      </ul>

      <section aria-labelledby="titolo-unita" className="mb-4">
        <h2 id="titolo-unita" className="h3">
          Unità produttive
        </h2>
        {d.perUnita.length === 0 ? (
          <p>L&apos;azienda non ha unità produttive negli archivi.</p>
        ) : (
          <>
            <TabellaScorrevole etichetta="Unità produttive: autorizzato e fruito">
              {/* Alike flussi._index.tsx, portafoglio.tsx, scrivania.pagamenti._index.tsx's tables (duplicates): the same table markup (header cells, one row per item); the columns and cells are this table's own (Autorizzato e fruito per unità produttiva) */}
              <table className="table">
                <caption>Autorizzato e fruito per unità produttiva</caption>
                <thead>
                  <tr>
                    <th scope="col">Unità produttiva</th>
                    <th scope="col">Domande</th>
                    <th scope="col">Ore autorizzate</th>
                    <th scope="col">Ore fruite</th>
                    <th scope="col">Settimane autorizzate</th>
                    <th scope="col">Settimane fruite</th>
                  </tr>
                </thead>
                <tbody>
                  {d.perUnita.map((u) => (
                    <tr key={u.id}>
                      <th scope="row">
                        {d.unita?.id === u.id ? (
                          <span aria-current="page">
                            {u.denominazione} ({u.comune})
                          </span>
                        ) : (
                          <Link to={`${base}?unita=${u.id}`}>
                            {u.denominazione} ({u.comune})
                          </Link>
                        )}
                      </th>
                      <td>{u.domande}</td>
                      <td>{ore(u.oreAutorizzate)}</td>
                      <td>{ore(u.oreFruite)}</td>
                      <td>{fmt(u.settimaneAutorizzate)}</td>
                      <td>{fmt(u.settimaneFruite)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TabellaScorrevole>
            <p>
              <a href={csv("unita")} download>
                Scarica la tabella delle unità produttive (CSV)
              </a>
            </p>
          </>
        )}
      </section>

      {d.unita ? (
        <>
          <h2 className="h3">
            Unità produttiva: {d.unita.denominazione} ({d.unita.comune})
          </h2>
          <section aria-labelledby="titolo-nuova" className="mb-4">
            <h3 id="titolo-nuova" className="h4">
              Si può presentare una nuova domanda?
            </h3>
            {d.capacita.length === 0 ? (
              <p>Per questa unità produttiva non ci sono limiti in settimane da misurare.</p>
            ) : (
              d.capacita.map((c) => (
                <div key={c.nome} className="mb-3">
                  <p className="mb-1">
                    <strong>{c.nome}:</strong>{" "}
                    {c.puoPresentare
                      ? `sì, dal ${it(c.dal)}; restano ${sett(c.settimaneResidue)} nel biennio mobile.`
                      : `no, non dal ${it(c.dal)}: la capacità non basta.`}{" "}
                    {c.esaurimento
                      ? `Al ritmo attuale la capacità basta fino al ${it(addDays(c.esaurimento, -1))} (stima).`
                      : "Al ritmo attuale la capacità non si esaurisce nel biennio mobile (stima)."}
                  </p>
                  <ComeCalcolato spiegazione={c.presentazione} />
                  <ComeCalcolato spiegazione={c.proiezione} titolo="Come è stimata la data di esaurimento" />
                </div>
              ))
            )}
          </section>

          {d.capacita.length > 0 ? (
            <section aria-labelledby="titolo-capacita" className="mb-4">
              <h3 id="titolo-capacita" className="h4">
                Capacità residua
              </h3>
              <GraficoBarre
                titolo="Settimane utilizzate e residue nel biennio mobile"
                descrizione={d.capacita.map((c) => `${c.nome}: utilizzate ${fmt(c.settimaneUtilizzate)} su ${fmt(c.settimaneMassime)} settimane, residue ${fmt(c.settimaneResidue)}.`).join(" ")}
                serie={[
                  { nome: "Utilizzate", colore: COLORI.autorizzato },
                  { nome: "Residue", colore: COLORI.fruito },
                ]}
                voci={d.capacita.map((c) => ({
                  etichetta: `${c.nome} (massimo ${fmt(c.settimaneMassime)})`,
                  valori: [c.settimaneUtilizzate, c.settimaneResidue],
                  testi: [sett(c.settimaneUtilizzate), sett(c.settimaneResidue)],
                }))}
              />
              <TabellaScorrevole etichetta="Capacità residua">
                {/* Alike the response times table (prestazioni.$codice.tempi.tsx) (duplicates): the same two-column Misura/Valore frame, but the rows are this company's residual capacity, from its own data */}
                <table className="table">
                  <caption>Capacità residua per prestazione</caption>
                  <thead>
                    <tr>
                      <th scope="col">Misura</th>
                      <th scope="col">Valore</th>
                    </tr>
                  </thead>
                  <tbody>
                    {d.capacita.map((c) => (
                      <RigheCapacita key={c.nome} c={c} />
                    ))}
                    {d.continuo.map((r, i) => (
                      <tr key={`continuo-${i}`}>
                        <th scope="row">{r.inCorso ? "Periodo consecutivo in corso" : "Ultimo periodo consecutivo"}</th>
                        <td>
                          {r.periodo ? `${it(r.periodo.inizio)}–${it(r.periodo.fine)}: ${sett(r.settimane)}` : "nessuno"}
                          <ComeCalcolato spiegazione={r.spiegazione} />
                        </td>
                      </tr>
                    ))}
                    {d.fascia ? (
                      <tr>
                        <th scope="row">Fascia del contributo addizionale</th>
                        <td>
                          {d.fascia.aliquota / 100}% ({fmt(d.fascia.settimane)} settimane nel quinquennio mobile{d.fascia.ridotte ? ", aliquote ridotte" : ""})
                          <ComeCalcolato spiegazione={d.fascia.spiegazione} />
                        </td>
                      </tr>
                    ) : null}
                  </tbody>
                </table>
              </TabellaScorrevole>
              <p>
                <a href={csv("capacita")} download>
                  Scarica la capacità residua (CSV)
                </a>
              </p>
            </section>
          ) : null}

          <section aria-labelledby="titolo-domande" className="mb-4">
            <h3 id="titolo-domande" className="h4">
              Autorizzato e fruito per domanda
            </h3>
            {d.righe.length === 0 ? (
              <p>Nessuna domanda inviata o autorizzata per questa unità produttiva.</p>
            ) : (
              <>
                <GraficoBarre
                  titolo="Ore autorizzate e fruite per domanda"
                  descrizione={d.righe.map((r) => `${r.domanda}: autorizzate ${ore(r.oreAutorizzate)}, fruite ${ore(r.oreFruite)}.`).join(" ")}
                  serie={[
                    { nome: "Autorizzate", colore: COLORI.autorizzato },
                    { nome: "Fruite", colore: COLORI.fruito },
                  ]}
                  voci={d.righe.map((r) => ({
                    etichetta: `${r.domanda} (${r.nomePrestazione})`,
                    valori: [r.oreAutorizzate ?? 0, r.oreFruite],
                    testi: [ore(r.oreAutorizzate), ore(r.oreFruite)],
                  }))}
                />
                <TabellaScorrevole etichetta="Autorizzato e fruito per domanda">
                  {/* Alike the other tables of this page (duplicates): the same table markup (header cells, one row per item); the columns and cells are this table's own (Autorizzato e fruito per domanda (ore, giorni, settimane)) */}
                  <table className="table">
                    <caption>Autorizzato e fruito per domanda (ore, giorni, settimane)</caption>
                    <thead>
                      <tr>
                        <th scope="col">Domanda</th>
                        <th scope="col">Stato</th>
                        <th scope="col">Periodo</th>
                        <th scope="col">Ore autorizzate</th>
                        <th scope="col">Ore fruite</th>
                        <th scope="col">Ore residue</th>
                        <th scope="col">Giorni autorizzati / fruiti</th>
                        <th scope="col">Settimane autorizzate / fruite</th>
                      </tr>
                    </thead>
                    <tbody>
                      {d.righe.map((r) => (
                        <tr key={r.domandaId}>
                          <th scope="row">
                            <Link to={`/domande/${r.domandaId}`}>{r.domanda}</Link>
                            <br />
                            <span className="small">{r.nomePrestazione}</span>
                          </th>
                          <td>
                            {STATI[r.stato]}
                            {r.numero ? <span className="small d-block">n. {r.numero}</span> : null}
                          </td>
                          <td>
                            {it(r.inizio)}–{it(r.fine)}
                          </td>
                          <td>{ore(r.oreAutorizzate)}</td>
                          <td>{ore(r.oreFruite)}</td>
                          <td>
                            {ore(r.oreResidue)}
                            <ComeCalcolato spiegazione={r.spiegazione} />
                          </td>
                          <td>
                            {r.giorniAutorizzati} / {r.giorniFruiti}
                          </td>
                          <td>
                            {fmt(r.settimaneAutorizzate)} / {fmt(r.settimaneFruite)}
                          </td>
                        </tr>
                      ))}
                    </tbody>
                    <tfoot>
                      <tr>
                        <th scope="row">Totale</th>
                        <td />
                        <td />
                        <td>{ore(d.totale.oreAutorizzate)}</td>
                        <td>{ore(d.totale.oreFruite)}</td>
                        <td>{ore(d.totale.oreAutorizzate - d.totale.oreFruite)}</td>
                        <td>
                          {d.totale.giorniAutorizzati} / {d.totale.giorniFruiti}
                        </td>
                        <td>
                          {fmt(d.totale.settimaneAutorizzate)} / {fmt(d.totale.settimaneFruite)}
                        </td>
                      </tr>
                    </tfoot>
                  </table>
                </TabellaScorrevole>
                <p>
                  <a href={csv("domande")} download>
                    Scarica autorizzato e fruito per domanda (CSV)
                  </a>
                </p>
              </>
            )}
          </section>

          <section aria-labelledby="titolo-scadenze" className="mb-4">
            <h3 id="titolo-scadenze" className="h4">
              Scadenze delle autorizzazioni
            </h3>
            {d.scadenze.length === 0 ? (
              <p>Nessuna autorizzazione con scadenze per il conguaglio o per il pagamento diretto.</p>
            ) : (
              <>
                <TabellaScorrevole etichetta="Scadenze delle autorizzazioni">
                  {/* Alike the CISOA table below and domande.richieste.tsx's (duplicates): the same table frame with this table's own columns (authorisation deadlines, days left, how calculated) */}
                  <table className="table">
                    <caption>Scadenze: conguaglio (6 mesi) e dati per il pagamento diretto</caption>
                    <thead>
                      <tr>
                        <th scope="col">Autorizzazione</th>
                        <th scope="col">Che cosa</th>
                        <th scope="col">Scadenza</th>
                        <th scope="col">Giorni</th>
                      </tr>
                    </thead>
                    <tbody>
                      {d.scadenze.map((s) => (
                        <tr key={`${s.numero}-${s.tipo}-${s.competenza ?? ""}`}>
                          <th scope="row">{s.numero}</th>
                          <td>
                            {s.tipo === "conguaglio" ? "Conguaglio nell'UniEmens" : `Dati per il pagamento diretto, mese ${s.competenza!.slice(5, 7)}/${s.competenza!.slice(0, 4)}`}
                            {s.datiInviati ? <span className="d-block small">Dati già esposti</span> : null}
                          </td>
                          <td>{it(s.scadenza)}</td>
                          <td>
                            {restano(s.giorniRimanenti)}
                            <ComeCalcolato spiegazione={s.spiegazione} />
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </TabellaScorrevole>
                <p>
                  <a href={csv("scadenze")} download>
                    Scarica le scadenze (CSV)
                  </a>
                </p>
              </>
            )}
          </section>

          {d.cisoa ? (
            <section aria-labelledby="titolo-cisoa" className="mb-4">
              <h3 id="titolo-cisoa" className="h4">
                CISOA: giorni per lavoratore
              </h3>
              <ComeCalcolato spiegazione={d.cisoa.spiegazione} />
              <TabellaScorrevole etichetta="CISOA: giorni per lavoratore">
                <table className="table">
                  <caption>Giorni di CISOA nell&apos;anno per lavoratore</caption>
                  <thead>
                    <tr>
                      <th scope="col">Lavoratore</th>
                      <th scope="col">Giorni computati</th>
                      <th scope="col">In deroga</th>
                      <th scope="col">Residui</th>
                    </tr>
                  </thead>
                  <tbody>
                    {/* Alike the other tables of this page and scrivania.carichi.tsx (duplicates): each table has its own columns and figures; the shared frame (TabellaScorrevole, caption, header cells) is already one component, a generic table would only hide the columns */}
                    {d.cisoa.righe.map((r) => (
                      <tr key={r.cf}>
                        <th scope="row">{r.nominativo}</th>
                        <td>{r.giorniComputati}</td>
                        <td>{r.giorniInDeroga}</td>
                        <td>{r.residui}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TabellaScorrevole>
              <p>
                <a href={csv("cisoa")} download>
                  Scarica i giorni CISOA per lavoratore (CSV)
                </a>
              </p>
            </section>
          ) : null}
        </>
      ) : null}
    </>
  );
}

type VistaCapacita = ReturnType<typeof useLoaderData<typeof loader>>["capacita"][number];

function RigheCapacita({ c }: { c: VistaCapacita }) {
  return (
    <>
      <tr>
        <th scope="row">{c.nome}: settimane residue nel biennio mobile</th>
        <td>
          <span className="cifra-cruscotto">{fmt(c.settimaneResidue)}</span> su {fmt(c.settimaneMassime)} ({it(c.finestra.inizio)}–{it(c.finestra.fine)})
          <ComeCalcolato spiegazione={c.biennio} />
        </td>
      </tr>
      {c.terzoOre ? (
        <tr>
          <th scope="row">{c.nome}: ore residue entro un terzo delle ore lavorabili</th>
          <td>
            {ore(c.terzoOre.residue)} (limite {ore(c.terzoOre.limite)}, autorizzate {ore(c.terzoOre.autorizzate)})
            <ComeCalcolato spiegazione={c.terzoOre.spiegazione} />
          </td>
        </tr>
      ) : null}
      {c.complessivo ? (
        <tr>
          <th scope="row">{c.nome}: limite complessivo nel quinquennio mobile</th>
          <td>
            <ComeCalcolato spiegazione={c.complessivo} titolo="Situazione e calcolo" />
          </td>
        </tr>
      ) : null}
      <tr>
        <th scope="row">{c.nome}: capacità fino al (stima)</th>
        <td>
          {c.esaurimento ? it(addDays(c.esaurimento, -1)) : "non si esaurisce al ritmo attuale"}
          <ComeCalcolato spiegazione={c.proiezione} />
        </td>
      </tr>
    </>
  );
}
