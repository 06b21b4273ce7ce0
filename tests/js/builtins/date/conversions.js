var d = new Date(0);
print(d[Symbol.toPrimitive]("number"), typeof d[Symbol.toPrimitive]("default")); // expect: 0 string
print(d - 1, typeof (d + 1)); // expect: -1 string
try { d[Symbol.toPrimitive]("bogus"); } catch (e) { print(e.name); } // expect: TypeError
var desc = Object.getOwnPropertyDescriptor(Date.prototype, Symbol.toPrimitive);
print(desc.writable, desc.enumerable, desc.configurable); // expect: false false true
print(d.toJSON(), new Date(NaN).toJSON()); // expect: 1970-01-01T00:00:00.000Z null
print(JSON.stringify({ when: new Date(Date.UTC(2020, 0, 2)) })); // expect: {"when":"2020-01-02T00:00:00.000Z"}
print(Date.prototype.toJSON.call({ toISOString: function () { return "custom"; } })); // expect: custom
try { new Date(NaN).toISOString(); } catch (e) { print(e.name); } // expect: RangeError
print(Date.prototype.toGMTString === Date.prototype.toUTCString); // expect: true
