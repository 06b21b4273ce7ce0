// Encoded surrogates are not valid UTF-8.
decodeURI("%ED%A0%80"); // expect runtime error: URIError: URI malformed
