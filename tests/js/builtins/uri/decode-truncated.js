// An escape needs two hex digits.
decodeURIComponent("%4"); // expect runtime error: URIError: URI malformed
