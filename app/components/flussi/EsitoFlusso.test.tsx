// The report as a browser without JS receives it: a dry run that found more entries than it lists says how many more,
// and what to do; a report that lists them all says nothing of the kind.
import { getAllByRole, getByRole, queryByText } from "@testing-library/dom";
import { JSDOM } from "jsdom";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { EsitoFlusso, type DatiEsitoFlusso } from "./EsitoFlusso";

const riga = (n: number, codice: string) => ({ riga: n, codice, messaggio: `Messaggio ${codice}` });

function pagina(esito: DatiEsitoFlusso): HTMLElement {
  return new JSDOM(`<main>${renderToStaticMarkup(<EsitoFlusso esito={esito} />)}</main>`).window.document.querySelector("main")!;
}

const base: DatiEsitoFlusso = { denunce: 3, accolte: 1, scartate: 2, conAvvisi: 1, interrotto: null, scarti: [riga(2, "UNI41-E031"), riga(3, "UNI41-E060")], avvisi: [riga(4, "UNI41-W082")] };

describe("EsitoFlusso", () => {
  it("lists each entry with its row and a link to the catalogue's code", () => {
    const p = pagina(base);
    const scartate = getByRole(p, "table", { name: "Righe scartate" });
    expect(getAllByRole(scartate, "row")).toHaveLength(3);
    expect(getByRole(scartate, "link", { name: "UNI41-E060" }).getAttribute("href")).toBe("/flussi/catalogo#UNI41-E060");
    expect(queryByText(p, /non elencati qui/)).toBeNull();
  });

  it("says how many errors and warnings a dry run found beyond those listed", () => {
    const p = pagina({ ...base, scartate: 1_200, nonElencate: { scarti: 1_234, avvisi: 5 } });
    expect(p.textContent).toContain("Sono elencati i primi 2 errori. Il file ne ha altri 1.234, non elencati qui");
    expect(p.textContent).toContain("usa «Verifica e scarica il rapporto (CSV)»");
    expect(p.textContent).toContain("Sono elencati i primi 1 avvisi. Il file ne ha altri 5");
    expect(p.textContent).toContain("sono tutti nel rapporto in CSV");
  });
});
