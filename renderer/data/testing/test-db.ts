import { MesaDb } from '../db';

let opened = 0;

/** A fresh, uniquely named cache per test (fake-indexeddb keeps databases for the whole run). */
export function freshDb(): MesaDb {
  opened += 1;
  return new MesaDb(`mesa-test-${opened}-${Math.random().toString(36).slice(2)}`);
}
