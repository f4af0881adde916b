/**
 * Types for flechette 2.6.0's IPC encoder module, which its package ships as source without a
 * declaration beside it (its declarations are under dist/types/).
 */
declare module '@uwdata/flechette/src/encode/encode-ipc.js' {
  export { encodeIPC } from '@uwdata/flechette/dist/types/encode/encode-ipc.js';
}
