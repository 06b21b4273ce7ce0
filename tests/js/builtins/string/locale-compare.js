// localeCompare orders by code point and equates canonical equivalents.
print("a".localeCompare("b"), "b".localeCompare("a"), "a".localeCompare("a")); // expect: -1 1 0
print("\u00E9".localeCompare("e\u0301")); // expect: 0
print("\u212B".localeCompare("A\u030A")); // expect: 0
print("\uFFFF".localeCompare("\uD83D\uDE00")); // expect: -1
print("a".localeCompare("ab"), "".localeCompare("")); // expect: -1 0
print("a".localeCompare.length); // expect: 1
