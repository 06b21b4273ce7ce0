// An infinite count is a RangeError, even for the empty string.
"".repeat(Infinity); // expect runtime error: RangeError: Invalid count value: Infinity
