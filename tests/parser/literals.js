[0, 1.5, .5, 5., 1e3, 1E-3, 0x1F, 0o17, 0b101, 1_000_000, 0.000_1, 017, 08, 09.5];
[10n, 0x1Fn, 0o7n, 0b1n, 1_0n, 0n];
["a\tb", 'c\'d', "\x41\u0042\u{1F600}\u{43}", "\0", "\101", "\8", "line\
continued", "\uD800"];
`plain`;
`a${b}c${d}e`;
tag`\unicode and \xerror ${1}`;
/ab+c/gi;
/[/]\//u;
x = a / b / c;
