// HTML prodotto dai componenti dei moduli e dall'involucro, così come lo riceve un browser senza JS.
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { PaginaErrore } from "~/components/layout/PaginaErrore";
import { Pagina } from "~/components/layout/Pagina";
import {
  AreaTesto,
  CampoData,
  CampoTesto,
  daConform,
  ErrorSummary,
  erroriDaCampi,
  GruppoCheckbox,
  GruppoRadio,
  Pulsante,
  Selezione,
  titolo,
} from "./index";

// Ambiente node senza DOM: si confrontano i frammenti di markup.
const html = (el: React.ReactElement) => renderToStaticMarkup(el);
// Attributi di un tag identificato dal suo id.
function tag(markup: string, id: string): string {
  const m = new RegExp(`<[a-z]+[^>]*\\sid="${id}"[^>]*>`).exec(markup);
  if (!m) throw new Error(`nessun elemento con id="${id}" in ${markup}`);
  return m[0];
}

describe("ErrorSummary", () => {
  it("non rende nulla senza errori", () => {
    expect(html(<ErrorSummary errori={[]} />)).toBe("");
  });

  it("rende contenitore focalizzabile, role=alert, titolo e link ai campi", () => {
    const out = html(
      <ErrorSummary
        errori={[{ messaggio: "Il modulo è scaduto" }, { id: "matricola", messaggio: "Inserisci la matricola" }]}
      />,
    );
    expect(tag(out, "riepilogo-errori")).toContain('tabindex="-1"');
    expect(out).toContain('<div role="alert"><h2 class="riepilogo-errori-titolo">C&#x27;è un problema</h2>');
    expect(out).toContain('<a href="#matricola">Inserisci la matricola</a>');
    expect(out).toContain("<li>Il modulo è scaduto</li>");
  });

  it("erroriDaCampi tiene l'ordine dei campi, il primo messaggio e gli errori del modulo in testa", () => {
    expect(
      erroriDaCampi(
        [
          { id: "a", errors: undefined },
          { id: "b", errors: ["primo", "secondo"] },
          { id: "c", errors: [] },
        ],
        ["modulo"],
      ),
    ).toEqual([{ messaggio: "modulo" }, { id: "b", messaggio: "primo" }]);
  });
});

describe("CampoTesto", () => {
  it("senza errore: etichetta active, suggerimento collegato, nessun aria-invalid", () => {
    const out = html(
      <CampoTesto
        id="cf"
        name="codiceFiscale"
        etichetta="Codice fiscale"
        suggerimento="16 caratteri"
        defaultValue="RSSMRA"
        autoComplete="off"
        maxLength={16}
        required
        larghezza={20}
      />,
    );
    expect(out).toContain('<label for="cf" class="active">Codice fiscale</label>');
    expect(tag(out, "cf-hint")).toContain('class="form-text"');
    const input = tag(out, "cf");
    expect(input).toContain('aria-describedby="cf-hint"');
    expect(input).not.toContain("aria-invalid");
    // Alike the header's test below (duplicates): each test lists, one assertion a line, the markup its own component
    // must render; a shared helper would hide which attribute a failure is about
    expect(input).toContain('name="codiceFiscale"');
    expect(input).toContain('value="RSSMRA"');
    expect(input).toContain('maxLength="16"');
    expect(input).toContain("required");
    expect(input).toContain("larghezza-20ch");
    expect(out).not.toContain("cf-error");
  });

  it("con errore: messaggio con prefisso nascosto, aria-describedby con suggerimento ed errore, aria-invalid", () => {
    const out = html(
      <CampoTesto id="cf" name="cf" etichetta="Codice fiscale" suggerimento="16 caratteri" errors={["Inserisci il codice fiscale"]} />,
    );
    expect(out).toContain("campo-errore");
    expect(tag(out, "cf-error")).toContain('class="messaggio-errore"');
    expect(out).toContain('<span class="visually-hidden">Errore: </span>Inserisci il codice fiscale');
    const input = tag(out, "cf");
    expect(input).toContain('aria-describedby="cf-hint cf-error"');
    expect(input).toContain('aria-invalid="true"');
    // Ordine GOV.UK: etichetta, suggerimento, errore, campo.
    expect(out.indexOf("cf-hint")).toBeLessThan(out.indexOf("cf-error"));
    expect(out.indexOf('id="cf-error"')).toBeLessThan(out.indexOf('id="cf"'));
  });

  it("senza suggerimento, con errore: aria-describedby solo l'errore; facoltativo nell'etichetta", () => {
    const out = html(<CampoTesto id="pec" name="pec" etichetta="PEC" facoltativo errors={["Inserisci una PEC valida"]} />);
    expect(tag(out, "pec")).toContain('aria-describedby="pec-error"');
    expect(out).toContain("PEC (facoltativo)</label>");
  });
});

describe("CampoData", () => {
  it("è un campo di testo con l'esempio nel suggerimento", () => {
    const out = html(<CampoData id="inizio" name="inizio" etichetta="Data di inizio" suggerimento="Primo giorno." esempio="16/02/2026" />);
    expect(tag(out, "inizio-hint")).toBeTruthy();
    expect(out).toContain("Primo giorno. Nel formato gg/mm/aaaa, ad esempio 16/02/2026.");
    // Without an example from the loader, only the format: never a fixed date that goes stale.
    expect(html(<CampoData id="d" name="d" etichetta="Data" />)).toMatch(/Nel formato gg\/mm\/aaaa, con le barre\.<\/div>/);
    const input = tag(out, "inizio");
    expect(input).toContain('type="text"');
    expect(input).toContain('maxLength="10"');
    expect(input).toContain('aria-describedby="inizio-hint"');
  });
});

describe("AreaTesto e Selezione", () => {
  it("AreaTesto collega suggerimento ed errore", () => {
    const out = html(
      <AreaTesto id="rel" name="rel" etichetta="Relazione" suggerimento="Descrivi" errors={["Scrivi la relazione"]} defaultValue="x" />,
    );
    const ta = tag(out, "rel");
    expect(ta).toMatch(/^<textarea/);
    expect(ta).toContain('aria-describedby="rel-hint rel-error"');
    expect(ta).toContain('aria-invalid="true"');
  });

  // Alike the filters of scrivania._index.tsx and domande._index.tsx (duplicates): a test fixture written like a real
  // Selezione on purpose, with its own options
  it("Selezione con voce vuota e valore scelto", () => {
    const out = html(
      <Selezione
        id="causale"
        name="causale"
        etichetta="Causale"
        opzioni={[
          { valore: "crisi", etichetta: "Crisi di mercato" },
          { valore: "meteo", etichetta: "Eventi meteo" },
        ]}
        defaultValue="meteo"
      />,
    );
    expect(out).toContain('<label for="causale" class="active">Causale</label>');
    expect(out).toContain('<option value="">Seleziona</option>');
    expect(out).toContain('<option value="meteo" selected="">Eventi meteo</option>');
  });
});

describe("GruppoRadio e GruppoCheckbox", () => {
  it("fieldset con legenda, aria-describedby sul gruppo, primo radio con l'id del campo", () => {
    const out = html(
      <GruppoRadio
        id="pagamento"
        name="pagamento"
        legenda="Come vuoi che sia pagata la prestazione?"
        suggerimento="Scegli una modalità"
        errors={["Scegli la modalità di pagamento"]}
        scelte={[
          { valore: "conguaglio", etichetta: "A conguaglio" },
          { valore: "diretto", etichetta: "Pagamento diretto", suggerimento: "Serve l'indice di liquidità" },
        ]}
        defaultValue="diretto"
      />,
    );
    expect(out).toMatch(/^<fieldset class="form-group campo campo-errore" aria-describedby="pagamento-hint pagamento-error"><legend>/);
    expect(tag(out, "pagamento")).toContain('value="conguaglio"');
    const secondo = tag(out, "pagamento-2");
    expect(secondo).toContain('type="radio"');
    expect(secondo).toContain("checked");
    expect(secondo).toContain('aria-describedby="pagamento-2-item-hint"');
    expect(out).toContain('<label for="pagamento-2">Pagamento diretto</label>');
    expect(tag(out, "pagamento-error")).toBeTruthy();
  });

  it("GruppoCheckbox spunta i valori iniziali", () => {
    const out = html(
      <GruppoCheckbox
        id="lav"
        name="lavoratori"
        legenda="Lavoratori"
        scelte={[
          { valore: "A", etichetta: "Anna" },
          { valore: "B", etichetta: "Bruno" },
        ]}
        defaultValue={["B"]}
      />,
    );
    expect(tag(out, "lav")).not.toContain("checked");
    expect(tag(out, "lav-2")).toContain("checked");
    expect(tag(out, "lav-2")).toContain('type="checkbox"');
    expect(out).not.toContain("aria-describedby");
  });
});

describe("Pulsante, titolo, daConform", () => {
  it("Pulsante di intent", () => {
    expect(html(<Pulsante name="intent" value="salva" variante="secondario">Salva bozza</Pulsante>)).toBe(
      '<button type="submit" class="btn btn-outline-primary" name="intent" value="salva">Salva bozza</button>',
    );
    expect(html(<Pulsante>Continua</Pulsante>)).toBe('<button type="submit" class="btn btn-primary">Continua</button>');
  });

  it("titolo con e senza errori", () => {
    expect(titolo("Accedi", true)).toBe("Errore: Accedi — OMNIA IS");
    expect(titolo("Accedi", false)).toBe("Accedi — OMNIA IS");
  });

  it("daConform prende id, name, errori e valori iniziali dei metadati", () => {
    const campo = {
      id: "f-matricola",
      name: "matricola",
      errors: ["Inserisci la matricola"],
      defaultValue: "1234567890",
      defaultOptions: undefined,
      required: true,
      maxLength: 10,
    } as unknown as Parameters<typeof daConform>[0];
    const props = daConform(campo);
    expect(props).toEqual({
      id: "f-matricola",
      name: "matricola",
      errors: ["Inserisci la matricola"],
      defaultValue: "1234567890",
      defaultOptions: undefined,
      required: true,
      maxLength: 10,
    });
    expect(tag(html(<CampoTesto {...props} etichetta="Matricola" />), "f-matricola")).toContain('aria-invalid="true"');
  });
});

describe("Pagina e PaginaErrore", () => {
  it("anonimo: skip link, landmark, Accedi, footer", () => {
    const out = html(
      <Pagina utente={null} csrfToken={null}>
        <h1>Ciao</h1>
      </Pagina>,
    );
    expect(out).toContain('<a class="visually-hidden-focusable" href="#contenuto">Vai al contenuto principale</a>');
    expect(out).toMatch(/<header class="it-header-wrapper[^"]*">/);
    expect(out).toMatch(/<footer class="it-footer[^"]*">/);
    expect(out).toContain('<main id="contenuto" tabindex="-1"><div class="container"><h1>Ciao</h1></div></main>');
    expect(out).toContain('href="/accedi"');
    expect(out).not.toContain('action="/esci"');
    for (const href of ["/", "/documenti", "/dichiarazione-accessibilita", "/privacy"]) {
      expect(out).toContain(`<a href="${href}">`);
    }
    expect(out).toContain('<nav aria-label="Link utili">');
    expect(out.match(/<main/g)).toHaveLength(1);
  });

  it("utente collegato: nome, profilo, cambia profilo, Esci con token CSRF", () => {
    const out = html(
      <Pagina utente={{ nome: "Mario Rossi", profilo: "Datore di lavoro — Officine Meccaniche Brenta S.r.l." }} csrfToken="tok123">
        x
      </Pagina>,
    );
    // Alike the CampoTesto test above (duplicates): each test lists, one assertion a line, the markup its own component
    // must render; a shared helper would hide which attribute a failure is about
    expect(out).toContain("Mario Rossi");
    expect(out).toContain("Datore di lavoro — Officine Meccaniche Brenta S.r.l.");
    expect(out).toContain('<a href="/profilo">Cambia profilo</a>');
    expect(out).toContain('<form method="post" action="/esci"><input type="hidden" name="csrf" value="tok123"/>');
    expect(out).toContain(">Esci</button>");
    expect(out).not.toContain('href="/accedi"');
  });

  it("PaginaErrore per 403, 404, 500, 503 e stati ignoti", () => {
    expect(html(<PaginaErrore stato={403} />)).toContain("<h1>Accesso non consentito</h1>");
    expect(html(<PaginaErrore stato={404} />)).toContain("<h1>Pagina non trovata</h1>");
    expect(html(<PaginaErrore stato={500} />)).toContain("<h1>Si è verificato un errore</h1>");
    for (const stato of [400, 405, 411, 415]) expect(html(<PaginaErrore stato={stato} />)).toContain("<h1>Richiesta non valida</h1>");
    expect(html(<PaginaErrore stato={413} />)).toContain("<h1>Dati inviati troppo grandi</h1>");
    expect(html(<PaginaErrore stato={503} />)).toContain("<h1>Servizio temporaneamente non disponibile</h1>");
    const altro = html(<PaginaErrore stato={502} />);
    expect(altro).toContain("<h1>Si è verificato un errore</h1>");
    expect(altro).toContain('<a href="/">Torna alla pagina iniziale</a>');
  });
});
