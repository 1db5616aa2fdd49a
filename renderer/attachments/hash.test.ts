import { describe, expect, it } from 'vitest';
import { sha256Hex } from './hash';

describe('sha256Hex', () => {
  it('matches the FIPS 180-2 test vectors', async () => {
    expect(await sha256Hex(new Blob(['abc']))).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
    expect(await sha256Hex(new Blob([]))).toBe(
      'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    );
  });

  it('hashes bytes, not the declared type', async () => {
    const bytes = new Uint8Array([0x89, 0x50, 0x4e, 0x47]);
    expect(await sha256Hex(new Blob([bytes], { type: 'image/png' }))).toBe(
      await sha256Hex(new Blob([bytes])),
    );
  });
});
