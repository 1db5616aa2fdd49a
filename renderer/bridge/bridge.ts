import type { MesaApi } from '../../shared/ipc/contract';
import { hasLaunchSecret, takeLaunchSecret } from './launch-secret';
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
    // After the host restarts, its new URL differs from this tab's only in the fragment, so
    // opening it here does not load the page again: the socket would keep offering the
    // old launch's secret. Load afresh, and the secret is taken as on any launch.
    window.addEventListener('hashchange', () => {
      if (hasLaunchSecret(window.location.hash)) window.location.reload();
    });
    const scheme = window.location.protocol === 'https:' ? 'wss:' : 'ws:';
    mesa = toMesaApi(createWsBridge({ url: `${scheme}//${window.location.host}/ipc`, secret }));
  }
  return mesa;
}
