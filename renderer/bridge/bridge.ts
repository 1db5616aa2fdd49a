import type { MesaApi } from '../../shared/ipc/contract';
import { takeLaunchSecret } from './launch-secret';
import { toMesaApi } from './mesa-api';
import { createWsBridge } from './ws-bridge';

/**
 * The one way the page reaches the main process: `window.mesa` when the Electron preload
 * defined it, otherwise a WebSocket to the browser host that served this page. Both speak
 * the same contract; the page cannot tell which it has (except through getAppInfo().host).
 */
let mesa: MesaApi | null = null;

export function getMesa(): MesaApi {
  if (mesa) return mesa;
  if (window.mesa) {
    mesa = toMesaApi(window.mesa);
  } else {
    const secret = takeLaunchSecret({
      location: window.location,
      history: window.history,
      storage: window.sessionStorage,
    });
    const scheme = window.location.protocol === 'https:' ? 'wss:' : 'ws:';
    mesa = toMesaApi(createWsBridge({ url: `${scheme}//${window.location.host}/ipc`, secret }));
  }
  return mesa;
}
