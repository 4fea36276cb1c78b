// Every test file: a console.error that a test did not expect fails it (unnoticed errors hide bugs).
import { afterEach, beforeEach, vi } from "vitest";

let spia: ReturnType<typeof vi.spyOn> | undefined;

beforeEach(() => {
  spia = vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => {
    spia?.mockRestore();
    throw new Error(`console.error inatteso: ${args.map(String).join(" ")}`);
  });
});

afterEach(() => {
  spia?.mockRestore();
});
