import { parseWithZod } from "@conform-to/zod";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { InvioSchema } from "~/passi/schemi/invio";
import { analizzaModulo } from "./modulo.server";

const Schema = z.object({
  ore: z.number({ required_error: "Inserisci le ore" }).min(1, "Almeno un'ora"),
  nota: z.string().optional(),
  conferma: z.boolean().optional(),
  giorni: z.array(z.string()).min(1, "Scegli almeno un giorno"),
});

function modulo(campi: Array<[string, string]>): FormData {
  const f = new FormData();
  for (const [k, v] of campi) f.append(k, v);
  return f;
}

describe("analizzaModulo: parseWithZod con la coercizione costruita una volta per schema", () => {
  const casi: Array<[string, FormData]> = [
    ["valido, con numeri, booleani e liste dal testo", modulo([["ore", "8"], ["nota", ""], ["conferma", "on"], ["giorni", "lun"], ["giorni", "mar"]])],
    ["campi vuoti e numeri non validi", modulo([["ore", "otto"], ["nota", ""]])],
    ["campo mancante", modulo([["giorni", "lun"]])],
  ];
  for (const [nome, dati] of casi) {
    it(`${nome}: lo stesso esito, valori ed errori di parseWithZod`, () => {
      const atteso = parseWithZod(dati, { schema: Schema });
      for (let volta = 0; volta < 2; volta++) {
        const ottenuto = analizzaModulo(dati, Schema);
        expect(ottenuto.status).toBe(atteso.status);
        expect(ottenuto.payload).toEqual(atteso.payload);
        expect(ottenuto.reply()).toEqual(atteso.reply());
        if (atteso.status === "success" && ottenuto.status === "success") expect(ottenuto.value).toEqual(atteso.value);
      }
    });
  }

  it("the submission form: accepted with both declarations, refused with the catalogue's message without one", () => {
    const chiave = "abcdefghijklmnopqrstuvwxyz012345";
    const ok = analizzaModulo(modulo([["veridicita", "si"], ["privacy", "si"], ["chiaveInvio", chiave]]), InvioSchema);
    expect(ok.status).toBe("success");
    const senza = analizzaModulo(modulo([["veridicita", "si"], ["chiaveInvio", chiave]]), InvioSchema);
    expect(senza.reply().error).toEqual(parseWithZod(modulo([["veridicita", "si"], ["chiaveInvio", chiave]]), { schema: InvioSchema }).reply().error);
    expect(senza.status).toBe("error");
  });
});
