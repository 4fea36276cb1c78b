// Validazione dell'esito della banca con lo schema ufficiale ISO 20022 pain.002.001.03 (docs/pagamenti/, origine nel
// commento del file), con xmllint (libxml2 in WebAssembly, in un worker), la stessa libreria con cui i test validano
// i lotti pain.001. Lo schema XSD si valida solo sul documento intero: lo riceve dopo la lettura in streaming
// (esito-banca-lettura.server.ts), che ha già rifiutato DOCTYPE ed entità e limitato i byte a LIMITI_ESITO.byte
// (10 MB), quindi xmllint non vede mai un'entità da espandere né un file oltre quel limite.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { validateXML } from "xmllint-wasm";
import { LIMITI_ESITO } from "~/domain/pagamenti/esito-banca";

export const SCHEMA_PAIN002 = join(process.cwd(), "docs", "pagamenti", "pain.002.001.03.xsd");

let schema: Promise<string> | null = null;
// At most this many validations at once: each worker holds the file and up to MEMORIA_MAX_MB of WebAssembly memory.
const VALIDAZIONI_CONTEMPORANEE = 2;
const MEMORIA_MAX_MB = 64;
let inCorso = 0;
const inAttesa: Array<() => void> = [];

export type ValidazioneSchema = { ok: true } | { ok: false; riga: number; messaggio: string };

/** Valida i byte di un esito (già letto in streaming, entro LIMITI_ESITO.byte) con lo schema pain.002.001.03. */
export async function validaSchemaPain002(contenuto: Uint8Array): Promise<ValidazioneSchema> {
  // The streaming reader enforces the limit first; this guard keeps the bound explicit for any other caller.
  if (contenuto.byteLength > LIMITI_ESITO.byte) {
    return { ok: false, riga: 0, messaggio: `Il file supera i ${LIMITI_ESITO.byte / 1024 / 1024} MB ammessi per un esito.` };
  }
  schema ??= readFile(SCHEMA_PAIN002, "utf8");
  if (inCorso >= VALIDAZIONI_CONTEMPORANEE) await new Promise<void>((avanti) => inAttesa.push(avanti));
  inCorso++;
  try {
    const r = await validateXML({
      xml: [{ fileName: "esito.xml", contents: contenuto }],
      schema: [{ fileName: "pain.002.001.03.xsd", contents: await schema }],
      // --stream: the reader validates as it goes instead of building the whole tree; --nonet: no network, ever.
      stream: true,
      modifyArguments: (args) => ["--nonet", ...args],
      maxMemoryPages: MEMORIA_MAX_MB * 16,
    });
    if (r.valid) return { ok: true };
    const primo = r.errors.find((e) => e.loc) ?? r.errors[0];
    const riga = primo?.loc?.lineNumber ?? 0;
    return { ok: false, riga, messaggio: messaggioSchema(riga, primo?.message ?? r.rawOutput) };
  } finally {
    inCorso--;
    inAttesa.shift()?.();
  }
}

// libxml2 speaks English and names elements with their namespace: the sentence is ours, its detail stays technical.
function messaggioSchema(riga: number, dettaglio: string): string {
  const pulito = dettaglio
    .replace(/\{urn:iso:std:iso:20022:tech:xsd:pain\.002\.001\.03\}/g, "")
    .replace(/^(element \S+: )?Schemas validity error : /, "")
    .trim()
    .slice(0, 300);
  return `Il contenuto non rispetta lo schema ufficiale ISO 20022 pain.002.001.03${riga ? ` alla riga ${riga}` : ""} (dettaglio: ${pulito}).`;
}
