// Imports are live bindings; namespaces are sorted, read-only views.
import { b, inc } from "./counter_FIXTURE.mjs";
import * as ns from "./counter_FIXTURE.mjs";
import def from "./counter_FIXTURE.mjs";
print(b, def(), Object.keys(ns).join(",")); // expect: 1 dflt b,c,default,inc
inc();
print(b, ns.b); // expect: 2 2
print(import.meta.url.endsWith("live-bindings.mjs")); // expect: true
import("./counter_FIXTURE.mjs").then(m => print("dynamic", m.b === b));
try { ns.b = 1; } catch (e) { print(e.name); } // expect: TypeError
print(this); // expect: undefined
// expect: dynamic true
