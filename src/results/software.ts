import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The toolkit that wrote a results folder. */
export interface Software {
  package: { name: string; version: string };
  node: string;
  dependencies: Record<string, string>;
  git: string | null;
}

/** The package's root: the nearest folder above this file with a package.json (src/ or dist/). */
function packageRoot(): string {
  let folder = new URL('./', import.meta.url);
  while (!existsSync(new URL('package.json', folder)) && folder.pathname !== '/') {
    folder = new URL('../', folder);
  }
  return fileURLToPath(folder);
}

const root = packageRoot();

function readJson(file: string): Record<string, unknown> | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}

/**
 * The package, Node and dependency versions and the git commit of the toolkit, when known
 * (read from its package.json, node_modules and `git rev-parse HEAD`).
 */
export function softwareVersions(): Software {
  const pkg = readJson(join(root, 'package.json')) ?? {};
  const dependencies: Record<string, string> = {};
  for (const name of Object.keys((pkg.dependencies as Record<string, string>) ?? {}).sort()) {
    const version = readJson(join(root, 'node_modules', name, 'package.json'))?.version;
    dependencies[name] = typeof version === 'string' ? version : 'unknown';
  }
  let git: string | null = null;
  if (existsSync(join(root, '.git'))) {
    try {
      git = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: root, stdio: 'pipe' })
        .toString()
        .trim();
    } catch {
      git = null;
    }
  }
  return {
    package: { name: String(pkg.name ?? 'twolevel'), version: String(pkg.version ?? '0.0.0') },
    node: process.version,
    dependencies,
    git,
  };
}
