// A lone surrogate has no UTF-8 encoding.
encodeURIComponent("a\uDC00"); // expect runtime error: URIError: URI malformed
