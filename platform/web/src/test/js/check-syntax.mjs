// Parses every script of the console as an ES module, so that a syntax error fails the build instead of a page.
import {readdirSync, readFileSync, statSync} from 'node:fs';
import {join} from 'node:path';
import {spawnSync} from 'node:child_process';

const root = process.argv[2];
const failures = [];
let checked = 0;
const walk = (dir) => {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      if (name !== 'lib') walk(path);
    } else if (name.endsWith('.js')) {
      checked++;
      const result = spawnSync(process.execPath, ['--input-type=module', '--check'], {input: readFileSync(path)});
      if (result.status !== 0) failures.push(`${path}\n${result.stderr}`);
    }
  }
};
walk(root);
if (failures.length) {
  console.error(failures.join('\n'));
  process.exit(1);
}
console.log(`Console scripts parsed: ${checked}`);
