// encodeURI keeps the reserved characters; encodeURIComponent escapes them.
print(encodeURI("http://a.b/c d?e=f&g#h")); // expect: http://a.b/c%20d?e=f&g#h
print(encodeURIComponent("http://a.b/c d?e=f&g#h")); // expect: http%3A%2F%2Fa.b%2Fc%20d%3Fe%3Df%26g%23h
print(encodeURIComponent("-_.!~*'()")); // expect: -_.!~*'()
print(encodeURIComponent("\u00E9\u20AC\uD83D\uDE00")); // expect: %C3%A9%E2%82%AC%F0%9F%98%80
print(encodeURI(), encodeURI.length, encodeURIComponent.name); // expect: undefined 1 encodeURIComponent
