// The one function of fontkit 2 (no bundled types) that app/services/pdf-accessibile.server.ts uses: a font file
// parsed once, handed to pdfkit (which accepts a parsed fontkit Font wherever it accepts a font file).
declare module "fontkit" {
  export interface Font {
    postscriptName: string;
    layout(testo: string): unknown;
  }
  export function create(dati: Uint8Array, nomePostscript?: string): Font;
}
