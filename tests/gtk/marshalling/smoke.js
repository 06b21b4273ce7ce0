const GIM = imports.gi.GIMarshallingTests;
print(GIM.int_return_max() === 2147483647); // expect: true
