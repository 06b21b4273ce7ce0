// Runs without waiting for its sibling that awaits.
globalThis.tlaLog = (globalThis.tlaLog || []).concat("sibling");
