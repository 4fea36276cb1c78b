// Horizontal bar chart rendered on the server as SVG (no JavaScript): each bar is labelled in words and figures above
// it, so colour is never the only cue (WCAG 1.4.1); the two colours reach 3:1 against white (1.4.11). The SVG scales to
// its container (viewBox), so it never makes a 360 px page scroll sideways; role="img" with <title> and <desc> gives
// the text alternative, and the page shows the same data in a table next to it.
import { useId } from "react";

export interface SerieBarre {
  nome: string;
  /** Literal colour (SVG fill). */
  colore: string;
}

export interface VoceBarre {
  etichetta: string;
  valori: number[];
  /** The figures in words, one per series (e.g. "320 ore"). */
  testi: string[];
}

const LARGHEZZA = 360;
const ALTEZZA_BARRA = 14;
const RIGA_TESTO = 18;

export const COLORI = { autorizzato: "#0059b3", fruito: "#1b6e3c", limite: "#5c6f82" } as const;

export function GraficoBarre({ titolo, descrizione, serie, voci }: { titolo: string; descrizione: string; serie: SerieBarre[]; voci: VoceBarre[] }) {
  const id = useId().replace(/:/g, "");
  const massimo = Math.max(1, ...voci.flatMap((v) => v.valori));
  const altezzaVoce = RIGA_TESTO + serie.length * (ALTEZZA_BARRA + RIGA_TESTO) + 10;
  const legenda = 26;
  const altezza = legenda + voci.length * altezzaVoce;
  return (
    <figure className="grafico mb-3">
      <svg
        viewBox={`0 0 ${LARGHEZZA} ${altezza}`}
        width="100%"
        role="img"
        aria-labelledby={`${id}-t ${id}-d`}
        className="grafico-svg"
        preserveAspectRatio="xMinYMin meet"
      >
        <title id={`${id}-t`}>{titolo}</title>
        <desc id={`${id}-d`}>{descrizione}</desc>
        {serie.map((s, i) => (
          <g key={s.nome} transform={`translate(${i * 170}, 4)`}>
            <rect width="14" height="14" fill={s.colore} />
            <text x="20" y="12" fontSize="14" fill="#1a1a1a">
              {s.nome}
            </text>
          </g>
        ))}
        {voci.map((v, i) => {
          const y0 = legenda + i * altezzaVoce;
          return (
            <g key={`${v.etichetta}-${i}`} transform={`translate(0, ${y0})`}>
              <text x="0" y="14" fontSize="14" fontWeight="bold" fill="#1a1a1a">
                {v.etichetta}
              </text>
              {serie.map((s, j) => {
                const y = RIGA_TESTO + j * (ALTEZZA_BARRA + RIGA_TESTO);
                const w = Math.max(v.valori[j] > 0 ? 2 : 0, (v.valori[j] / massimo) * LARGHEZZA);
                return (
                  <g key={s.nome}>
                    <rect x="0" y={y} width={LARGHEZZA} height={ALTEZZA_BARRA} fill="#f2f2f2" />
                    <rect x="0" y={y} width={w} height={ALTEZZA_BARRA} fill={s.colore} />
                    <text x="0" y={y + ALTEZZA_BARRA + 14} fontSize="13" fill="#1a1a1a">
                      {s.nome}: {v.testi[j]}
                    </text>
                  </g>
                );
              })}
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
