// decodeURI keeps the escapes of reserved characters.
print(decodeURI("a%20b%2Fc%3F%41")); // expect: a b%2Fc%3FA
print(decodeURIComponent("a%20b%2Fc%3F%41")); // expect: a b/c?A
print(decodeURIComponent("%C3%A9%e2%82%ac") === "\u00E9\u20AC"); // expect: true
print(decodeURIComponent("%F0%9F%98%80") === "\uD83D\uDE00"); // expect: true
print(decodeURI("%23"), decodeURIComponent("%23")); // expect: %23 #
print(decodeURI.length, decodeURIComponent.name); // expect: 1 decodeURIComponent
