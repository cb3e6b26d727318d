// Runs a composite action's steps on this machine the way a GitHub runner does, for the action's tests
// (.github/actions/mi-scan/test-action.sh):
//
//   node .ci/run-action.mjs CONFIG.json
//
// CONFIG: { "action": dir of action.yml, "inputs": {name: value}, "workspace": dir,
//           "github": {event_name, repository, action_ref, ...}, "cache": dir (the fake cache service),
//           "uploads": file (upload-sarif calls, one JSON line each), "result": file (written at the end) }
//
// As the runner does: inputs get their defaults; each step's `if` is evaluated (with an implicit success() unless
// it calls a status function), `${{ }}` is replaced in `run`, `env` and `with`; a `run` step runs in the workspace
// with `bash --noprofile --norc -eo pipefail`, GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files of its own (the summary
// is then appended to the job's, the GITHUB_STEP_SUMMARY this process was given), GITHUB_ACTION_PATH and the
// GITHUB_* / RUNNER_* variables; a failed step skips the steps after it that do not ask for failure() or always().
// The actions it uses are stand-ins: actions/setup-java (checks that java runs), actions/cache/restore and
// actions/cache/save (a folder per key under CONFIG.cache), github/codeql-action/upload-sarif (records the call).
// Step output (stdout and stderr, as the log shows them) is printed as it comes. Exit code: 0 when every step
// succeeded, 1 when one failed, 2 when the action or CONFIG cannot be run.
import { execFileSync, spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';

const require = createRequire(join(process.env.MI_SCAN_CI_NODE_MODULES ?? '.', 'x.js'));
const YAML = require('yaml');

const config = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const actionPath = resolve(config.action);
const action = YAML.parse(readFileSync(join(actionPath, 'action.yml'), 'utf8'));
if (action.runs?.using !== 'composite') die('only composite actions run here');
const workspace = resolve(config.workspace);
const runnerTemp = process.env.RUNNER_TEMP ?? die('RUNNER_TEMP is not set');
mkdirSync(runnerTemp, { recursive: true });
const jobSummary = process.env.GITHUB_STEP_SUMMARY;

const inputs = {};
for (const [name, spec] of Object.entries(action.inputs ?? {})) inputs[name] = String(spec?.default ?? '');
for (const [name, value] of Object.entries(config.inputs ?? {})) {
  if (!(name in inputs)) die(`unknown input ${name}`);
  inputs[name] = String(value);
}
const github = {
  action_path: actionPath, action_ref: '', workspace, event_name: 'push', repository: 'octo/app',
  server_url: 'https://github.com', ...(config.github ?? {}),
};
const context = {
  inputs, github, steps: {}, env: {},
  runner: { temp: runnerTemp, os: 'Linux', tool_cache: process.env.RUNNER_TOOL_CACHE ?? '' },
};

let failed = false;
const stepsRun = [];
let counter = 0;
for (const step of action.runs.steps) {
  const name = step.name ?? step.uses ?? `step ${counter + 1}`;
  counter++;
  const id = step.id ?? `__step${counter}`;
  const condition = step.if === undefined ? 'success()' : String(step.if).replace(/^\$\{\{([\s\S]*)\}\}$/, '$1');
  const usesStatus = /\b(success|failure|always|cancelled)\s*\(/.test(condition);
  const run = truthy(evaluate(usesStatus ? condition : `success() && (${condition})`));
  if (!run) {
    context.steps[id] = { outputs: {}, outcome: 'skipped', conclusion: 'skipped' };
    stepsRun.push({ name, id: step.id ?? null, outcome: 'skipped' });
    continue;
  }
  console.log(`##[group]${name}`);
  let outputs = {};
  let ok;
  try {
    ({ ok, outputs } = step.uses ? uses(step) : runScript(step, counter));
  } catch (e) {
    console.log(`##[error]${e.message}`);
    ok = false;
  }
  console.log('##[endgroup]');
  const outcome = ok ? 'success' : 'failure';
  context.steps[id] = { outputs, outcome, conclusion: outcome };
  stepsRun.push({ name, id: step.id ?? null, outcome, outputs });
  if (!ok) failed = true;
}

const outputs = {};
for (const [name, spec] of Object.entries(action.outputs ?? {})) outputs[name] = interpolate(String(spec.value ?? ''));
if (config.result) writeFileSync(config.result, JSON.stringify({ conclusion: failed ? 'failure' : 'success', steps: stepsRun, outputs }, null, 2));
process.exit(failed ? 1 : 0);

function die(message) {
  console.error(`run-action: ${message}`);
  process.exit(2);
}

function runScript(step, n) {
  if (step.shell !== 'bash') throw new Error(`shell ${step.shell} is not supported here`);
  const dir = join(runnerTemp, '_runner_file_commands');
  mkdirSync(dir, { recursive: true });
  const outputFile = join(dir, `set_output_${n}`);
  const summaryFile = join(dir, `step_summary_${n}`);
  const script = join(runnerTemp, `step_${n}.sh`);
  writeFileSync(outputFile, '');
  writeFileSync(summaryFile, '');
  writeFileSync(script, interpolate(String(step.run)));
  const env = {
    ...process.env,
    CI: 'true', GITHUB_ACTIONS: 'true', GITHUB_WORKSPACE: workspace, GITHUB_ACTION_PATH: actionPath,
    GITHUB_EVENT_NAME: github.event_name, GITHUB_REPOSITORY: github.repository, GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile, RUNNER_TEMP: runnerTemp, RUNNER_OS: 'Linux',
  };
  for (const [k, v] of Object.entries(step.env ?? {})) env[k] = interpolate(String(v));
  // stdout and stderr to this process's, as the log interleaves them
  const r = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', script], { cwd: workspace, env, stdio: 'inherit' });
  if (jobSummary) appendFileSync(jobSummary, readFileSync(summaryFile));
  if (r.status !== 0) console.log(`##[error]Process completed with exit code ${r.status}.`);
  return { ok: r.status === 0, outputs: parseOutputs(readFileSync(outputFile, 'utf8')) };
}

/** name=value lines and name<<DELIMITER blocks, as the runner reads GITHUB_OUTPUT. */
function parseOutputs(text) {
  const out = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (!line) continue;
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const value = [];
      for (i++; i < lines.length && lines[i] !== heredoc[2]; i++) value.push(lines[i]);
      out[heredoc[1]] = value.join('\n');
    } else {
      const eq = line.indexOf('=');
      if (eq < 0) throw new Error(`invalid GITHUB_OUTPUT line: ${line}`);
      out[line.slice(0, eq)] = line.slice(eq + 1);
    }
  }
  return out;
}

function uses(step) {
  const [ref] = String(step.uses).split('@');
  const w = Object.fromEntries(Object.entries(step.with ?? {}).map(([k, v]) => [k, interpolate(String(v))]));
  const store = (key) => join(config.cache ?? die('no fake cache dir'), key.replace(/[^A-Za-z0-9._-]/g, '_'));
  switch (ref) {
    case 'actions/setup-java':
      execFileSync('java', ['-version'], { stdio: 'ignore' });
      console.log(`(stand-in) setup-java ${w['java-version']}: java from PATH`);
      return { ok: true, outputs: {} };
    case 'actions/cache/restore': {
      const s = store(w.key);
      if (!existsSync(s)) {
        console.log(`Cache not found for input keys: ${w.key}`);
        // as actions/cache/restore@v4: no cache-hit output on a miss
        return { ok: true, outputs: { 'cache-primary-key': w.key } };
      }
      rmSync(w.path, { recursive: true, force: true });
      cpSync(s, w.path, { recursive: true });
      console.log(`Cache restored from key: ${w.key}`);
      return { ok: true, outputs: { 'cache-hit': 'true', 'cache-primary-key': w.key, 'cache-matched-key': w.key } };
    }
    case 'actions/cache/save': {
      const s = store(w.key);
      if (existsSync(s)) {
        console.log(`##[warning]Failed to save: Unable to reserve cache with key ${w.key}, another job may be creating this cache.`);
      } else if (!existsSync(w.path)) {
        console.log(`##[warning]Path Validation Error: Path(s) specified in the action for caching do(es) not exist, hence no cache is being saved.`);
      } else {
        cpSync(w.path, s, { recursive: true });
        console.log(`Cache saved with key: ${w.key}`);
      }
      return { ok: true, outputs: {} };
    }
    case 'github/codeql-action/upload-sarif': {
      const file = resolve(workspace, w.sarif_file ?? 'results');
      if (!existsSync(file)) throw new Error(`upload-sarif: no SARIF at ${file}`);
      if (config.uploads) appendFileSync(config.uploads, JSON.stringify({ sarif_file: file, category: w.category ?? '' }) + '\n');
      console.log(`(stand-in) upload-sarif ${w.sarif_file} category '${w.category ?? ''}'`);
      return { ok: true, outputs: {} };
    }
    default:
      throw new Error(`no stand-in for ${step.uses}`);
  }
}

// --- expressions: literals, context paths, ! && || == != < <= > >=, ( ), success() failure() always() cancelled()

function interpolate(text) {
  return text.replace(/\$\{\{([\s\S]*?)\}\}/g, (_, expr) => {
    const v = evaluate(expr);
    return v === null || v === undefined ? '' : String(v);
  });
}

function truthy(v) {
  return !(v === null || v === undefined || v === false || v === '' || v === 0 || Number.isNaN(v));
}

function evaluate(text) {
  const tokens = tokenize(text);
  let i = 0;
  const peek = () => tokens[i];
  const next = () => tokens[i++];
  const expect = (t) => {
    if (next() !== t) throw new Error(`expected ${t} in: ${text}`);
  };
  function or() {
    let v = and();
    while (peek() === '||') { next(); const r = and(); v = truthy(v) ? v : r; }
    return v;
  }
  function and() {
    let v = cmp();
    while (peek() === '&&') { next(); const r = cmp(); v = truthy(v) ? r : v; }
    return v;
  }
  function cmp() {
    let v = unary();
    while (['==', '!=', '<', '<=', '>', '>='].includes(peek())) {
      const op = next();
      v = compare(op, v, unary());
    }
    return v;
  }
  function unary() {
    if (peek() === '!') { next(); return !truthy(unary()); }
    return primary();
  }
  function primary() {
    const t = next();
    if (t === undefined) throw new Error(`unexpected end of: ${text}`);
    if (t === '(') { const v = or(); expect(')'); return v; }
    if (typeof t === 'object') return t.value;
    if (/^[A-Za-z_]/.test(t)) {
      if (peek() === '(') {
        next();
        expect(')');
        switch (t) {
          case 'success': return !failed;
          case 'failure': return failed;
          case 'always': return true;
          case 'cancelled': return false;
          default: throw new Error(`function ${t}() is not supported here`);
        }
      }
      if (t === 'true') return true;
      if (t === 'false') return false;
      if (t === 'null') return null;
      let v = context;
      for (const part of t.split('.')) v = v === null || v === undefined ? null : (v[part] ?? null);
      return v;
    }
    throw new Error(`unexpected ${t} in: ${text}`);
  }
  const v = or();
  if (i !== tokens.length) throw new Error(`unexpected ${tokens[i]} in: ${text}`);
  return v;
}

function compare(op, a, b) {
  let x = a;
  let y = b;
  if (typeof x === 'string' && typeof y === 'string') {
    x = x.toLowerCase();
    y = y.toLowerCase();
  } else if (typeof x !== typeof y) {
    x = toNumber(x);
    y = toNumber(y);
  }
  switch (op) {
    case '==': return x === y;
    case '!=': return x !== y;
    case '<': return x < y;
    case '<=': return x <= y;
    case '>': return x > y;
    default: return x >= y;
  }
}

function toNumber(v) {
  if (v === null || v === undefined) return 0;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'string') return v.trim() === '' ? 0 : Number(v);
  return Number(v);
}

function tokenize(text) {
  const tokens = [];
  const re = /\s*(?:(\|\||&&|==|!=|<=|>=|[()!<>])|'((?:[^']|'')*)'|(-?\d+(?:\.\d+)?)|([A-Za-z_][A-Za-z0-9_.-]*))/y;
  let m;
  re.lastIndex = 0;
  while (re.lastIndex < text.length && (m = re.exec(text))) {
    if (m[1]) tokens.push(m[1]);
    else if (m[2] !== undefined) tokens.push({ value: m[2].replace(/''/g, "'") });
    else if (m[3]) tokens.push({ value: Number(m[3]) });
    else if (m[4]) tokens.push(m[4]);
    if (/^\s*$/.test(text.slice(re.lastIndex))) break;
  }
  if (!/^\s*$/.test(text.slice(re.lastIndex))) throw new Error(`cannot read the expression: ${text}`);
  return tokens;
}
