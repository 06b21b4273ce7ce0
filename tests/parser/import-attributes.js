// parse: module
import a from 'x.json' with { type: 'json' };
export * from 'y' with { 'type': 'json', x: 'y' };
import('z', { with: { type: 'json' } },);
