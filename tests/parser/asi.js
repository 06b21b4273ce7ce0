a
++b
return_like: {
  x
  (y)
}
var c = 1
var d = c
/2/i
do x; while (0) y
function f() {
  return
  1
}
throw_ok: for (;;) { break throw_ok
}
let
z = 3
