// Methods require a this that is not null or undefined.
String.prototype.trim.call(null); // expect runtime error: TypeError: String.prototype.trim called on null or undefined
