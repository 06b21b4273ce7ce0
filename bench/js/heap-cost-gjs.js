// heap-cost-gjs.js — the cases of heap-cost.js measured in GJS
// (SpiderMonkey), for comparison with bench/heap-cost.c.
//
//   gjs bench/js/heap-cost-gjs.js
//
// After a full collection (System.gc()), System.dumpMemoryInfo() writes
// the GC's own counters: gcBytes (the arenas in use, 4 KiB each) and
// mallocBytes (memory malloc'd for cells: slots, elements, hash tables).
// Their growth divided by n is the cost of one value.
const GLib = imports.gi.GLib;
const System = imports.system;

const dir = GLib.path_get_dirname(System.programPath);
const [, bytes] = GLib.file_get_contents(GLib.build_filenamev([dir, "heap-cost.js"]));
(0, eval)(new TextDecoder().decode(bytes));

function used() {
  System.gc();
  // dumpMemoryInfo does not overwrite a file: a new one each time.
  const [fd, infoPath] = GLib.file_open_tmp("heap-cost-gjs-XXXXXX.txt");
  GLib.close(fd);
  GLib.unlink(infoPath);
  System.dumpMemoryInfo(infoPath);
  const [, text] = GLib.file_get_contents(infoPath);
  GLib.unlink(infoPath);
  const s = new TextDecoder().decode(text);
  // The first fenced block is the GC's; others follow it.
  const start = s.indexOf("```json") + 7;
  const info = JSON.parse(s.slice(start, s.indexOf("```", start)));
  return info.gcBytes + info.mallocBytes;
}

function pad(s, n) { s = String(s); while (s.length < n) s = s + " "; return s; }
function lpad(s, n) { s = String(s); while (s.length < n) s = " " + s; return s; }

print(pad("value", 34) + " " + lpad("n", 8) + " " + lpad("bytes each", 10));
for (let k = 0; k < heapCostCount(); k++) {
  const n = heapCostPrepare(k);
  const before = used();
  heapCostFill(k);
  const after = used();
  heapCostRelease();
  print(pad(heapCostName(k), 34) + " " + lpad(n, 8) + " "
        + lpad(((after - before) / n).toFixed(1), 10));
}
