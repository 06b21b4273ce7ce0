// parse: module
import def, * as ns from "a";
import { x, y as z, "a b" as w } from "b";
import "c";
export default function () {}
export { x as "x y", z };
export * from "d";
export * as e from "e";
export * as "f g" from "f";
export { "s" as t } from "g";
export const k = 1, [l] = [2];
export class C {}
export async function af() { await import.meta; }
await import("h");
for await (const v of w);
