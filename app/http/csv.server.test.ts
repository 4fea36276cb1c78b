import { describe, expect, it } from "vitest";
import { CsvInScrittura } from "./csv.server";

/** Whether the promise has settled after the pending callbacks have run. */
async function concluso(p: Promise<unknown>): Promise<boolean> {
  let fatto = false;
  void p.then(
    () => (fatto = true),
    () => (fatto = true),
  );
  await new Promise((ok) => setTimeout(ok, 20));
  return fatto;
}

describe("CsvInScrittura: un CSV scritto mentre è prodotto", () => {
  it("il file intero, con il BOM, le intestazioni e le celle protette, arriva quando è chiuso", async () => {
    const csv = new CsvInScrittura(["Riga", "Messaggio"]);
    const risposta = csv.risposta("verifica flusso.csv");
    expect(risposta.headers.get("Content-Disposition")).toBe('attachment; filename="verifica_flusso.csv"');
    expect(risposta.headers.get("Cache-Control")).toBe("private, no-store");
    const testo = risposta.arrayBuffer();
    await csv.scrivi([[12, "=SOMMA(A1)"], [13, "uno; due"]]);
    csv.chiudi();
    const byte = new Uint8Array(await testo);
    expect([...byte.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(byte.slice(3))).toBe("Riga;Messaggio\r\n12;'=SOMMA(A1)\r\n13;\"uno; due\"\r\n");
  });

  it("chi scrive aspetta un lettore lento invece di accumulare le righe in memoria", async () => {
    const csv = new CsvInScrittura(["Riga"]);
    const lettore = csv.risposta("x.csv").body!.getReader();
    const scritture: Array<Promise<void>> = [];
    for (let i = 0; i < 50; i++) scritture.push(csv.scrivi([[i]]));
    // Nobody reads: the queues fill up and the later writes wait.
    expect(await concluso(scritture[49])).toBe(false);
    let letti = "";
    const decodifica = new TextDecoder();
    while (!(await concluso(scritture[49]))) letti += decodifica.decode((await lettore.read()).value);
    await Promise.all(scritture);
    csv.chiudi();
    for (;;) {
      const { done, value } = await lettore.read();
      if (done) break;
      letti += decodifica.decode(value);
    }
    expect(letti.split("\r\n").slice(1, -1)).toEqual(Array.from({ length: 50 }, (_, i) => String(i)));
  });

  it("interrotto, il file non finisce come se fosse intero: la lettura fallisce", async () => {
    const csv = new CsvInScrittura(["Riga"]);
    const testo = csv.risposta("x.csv").text();
    await csv.scrivi([[1]]);
    csv.interrompi(new Error("database irraggiungibile"));
    await expect(testo).rejects.toThrow("database irraggiungibile");
  });
});
