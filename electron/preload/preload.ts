// The sandboxed preload, bundled to dist/electron/preload.cjs: sandboxed preloads cannot load
// ES modules or most of Node, so scripts/build-electron.mjs inlines everything but electron.
// webUtils is one of the electron modules a sandboxed preload may use (a renderer module).
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { watchDroppedFilePaths } from './dropped-file-paths';
import { createMesaBridge } from './mesa-bridge';

const droppedFilePath = watchDroppedFilePaths(window, (file) => webUtils.getPathForFile(file));

contextBridge.exposeInMainWorld('mesa', createMesaBridge(ipcRenderer, { droppedFilePath }));
