// f.call and f.apply of a script function run f directly; what f sees
// must be what the built-ins would have given it.
function show() {
  "use strict";
  return typeof this + ":" + String(this) + ":" + arguments.length + ":"
         + Array.prototype.join.call(arguments, ",");
}
print(show.call(1, 2, 3)); // expect: number:1:2:2,3
print(show.call()); // expect: undefined:undefined:0:
print(show.apply("s", [4, 5])); // expect: string:s:2:4,5
print(show.apply(null)); // expect: object:null:0:
print(show.apply(undefined, undefined)); // expect: undefined:undefined:0:
function sloppy() { return typeof this + (this === globalThis ? " global" : ""); }
print(sloppy.call(null), sloppy.call(7), sloppy.apply(undefined, [])); // expect: object global object object global
function args(a, b) { return a + b + arguments.length; }
print(args.call(null, 1, 2, 3)); // expect: 6
print(args.apply(null, [1])); // expect: NaN
function viaArguments() { return args.apply(this, arguments); }
print(viaArguments(10, 20)); // expect: 32
print(args.apply(null, [1, , 3])); // expect: NaN
print(args.apply(null, { length: 2, 0: 5, 1: 6 })); // expect: 13
try { args.apply(null, 3); } catch (e) { print(e.constructor.name); } // expect: TypeError
class K {}
try { K.call({}); } catch (e) { print(e.constructor.name); } // expect: TypeError
try { K.apply({}, []); } catch (e) { print(e.constructor.name); } // expect: TypeError
function target() { return new.target === undefined; }
print(target.call(), target.apply()); // expect: true true
function thrower() { throw new Error("inner"); }
try { thrower.call(null); } catch (e) { print(e.message); } // expect: inner
function deep(n) { return n === 0 ? "bottom" : deep.call(null, n - 1); }
print(deep(5000)); // expect: bottom
function forever() { return forever.apply(null, arguments); }
try { forever(1); } catch (e) { print(e.constructor.name); } // expect: RangeError
var o = { m: function (x) { return this.v + x; }, v: 40 };
print(o.m.call(o, 2), o.m.apply({ v: 1 }, [1])); // expect: 42 2
var bound = show.bind("b", 1);
print(bound.call("ignored", 2)); // expect: string:b:2:1,2
print(Function.prototype.call.call(show, 9, 8)); // expect: number:9:1:8
