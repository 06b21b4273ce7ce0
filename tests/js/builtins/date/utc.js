// UTC fields, Date.UTC and the ISO format do not depend on the zone.
var d = new Date(Date.UTC(2024, 1, 29, 13, 45, 30, 123));
print(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), d.getUTCDay()); // expect: 2024 1 29 4
print(d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds(), d.getUTCMilliseconds()); // expect: 13 45 30 123
print(d.toISOString()); // expect: 2024-02-29T13:45:30.123Z
print(d.toUTCString()); // expect: Thu, 29 Feb 2024 13:45:30 GMT
print(d.getTime() === d.valueOf(), +d); // expect: true 1709214330123
print(Date.UTC(2000), Date.UTC(99, 11, 31, 23, 59, 59, 999), Date.UTC()); // expect: 946684800000 946684799999 NaN
print(Date.UTC(2000, 12), Date.UTC(2000, -1)); // expect: 978307200000 944006400000
print(new Date(0).toISOString(), new Date(-1).toISOString()); // expect: 1970-01-01T00:00:00.000Z 1969-12-31T23:59:59.999Z
print(new Date(8.64e15).toISOString(), new Date(-8.64e15).toISOString()); // expect: +275760-09-13T00:00:00.000Z -271821-04-20T00:00:00.000Z
print(new Date(8.64e15 + 1).getTime(), new Date(NaN).getUTCDay()); // expect: NaN NaN
print(new Date(-62198755200000).toISOString()); // expect: -000001-01-01T00:00:00.000Z
