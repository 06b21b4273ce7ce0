// A thrown non-error value is printed as it is.
throw { toString() { return "custom"; } }; // expect runtime error: Uncaught
