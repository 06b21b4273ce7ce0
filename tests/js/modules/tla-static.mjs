// A module importing one that awaits at top level runs after it; a
// sibling import does not wait for it.
import v, { y } from "./tla_FIXTURE.mjs";
import "./sibling_FIXTURE.mjs";
print(globalThis.tlaLog.join()); // expect: tla start,sibling,tla end
print(v, y); // expect: 42 39
