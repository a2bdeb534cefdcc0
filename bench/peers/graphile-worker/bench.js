'use strict';
// graphile-worker running Intake's 7-step chain: each interview is a chain of jobs
// upload -> transcribe -> evidence -> insights -> personas -> answers -> finalize, where each task
// only enqueues the next one (helpers.addJob) and finalize marks the interview's row 'ready'. So
// the work per step is what a workflow engine itself costs: fetch a job, run it, record the next
// step, complete the job.
//
//   node bench.js N C      N interviews, worker concurrency C; BENCH_PG_URL (or DATABASE_URL)
//                          names the database. graphile.sh sets all of this up.
//
// Timed window: from the statement that enqueues the N first jobs until the N-th interview is
// 'ready'. Outside it: the schema migration, the interviews rows, starting the worker and waiting
// until its LISTEN connection is up (else the first jobs would wait for a poll, which measures
// pollInterval rather than the engine).
//
// Environment: GRAPHILE_POLL_INTERVAL_MS (default 2000, the library's default; new jobs arrive
// by LISTEN/NOTIFY, polling only catches what a notification missed), GRAPHILE_TIMEOUT_S
// (default 600; a run that has not finished by then fails).

const fs = require('node:fs');
const path = require('node:path');
const { performance } = require('node:perf_hooks');
const { EventEmitter } = require('node:events');
const { Pool } = require('pg');
const { run, runMigrations, Logger } = require('graphile-worker');

// Newer graphile-worker versions have an "exports" map without ./package.json, so find the
// file from the resolved entry point instead of require('graphile-worker/package.json').
function packageVersion(name) {
  for (let dir = path.dirname(require.resolve(name)); dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const file = path.join(dir, 'package.json');
    if (fs.existsSync(file)) {
      const pkg = JSON.parse(fs.readFileSync(file, 'utf8'));
      if (pkg.name === name) return pkg.version;
    }
  }
  return 'unknown';
}
const workerVersion = packageVersion('graphile-worker');

const STEPS = ['upload', 'transcribe', 'evidence', 'insights', 'personas', 'answers', 'finalize'];

function positiveInt(text, name) {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) {
    console.error(`usage: node bench.js N C (positive integers); ${name} was '${text ?? ''}'`);
    process.exit(2);
  }
  return value;
}

// The library logs every completed job at info level; thousands of lines per run would cost
// more than the jobs themselves, so only warnings and errors get through.
const logger = new Logger(() => (level, message) => {
  if (level === 'error' || level === 'warning') console.error(`graphile-worker ${level}: ${message}`);
});

async function main() {
  const n = positiveInt(process.argv[2], 'N');
  const concurrency = positiveInt(process.argv[3], 'C');
  const connectionString = process.env.BENCH_PG_URL || process.env.DATABASE_URL;
  if (!connectionString) throw new Error('set BENCH_PG_URL (bench/peers/postgres.sh prints it)');
  const pollInterval = positiveInt(process.env.GRAPHILE_POLL_INTERVAL_MS ?? '2000', 'GRAPHILE_POLL_INTERVAL_MS');
  const timeoutMs = 1000 * positiveInt(process.env.GRAPHILE_TIMEOUT_S ?? '600', 'GRAPHILE_TIMEOUT_S');

  // Per running job the library holds one connection for fetching/completing and the task one
  // for its addJob; plus the LISTEN connection. Sized so that waiting for the pool never limits C.
  const pool = new Pool({ connectionString, max: 2 * concurrency + 2 });
  // 0.18 checks that a pool handles errors on its clients too, and warns on every connect if not.
  pool.on('error', (err) => console.error(`idle pg client error: ${err.message}`));
  pool.on('connect', (client) => client.on('error', (err) => console.error(`pg client error: ${err.message}`)));

  // ---- setup (untimed): a fresh schema each run, so leftovers of an aborted run cannot count.
  await pool.query('DROP SCHEMA IF EXISTS graphile_worker CASCADE');
  await runMigrations({ pgPool: pool, logger });
  // Schema peers: the database may also hold Intake's own interviews table (bench/run shares it).
  await pool.query('CREATE SCHEMA IF NOT EXISTS peers');
  await pool.query('DROP TABLE IF EXISTS peers.interviews');
  await pool.query('CREATE TABLE peers.interviews (id bigint PRIMARY KEY, status text NOT NULL)');
  await pool.query("INSERT INTO peers.interviews SELECT g, 'processing' FROM generate_series(1, $1::int) g", [n]);
  await pool.query('VACUUM ANALYZE peers.interviews');
  await pool.query('CHECKPOINT');
  const durability = (await pool.query("SELECT current_setting('fsync') AS fsync, current_setting('synchronous_commit') AS sc")).rows[0];

  let ready = 0;
  let jobsSucceeded = 0;
  let finish;
  let fail;
  const allReady = new Promise((resolve, reject) => {
    finish = resolve;
    fail = reject;
  });

  const taskList = {};
  STEPS.slice(0, -1).forEach((step, i) => {
    const next = STEPS[i + 1];
    taskList[step] = async (payload, helpers) => {
      await helpers.addJob(next, payload);
    };
  });
  taskList.finalize = async (payload, helpers) => {
    const { rowCount } = await helpers.query(
      "UPDATE peers.interviews SET status = 'ready' WHERE id = $1 AND status = 'processing'",
      [payload.interview],
    );
    if (rowCount !== 1) throw new Error(`interview ${payload.interview} was not 'processing'`);
    // The UPDATE ran outside a transaction, so it is committed by now.
    ready += 1;
    if (ready === n) finish(performance.now());
  };

  const events = new EventEmitter();
  events.on('job:success', () => {
    jobsSucceeded += 1;
  });
  // A retry would run a step twice and wait out the library's backoff: not a fair number.
  events.on('job:error', ({ job, error }) => fail(new Error(`job ${job.task_identifier} failed: ${error?.message ?? error}`)));
  let listenTimer;
  const listening = new Promise((resolve, reject) => {
    events.once('pool:listen:success', resolve);
    listenTimer = setTimeout(() => reject(new Error('the worker did not LISTEN within 30s')), 30000);
  }).finally(() => clearTimeout(listenTimer));

  const runner = await run({
    pgPool: pool,
    concurrency,
    pollInterval,
    taskList,
    logger,
    events,
    noHandleSignals: false,
  });
  await listening;

  // ---- timed window. One statement enqueues all first jobs (one transaction, one NOTIFY per
  // job), as a system that accepts a batch of uploads would; N separate round trips would add
  // N commits to the window that are the client's cost, not the engine's.
  const t0 = performance.now();
  const timer = setTimeout(() => fail(new Error(`not all ${n} interviews ready after ${timeoutMs / 1000}s (${ready} were)`)), timeoutMs);
  await pool.query(
    "SELECT count(graphile_worker.add_job('upload', json_build_object('interview', g))) FROM generate_series(1, $1::int) g",
    [n],
  );
  let t1;
  try {
    t1 = await allReady;
  } finally {
    clearTimeout(timer);
    // ---- after the window: stop the worker (it finishes the jobs in flight) and check.
    await runner.stop();
  }

  const wallS = (t1 - t0) / 1000;
  // 0.18's stop() can return before the last job's completion is committed; give it a moment.
  let rows;
  for (let tries = 0; tries < 50; tries += 1) {
    ({ rows } = await pool.query(
      "SELECT (SELECT count(*) FROM peers.interviews WHERE status = 'ready')::int AS ready, (SELECT count(*) FROM graphile_worker.jobs)::int AS left",
    ));
    if (rows[0].left === 0) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await pool.end();
  if (rows[0].ready !== n) throw new Error(`${rows[0].ready} of ${n} interviews ready in the database`);
  if (rows[0].left !== 0 || jobsSucceeded !== STEPS.length * n) {
    throw new Error(`${jobsSucceeded} of ${STEPS.length * n} jobs completed, ${rows[0].left} left in the queue`);
  }

  const fixed = (x) => x.toFixed(1);
  console.log(`graphile_version=${workerVersion}`);
  console.log(`graphile_node=${process.version}`);
  console.log(`graphile_interviews=${n}`);
  console.log(`graphile_concurrency=${concurrency}`);
  console.log(`graphile_poll_interval_ms=${pollInterval}`);
  console.log(`graphile_fsync=${durability.fsync}`);
  console.log(`graphile_synchronous_commit=${durability.sc}`);
  console.log(`graphile_wall_s=${wallS.toFixed(3)}`);
  console.log(`graphile_chains_per_s=${fixed(n / wallS)}`);
  console.log(`graphile_jobs_per_s=${fixed((STEPS.length * n) / wallS)}`);
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err?.stack ?? String(err));
    process.exit(1);
  },
);
