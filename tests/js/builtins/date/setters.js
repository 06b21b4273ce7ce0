var d = new Date(Date.UTC(2000, 0, 31));
print(d.setUTCMonth(1), d.toISOString()); // expect: 951955200000 2000-03-02T00:00:00.000Z
d.setUTCFullYear(2001, 5, 15);
print(d.toISOString(), d.getUTCDay()); // expect: 2001-06-15T00:00:00.000Z 5
d.setUTCHours(25, 61, 61, 1001);
print(d.toISOString()); // expect: 2001-06-16T02:02:02.001Z
d.setUTCDate(0);
print(d.toISOString()); // expect: 2001-05-31T02:02:02.001Z
d.setUTCMinutes(-1);
print(d.toISOString()); // expect: 2001-05-31T01:59:02.001Z
d.setUTCSeconds(30, 5);
d.setUTCMilliseconds(999);
print(d.toISOString()); // expect: 2001-05-31T01:59:30.999Z
print(d.setTime(0), d.setTime(8.64e15 + 1), d.getTime()); // expect: 0 NaN NaN
// An invalid date stays invalid, except through setFullYear.
print(d.setUTCHours(1), d.setUTCMonth(1), isNaN(d.setUTCFullYear(2020))); // expect: NaN NaN false
print(d.toISOString()); // expect: 2020-01-01T00:00:00.000Z
// Arguments are all converted, even when the date is invalid.
var calls = 0;
var n = { valueOf: function () { calls++; return 1; } };
new Date(NaN).setUTCHours(n, n, n, n);
print(calls); // expect: 4
try { Date.prototype.setUTCDate.call({}, 1); } catch (e) { print(e.name); } // expect: TypeError
