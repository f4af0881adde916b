import { register as registerHooks } from 'node:module';
import { pathToFileURL } from 'node:url';
import { UserError } from './errors.ts';

/** A module that failed to load; `reason` says why (not found, a syntax error, what it threw). */
export class ModuleLoadError extends UserError {
  override name = 'ModuleLoadError';
  constructor(
    message: string,
    readonly reason: string,
  ) {
    super(message);
  }
}

/** tsx's loader with the typescript-as-esm hook after it, registered once by compiled code. */
let typescriptLoader: Promise<void> | undefined;

/**
 * Compiled code (dist/, as an installed package runs): registers tsx's loader for the whole
 * process, then bin/typescript-as-esm.js after it, so that a TypeScript file outside
 * node_modules is an ES module wherever it is. Through `tsImport` a `.ts` experiment in a
 * folder without `"type": "module"` (an `npm install` folder, or none) is compiled to
 * CommonJS, and its `import ... from 'twolevel'` then fails on the top-level await of a
 * dependency (vega-canvas). Compiled files sit one folder below dist/, so bin/ is two up.
 */
function typescriptAsModules(): Promise<void> {
  typescriptLoader ??= import('tsx/esm/api').then(({ register }) => {
    register();
    registerHooks(new URL('../../bin/typescript-as-esm.js', import.meta.url));
  });
  return typescriptLoader;
}

/**
 * Imports a researcher's own module (an experiment file, a protocol module) by path and
 * returns its default export. A TypeScript module goes through tsx's `tsImport`, whatever
 * the `type` of the package around it (outside a `"type": "module"` package tsx compiles it
 * to CommonJS, and its `export default` arrives as the `default` of the CommonJS exports,
 * unwrapped here); tsx is loaded only then, so compiled JavaScript (dist/) starts without
 * it. A JavaScript module is imported as it is.
 *
 * @param path an absolute path
 * @param what what the module is, for messages ("experiment", "protocol module")
 * @param label how to name the file in messages
 * @returns the module's default export (undefined when it has none)
 * @throws ModuleLoadError when the module is missing, has a syntax error or throws while it loads
 * @example
 * const experiment = await importDefault('/abs/experiments/winset-size.ts', 'experiment');
 */
export async function importDefault(path: string, what: string, label = path): Promise<unknown> {
  let module: { default?: unknown };
  try {
    if (/\.[cm]?tsx?$/.test(path) && import.meta.url.endsWith('.js')) {
      await typescriptAsModules();
      module = (await import(pathToFileURL(path).href)) as { default?: unknown };
    } else if (/\.[cm]?tsx?$/.test(path)) {
      const { tsImport } = await import('tsx/esm/api');
      module = (await tsImport(path, import.meta.url)) as { default?: unknown };
    } else module = (await import(pathToFileURL(path).href)) as { default?: unknown };
  } catch (error) {
    const message = error instanceof Error ? error.message : `it threw ${String(error)}`;
    const tla = /Top-level await is currently not supported/.test(message)
      ? ` (top-level await needs an ES module: put the file under a package.json with "type": "module", or name it .mts)`
      : '';
    const reason = `${message.split('\n').slice(0, 3).join(' ')}${tla}`;
    throw new ModuleLoadError(`${label}: the ${what} failed to load: ${reason}`, reason);
  }
  const exported = module.default as { __esModule?: boolean; default?: unknown } | undefined;
  return exported?.__esModule === true ? exported.default : exported;
}
