// GJS's built-in ES modules 'system' and 'gettext': the objects that
// imports.system and imports.gettext are, as the default export, and
// their properties as named exports.
import System from 'system';
import {exit, programInvocationName} from 'system';
import Gettext, {gettext as _, ngettext, pgettext} from 'gettext';
import * as gettextNs from 'gettext';

print(System === imports.system, Gettext === imports.gettext); // expect: true true
print(exit === System.exit, typeof programInvocationName);    // expect: true string
print(_('untranslated'), ngettext('one', 'many', 2));         // expect: untranslated many
print(pgettext('menu', 'Open'));                              // expect: Open
print(gettextNs.default === Gettext, typeof gettextNs.domain); // expect: true function
print(Object.keys(gettextNs).includes('textdomain'));          // expect: true
const failed = await import('system').then(m => m.default === System);
print(failed);                                                 // expect: true
try {
  await import('./fixtures/bad-system-import.mjs');
} catch (e) {
  print(e.name, e.message);                                    // expect: SyntaxError The requested module 'system' does not provide an export named 'nope'
}
