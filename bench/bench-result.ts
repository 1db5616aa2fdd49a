/** One benchmark figure (CONTRACT.md §3). A baseline is measured in the same run. */
export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  n: number;
  baseline?: { name: string; value: number };
}
