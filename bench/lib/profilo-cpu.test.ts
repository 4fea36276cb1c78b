import { describe, expect, it } from "vitest";
import { riassumi, type ProfiloCpu } from "./profilo-cpu";

// (root) → richiesta (app) → esitiPeriodo (app) → verificaDurataCigo (app) → fmt (app)
//                         → writeBuffer (native)
//        → (idle)
// Each sample stands for the interval to the next one (100 µs each here).
const APP = "file:///srv/omnia/build/index.js";
const profilo: ProfiloCpu = {
  nodes: [
    { id: 1, callFrame: { functionName: "(root)", url: "", lineNumber: -1 }, children: [2, 7] },
    { id: 2, callFrame: { functionName: "richiesta", url: APP, lineNumber: 9 }, children: [3, 6] },
    { id: 3, callFrame: { functionName: "esitiPeriodo", url: APP, lineNumber: 19 }, children: [4] },
    { id: 4, callFrame: { functionName: "verificaDurataCigo", url: APP, lineNumber: 29 }, children: [5] },
    { id: 5, callFrame: { functionName: "fmt", url: APP, lineNumber: 39 } },
    { id: 6, callFrame: { functionName: "writeBuffer", url: "", lineNumber: -1 } },
    { id: 7, callFrame: { functionName: "(idle)", url: "", lineNumber: -1 } },
  ],
  startTime: 0,
  endTime: 1_100,
  samples: [5, 5, 4, 3, 6, 6, 6, 2, 7, 7, 5],
  timeDeltas: [100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100],
};

const quota = (voci: { voce: string; quota: number }[], nome: string) => voci.find((v) => v.voce.startsWith(`${nome} —`))?.quota;

describe("riassunto di un profilo CPU", () => {
  it("gives each function its own time and, in total, the time of what it called", () => {
    const r = riassumi([profilo]);
    // 9 busy samples (the two idle ones do not count)
    expect(r.campioni).toBe(9);
    expect(quota(r.perFunzione, "fmt")).toBeCloseTo((3 / 9) * 100, 0);
    expect(quota(r.perFunzione, "verificaDurataCigo")).toBeCloseTo((1 / 9) * 100, 0);
    expect(quota(r.perFunzioneTotale, "verificaDurataCigo")).toBeCloseTo((4 / 9) * 100, 0);
    expect(quota(r.perFunzioneTotale, "esitiPeriodo")).toBeCloseTo((5 / 9) * 100, 0);
    expect(quota(r.perFunzioneTotale, "writeBuffer")).toBeCloseTo((3 / 9) * 100, 0);
    // On every busy sample's stack: says nothing, left out.
    expect(quota(r.perFunzioneTotale, "richiesta")).toBeUndefined();
    expect(quota(r.perFunzioneTotale, "(root)")).toBeUndefined();
  });

  it("counts a recursive function once per sample", () => {
    const ricorsivo: ProfiloCpu = {
      nodes: [
        { id: 1, callFrame: { functionName: "(root)", url: "", lineNumber: -1 }, children: [2, 4] },
        { id: 2, callFrame: { functionName: "visita", url: APP, lineNumber: 5 }, children: [3] },
        { id: 3, callFrame: { functionName: "visita", url: APP, lineNumber: 5 } },
        { id: 4, callFrame: { functionName: "altro", url: APP, lineNumber: 50 } },
      ],
      startTime: 0,
      endTime: 400,
      samples: [3, 3, 2, 4],
      timeDeltas: [100, 100, 100, 100],
    };
    const r = riassumi([ricorsivo]);
    expect(quota(r.perFunzioneTotale, "visita")).toBe(75);
    expect(quota(r.perFunzioneTotale, "altro")).toBe(25);
  });
});
