let
x = 1;
if (a) let
y = 2
let [z] = [3];
