// `npx tsx bench/riassumi-profilo.ts DIR [--dal=µs --al=µs] [--ultima-raffica] [--cpu=MS] [--top=N]`: the summary of
// bench/lib/profilo-cpu.ts over the .cpuprofile files of DIR (one per server process). --ultima-raffica keeps only
// the last busy stretch of each profile (e.g. the burst of `npm run bench -- --invii`, after an idle preparation);
// --cpu=MS (the CPU per submission from /proc) also shares it out by the profile's shares.
import { leggiProfili, riassumi, stampaRiassunto, type ProfiloCpu } from "./lib/profilo-cpu";

const argomenti = process.argv.slice(2);
const opzione = (nome: string) => argomenti.find((a) => a.startsWith(`--${nome}=`))?.split("=")[1];
const cartella = argomenti.find((a) => !a.startsWith("--"));
if (!cartella) throw new Error("uso: tsx bench/riassumi-profilo.ts CARTELLA [--dal=µs --al=µs] [--ultima-raffica] [--cpu=MS]");
const profili = leggiProfili(cartella);

/** The last stretch where the process was busy (100 ms buckets over 20% busy, gaps under 1 s bridged). */
function ultimaRaffica(p: ProfiloCpu): { dal: number; al: number } {
  const secchio = 100_000;
  const occupato = new Map<number, number>();
  const perId = new Map(p.nodes.map((n) => [n.id, n]));
  let t = p.startTime;
  for (let i = 0; i < p.samples.length; i++) {
    t += p.timeDeltas[i];
    if (perId.get(p.samples[i])?.callFrame.functionName === "(idle)") continue;
    const b = Math.floor(t / secchio);
    occupato.set(b, (occupato.get(b) ?? 0) + (p.timeDeltas[i + 1] ?? p.timeDeltas[i]));
  }
  const pieni = [...occupato].filter(([, us]) => us > secchio * 0.2).map(([b]) => b).sort((a, b) => a - b);
  const fine = pieni.length - 1;
  // The last second may be the shutdown: keep going back while the gaps are short.
  let inizio = fine;
  while (inizio > 0 && pieni[inizio] - pieni[inizio - 1] <= 10) inizio--;
  return { dal: pieni[inizio] * secchio, al: (pieni[fine] + 1) * secchio };
}

const dal = opzione("dal");
const al = opzione("al");
const cpu = opzione("cpu") ? Number(opzione("cpu")) : undefined;
const top = Number(opzione("top") ?? 30);
let finestra: { dal: number; al: number } | undefined = dal && al ? { dal: Number(dal), al: Number(al) } : undefined;
if (argomenti.includes("--ultima-raffica")) {
  const finestre = profili.map(ultimaRaffica);
  finestra = { dal: Math.min(...finestre.map((f) => f.dal)), al: Math.max(...finestre.map((f) => f.al)) };
  console.info(`finestra: ${((finestra.al - finestra.dal) / 1e6).toFixed(2)} s`);
}
console.info(`${profili.length} profili in ${cartella}`);
stampaRiassunto(riassumi(profili, finestra, top), top, cpu);
