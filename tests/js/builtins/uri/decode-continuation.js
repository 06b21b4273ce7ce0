// Every byte after the first must be a continuation byte.
var caught = [];
for (var s of ["%C3%41", "%E2%82", "%80", "%F8%80%80%80%80", "%F4%90%80%80"]) {
  try { decodeURIComponent(s); caught.push("no"); }
  catch (e) { caught.push(e.name); }
}
print(caught.length, caught[0], caught[1], caught[2], caught[3], caught[4]); // expect: 5 URIError URIError URIError URIError URIError
