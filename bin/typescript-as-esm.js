// Module resolution hook, registered after tsx's: a TypeScript file outside node_modules is
// an ES module whatever the nearest package.json says. An experiment written in a folder
// with no package.json, or one without "type": "module" (as `npm install` writes), would
// otherwise be compiled to CommonJS, whose require() of the toolkit's ES modules fails.
// `.cts` files stay CommonJS.

/** @type {import('node:module').ResolveHook} */
export async function resolve(specifier, context, nextResolve) {
  const resolved = await nextResolve(specifier, context);
  const { pathname, protocol } = new URL(resolved.url);
  if (
    resolved.format === 'commonjs' &&
    protocol === 'file:' &&
    /\.(ts|tsx|mts)$/.test(pathname) &&
    !pathname.includes('/node_modules/')
  ) {
    return { ...resolved, format: 'module' };
  }
  return resolved;
}
