// Importing a name a module does not export is a SyntaxError at link time.
import { nope } from "./const_FIXTURE.mjs"; // expect runtime error: SyntaxError: The requested module
print("never");
