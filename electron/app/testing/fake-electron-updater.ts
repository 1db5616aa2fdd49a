/**
 * A stand-in for `electron-updater` in glue tests: the real one require()s electron from
 * CommonJS, which vi.mock cannot reach, and would try to fetch a feed.
 */
export const updaterCalls: string[] = [];
export const autoUpdater = {
  setFeedURL: (options: { url: string }) => void updaterCalls.push(`feed ${options.url}`),
  checkForUpdatesAndNotify: () => {
    updaterCalls.push('check');
    return Promise.resolve(null);
  },
};
