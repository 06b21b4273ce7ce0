// toString and valueOf want a string or a String object.
print("a".toString(), new String("b").valueOf()); // expect: a b
print(String.prototype.toString.length, String.prototype.valueOf.name); // expect: 0 valueOf
String.prototype.valueOf.call({}); // expect runtime error: TypeError: String.prototype.valueOf requires that 'this' be a String
