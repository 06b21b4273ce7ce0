// parse: positions
let x = 1;
/* 😀 */ y = "é𝒳" + x;
  z
