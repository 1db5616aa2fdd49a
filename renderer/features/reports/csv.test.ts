import { describe, expect, it } from 'vitest';
import type { ChartSpec } from './chart-spec';
import { chartCsv } from './csv';

const spec = (categories: string[], values: Array<number | null>): ChartSpec => ({
  id: 'test',
  title: 'Test',
  kind: 'bar',
  categoryLabel: 'Team',
  categories: categories.map((label) => ({ label, csv: label })),
  series: [{ key: 'tickets', label: 'Tickets, created', colorVar: '--accent', values }],
  unit: 'count',
});

describe('chart CSV', () => {
  it('writes a header and one row per category, CRLF, numbers with a dot', () => {
    expect(chartCsv(spec(['Service Desk', 'Infra'], [3, 0.5]))).toBe(
      'Team,"Tickets, created"\r\nService Desk,3\r\nInfra,0.5\r\n',
    );
  });

  it('quotes commas, quotes and line breaks, and leaves a missing value empty', () => {
    expect(chartCsv(spec(['Say "hi"', 'a\nb'], [null, 1]))).toBe(
      'Team,"Tickets, created"\r\n"Say ""hi""",\r\n"a\nb",1\r\n',
    );
  });

  it('defuses names a spreadsheet would run as a formula', () => {
    expect(chartCsv(spec(['=HYPERLINK("x")', '+1', '@sum', '-2'], [1, 2, 3, 4]))).toBe(
      'Team,"Tickets, created"\r\n"\'=HYPERLINK(""x"")",1\r\n\'+1,2\r\n\'@sum,3\r\n\'-2,4\r\n',
    );
  });
});
