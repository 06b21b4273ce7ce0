var n = BigInt;
try { n(1) + 1; } catch (e) { print(e.name); } // expect: TypeError
try { n(1) / n(0); } catch (e) { print(e.name); } // expect: RangeError
try { n(1) % n(0); } catch (e) { print(e.name); } // expect: RangeError
try { n(2) ** n(-1); } catch (e) { print(e.name); } // expect: RangeError
try { new BigInt(1); } catch (e) { print(e.name); } // expect: TypeError
try { n(1.5); } catch (e) { print(e.name); } // expect: RangeError
try { n("1.5"); } catch (e) { print(e.name); } // expect: SyntaxError
try { n(undefined); } catch (e) { print(e.name); } // expect: TypeError
try { n(Symbol()); } catch (e) { print(e.name); } // expect: TypeError
try { +n(1); } catch (e) { print(e.name); } // expect: TypeError
try { Math.abs(n(1)); } catch (e) { print(e.name); } // expect: TypeError
try { n(2) ** n(2) ** n(40); } catch (e) { print(e.name); } // expect: RangeError
