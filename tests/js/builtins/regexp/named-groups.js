// Named groups fill a null-prototype groups object; \k refers to them,
// before or after the group.
var m = new RegExp("(?<year>\\d{4})-(?<month>\\d{2})").exec("on 2024-05!");
print(m.groups.year, m.groups.month); // expect: 2024 05
print(Object.getPrototypeOf(m.groups)); // expect: null
print(Object.keys(m.groups).join()); // expect: year,month
print(new RegExp("(?<q>['\"]).*?\\k<q>").exec("say 'hi\" there'")[0]); // expect: 'hi" there'
var u = new RegExp("(?<\\u{1d4d1}>x)", "u").exec("x");
print(Object.keys(u.groups)[0].length); // expect: 2
