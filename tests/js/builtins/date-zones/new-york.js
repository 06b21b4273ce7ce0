// Run with TZ=America/New_York (tests/js/meson.build).
var d = new Date(2024, 2, 10, 2, 30);
// 2:30 does not exist on the spring day: it is read with the offset
// before the change, and is 3:30 daylight time.
print(d.toString()); // expect: Sun Mar 10 2024 03:30:00 GMT-0400 (EDT)
print(d.toISOString(), d.getHours()); // expect: 2024-03-10T07:30:00.000Z 3
// 1:30 happens twice on the autumn day: the first one counts.
var e = new Date(2024, 10, 3, 1, 30);
print(e.toISOString(), e.getTimezoneOffset()); // expect: 2024-11-03T05:30:00.000Z 240
print(new Date(2024, 0, 1).getTimezoneOffset(), new Date(2024, 6, 1).getTimezoneOffset()); // expect: 300 240
print(Date.parse("2024-03-10T02:30"), Date.parse("2024-11-03T01:30")); // expect: 1710055800000 1730611800000
print(Date.parse("Mar 10 2024"), Date.parse("3/10/2024 1:30 PM")); // expect: 1710046800000 1710091800000
print(Date.parse("Sun Mar 10 2024 03:30:00 GMT-0400 (EDT)")); // expect: 1710055800000
print(d.toDateString(), "|", d.toTimeString()); // expect: Sun Mar 10 2024 | 03:30:00 GMT-0400 (EDT)
print(d.toLocaleString(), "|", d.toLocaleDateString(), "|", d.toLocaleTimeString()); // expect: 3/10/2024, 3:30:00 AM | 3/10/2024 | 3:30:00 AM
var f = new Date(2000, 0, 31);
f.setMonth(1);
print(f.getMonth(), f.getDate()); // expect: 2 2
f.setHours(0, 0, 0, 0);
f.setDate(f.getDate() + 1);
print(f.getDate(), f.getHours()); // expect: 3 0
print(new Date(1e12).getYear()); // expect: 101
