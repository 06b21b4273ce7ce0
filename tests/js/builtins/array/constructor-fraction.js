// A number that is not a valid length is a RangeError, whether or not new.
try { Array(1.5); } catch (e) { print(e.name); } // expect: RangeError
try { new Array(4294967296); } catch (e) { print(e.name); } // expect: RangeError
try { new Array(NaN); } catch (e) { print(e.name); } // expect: RangeError
print(Array(0).length); // expect: 0
