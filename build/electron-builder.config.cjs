// electron-builder configuration for `npm run dist`. Packaging downloads Electron and the
// AppImage/NSIS tools, so it runs on a machine with internet; here the config is tested
// as data (build/electron-builder.config.test.ts). CommonJS because electron-builder
// require()s it.
const pkg = require('../package.json');

/** The update feed baked into app-update.yml; electron/core/update-feed.ts has the same default (a test checks). */
const DEFAULT_UPDATE_URL = 'https://updates.example.com/mesa';

/** @type {import('electron-builder').Configuration} */
const config = {
  appId: 'com.mesa.console',
  productName: 'Mesa',
  copyright: 'Copyright © Mesa contributors',
  directories: { output: 'release', buildResources: 'build' },
  // Only the bundles: the main process and the renderer are built into dist/ by `npm run build`.
  files: ['dist/**', 'package.json'],
  // The packaged package.json points at the bundled main, whatever the dev entry is.
  extraMetadata: { main: pkg.main },
  asar: true,
  // scripts/build-electron.mjs inlines everything the main process and preload use (only
  // `electron` stays external), so no dependency is loaded from node_modules at run time.
  // Rebuilding native dependencies for Electron would compile the backend's better-sqlite3
  // for nothing (and needs a compiler on the packaging machine).
  npmRebuild: false,
  protocols: [{ name: 'Mesa', schemes: ['mesa'] }],
  afterPack: './build/after-pack.cjs',
  publish: [{ provider: 'generic', url: process.env.MESA_UPDATE_URL || DEFAULT_UPDATE_URL, channel: 'latest' }],
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
