// electron-builder afterPack hook: flips Electron's fuses in the packaged binary before
// it is signed and wrapped into AppImage/deb/NSIS/dmg. Fuses are bits compiled into the
// Electron executable, so they hold even when someone edits the app's files or
// environment: https://www.electronjs.org/docs/latest/tutorial/fuses
const path = require('node:path');

/**
 * The fuse settings, by @electron/fuses' FuseV1Options names, in one object so a test
 * can assert them without packaging anything.
 */
const FUSES = Object.freeze({
  // ELECTRON_RUN_AS_NODE would turn the signed app into a general-purpose Node binary.
  RunAsNode: false,
  // Cookies (and the session) encrypted with the OS keychain, like Chrome does.
  EnableCookieEncryption: true,
  // NODE_OPTIONS / NODE_EXTRA_CA_CERTS could inject code or trust into the main process.
  EnableNodeOptionsEnvironmentVariable: false,
  // --inspect and SIGUSR1 would open a debugger port into the main process.
  EnableNodeCliInspectArguments: false,
  // The app.asar is checked against the hash electron-builder embeds (macOS, Windows).
  EnableEmbeddedAsarIntegrityValidation: true,
  // Only app.asar is loaded, so the integrity check above cannot be side-stepped by an app/ folder.
  OnlyLoadAppFromAsar: true,
  // The console loads from app://, never file://: file: pages need none of Chromium's extra privileges.
  GrantFileProtocolExtraPrivileges: false,
});

const EXECUTABLE_SUFFIX = { darwin: '.app', mas: '.app', win32: '.exe', linux: '' };

/** Where electron-builder put the Electron executable (the same rule it uses for its own `electronFuses`). */
function electronBinaryPath(context) {
  const platform = context.electronPlatformName;
  if (!(platform in EXECUTABLE_SUFFIX)) throw new Error(`after-pack: unknown platform ${platform}`);
  const name = platform === 'linux' ? context.packager.executableName : context.packager.appInfo.productFilename;
  return path.join(context.appOutDir, `${name}${EXECUTABLE_SUFFIX[platform]}`);
}

/** The config @electron/fuses takes: option indexes instead of names. */
function toFuseConfig(fuses, options, version, platform) {
  const config = {
    version,
    // Flipping a fuse invalidates the ad-hoc signature arm64 macOS needs to even start the binary.
    resetAdHocDarwinSignature: platform === 'darwin' || platform === 'mas',
  };
  for (const [name, value] of Object.entries(fuses)) {
    if (!(name in options)) throw new Error(`after-pack: @electron/fuses has no fuse named ${name}`);
    config[options[name]] = value;
  }
  return config;
}

/** `flip` is injectable so the hook can be tested without an Electron binary. */
async function afterPack(context, flip) {
  const fusesModule = require('@electron/fuses');
  const flipFuses = flip ?? fusesModule.flipFuses;
  const config = toFuseConfig(FUSES, fusesModule.FuseV1Options, fusesModule.FuseVersion.V1, context.electronPlatformName);
  await flipFuses(electronBinaryPath(context), config);
}

module.exports = { afterPack, FUSES, electronBinaryPath, toFuseConfig };
