import type { Session } from 'electron';
import { APP_ORIGIN } from '../core/security/app-origin';
import { decidePermission } from '../core/security/permission-policy';

/** Both handlers, because Chromium asks twice: once to check (sync) and once to request. */
export function installPermissionHandlers(session: Session): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(
      decidePermission(
        permission,
        { requestingUrl: details.requestingUrl, isMainFrame: details.isMainFrame },
        APP_ORIGIN,
      ),
    );
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin, details) => {
    const requestingUrl = details.requestingUrl ?? requestingOrigin;
    return decidePermission(permission, { requestingUrl, isMainFrame: details.isMainFrame }, APP_ORIGIN);
  });
}
