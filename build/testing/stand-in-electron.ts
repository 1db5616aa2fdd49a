// Electron's binary cannot be downloaded on these machines. What packaging does to it is
// copy it, rename it and flip its fuse wire, so a stand-in needs only that wire: the sentinel
// @electron/fuses looks for, the wire's version and length, then one byte per fuse.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
/** Electron's own defaults, in FuseV1Options order: '1' on, '0' off. */
const DEFAULT_WIRE = '101100011';

export function standInElectron(): Buffer {
  return Buffer.concat([
    Buffer.from('#!/bin/sh\necho "a stand-in for Electron"\n'),
    Buffer.from(SENTINEL),
    Buffer.from([1, DEFAULT_WIRE.length]),
    Buffer.from(DEFAULT_WIRE),
    Buffer.from('\n'),
  ]);
}

/** An unpacked Linux Electron distribution for electron-builder's `electronDist`. */
export function writeStandInElectronDist(dir: string): void {
  mkdirSync(path.join(dir, 'resources'), { recursive: true });
  writeFileSync(path.join(dir, 'electron'), standInElectron(), { mode: 0o755 });
  writeFileSync(path.join(dir, 'LICENSE'), 'stand-in');
  writeFileSync(path.join(dir, 'LICENSES.chromium.html'), 'stand-in');
}
