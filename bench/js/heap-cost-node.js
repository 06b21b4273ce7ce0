// heap-cost-node.js — the cases of heap-cost.js measured in node (V8) or,
// with --quickjs, in QuickJS compiled to WebAssembly (the npm package
// quickjs-emscripten), for comparison with bench/heap-cost.c.
//
//   node --expose-gc --jitless bench/js/heap-cost-node.js
//   NODE_PATH=DIR/node_modules node bench/js/heap-cost-node.js --quickjs
//
// V8: the growth of heapUsed + external after a full collection (gc()).
// QuickJS: the growth of memory_used_size (JS_ComputeMemoryUsage, which
// walks the runtime and adds up objects, shapes, property and element
// arrays with 8 bytes of malloc overhead each; the WebAssembly build has
// no malloc_size).  QuickJS frees by reference counting, so values die at
// once; the cases make no cycles.  Its WebAssembly build has 4-byte
// pointers: a native 64-bit QuickJS spends more per value.
"use strict";
const fs = require("fs");
const path = require("path");
const vm = require("vm");

const source = fs.readFileSync(path.join(__dirname, "heap-cost.js"), "utf8");

function pad(s, n) { s = String(s); while (s.length < n) s = s + " "; return s; }
function lpad(s, n) { s = String(s); while (s.length < n) s = " " + s; return s; }

function report(count, name, prepare, fill, release, used) {
  console.log(pad("value", 34) + " " + lpad("n", 8) + " " + lpad("bytes each", 10));
  for (let k = 0; k < count; k++) {
    const n = prepare(k);
    const before = used();
    fill(k);
    const after = used();
    release();
    console.log(pad(name(k), 34) + " " + lpad(n, 8) + " "
                + lpad(((after - before) / n).toFixed(1), 10));
  }
}

function runNode() {
  if (typeof gc !== "function")
    throw new Error("run node with --expose-gc");
  vm.runInThisContext(source);
  const g = globalThis;
  report(g.heapCostCount(), g.heapCostName, g.heapCostPrepare,
         g.heapCostFill, g.heapCostRelease, function () {
           gc(); gc();
           const m = process.memoryUsage();
           return m.heapUsed + m.external;
         });
}

async function runQuickJS() {
  const { getQuickJS } = require("quickjs-emscripten");
  const QuickJS = await getQuickJS();
  const rt = QuickJS.newRuntime();
  const ctx = rt.newContext();
  ctx.unwrapResult(ctx.evalCode(source)).dispose();
  function call(expr) {
    const h = ctx.unwrapResult(ctx.evalCode(expr));
    const v = ctx.dump(h);
    h.dispose();
    return v;
  }
  function used() {
    const h = rt.computeMemoryUsage();
    const m = ctx.dump(h);
    h.dispose();
    return m.memory_used_size;
  }
  report(call("heapCostCount()"),
         function (k) { return call("heapCostName(" + k + ")"); },
         function (k) { return call("heapCostPrepare(" + k + ")"); },
         function (k) { return call("heapCostFill(" + k + ")"); },
         function () { call("heapCostRelease()"); }, used);
  ctx.dispose();
  rt.dispose();
}

if (process.argv.includes("--quickjs"))
  runQuickJS().catch(function (e) { console.error(e); process.exit(1); });
else
  runNode();
