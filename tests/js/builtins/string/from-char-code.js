// fromCharCode takes each argument ToUint16.
print(String.fromCharCode()); // expect: 
print(String.fromCharCode(104, 105)); // expect: hi
print(String.fromCharCode(65536 + 65, "66")); // expect: AB
print(String.fromCharCode(0x263A).charCodeAt(0)); // expect: 9786
print(String.fromCharCode(-1).charCodeAt(0)); // expect: 65535
print(String.fromCharCode.length); // expect: 1
