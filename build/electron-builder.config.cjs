// electron-builder configuration for `npm run dist`. Packaging downloads Electron and the
// AppImage/NSIS tools, so installers are made on a machine with internet; the tests beside
// this file check the config and pack the app with a stand-in Electron binary. CommonJS
// because electron-builder require()s it.
const pkg = require('../package.json');

/** The update feed baked into app-update.yml; electron/core/update-feed.ts has the same default (a test checks). */
const DEFAULT_UPDATE_URL = 'https://updates.example.com/mesa';

/** @type {import('electron-builder').Configuration} */
const config = {
  appId: 'com.mesa.console',
  productName: 'Mesa',
  copyright: 'Copyright © Mesa contributors',
  // The app is app/package.json (electron-builder's two-package.json layout), not the root
  // manifest: the root's dependencies are the backend's (fastify, pg, better-sqlite3 built for
  // Node, not Electron …), and electron-builder packs an app's production dependencies.
  directories: { output: 'release', buildResources: 'build', app: 'app' },
  // Only the bundles `npm run build` writes into dist/ (paths relative to app/).
  files: ['package.json', { from: '../dist', to: 'dist', filter: ['electron/**', 'renderer/**'] }],
  // One version to bump, the root's: electron-updater compares it with the feed's.
  extraMetadata: { version: pkg.version },
  asar: true,
  // scripts/build-electron.mjs inlines everything the main process and preload use (only
  // `electron` stays external), so the app has no node_modules. Resolving false tells
  // electron-builder so: it then installs, rebuilds and collects none. Without it, finding no
  // node_modules in app/ it would fall back to the root's and pack the backend anyway.
  beforeBuild: async () => false,
  protocols: [{ name: 'Mesa', schemes: ['mesa'] }],
  // Bits compiled into the Electron executable, flipped by electron-builder right before
  // signing; they hold even when someone edits the app's files or environment
  // (https://www.electronjs.org/docs/latest/tutorial/fuses).
  electronFuses: {
    // ELECTRON_RUN_AS_NODE would turn the signed app into a general-purpose Node binary.
    runAsNode: false,
    // Cookies (and the session) encrypted with the OS keychain, like Chrome does.
    enableCookieEncryption: true,
    // NODE_OPTIONS / NODE_EXTRA_CA_CERTS could inject code or trust into the main process.
    enableNodeOptionsEnvironmentVariable: false,
    // --inspect and SIGUSR1 would open a debugger port into the main process.
    enableNodeCliInspectArguments: false,
    // The app.asar is checked against the hash electron-builder embeds (macOS, Windows).
    enableEmbeddedAsarIntegrityValidation: true,
    // Only app.asar is loaded, so the check above cannot be side-stepped by a resources/app folder.
    onlyLoadAppFromAsar: true,
    // The console loads from app://, never file://: file: pages need none of Chromium's extra privileges.
    grantFileProtocolExtraPrivileges: false,
    // Flipping a fuse voids the ad-hoc signature an arm64 Mac needs to start the binary at all;
    // this re-signs ad hoc (.app bundles only), so an app packaged without a Developer ID still runs.
    resetAdHocDarwinSignature: true,
  },
  publish: [
    { provider: 'generic', url: process.env.MESA_UPDATE_URL || DEFAULT_UPDATE_URL, channel: 'latest' },
  ],
  linux: {
    // electron-builder picks the NxN.png files in this folder by size; the protocol above
    // becomes MimeType=x-scheme-handler/mesa in the .desktop file, which is what makes
    // mesa:// links open the app on Linux.
    icon: 'build/icons',
    target: ['AppImage', 'deb'],
    category: 'Office',
    maintainer: 'Mesa team <mesa@example.com>',
    executableName: 'mesa',
    synopsis: 'Offline-first help-desk console',
  },
  deb: { packageCategory: 'utils' },
  win: {
    // Converted to .ico by electron-builder.
    icon: 'build/icons/512x512.png',
    target: ['nsis'],
  },
  nsis: { oneClick: false, perMachine: false, allowToChangeInstallationDirectory: true },
  mac: {
    // Converted to .icns by electron-builder (it needs at least 512×512).
    icon: 'build/icons/512x512.png',
    target: ['dmg'],
    category: 'public.app-category.business',
    hardenedRuntime: true,
  },
};

module.exports = config;
