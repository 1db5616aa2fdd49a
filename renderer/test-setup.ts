// jsdom lacks IndexedDB; unit tests of Dexie code use fake-indexeddb. e2e/ covers the real one.
import 'fake-indexeddb/auto';
import '@testing-library/jest-dom/vitest';
