import type { MesaBridge } from '../../shared/ipc/contract';

declare global {
  interface Window {
    /**
     * Set by the Electron preload; absent in the browser host. Use getMesa() (bridge.ts),
     * which wraps whichever bridge exists into MesaApi.
     */
    readonly mesa?: MesaBridge;
  }
}

export {};
