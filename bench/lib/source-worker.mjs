/**
 * Bench cases whose code needs the `@fallkit/source` export condition (the server's and the sync client's
 * sources), which the bench runner does not set: the case runs itself again in a child process with it
 * (`--worker`), and the child prints its rows as the last line of its output.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/**
 * Runs `file` as a worker with the source condition and returns its rows.
 * @param {string} file
 * @param {Record<string, string>} [env]
 * @returns {Promise<unknown>}
 */
export function runWorker(file, env = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--conditions=@fallkit/source', '--import', 'tsx', file, '--worker'], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.on('exit', (code) => {
      const line = out.trim().split('\n').at(-1) ?? '';
      if (code !== 0) return reject(new Error(`worker exited with ${code}`));
      try {
        resolve(JSON.parse(line));
      } catch {
        reject(new Error(`worker printed no result: ${out.slice(-500)}`));
      }
    });
  });
}

/**
 * The bench case of a module whose work runs in a source-condition worker: started as the worker (`--worker`),
 * the module runs `work` and prints its rows; imported by the runner, the returned case starts that worker.
 * @param {string} moduleUrl the case module's `import.meta.url`
 * @param {() => Promise<unknown[]>} work
 * @returns {() => Promise<unknown>}
 */
export function sourceWorkerCase(moduleUrl, work) {
  const file = fileURLToPath(moduleUrl);
  if (process.argv.includes('--worker') && process.argv[1] === file) {
    work().then(
      (rows) => {
        process.stdout.write(`${JSON.stringify(rows)}\n`);
        process.exit(0);
      },
      (error) => {
        console.error(error);
        process.exit(1);
      },
    );
  }
  return () => runWorker(file);
}
