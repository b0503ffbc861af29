/**
 * Ports of `npm start`: read from the environment, checked before the build (so a busy port costs no wait),
 * and a busy one reported in one line that names the variable to set, never as a stack trace.
 */
import { createServer } from 'node:net';

/** The ports `npm start` listens on, each with the variable that moves it. */
export function readPorts(env = process.env) {
  const demo = parsePort(env.PORT, 8000, 'PORT');
  const idp = parsePort(env.IDP_PORT, demo.port + 1, 'IDP_PORT');
  return { demo, idp };
}

/**
 * @param {string | undefined} value
 * @param {number} fallback
 * @param {string} variable
 */
function parsePort(value, fallback, variable) {
  if (value === undefined || value === '') return { port: fallback, variable };
  const port = Number(value);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new StartError(
      `${variable}=${value} ist kein Port (1–65535) / is not a port (1–65535). Beispiel / example: ${variable}=8100 npm start`,
    );
  }
  return { port, variable };
}

/** A failure `npm start` reports in one line (no stack trace). */
export class StartError extends Error {}

/**
 * The line for a port that is taken.
 * @param {{ port: number, variable: string }} entry
 * @param {string} what
 */
export function busyPortMessage(entry, what) {
  const other = entry.port + 100 <= 65535 ? entry.port + 100 : 8100;
  return (
    `npm start: Port ${entry.port} (${what}) ist belegt / is in use. ` +
    `Anderen Port wählen / choose another one: ${entry.variable}=${other} npm start`
  );
}

/**
 * Rejects with a {@link StartError} naming the variable when `port` on `host` is taken.
 * @param {{ port: number, variable: string }} entry
 * @param {string} what
 * @param {string} host
 */
export function ensureFree(entry, what, host = '127.0.0.1') {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (error) => {
      const code = /** @type {NodeJS.ErrnoException} */ (error).code;
      if (code === 'EADDRINUSE') reject(new StartError(busyPortMessage(entry, what)));
      else if (code === 'EACCES')
        reject(
          new StartError(
            `npm start: Port ${entry.port} (${what}) ist nicht erlaubt / is not allowed; ${entry.variable}=8100 npm start`,
          ),
        );
      else reject(error);
    });
    probe.listen(entry.port, host, () => probe.close(() => resolve(undefined)));
  });
}

/**
 * Listens with `server` and turns a busy port into a {@link StartError}.
 * @param {import('node:http').Server} server
 * @param {{ port: number, variable: string }} entry
 * @param {string} what
 * @param {string} host
 * @returns {Promise<void>}
 */
export function listenOn(server, entry, what, host = '127.0.0.1') {
  return new Promise((resolve, reject) => {
    const onError = (/** @type {NodeJS.ErrnoException} */ error) =>
      reject(error.code === 'EADDRINUSE' ? new StartError(busyPortMessage(entry, what)) : error);
    server.once('error', onError);
    server.listen(entry.port, host, () => {
      server.off('error', onError);
      resolve();
    });
  });
}
