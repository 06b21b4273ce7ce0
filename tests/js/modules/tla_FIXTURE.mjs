// A module that awaits at top level.
globalThis.tlaLog = (globalThis.tlaLog || []).concat("tla start");
await null;
export default await Promise.resolve(42);
export const y = await 39;
globalThis.tlaLog.push("tla end");
