/** Where the Electron executable is, or why there is none, without triggering electron's download. */
export function findElectronBinary(): { path: string } | { path: null; reason: string };
