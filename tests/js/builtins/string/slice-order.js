// Arguments convert in order: start, then end.
var log = "";
"abc".slice({ valueOf() { log += "s"; return 0; } },
            { valueOf() { log += "e"; return 1; } });
print(log); // expect: se
