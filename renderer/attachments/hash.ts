/**
 * The SHA-256 of a blob as lowercase hex: the attachment's name on the server
 * (PUT /api/v1/attachments/:sha256), so the same screenshot attached twice is stored
 * and uploaded once. WebCrypto digests in one call; 25 MiB (the size limit) hashes in
 * well under a second, so no streaming hash is needed.
 */
export async function sha256Hex(blob: Blob): Promise<string> {
  // A view, not the ArrayBuffer itself: WebCrypto in Node (the unit tests' jsdom) refuses an
  // ArrayBuffer made in another realm, and a view works the same in every browser.
  const digest = await crypto.subtle.digest('SHA-256', new Uint8Array(await blob.arrayBuffer()));
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}
