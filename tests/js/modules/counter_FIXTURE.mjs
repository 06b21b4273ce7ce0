export let b = 1;
export function inc() { b++; }
export default function () { return "dflt"; }
export * from "./const_FIXTURE.mjs";
