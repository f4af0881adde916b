/**
 * A one-node SLURM cluster for tests, started and stopped by the test itself: munged with a
 * fresh key, slurmctld and slurmd in the foreground (`-D`), all state, sockets and logs in a
 * temporary folder, on two free ports, for machines without systemd or cgroups
 * (proctrack/linuxproc, task/none, select/cons_tres); the schedulers look at the queue every
 * second (not every 30-60 s), so a job waiting for CPUs or a dependency starts promptly.
 * Clients reach it through `SLURM_CONF`.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { availableParallelism, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';

/** Programs the cluster needs (Debian: munge, slurmctld, slurmd, slurm-client). */
const PROGRAMS = [
  'mungekey',
  'munged',
  'slurmctld',
  'slurmd',
  'sbatch',
  'squeue',
  'scontrol',
  'scancel',
  'sinfo',
];

/** Why a cluster cannot be started here, or undefined when it can. */
export function clusterUnavailable(): string | undefined {
  const missing = PROGRAMS.filter(
    (p) => spawnSync('sh', ['-c', `command -v ${p}`], { stdio: 'ignore' }).status !== 0,
  );
  if (missing.length > 0) return `${missing.join(', ')} not found`;
  if (process.getuid?.() !== 0) return 'munged and slurmd must run as root here';
  return undefined;
}

/** A port no one listens on now. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Waits until `ready()` holds, polling every `every` ms, for at most `seconds`. */
export async function waitFor(what: string, ready: () => boolean, seconds: number, every = 250) {
  const end = Date.now() + seconds * 1000;
  while (!ready()) {
    if (Date.now() > end) throw new Error(`timed out after ${seconds} s waiting for ${what}`);
    await new Promise((r) => setTimeout(r, every));
  }
}

/** A running cluster. */
export interface Cluster {
  dir: string;
  /** The environment for SLURM clients and `twolevel` (with `SLURM_CONF`). */
  env: NodeJS.ProcessEnv;
  /** Runs a SLURM client and returns its standard output (throws on failure). */
  run(program: string, args: string[]): string;
  /** Every daemon's log, for a failure message. */
  logs(): string;
  stop(): Promise<void>;
}

function daemon(
  dir: string,
  name: string,
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
) {
  const log = openSync(join(dir, `${name}.out`), 'a');
  return spawn(command, args, { env, stdio: ['ignore', log, log] });
}

/** Sends SIGTERM, then SIGKILL after 10 s, and waits for the process to exit. */
async function end(child: ChildProcess) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

/** Starts munged, slurmctld and slurmd and waits (at most 30 s) until the node is idle. */
export async function startCluster(): Promise<Cluster> {
  // munged refuses a key or socket in a folder others may write to.
  const dir = mkdtempSync(join(tmpdir(), 'twolevel-slurm-cluster-'));
  chmodSync(dir, 0o755);
  const env = { ...process.env, SLURM_CONF: join(dir, 'slurm.conf') };
  const daemons: ChildProcess[] = [];
  const run = (program: string, args: string[]) => {
    const out = spawnSync(program, args, { env, encoding: 'utf8', timeout: 30_000 });
    if (out.status !== 0) {
      throw new Error(`${program} ${args.join(' ')} failed: ${out.stderr || out.error?.message}`);
    }
    return out.stdout;
  };
  const logs = () =>
    ['munged.out', 'slurmctld.out', 'slurmd.out', 'slurmctld.log', 'slurmd.log']
      .filter((f) => existsSync(join(dir, f)))
      .map((f) => `--- ${f}\n${readFileSync(join(dir, f), 'utf8').slice(-4000)}`)
      .join('\n');
  const stop = async () => {
    // Jobs first (their processes belong to slurmstepd, not to the daemons), then the daemons.
    if (daemons.length === 3 && daemons.every((d) => d.exitCode === null)) {
      try {
        run('scancel', ['--me']);
        await waitFor('the queue to empty', () => run('squeue', ['-h']).trim() === '', 30);
      } catch {
        // The daemons are ended below whatever the queue says.
      }
    }
    for (const d of daemons.reverse()) await end(d);
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    run('mungekey', ['-c', '-k', join(dir, 'munge.key')]);
    const socket = join(dir, 'munge.sock');
    daemons.push(
      daemon(
        dir,
        'munged',
        'munged',
        [
          '-F',
          `--key-file=${join(dir, 'munge.key')}`,
          `--socket=${socket}`,
          `--pid-file=${join(dir, 'munged.pid')}`,
          `--seed-file=${join(dir, 'munged.seed')}`,
        ],
        env,
      ),
    );
    await waitFor('munged', () => existsSync(socket), 15);
    const [ctldPort, dPort] = [await freePort(), await freePort()];
    // Memory in MiB a job may ask for with --mem (9/10 of the machine's: slurmd drains a node
    // that has less than its RealMemory).
    const memory = Math.floor((0.9 * totalmem()) / 2 ** 20);
    writeFileSync(
      env.SLURM_CONF,
      `ClusterName=twolevel-test
SlurmctldHost=localhost
SlurmUser=root
SlurmdUser=root
SlurmctldPort=${ctldPort}
SlurmdPort=${dPort}
AuthType=auth/munge
AuthInfo=socket=${socket}
CredType=cred/munge
StateSaveLocation=${join(dir, 'state')}
SlurmdSpoolDir=${join(dir, 'spool')}
SlurmctldPidFile=${join(dir, 'slurmctld.pid')}
SlurmdPidFile=${join(dir, 'slurmd.pid')}
SlurmctldLogFile=${join(dir, 'slurmctld.log')}
SlurmdLogFile=${join(dir, 'slurmd.log')}
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
SchedulerType=sched/backfill
SchedulerParameters=sched_interval=1,bf_interval=1
MpiDefault=none
ReturnToService=2
NodeName=localhost NodeAddr=127.0.0.1 CPUs=${availableParallelism()} RealMemory=${memory} State=UNKNOWN
PartitionName=test Nodes=localhost Default=YES MaxTime=INFINITE State=UP
`,
    );
    daemons.push(daemon(dir, 'slurmctld', 'slurmctld', ['-D', '-c'], env));
    daemons.push(daemon(dir, 'slurmd', 'slurmd', ['-D', '-N', 'localhost'], env));
    await waitFor(
      'the node to be idle',
      () => {
        const out = spawnSync('sinfo', ['-h', '-n', 'localhost', '-o', '%t'], {
          env,
          encoding: 'utf8',
        });
        return out.stdout?.trim() === 'idle';
      },
      30,
      500,
    );
  } catch (error) {
    const message = `${(error as Error).message}\n${logs()}`;
    await stop();
    throw new Error(message);
  }
  return { dir, env, run, logs, stop };
}
