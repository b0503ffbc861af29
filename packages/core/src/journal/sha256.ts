const encoder = new TextEncoder();

/** SHA-256 of a string's UTF-8 bytes, as 64 lowercase hex digits (WebCrypto, Node 20 and browsers). */
export async function sha256Hex(input: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', encoder.encode(input)));
  let hex = '';
  for (const byte of digest) hex += byte.toString(16).padStart(2, '0');
  return hex;
}
