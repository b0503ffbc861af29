/**
 * What `npm start` prints: numbered steps, German first and English second, with their time; a counter that
 * updates in place on a terminal and every two seconds elsewhere (CI logs), so no step is ever silent.
 */

const tty = process.stdout.isTTY === true;

/** Seconds since `started`, as "4.2 s". */
export function seconds(started) {
  return `${((performance.now() - started) / 1000).toFixed(1)} s`;
}

/**
 * @param {number} total the number of steps
 */
export function createProgress(total) {
  let index = 0;
  return {
    /**
     * Starts a step and returns its reporter.
     * @param {string} de
     * @param {string} en
     */
    step(de, en) {
      index += 1;
      const started = performance.now();
      const prefix = `[${index}/${total}]`;
      console.log(`${prefix} ${de} / ${en} …`);
      let lastTick = 0;
      let ticking = false;
      return {
        /** An update while the step runs ("412 Module / modules"). */
        tick(/** @type {string} */ message) {
          const now = performance.now();
          if (tty) {
            process.stdout.write(`\r      ${message} (${seconds(started)})   `);
            ticking = true;
          } else if (now - lastTick > 2000) {
            console.log(`      ${message} (${seconds(started)})`);
            lastTick = now;
          }
        },
        /** The step's result line. */
        done(/** @type {string} */ message) {
          if (ticking) process.stdout.write('\r\x1b[2K');
          console.log(`      ${message} (${seconds(started)})`);
        },
      };
    },
  };
}
