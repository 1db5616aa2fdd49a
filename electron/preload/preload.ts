// The sandboxed preload, bundled to dist/electron/preload.cjs: sandboxed preloads cannot load
// ES modules or most of Node, so scripts/build-electron.mjs inlines everything but electron.
import { contextBridge, ipcRenderer } from 'electron';
import { createMesaBridge } from './mesa-bridge';

contextBridge.exposeInMainWorld('mesa', createMesaBridge(ipcRenderer));
