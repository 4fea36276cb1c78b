// The summary's HTML as a browser without JS receives it: headings, summary rows, captions, "Modifica" links that come
// back to the summary, and free text shown as text.
import { renderToStaticMarkup } from "react-dom/server";
import { StaticRouter } from "react-router-dom/server";
import { describe, expect, it } from "vitest";
import { ElencoEsiti, RiepilogoDomanda, type PropsRiepilogoDomanda } from "./RiepilogoDomanda";

const base: PropsRiepilogoDomanda = {
  intestazione: {
    id: 7,
    prestazione: "CIGO",
    stato: "Bozza",
    protocollo: null,
    ticket: null,
    inviataIl: null,
    azienda: { ragioneSociale: "Officine Esempio S.r.l.", codiceFiscale: "01234567890", matricola: "4712345601" },
    unita: "Stabilimento (UP1), Padova (PD)",
    periodo: "dal 01/12/2026 al 05/12/2026",
  },
  sezioni: [
    { slug: "azienda", titolo: "Dati dell'azienda", righe: [{ etichetta: "PEC", valore: ["a@pec.it"] }] },
    { slug: "relazione-tecnica", titolo: "Relazione tecnica", righe: [{ etichetta: "Cause", valore: ["<b>x</b>", "riga 2"] }] },
  ],
  lavoratori: [{ codiceFiscale: "SMPMRC80C12G224X", nominativo: "Esempio Marco", qualifica: "Operaio" }],
  allegati: [],
};

const html = (el: React.ReactElement) => renderToStaticMarkup(<StaticRouter location="/domande/7/riepilogo">{el}</StaticRouter>);

describe("RiepilogoDomanda", () => {
  it("renders summary rows, captions and Modifica links back to the summary", () => {
    const out = html(<RiepilogoDomanda {...base} modificabile />);
    expect(out).toContain('<dt class="col-sm-5 ps-0">PEC</dt>');
    expect(out).toContain('href="/domande/7/azienda?ritorno=riepilogo"');
    // Alike motivazione.test.ts (duplicates): each test lists, one assertion a line, the text its own output must
    // contain
    expect(out).toContain('Modifica<span class="visually-hidden"> dati dell&#x27;azienda</span>');
    expect(out).toContain("<caption>Lavoratori beneficiari: 1</caption>");
    expect(out).toContain('<th scope="row">SMPMRC80C12G224X</th>');
    expect(out).toContain("Nessun documento allegato.");
    // Free text is escaped, never markup; a list answer is one line per element.
    expect(out).toContain("&lt;b&gt;x&lt;/b&gt;");
    expect(out).toContain("<li>riga 2</li>");
  });

  it("has no Modifica links when read-only (sent domanda, print preview)", () => {
    const out = html(<RiepilogoDomanda {...base} />);
    expect(out).not.toContain("Modifica");
    expect(out).not.toContain("ritorno=riepilogo");
  });
});

describe("ElencoEsiti", () => {
  it("shows severity, explanation, source and the step to correct", () => {
    const out = html(
      <ElencoEsiti
        esiti={[{ gravita: "bloccante", messaggio: "Periodo oltre il limite", riferimento: "art. 12 d.lgs. 148/2015", slug: "periodo", titoloPasso: "Periodo e causale" }]}
        titolo="Avvisi"
        idTitolo="t"
        domandaId={7}
        conLink
      />,
    );
    // Severity in words next to an icon (not by colour alone), the legal reference as a note.
    expect(out).toContain('<li class="esito esito-bloccante mb-3">');
    expect(out).toContain('<strong class="esito-gravita"><span class="esito-icona" aria-hidden="true">✕</span> Blocca l&#x27;invio</strong> — Periodo e causale');
    expect(out).toContain("Periodo oltre il limite");
    expect(out).toContain("Riferimento normativo: art. 12 d.lgs. 148/2015");
    expect(out).toContain('href="/domande/7/periodo?ritorno=riepilogo"');
    expect(html(<ElencoEsiti esiti={[]} titolo="Avvisi" idTitolo="t" domandaId={7} />)).toContain("Nessun avviso");
    for (const [gravita, testo] of [["avviso", "Avviso"], ["informazione", "Informazione"]] as const) {
      const voce = html(<ElencoEsiti esiti={[{ gravita, messaggio: "M", riferimento: "R", slug: null, titoloPasso: null }]} titolo="A" idTitolo="t" domandaId={7} />);
      expect(voce).toContain(`<li class="esito esito-${gravita} mb-3">`);
      expect(voce).toContain(`</span> ${testo}</strong>`);
    }
  });
});
