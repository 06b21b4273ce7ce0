// The six native errors: each its own constructor and prototype, with
// name and an empty message on the prototype, and Error as parent.
var kinds = [EvalError, RangeError, ReferenceError, SyntaxError, TypeError, URIError];
var out = [];
for (var i = 0; i < kinds.length; i++) {
  var C = kinds[i];
  var e = new C("m");
  out.push(C.name + ":" + (e instanceof Error) + ":" + C.prototype.message.length
           + ":" + C.prototype.hasOwnProperty("toString"));
}
print(out.join(" ")); // expect: EvalError:true:0:false RangeError:true:0:false ReferenceError:true:0:false SyntaxError:true:0:false TypeError:true:0:false URIError:true:0:false
print(Object.prototype.toString.call(new TypeError())); // expect: [object Error]
print(Object.prototype.toString.call(TypeError.prototype)); // expect: [object Object]
// The engine's own errors are instances of them.
try { null.x; } catch (e) { print(e instanceof TypeError, e.constructor === TypeError); } // expect: true true
try { undefinedName; } catch (e) { print(e.name); } // expect: ReferenceError
try { new Array(-1); } catch (e) { print(e.name); } // expect: RangeError
try { decodeURI("%"); } catch (e) { print(e.name); } // expect: URIError
// A message that is undefined is not defined at all.
print(new RangeError(undefined).hasOwnProperty("message")); // expect: false
// A subclass keeps the chain.
class MyError extends SyntaxError { constructor(m) { super(m); this.name = "MyError"; } }
print(String(new MyError("x")), new MyError() instanceof SyntaxError); // expect: MyError: x true
Object.defineProperty(new Error(), "message", { get: 1 }); // expect runtime error: TypeError
