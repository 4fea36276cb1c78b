// The head of every page of the domanda's journey: the domanda's caption, the step indicator ("Passo 3 di 10",
// counted from the one step contract, app/passi) and the page's heading, which the indicator describes so that a
// screen reader jumping to the heading hears where it stands.
import { posizioneNelPercorso, type PaginaPercorso } from "~/passi/percorso";

export function testoPasso(pagina: PaginaPercorso): string {
  const { numero, totale } = posizioneNelPercorso(pagina);
  return `Passo ${numero} di ${totale}`;
}

export function IntestazionePasso({ pagina, didascalia, titolo }: { pagina: PaginaPercorso; didascalia: string; titolo: string }) {
  return (
    <>
      <p className="text-muted mb-1">{didascalia}</p>
      <p id="indicatore-passo" className="fw-semibold mb-1">
        {testoPasso(pagina)}
      </p>
      <h1 aria-describedby="indicatore-passo">{titolo}</h1>
    </>
  );
}
