// Builds the compact Kemendagri area resource of ocr-worker from the npm package idn-area-data
// (data: Open Database License; see the NOTICE written next to the output). Run by the Maven build
// (generate-resources); nothing is downloaded at run time.
//
//   node src/build/area-data.mjs OUT_DIR
//
// Output: OUT_DIR/kemendagri-areas.tsv.gz, one area per line: level, dotted code, name
// (levels: P province, R regency/city, D district/kecamatan, V village/kelurahan/desa).
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync, existsSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const VERSION = '4.0.1';
const outDir = process.argv[2];
if (!outDir) {
  console.error('usage: node area-data.mjs OUT_DIR');
  process.exit(2);
}
const output = join(outDir, 'kemendagri-areas.tsv.gz');
const stamp = join(outDir, `.idn-area-data-${VERSION}`);
if (existsSync(output) && existsSync(stamp)) {
  process.exit(0);
}

function run(command, args, cwd) {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8' });
  if (result.status !== 0) {
    console.error(`${command} ${args.join(' ')} failed:\n${result.stderr}`);
    process.exit(1);
  }
  return result.stdout.trim();
}

const work = mkdtempSync(join(tmpdir(), 'idn-area-data-'));
const tarball = run('npm', ['pack', '--silent', `idn-area-data@${VERSION}`], work).split('\n').pop();
run('tar', ['xzf', tarball], work);
const data = join(work, 'package', 'data');

// RFC 4180 fields: quotes around fields holding commas, doubled quotes inside.
function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c === '"') {
      quoted = true;
    } else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else {
      field += c;
    }
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => r.length > 1);
}

const lines = [];
for (const [level, file, nameColumn] of [
  ['P', 'provinces.csv', 1],
  ['R', 'regencies.csv', 2],
  ['D', 'districts.csv', 2],
  ['V', 'villages.csv', 2],
]) {
  const rows = parseCsv(readFileSync(join(data, file), 'utf8'));
  const header = rows.shift();
  if (header[0] !== 'code') {
    console.error(`unexpected header in ${file}: ${header}`);
    process.exit(1);
  }
  for (const r of rows) {
    const name = r[nameColumn].replace(/\s+/g, ' ').trim();
    if (/[\t\n]/.test(name)) {
      console.error(`unexpected character in ${file}: ${r}`);
      process.exit(1);
    }
    lines.push(`${level}\t${r[0]}\t${name}`);
  }
}
mkdirSync(outDir, { recursive: true });
writeFileSync(output, gzipSync(Buffer.from(lines.join('\n') + '\n', 'utf8'), { level: 9 }));
copyFileSync(join(data, 'LICENSE.md'), join(outDir, 'kemendagri-areas.LICENSE.md'));
writeFileSync(
  join(outDir, 'kemendagri-areas.NOTICE'),
  `Derived from idn-area-data ${VERSION} (https://www.npmjs.com/package/idn-area-data),\n` +
    'Indonesian administrative areas per Kepmendagri, by the idn-area-data authors.\n' +
    'The data is made available under the Open Database License (ODbL) 1.0; this derived\n' +
    'database (kemendagri-areas.tsv.gz) is likewise available under the ODbL.\n',
);
writeFileSync(stamp, VERSION);
console.log(`wrote ${lines.length} areas to ${output}`);
