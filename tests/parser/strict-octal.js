function f() { "\07"; "use strict"; }
