// The peer of bench/import_bench: DuckDB (npm @duckdb/node-api) loading every CSV file of a
// dataset folder into a new file-backed database, so that persistence is part of the time.
//
//   node bench/duckdb_load.mjs DATASET_DIR [--threads 2] [--db PATH]
//
// Each file becomes a table `CREATE TABLE <name> AS SELECT * FROM read_csv(..., header = true)`
// with column types auto-detected by DuckDB's sniffer. If the sniffed types fail on a later
// row, the file is read again with the whole file sampled (sample_size = -1) and the retry is
// noted in the output — it is part of the time, as it would be for a user.
// The timed part: opening the new database, all loads, CHECKPOINT, closing.
// Prints one JSON object on stdout: {"ok", "seconds", "rows", "rows_per_s", "tables": [...],
// "max_rss_kb", "threads", "duckdb_version", "notes"}. Exit code 1 on failure (with "error").
import { DuckDBInstance } from '@duckdb/node-api';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

function parseArgs(argv) {
  const args = { dir: '', threads: 2, db: '' };
  for (let arg_idx = 0; arg_idx < argv.length; arg_idx++) {
    const arg = argv[arg_idx];
    if (arg === '--threads') args.threads = Number(argv[++arg_idx]);
    else if (arg === '--db') args.db = argv[++arg_idx];
    else if (!args.dir) args.dir = arg;
    else throw new Error(`unexpected argument: ${arg}`);
  }
  if (!args.dir) throw new Error('usage: node bench/duckdb_load.mjs DATASET_DIR [--threads N] [--db PATH]');
  return args;
}

// A SQL string literal: DuckDB file names cannot be bound as parameters in read_csv.
const quote = (text) => `'${text.replaceAll("'", "''")}'`;

function removeDatabase(dbPath) {
  for (const suffix of ['', '.wal']) fs.rmSync(dbPath + suffix, { force: true });
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const files = fs.readdirSync(args.dir).filter((name) => name.endsWith('.csv')).sort();
  if (files.length === 0) throw new Error(`no .csv files in ${args.dir}`);
  const dbPath = args.db || path.join(os.tmpdir(), `sunlight-duckdb-peer-${process.pid}.duckdb`);
  removeDatabase(dbPath);

  const notes = [];
  const tables = [];
  const started = process.hrtime.bigint();
  const instance = await DuckDBInstance.create(dbPath, { threads: String(args.threads) });
  const conn = await instance.connect();
  for (const file of files) {
    const table = path.basename(file, '.csv');
    const source = quote(path.join(args.dir, file));
    const load = async (extra) => {
      await conn.run(`DROP TABLE IF EXISTS "${table}"`);
      await conn.run(
        `CREATE TABLE "${table}" AS SELECT * FROM read_csv(${source}, header = true${extra})`);
    };
    try {
      await load('');
    } catch (error) {
      notes.push(`${file}: sniffed types failed (${String(error.message).split('\n')[0]}); ` +
                 're-read with sample_size = -1');
      await load(', sample_size = -1');
    }
    const reader = await conn.runAndReadAll(`SELECT COUNT(*) FROM "${table}"`);
    tables.push({ table, rows: Number(reader.getRows()[0][0]) });
  }
  await conn.run('CHECKPOINT');
  conn.closeSync();
  instance.closeSync();
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;

  const versionInstance = await DuckDBInstance.create(':memory:');
  const versionConn = await versionInstance.connect();
  const version = (await versionConn.runAndReadAll('SELECT version()')).getRows()[0][0];
  versionConn.closeSync();
  versionInstance.closeSync();

  const bytes = fs.statSync(dbPath).size;
  removeDatabase(dbPath);
  const rows = tables.reduce((sum, entry) => sum + entry.rows, 0);
  console.log(JSON.stringify({
    ok: true,
    seconds,
    rows,
    rows_per_s: rows / seconds,
    database_bytes: bytes,
    tables,
    max_rss_kb: process.resourceUsage().maxRSS,
    threads: args.threads,
    duckdb_version: version,
    notes,
  }));
}

main().catch((error) => {
  console.log(JSON.stringify({ ok: false, error: String(error && error.message || error) }));
  process.exit(1);
});
