// An eval in a class field initializer may not name arguments.
class A {
  x = eval("typeof this");
}
print(new A().x); // expect: object
class B {
  y = () => eval("arguments");
}
new B().y(); // expect runtime error: SyntaxError
