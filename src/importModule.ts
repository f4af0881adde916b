import { pathToFileURL } from 'node:url';

/** tsx's loader, registered once by a compiled process that meets a TypeScript module. */
let typescriptLoader: Promise<void> | undefined;

/**
 * Imports a researcher's own module (an experiment file, a protocol module) by path. A
 * TypeScript module needs a loader: under tsx (the sources, the tests) it is there already;
 * compiled code (dist/, `npm run build`) registers tsx's loader before its first `.ts`
 * module, so plain JavaScript start-up stays free of the loader when no TypeScript module
 * is used.
 *
 * @param path an absolute path
 * @returns the module's namespace
 * @example
 * const { default: experiment } = await importModule('/abs/experiments/winset-size.ts');
 */
export async function importModule(path: string): Promise<Record<string, unknown>> {
  if (import.meta.url.endsWith('.js') && /\.[cm]?tsx?$/.test(path)) {
    typescriptLoader ??= import('tsx/esm/api').then(({ register }) => {
      register();
    });
    await typescriptLoader;
  }
  return (await import(pathToFileURL(path).href)) as Record<string, unknown>;
}
