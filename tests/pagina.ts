// A server-rendered page as a reader meets it: a DOM built from the HTML (jsdom) and the queries of
// @testing-library/dom bound to its body, so HTML tests find things by role, accessible name and label the way a
// screen reader or a browser does, not by regular expressions on markup or by conform's wire format (ADR 023).
//   const p = pagina(html);
//   p.getByRole("heading", { level: 1, name: "Periodo e causale" });
//   p.campoConErrore("Data di inizio")  // the field, its error message (via aria-describedby), aria-invalid
import { getQueriesForElement } from "@testing-library/dom";
import { JSDOM } from "jsdom";

/** Title of the GOV.UK error summary (app/testi/interfaccia.ts: moduli.titoloRiepilogoErrori). */
export const TITOLO_RIEPILOGO_ERRORI = "C'è un problema";

export function pagina(html: string) {
  const dom = new JSDOM(`<!doctype html><html lang="it"><head><title>Pagina</title></head><body>${html}</body></html>`);
  const documento = dom.window.document;
  const corpo = documento.body;
  const query = getQueriesForElement(corpo);

  /** The text of the elements an element's aria-describedby points to (hint and error message), in order. */
  function descrizione(elemento: Element): string {
    const ids = (elemento.getAttribute("aria-describedby") ?? "").split(/\s+/).filter(Boolean);
    return ids
      .map((id) => documento.getElementById(id)?.textContent?.trim() ?? "")
      .filter(Boolean)
      .join(" ");
  }

  /**
   * The GOV.UK error summary: the alert headed "C'è un problema", with each error as a link (text and the `#id` it
   * points to) or, for an error of the whole form, as plain text. Fails when there is no summary.
   */
  function riepilogoErrori(): { voci: Array<{ testo: string; href: string | null }>; destinazioni: Element[] } {
    const avviso = query.getAllByRole("alert").find((a) => getQueriesForElement(a as HTMLElement).queryByRole("heading", { name: TITOLO_RIEPILOGO_ERRORI }));
    if (!avviso) throw new Error(`nessun riepilogo degli errori «${TITOLO_RIEPILOGO_ERRORI}» nella pagina`);
    const voci = [...avviso.querySelectorAll("li")].map((li) => {
      const a = li.querySelector("a");
      return { testo: (li.textContent ?? "").trim(), href: a?.getAttribute("href") ?? null };
    });
    // Every link of the summary leads to an element of the page (the field to correct).
    const destinazioni = voci
      .filter((v) => v.href)
      .map((v) => {
        const bersaglio = documento.getElementById(decodeURIComponent(v.href!.slice(1)));
        if (!bersaglio) throw new Error(`il link «${v.testo}» del riepilogo porta a ${v.href}, che non esiste`);
        return bersaglio;
      });
    return { voci, destinazioni };
  }

  /**
   * The form control labelled `etichetta` (string: exact label, RegExp: a match), with what is said about it: the
   * description from aria-describedby (hint and error) and whether it is marked aria-invalid.
   */
  function campo(etichetta: string | RegExp) {
    const elemento = query.getByLabelText(etichetta) as HTMLInputElement;
    return {
      elemento,
      valore: elemento.value,
      descrizione: descrizione(elemento),
      nonValido: elemento.getAttribute("aria-invalid") === "true",
    };
  }

  /**
   * A group of choices (radio or checkbox) by its legend: the group's description (aria-describedby on the fieldset:
   * hint and error) and whether it is marked invalid.
   */
  function gruppo(legenda: string | RegExp) {
    const elemento = query.getByRole("group", { name: legenda });
    return { elemento, descrizione: descrizione(elemento), nonValido: elemento.getAttribute("aria-invalid") === "true" };
  }

  /** The text of the summary's item whose link reaches an element for which `raggiunge` holds, or null. */
  function voceVerso(raggiunge: (bersaglio: Element) => boolean): string | null {
    const { voci } = riepilogoErrori();
    const voce = voci.find((v) => v.href && raggiunge(documento.getElementById(decodeURIComponent(v.href.slice(1)))!));
    return voce?.testo ?? null;
  }

  /**
   * A field's error as a reader meets it (GOV.UK pattern): `riepilogo`, the text of the summary's link that reaches
   * the field (null if none does); the field's own description (hint and error), aria-invalid, the value kept.
   */
  function erroreCampo(etichetta: string | RegExp) {
    const c = campo(etichetta);
    return { ...c, riepilogo: voceVerso((b) => b === c.elemento) };
  }

  /** The same for a group of choices by its legend: the summary's link reaches one of its choices. */
  function erroreGruppo(legenda: string | RegExp) {
    const g = gruppo(legenda);
    return { ...g, riepilogo: voceVerso((b) => g.elemento.contains(b)) };
  }

  return { ...query, documento, corpo, descrizione, riepilogoErrori, campo, gruppo, erroreCampo, erroreGruppo };
}

export type Pagina = ReturnType<typeof pagina>;
