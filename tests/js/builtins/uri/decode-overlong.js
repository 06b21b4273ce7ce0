// Overlong UTF-8 is not a valid encoding.
decodeURIComponent("%C0%80"); // expect runtime error: URIError: URI malformed
