import type { UI } from './types';
/* block */
export const ui: Record<string, string> = {
	home: 'Home', // trailing
	"quoted.key": "Quoted",
	nested: { a: `template`, b: ['x', 'y',], },
	42: 'number key',
} satisfies UI;
