// next checks its receiver.
var next = ""[Symbol.iterator]().next;
next.call({}); // expect runtime error: TypeError: next method called on an incompatible receiver
