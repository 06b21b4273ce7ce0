// heap-cost.js — the values whose heap cost bench/heap-cost measures, in
// plain ES5 so that every engine compared runs the same cases.
//
// A driver (bench/heap-cost.c for gscript, bench/qv4/heap-cost-qv4.cpp
// for Qt's QML engine, bench/js/heap-cost-node.js for node and QuickJS)
// loads this file, then for each case k:
//   heapCostPrepare(k)  makes the array that will hold the values, so its
//                       own storage is allocated before the first reading;
//   (collect, read the bytes in use)
//   heapCostFill(k)     makes heapCostCases[k].n values and keeps them;
//   (collect, read again)
//   heapCostRelease()   drops them.
// The growth divided by n is what one value costs.

var heapCostCases = [
  { name: "{}", n: 100000,
    make: function (i) { return {}; } },
  { name: "{a, b, c, d}", n: 100000,
    make: function (i) { return { a: i, b: i, c: i, d: i }; } },
  { name: "array of 10 numbers", n: 100000,
    make: function (i) {
      return [i, i + 1, i + 2, i + 3, i + 4, i + 5, i + 6, i + 7, i + 8,
              i + 9];
    } },
  { name: "5-character string", n: 100000,
    make: function (i) {
      // Distinct flat strings: five base-26 digits of i.
      return String.fromCharCode(97 + i % 26, 97 + ((i / 26) | 0) % 26,
                                 97 + ((i / 676) | 0) % 26,
                                 97 + ((i / 17576) | 0) % 26,
                                 97 + ((i / 456976) | 0) % 26);
    } },
  { name: "closure (one captured variable)", n: 100000,
    make: function (i) { return function () { return i; }; } },
  { name: "Map of 1,000 numbers", n: 200,
    make: function (i) {
      var m = new Map();
      for (var j = 0; j < 1000; j++)
        m.set(j, i + j);
      return m;
    } },
];

var heapCostKeep = null;

function heapCostCount() {
  return heapCostCases.length;
}

function heapCostName(k) {
  return heapCostCases[k].name;
}

function heapCostPrepare(k) {
  var n = heapCostCases[k].n;
  heapCostKeep = new Array(n);
  for (var i = 0; i < n; i++)
    heapCostKeep[i] = null;
  return n;
}

function heapCostFill(k) {
  var c = heapCostCases[k];
  var make = c.make;
  for (var i = 0; i < c.n; i++)
    heapCostKeep[i] = make(i);
  return c.n;
}

function heapCostRelease() {
  heapCostKeep = null;
}
