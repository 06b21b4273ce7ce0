// An unknown namespace is an Error, thrown where the script asks.
try {
  imports.gi.NoSuchNamespace;
} catch (e) {
  print(e instanceof Error);  // expect: true
  print(e.message); // expect: Requiring NoSuchNamespace, version none: Typelib file for namespace 'NoSuchNamespace' (any version) not found
}
imports.gi.versions.GLib = '1.0';
try {
  imports.gi.GLib;
} catch (e) {
  print(e.message.startsWith('Requiring GLib, version 1.0:')); // expect: true
}
imports.gi.Nope; // expect runtime error: Error: Requiring Nope, version none
