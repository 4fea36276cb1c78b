// (3) Seed generation time at --scale: `tsx db/seed/cli.ts --scale` against BENCH_DATABASE_URL, or a throwaway
// PostgreSQL database created on BENCH_ADMIN_URL (default: the local server) and dropped afterwards.
import { spawn } from "node:child_process";
import { creaDatabaseTemporaneo, RADICE } from "../../e2e/support/server";

export interface RisultatoScala {
  database: string;
  secondi: number;
  righe: Record<string, number>;
  righeAlSecondo: number;
}

const TABELLE = ["aziende", "unita_produttive", "lavoratori", "rapporti_lavoro", "uniemens_mensili", "uniemens_eventi_cig"];

export async function misuraScala(opzioni: { limiteMinuti: number }): Promise<RisultatoScala> {
  const { default: postgres } = await import("postgres");
  const fisso = process.env.BENCH_DATABASE_URL;
  const temporaneo = fisso
    ? undefined
    : await creaDatabaseTemporaneo("omnia_bench_scala", process.env.BENCH_ADMIN_URL ?? "postgres://postgres@127.0.0.1:5432/postgres");
  const url = fisso ?? temporaneo!.env.DATABASE_URL!;
  try {
    const inizio = process.hrtime.bigint();
    await new Promise<void>((ok, ko) => {
      const figlio = spawn(process.execPath, ["--import", "tsx", "db/seed/cli.ts", "--scale"], {
        cwd: RADICE,
        stdio: "inherit",
        env: { ...process.env, DATABASE_URL: url, PGLITE_DIR: undefined },
      });
      const limite = setTimeout(() => {
        console.error(`[bench] seed --scale oltre ${opzioni.limiteMinuti} minuti: interrotto`);
        figlio.kill("SIGTERM");
      }, opzioni.limiteMinuti * 60_000);
      figlio.on("error", ko);
      figlio.on("exit", (c, s) => {
        clearTimeout(limite);
        if (c === 0) ok();
        else ko(new Error(`seed --scale uscito con ${c ?? s}`));
      });
    });
    const secondi = Number(process.hrtime.bigint() - inizio) / 1e9;
    const sql = postgres(url, { max: 1, onnotice: () => {} });
    const righe: Record<string, number> = {};
    try {
      for (const t of TABELLE) {
        const [{ n }] = await sql.unsafe<{ n: string }[]>(`select count(*)::bigint as n from ${t}`);
        righe[t] = Number(n);
      }
    } finally {
      await sql.end({ timeout: 5 });
    }
    const totale = Object.values(righe).reduce((a, b) => a + b, 0);
    return {
      database: fisso ? "BENCH_DATABASE_URL" : temporaneo!.descrizione,
      secondi: Math.round(secondi * 10) / 10,
      righe,
      righeAlSecondo: Math.round(totale / secondi),
    };
  } finally {
    await temporaneo?.elimina();
  }
}
