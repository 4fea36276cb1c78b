// Minimal types for autocannon 9 (the package ships none): only what bench/ uses.
declare module "autocannon" {
  interface Istogramma {
    average: number;
    mean: number;
    stddev: number;
    min: number;
    max: number;
    total: number;
    p50: number;
    p90: number;
    p97_5: number;
    p99: number;
  }
  interface Opzioni {
    url: string;
    connections?: number;
    duration?: number;
    amount?: number;
    timeout?: number;
    method?: string;
    headers?: Record<string, string>;
  }
  interface Risultato {
    requests: Istogramma;
    latency: Istogramma;
    throughput: Istogramma;
    errors: number;
    timeouts: number;
    non2xx: number;
    "2xx": number;
    duration: number;
  }
  function autocannon(opzioni: Opzioni): Promise<Risultato>;
  export default autocannon;
}
