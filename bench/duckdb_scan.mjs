// The peer of bench/scan_bench: DuckDB (npm @duckdb/node-api) running the reference SQL of
// every implemented rule over the ledger tables, loaded from the same CSV files.
//
//   node bench/duckdb_scan.mjs DATASET_DIR --spec SPEC.json [--threads 2]
//
// SPEC.json is written by scan_bench from the C++ tables, so the peer runs exactly what the
// engine runs:
//   {"tables": [{"name": "payments", "columns": [{"name": "amount", "type": "money"}, …]}],
//    "name_norm": [{"table": "members", "column": "name_norm", "source": "name"}, …],
//    "name_map": "/path/names.csv",   // raw name → normalised name, where they differ
//    "rules": [{"code": "A07", "sql": "…", "args": [{"type": "double", "value": 0}, …]}]}
//
// Load (timed, reported separately, not part of the scan): an in-memory database; each CSV is
// read as text (all_varchar) and converted to the store's column types the way the importer
// stores cells (interchange_schema.h): text trimmed, '' → NULL; money yuan → BIGINT fen;
// booleans → 1/0; integers BIGINT; decimals DOUBLE. The normalised-name columns (migration 4,
// written by the importer with OpenCC's Traditional→Simplified, which DuckDB lacks) come from
// name_map, which scan_bench derives from the distinct names with the same function.
// Scan (timed per rule): prepare, bind the rule's arguments (`?` in sql_args order, as the
// engine binds them: as_of as VARCHAR, parameters as DOUBLE), run, read every row; warnings
// are the distinct subject_ids (first column), as the engine groups them.
// Prints one JSON object on stdout: {"ok", "load_seconds", "scan_seconds", "rules": [{"code",
// "seconds", "rows", "warnings"} or {"code", "error"}], "max_rss_kb", "threads",
// "duckdb_version"}. Exit code 1 on a failure outside a rule (with "error").
import { DuckDBInstance } from '@duckdb/node-api';
import fs from 'node:fs';
import path from 'node:path';

function parseArgs(argv) {
  const args = { dir: '', spec: '', threads: 2 };
  for (let arg_idx = 0; arg_idx < argv.length; arg_idx++) {
    const arg = argv[arg_idx];
    if (arg === '--threads') args.threads = Number(argv[++arg_idx]);
    else if (arg === '--spec') args.spec = argv[++arg_idx];
    else if (!args.dir) args.dir = arg;
    else throw new Error(`unexpected argument: ${arg}`);
  }
  if (!args.dir || !args.spec) {
    throw new Error('usage: node bench/duckdb_scan.mjs DATASET_DIR --spec SPEC.json [--threads N]');
  }
  return args;
}

// SQL literals: file names cannot be bound as parameters in read_csv.
const quote = (text) => `'${text.replaceAll("'", "''")}'`;
const ident = (name) => `"${name.replaceAll('"', '""')}"`;

// core/text.h TrimSpace: ASCII whitespace, U+3000 and U+00A0 at either end.
const trimmed = (col) => `regexp_replace(${col}, '^[ \\t\\n\\r\\f\\v\\x{3000}\\x{00A0}]+|[ \\t\\n\\r\\f\\v\\x{3000}\\x{00A0}]+$', '', 'g')`;
const text = (col) => `NULLIF(${trimmed(col)}, '')`;

// One column of the CSV (all text) as the importer stores it.
function convert(column) {
  const col = ident(column.name);
  const value = text(col);
  switch (column.type) {
    case 'money':  // yuan with at most 2 decimals, thousands separators and ¥ allowed
      return `CAST(round(CAST(regexp_replace(${value}, '[,￥¥]', '', 'g') AS DECIMAL(20,2)) * 100) AS BIGINT)`;
    case 'bool':
      return `CASE WHEN lower(${value}) IN ('true', '1', '是') THEN 1 ` +
             `WHEN lower(${value}) IN ('false', '0', '否') THEN 0 END`;
    case 'int':
      return `CAST(${value} AS BIGINT)`;
    case 'decimal':
      return `CAST(${value} AS DOUBLE)`;
    case 'bank_account':
      return `NULLIF(replace(${value}, ' ', ''), '')`;
    case 'id_number':
      return `upper(${value})`;
    default:
      return value;
  }
}

async function load(conn, dir, spec) {
  const tables = [];
  for (const table of spec.tables) {
    const file = path.join(dir, `${table.name}.csv`);
    if (!fs.existsSync(file)) continue;
    const columns = table.columns.map((c) => `${convert(c)} AS ${ident(c.name)}`);
    await conn.run(
      `CREATE TABLE ${ident(table.name)} AS SELECT ${columns.join(', ')} FROM read_csv(` +
      `${quote(file)}, header = true, all_varchar = true)`);
    const reader = await conn.runAndReadAll(`SELECT COUNT(*) FROM ${ident(table.name)}`);
    tables.push({ table: table.name, rows: Number(reader.getRows()[0][0]) });
  }
  if (spec.name_map) {
    await conn.run(
      `CREATE TABLE name_map AS SELECT raw, norm FROM read_csv(${quote(spec.name_map)}, ` +
      `header = true, all_varchar = true)`);
  }
  for (const derived of spec.name_norm || []) {
    const t = ident(derived.table);
    const c = ident(derived.column);
    await conn.run(`ALTER TABLE ${t} ADD COLUMN ${c} VARCHAR`);
    // Names that normalisation changes come from the map; the rest are already normal.
    await conn.run(`UPDATE ${t} SET ${c} = ${ident(derived.source)}`);
    if (spec.name_map) {
      await conn.run(`UPDATE ${t} SET ${c} = name_map.norm FROM name_map ` +
                     `WHERE name_map.raw = ${t}.${ident(derived.source)}`);
    }
  }
  return tables;
}

async function runRule(conn, rule) {
  const started = process.hrtime.bigint();
  const prepared = await conn.prepare(rule.sql);
  rule.args.forEach((arg, arg_idx) => {
    if (arg.type === 'double') prepared.bindDouble(arg_idx + 1, arg.value);
    else prepared.bindVarchar(arg_idx + 1, String(arg.value));
  });
  const reader = await prepared.runAndReadAll();
  const rows = reader.getRows();
  const subjects = new Set();
  for (const row of rows) subjects.add(String(row[0]));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { code: rule.code, seconds, rows: rows.length, warnings: subjects.size };
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const spec = JSON.parse(fs.readFileSync(args.spec, 'utf8'));
  const instance = await DuckDBInstance.create(':memory:', { threads: String(args.threads) });
  const conn = await instance.connect();
  // The reference SQL is portable SQL in which `/` on integers truncates (SQLite, PostgreSQL:
  // the Luhn check, SUNLIGHT_SQL_DAY's day numbers). DuckDB's `/` divides as floating point
  // unless told otherwise; without this the peer computes other answers, not the same ones.
  await conn.run('SET integer_division = true');
  const version = (await conn.runAndReadAll('SELECT version()')).getRows()[0][0];

  const loadStarted = process.hrtime.bigint();
  const tables = await load(conn, args.dir, spec);
  const loadSeconds = Number(process.hrtime.bigint() - loadStarted) / 1e9;
  const loadRss = process.resourceUsage().maxRSS;

  const rules = [];
  let scanSeconds = 0;
  for (const rule of spec.rules) {
    try {
      const result = await runRule(conn, rule);
      scanSeconds += result.seconds;
      rules.push(result);
    } catch (error) {
      rules.push({ code: rule.code, error: String(error && error.message || error).split('\n')[0] });
    }
  }
  conn.closeSync();
  instance.closeSync();
  console.log(JSON.stringify({
    ok: true,
    load_seconds: loadSeconds,
    scan_seconds: scanSeconds,
    tables,
    rules,
    max_rss_kb_after_load: loadRss,
    max_rss_kb: process.resourceUsage().maxRSS,
    threads: args.threads,
    duckdb_version: version,
  }));
}

main().catch((error) => {
  console.log(JSON.stringify({ ok: false, error: String(error && error.message || error) }));
  process.exit(1);
});
