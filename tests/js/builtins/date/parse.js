// The spec's format: date-only forms are UTC.
print(Date.parse("2000-01-01"), Date.parse("2000-01"), Date.parse("2000")); // expect: 946684800000 946684800000 946684800000
print(Date.parse("2000-01-01T10:00Z"), Date.parse("2000-01-01T10:00:00.123456Z")); // expect: 946720800000 946720800123
print(Date.parse("1970-01-01T00:00:00+01:00"), Date.parse("+002000-01-01T00:00:00Z")); // expect: -3600000 946684800000
print(Date.parse("2000-01-01T24:00:00Z"), Date.parse("2000-01-01T24:00:01Z")); // expect: 946771200000 NaN
print(Date.parse("-000000-01-01T00:00:00Z"), Date.parse("2000-13-01"), Date.parse("2019-02-30")); // expect: NaN NaN NaN
print(Date.parse("2000-01-01T1:00"), Date.parse("foo"), Date.parse("")); // expect: NaN NaN NaN
// Legacy forms with a zone.
print(Date.parse("Thu, 01 Jan 1970 00:00:00 GMT-0500")); // expect: 18000000
print(Date.parse("Jan 1 1970 00:00:00 UTC"), Date.parse("1 January 2000 UTC")); // expect: 0 946684800000
print(Date.parse("10 Mar 2024 10:00 GMT+0100")); // expect: 1710061200000
print(Date.parse("Sat, 01 Jan 2000 00:00:00 GMT")); // expect: 946684800000
// Every form toUTCString and toISOString produce reads back.
var t = Date.UTC(-1199, 1, 15, 14, 13, 20);
var d = new Date(t);
print(Date.parse(d.toUTCString()) === t, Date.parse(d.toISOString()) === t); // expect: true true
print(Date.parse(d.toString()) === t); // expect: true
