// Direct eval sees its caller's this, new.target and super.
var o = {
  m() { return eval("super.hello()"); },
  a() { return (() => eval("super.hello()"))(); },
};
Object.setPrototypeOf(o, { hello() { return "hi"; } });
print(o.m(), o.a()); // expect: hi hi

function nt() { return eval("new.target"); }
print(nt() === undefined, new nt() === nt); // expect: true true
function ntArrow() { return (() => eval("new.target"))(); }
print(typeof new ntArrow()); // expect: function

(function () {
  print(eval("'use strict'; this") === globalThis); // expect: true
})();
var self = { f() { return eval("this"); } };
print(self.f() === self); // expect: true

// eval(...spread) is direct.
var v = "global";
(function () {
  var v = "local";
  eval(...["v = 0"]);
  print(v); // expect: 0
})();
print(v); // expect: global

// An eval found on a with object is called with it as this.
var w = { eval() { return this === w; } };
with (w) print(eval("1")); // expect: true

// In an arrow outside any function, new.target is a SyntaxError.
var topArrow = () => eval("new.target");
topArrow(); // expect runtime error: SyntaxError
