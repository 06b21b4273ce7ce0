// A static import of an unknown namespace fails the module.
import Nope from 'gi://NoSuchNamespace?version=1.0'; // expect runtime error: Requiring NoSuchNamespace, version 1.0
print('not reached');
