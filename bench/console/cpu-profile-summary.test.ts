import { describe, expect, it } from 'vitest';
import { selfTimes, type CpuProfile } from './cpu-profile-summary';

describe('selfTimes', () => {
  it('gives each sample the time until the next one, by function and by script', () => {
    const frame = (functionName: string, url: string) => ({ functionName, url, lineNumber: 9 });
    const profile: CpuProfile = {
      nodes: [
        { id: 1, callFrame: frame('(root)', ''), children: [2, 3] },
        { id: 2, callFrame: frame('cmp', 'http://host/assets/index.js') },
        { id: 3, callFrame: frame('parse', 'http://host/assets/index.js') },
      ],
      startTime: 0,
      endTime: 10_000,
      samples: [2, 2, 3, 2],
      timeDeltas: [0, 1_000, 3_000, 2_000],
    };
    const { functions, scripts, totalMs } = selfTimes(profile);
    expect(functions).toEqual([
      { name: 'cmp @ index.js:10', ms: 4 },
      { name: 'parse @ index.js:10', ms: 2 },
    ]);
    expect(scripts).toEqual([{ name: 'index.js', ms: 6 }]);
    expect(totalMs).toBe(10);
  });
});
