// `npm run bench -- --compare <git-ref>`: this checkout against another commit,
// on the same generated data, runs interleaved (this, the other, this, …) so
// that a load arriving midway falls on both alike. The other commit is
// checked out aside as a git worktree (bench/out/compare-<commit>), given this
// checkout's node_modules when its lock file is the same (npm ci otherwise),
// and built with its own `npm run build`. CPU time (user + system, all threads)
// is the figure to read on a busy machine; wall time is printed beside it.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Runs a command to its end, or throws with what it printed. */
function run(command, args, cwd) {
  const r = spawnSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (r.status !== 0) throw new Error(`${command} ${args.join(' ')} failed in ${cwd}:\n${(r.stderr || r.stdout).slice(-2000)}`);
  return r.stdout.trim();
}

/** The other commit, checked out and built aside; reused when it is there already. */
export function prepareCheckout(root, outDir, ref) {
  const commit = run('git', ['rev-parse', '--verify', `${ref}^{commit}`], root);
  const dir = join(outDir, `compare-${commit.slice(0, 12)}`);
  if (!existsSync(join(dir, 'dist', 'cli', 'main.js'))) {
    if (existsSync(dir)) {
      spawnSync('git', ['worktree', 'remove', '--force', dir], { cwd: root });
      rmSync(dir, { recursive: true, force: true });
    }
    run('git', ['worktree', 'add', '--detach', dir, commit], root);
    const sameLock = readFileSync(join(root, 'package-lock.json'), 'utf8') === readFileSync(join(dir, 'package-lock.json'), 'utf8');
    if (sameLock) symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir');
    else run('npm', ['ci', '--no-audit', '--no-fund', '--ignore-scripts'], dir);
    run('npm', ['run', 'build'], dir);
  }
  return { commit, dir, bin: join(dir, 'bin', 'beianlint.js') };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/**
 * Lints `file` with both commits, `rounds` times each, alternating, and
 * returns the medians. `measure` is run.mjs's (CPU, wall, RSS, load).
 */
export async function compareOnFile({ file, here, there, rounds, extra, measure, options }) {
  const runs = { here: [], there: [] };
  for (let k = 0; k < rounds; k++) {
    // Who goes first alternates too: neither always meets a warm cache or a cold one.
    const order = k % 2 === 0 ? ['here', 'there'] : ['there', 'here'];
    for (const side of order) {
      const bin = side === 'here' ? here : there;
      const r = await measure([bin, '--format', 'json', '-o', '/dev/null', ...extra, file], options);
      if (r.status !== 0 && r.status !== 1) throw new Error(`${side} failed on ${file}: ${r.stderr.slice(-500)}`);
      runs[side].push(r);
    }
  }
  const summary = (rs) => ({ cpuSeconds: median(rs.map((r) => r.cpuSeconds)), seconds: median(rs.map((r) => r.seconds)), peakRssKb: median(rs.map((r) => r.peakRssKb)), loads: rs.map((r) => r.load) });
  return { here: summary(runs.here), there: summary(runs.there) };
}

/** The comparison as a table: each file's medians on both sides, and this checkout's CPU as a share of the other's. */
export function comparisonTable(rows, { ref, commit, root }) {
  const lines = [`this checkout against ${ref} (${commit.slice(0, 12)}), medians of interleaved runs; CPU = user + system, all threads`, ''];
  const head = ['batch', 'CPU here', `CPU ${ref}`, 'CPU here ÷ there', 'wall here', `wall ${ref}`, 'peak RSS here', `peak RSS ${ref}`, 'load (1 min) over the runs'];
  const body = rows.map(({ file, extra, here, there }) => {
    const loads = [...here.loads, ...there.loads].flatMap((l) => [l.before, l.after]);
    return [
      `${relative(root, file)} ${extra.join(' ')}`.trim(),
      `${here.cpuSeconds.toFixed(2)} s`,
      `${there.cpuSeconds.toFixed(2)} s`,
      `${(here.cpuSeconds / there.cpuSeconds).toFixed(3)}×`,
      `${here.seconds.toFixed(2)} s`,
      `${there.seconds.toFixed(2)} s`,
      `${(here.peakRssKb / 1024).toFixed(0)} MB`,
      `${(there.peakRssKb / 1024).toFixed(0)} MB`,
      `${Math.min(...loads).toFixed(2)}–${Math.max(...loads).toFixed(2)}`,
    ];
  });
  const all = [head, ...body];
  const widths = head.map((_, c) => Math.max(...all.map((r) => String(r[c]).length)));
  const fmt = (r) => r.map((v, c) => String(v).padEnd(widths[c])).join('  ');
  return [...lines, fmt(head), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(fmt)].join('\n') + '\n';
}
