print(typeof Date(), typeof new Date()); // expect: string object
print(new Date(0).getTime(), new Date("1970-01-01T00:00:00.005Z").getTime()); // expect: 0 5
var d = new Date(12345);
print(new Date(d).getTime()); // expect: 12345
print(new Date({ valueOf: function () { return 7; } }).getTime()); // expect: 7
print(new Date(true).getTime(), new Date(null).getTime(), new Date(undefined).getTime()); // expect: 1 0 NaN
print(new Date(1.9).getTime(), new Date(-1.9).getTime()); // expect: 1 -1
print(new Date(99, 0).getFullYear(), new Date(100, 0).getFullYear(), new Date(-1, 0).getFullYear()); // expect: 1999 100 -1
print(new Date(2000, 0, 1, 0, 0, 0, 0).getDate(), new Date(2000, 11, 32).getMonth()); // expect: 1 0
print(new Date(NaN) + ""); // expect: Invalid Date
print(Object.prototype.toString.call(new Date(0)), Object.prototype.toString.call(Date.prototype)); // expect: [object Date] [object Object]
print(Date.length, Date.name, Date.UTC.length, Date.prototype.setHours.length); // expect: 7 Date 7 4
try { Date.prototype.getTime.call({}); } catch (e) { print(e.name); } // expect: TypeError
print(typeof Date.now(), Date.now() > 1.6e12); // expect: number true
