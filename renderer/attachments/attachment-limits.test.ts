import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../shared/index';
import { checkAttachments, normalizeContentType, safeFileName } from './attachment-limits';

const NOW = new Date('2025-03-10T08:15:30Z');
const file = (name: string, size: number, type: string) => ({ name, size, type });

describe('attachment limits', () => {
  it('accepts screenshots and documents within the limits', () => {
    const result = checkAttachments(
      [file('error.png', 1_000, 'image/png'), file('log.txt', 10, 'text/plain; charset=utf-8')],
      0,
      NOW,
    );
    expect(result.problems).toEqual([]);
    expect(result.accepted.map((a) => [a.fileName, a.contentType])).toEqual([
      ['error.png', 'image/png'],
      ['log.txt', 'text/plain'],
    ]);
  });

  it('refuses a file over 25 MiB with the limit, for the message', () => {
    const result = checkAttachments(
      [file('dump.zip', LIMITS.attachmentMaxBytes + 1, 'application/zip')],
      0,
      NOW,
    );
    expect(result.accepted).toEqual([]);
    expect(result.problems).toEqual([{ code: 'too_large', fileName: 'dump.zip', limit: 25 * 1024 * 1024 }]);
    expect(
      checkAttachments([file('ok.zip', LIMITS.attachmentMaxBytes, 'application/zip')], 0, NOW).problems,
    ).toEqual([]);
  });

  it('refuses types the server would refuse, and says which', () => {
    const result = checkAttachments(
      [file('setup.exe', 10, 'application/x-msdownload'), file('logo.svg', 10, 'image/svg+xml')],
      0,
      NOW,
    );
    expect(result.problems.map((p) => [p.code, p.contentType])).toEqual([
      ['type_not_allowed', 'application/x-msdownload'],
      ['type_not_allowed', 'image/svg+xml'],
    ]);
  });

  it('keeps at most 10 per comment, counting those already attached', () => {
    const files = Array.from({ length: 4 }, (_, i) => file(`shot-${i}.png`, 10, 'image/png'));
    const result = checkAttachments(files, 8, NOW);
    expect(result.accepted.map((a) => a.fileName)).toEqual(['shot-0.png', 'shot-1.png']);
    expect(result.problems.map((p) => [p.code, p.fileName, p.limit])).toEqual([
      ['too_many', 'shot-2.png', 10],
      ['too_many', 'shot-3.png', 10],
    ]);
  });

  it('refuses empty files', () => {
    expect(checkAttachments([file('empty.txt', 0, 'text/plain')], 0, NOW).problems).toEqual([
      { code: 'empty', fileName: 'empty.txt' },
    ]);
  });

  it('sends unknown types as octet-stream', () => {
    expect(normalizeContentType('')).toBe('application/octet-stream');
    expect(normalizeContentType('Image/PNG')).toBe('image/png');
  });

  it('names pasted screenshots by time and cleans names the schema would refuse', () => {
    expect(safeFileName('image.png', 'image/png', NOW)).toBe('screenshot-20250310-081530.png');
    expect(safeFileName('', 'image/jpeg', NOW)).toBe('screenshot-20250310-081530.jpg');
    expect(safeFileName('C:\\Users\\ana\\shot.png', 'image/png', NOW)).toBe('C:_Users_ana_shot.png');
    const long = `${'a'.repeat(300)}.png`;
    expect(safeFileName(long, 'image/png', NOW)).toHaveLength(LIMITS.fileNameMax);
    expect(safeFileName(long, 'image/png', NOW).endsWith('.png')).toBe(true);
  });
});
