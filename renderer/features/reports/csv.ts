import type { ChartSpec } from './chart-spec';

/**
 * A chart's numbers as CSV (RFC 4180: comma, CRLF, fields quoted when they hold a comma,
 * quote or line break). Numbers are written as JavaScript writes them (a dot for decimals)
 * so any spreadsheet reads them; names that start like a formula are prefixed with an
 * apostrophe, since a team or category name is text someone typed (OWASP CSV injection).
 */
export function chartCsv(spec: ChartSpec): string {
  const header = [spec.categoryLabel, ...spec.series.map((series) => series.label)];
  const rows = spec.categories.map((category, i) => [
    textCell(category.csv),
    ...spec.series.map((series) => numberCell(series.values[i] ?? null)),
  ]);
  return [header.map(textCell), ...rows].map((cells) => cells.join(',')).join('\r\n') + '\r\n';
}

function textCell(text: string): string {
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

const numberCell = (value: number | null): string =>
  value === null || !Number.isFinite(value) ? '' : String(value);

/**
 * Saves the CSV through a download link to a Blob: works in the browser host and in
 * Electron (which shows its save dialog), with no file access in the page. The byte-order
 * mark lets spreadsheet programs read accents as UTF-8.
 */
export function downloadCsv(fileName: string, csv: string): void {
  const url = URL.createObjectURL(new Blob(['\uFEFF', csv], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // After the click has been handled: revoking at once can cancel the download.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
