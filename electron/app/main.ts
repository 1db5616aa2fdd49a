// The Electron entry, bundled to dist/electron/main.cjs by scripts/build-electron.mjs.
// Everything lives in mesa-app.ts so tests can start it with a stubbed electron module.
import { startMesaApp } from './mesa-app';

startMesaApp({ distDir: __dirname });
